import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { safeMdsvex } from './src/lib/content/compileProse.js';

/** The site's base path, `/` or `/sub/path/` (set BASE_PATH when building for a sub-path). */
const base = `/${(process.env.BASE_PATH ?? '/').replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');

export default {
  extensions: ['.svelte', '.md'],
  // Prose goes through mdsvex and a check of what it compiled to (only static, allowed
  // markup) before Svelte compiles, let alone runs, any of it.
  preprocess: [safeMdsvex({ base }), vitePreprocess()],
  compilerOptions: {
    // A code block in prose is a <pre tabindex="0">: a long line scrolls it sideways, and
    // a keyboard must be able to reach it to scroll (axe: scrollable-region-focusable).
    // Svelte's rule against a tab stop on a non-interactive element is right elsewhere.
    warningFilter: (w) =>
      !(w.code === 'a11y_no_noninteractive_tabindex' && w.filename?.endsWith('.md'))
  },
  vitePlugin: {
    dynamicCompileOptions({ filename }) {
      // mdsvex emits legacy Svelte syntax; everything of ours is runes.
      if (filename.endsWith('.md')) return { runes: false };
      if (!filename.includes('/node_modules/')) return { runes: true };
    }
  }
};
