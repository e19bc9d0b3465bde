import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './tests/support/chromium.ts';
import { NGINX_PORT, SUBPATH, SUBPATH_PORT } from './tests/e2e-nginx/servers.ts';

// The built site served by Debian's nginx with deploy/nginx.conf (via deploy/serve-nginx.js),
// once from dist/ at the root and once built with BASE_PATH into a temp folder and served
// under a sub-path. `npm test` builds dist/ first; NGINX_DIST points at another build.
const dist = process.env.NGINX_DIST ?? 'dist';
const subpathDist = join(tmpdir(), `deployment-map-e2e-subpath-${SUBPATH_PORT}`, 'site');
const stop = { signal: 'SIGTERM', timeout: 5_000 } as const;

export default defineConfig({
  testDir: 'tests/e2e-nginx',
  outputDir: 'test-results/e2e-nginx',
  timeout: 30_000,
  retries: 0,
  workers: 2,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e-nginx.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${NGINX_PORT}`,
    launchOptions: chromiumLaunchOptions
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: [
    {
      command: `node deploy/serve-nginx.js --dist ${dist} --port ${NGINX_PORT}`,
      url: `http://127.0.0.1:${NGINX_PORT}/`,
      reuseExistingServer: false,
      timeout: 30_000,
      gracefulShutdown: stop
    },
    {
      command:
        `node scripts/build.js && ` +
        `node deploy/serve-nginx.js --dist ${subpathDist} --port ${SUBPATH_PORT} --base ${SUBPATH}`,
      env: {
        BASE_PATH: SUBPATH,
        OUT_DIR: subpathDist,
        SITE_URL: `http://127.0.0.1:${SUBPATH_PORT}${SUBPATH}`,
        VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true'
      },
      url: `http://127.0.0.1:${SUBPATH_PORT}${SUBPATH}`,
      reuseExistingServer: false,
      timeout: 180_000,
      gracefulShutdown: stop
    }
  ]
});
