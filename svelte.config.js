import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { mdsvex } from 'mdsvex';

/** The site's base path, `/` or `/sub/path/` (set BASE_PATH when building for a sub-path). */
const base = `/${(process.env.BASE_PATH ?? '/').replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');

/** Prefixes site-absolute links in prose (`/topics/x/`) with the base path. */
function rehypeBasePath() {
  return (tree) => {
    const walk = (node) => {
      const href = node.properties?.href;
      if (node.tagName === 'a' && typeof href === 'string' && /^\/(?!\/)/.test(href))
        node.properties.href = base + href.slice(1);
      node.children?.forEach(walk);
    };
    walk(tree);
  };
}

export default {
  extensions: ['.svelte', '.md'],
  preprocess: [mdsvex({ extensions: ['.md'], rehypePlugins: [rehypeBasePath] }), vitePreprocess()],
  vitePlugin: {
    dynamicCompileOptions({ filename }) {
      // mdsvex emits legacy Svelte syntax; everything of ours is runes.
      if (filename.endsWith('.md')) return { runes: false };
      if (!filename.includes('/node_modules/')) return { runes: true };
    }
  }
};
