import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';
import { defineConfig } from 'vitest/config';
import { contentPlugin, contentDir } from './scripts/contentPlugin.ts';
import { normaliseBase } from './src/lib/routes.ts';

const base = normaliseBase(process.env.BASE_PATH ?? '/');

export default defineConfig({
  base,
  plugins: [svelte(), contentPlugin()],
  server: { fs: { allow: ['.', contentDir()] } },
  build: {
    target: 'es2022',
    assetsInlineLimit: 0,
    rolldownOptions: {
      output: {
        // Everything the entry imports statically (the map's first load) goes into one
        // chunk, `map-*.js`. Left to itself, Rolldown splits it by which lazy chunks
        // share each module (the topic route, the PDF dialog...), and several small
        // chunks gzip worse than one: about 1.7 KB more over the same code. Lazy chunks
        // import what they share from it, and it holds the entry, so src/main.ts must
        // not await a lazy chunk at its top level (see there). `npm run budget`
        // measures the result; tests/e2e cover the lazy parts.
        codeSplitting: { groups: [{ name: 'map', tags: ['$initial'] }] }
      }
    }
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000
        }
      },
      {
        extends: true,
        plugins: [svelteTesting()],
        test: {
          name: 'component',
          include: ['tests/component/**/*.test.ts'],
          environment: 'jsdom',
          // Browser builds of Svelte and friends, only where there is a DOM.
          setupFiles: ['tests/component/setup.ts']
        }
      }
    ]
  }
});
