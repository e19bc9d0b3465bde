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
  build: { target: 'es2022', assetsInlineLimit: 0 },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node', testTimeout: 60_000 }
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
