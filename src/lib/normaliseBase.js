/**
 * Normalises a base path to `/` or `/a/b/`. The one rule for BASE_PATH, in plain
 * JavaScript so Node scripts (scripts/build.js, deploy/serve-nginx.js) import it as it
 * is, and the app through src/lib/routes.ts.
 * @param {string} base
 * @returns {string}
 */
export function normaliseBase(base) {
  const inner = base.replace(/^\/+|\/+$/g, '');
  return inner ? `/${inner}/` : '/';
}
