// The one rule for URLs in prose, used by the markdown check (validateContent) and by the
// check of the compiled component (compileProse). Plain JavaScript with JSDoc types:
// svelte.config.js, which Node loads without a TypeScript step, needs it too.

/**
 * The URL as a browser reads it: tabs and newlines anywhere are dropped and leading or
 * trailing spaces and control characters trimmed, so `java\tscript:` is `javascript:`.
 * Character references are already decoded by both parsers.
 * @param {string} url
 */
function asBrowserReads(url) {
  // eslint-disable-next-line no-control-regex
  return url.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
}

/** A path on this site: `/x`, never `//host` or `/\host` (both leave the site). */
const SITE_PATH = /^\/(?![/\\])/;

/**
 * Why a link target is refused, or undefined when it is allowed: `http(s)://`, `mailto:`,
 * a site path (`/topics/x/`) or an `#anchor`. `//host/` is another site, so it must be
 * written with its scheme.
 * @param {string} url
 * @returns {string | undefined}
 */
export function linkUrlProblem(url) {
  const u = asBrowserReads(url);
  if (/^(?:https?:\/\/|mailto:)/i.test(u) || SITE_PATH.test(u) || u.startsWith('#')) return undefined;
  const shown = JSON.stringify(url.slice(0, 60));
  if (/^[/\\]{2}/.test(u)) return `link ${shown} leaves the site without a scheme: write https://…`;
  return `link ${shown} is not allowed: use http(s), mailto, a site path (/…) or #anchor`;
}

/**
 * Why an image source is refused, or undefined when it is a path on this site: images are
 * served by the site itself (no other host, no `data:` URL).
 * @param {string} url
 * @returns {string | undefined}
 */
export function imageUrlProblem(url) {
  if (SITE_PATH.test(asBrowserReads(url))) return undefined;
  return `image ${JSON.stringify(url.slice(0, 60))} is not allowed: images must be site paths (/…), not other hosts or data: URLs`;
}
