// What the map route (`index.html`) makes a browser download before it can run: the
// HTML itself, its stylesheets, its classic and module scripts, every modulepreload,
// and every chunk those statically import (transitively). Dynamic `import()` targets
// are not first load. Also finds the chunk that holds pdf-lib, so a budget can say
// "never in the first load". Used by the benchmark and by the CI size budget.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, posix } from 'node:path';

const gz = (bytes) => gzipSync(bytes, { level: 9 }).length;

/** `src`/`href` of a tag's attribute, or undefined. */
const attr = (tag, name) => new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag)?.slice(1).find((x) => x !== undefined);

/** Scripts, module preloads and stylesheets referenced by an HTML document's tags. */
export function htmlReferences(html) {
  const scripts = [];
  const preloads = [];
  const styles = [];
  for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
    const src = attr(tag, 'src');
    if (src) scripts.push(src);
  }
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const rel = (attr(tag, 'rel') ?? '').toLowerCase().split(/\s+/);
    const href = attr(tag, 'href');
    if (!href) continue;
    if (rel.includes('modulepreload')) preloads.push(href);
    else if (rel.includes('stylesheet')) styles.push(href);
  }
  return { scripts, preloads, styles };
}

/**
 * Relative chunk paths a JS chunk imports statically (`import ... from "./x.js"`,
 * `import "./x.js"`, `export ... from "./x.js"`), not `import("./x.js")`.
 */
export function staticImports(code) {
  const out = new Set();
  const re = /(?:\bimport|\bexport)\s*(?:[\w*$\s{},]*?\bfrom\s*)?(["'])(\.{1,2}\/[^"']+)\1/g;
  for (const m of code.matchAll(re)) {
    if (code[m.index - 1] === '.') continue; // a property named import or export
    out.add(m[2]);
  }
  return [...out];
}

/** Chunks under `assets/` that contain pdf-lib (its own source markers). */
export function findPdfChunks(dist) {
  const dir = join(dist, 'assets');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.js'))
    .filter((f) => {
      const code = readFileSync(join(dir, f), 'latin1');
      // pdf-lib: its class names (kept in error messages) and its file writer's keyword.
      return code.includes('PDFDocument') && code.includes('startxref');
    })
    .map((f) => `assets/${f}`);
}

// Svelte's development build: its runtime's warning prefix and the symbols only the dev
// runtime and dev-compiled components use. A production bundle has none of them.
const SVELTE_DEV_MARKERS = [/%c\[svelte\] /, /Symbol\(["'`](?:filename|hmr anchor)["'`]\)/];

/** True when a JS chunk holds Svelte's development runtime or dev-compiled components. */
export function isSvelteDevCode(code) {
  return SVELTE_DEV_MARKERS.some((re) => re.test(code));
}

/**
 * Measures the first load of `dist/<page>` (default the map route, `index.html`):
 * bytes raw and gzip (level 9) for HTML, CSS and JS, every file with its reason, and
 * whether any pdf-lib chunk or Svelte development code is in it. Paths in the result are relative to `dist`.
 */
export function analyseFirstLoad(dist, page = 'index.html') {
  const htmlFile = join(dist, page);
  const html = readFileSync(htmlFile);
  const refs = htmlReferences(html.toString('utf8'));
  const local = (url) => (/^(?:[a-z]+:)?\/\//i.test(url) ? undefined : url.replace(/^\//, '').replace(/[?#].*$/, ''));
  const files = new Map(); // path -> { kind, via, raw, gzip }
  const add = (path, kind, via) => {
    if (!path || files.has(path) || !existsSync(join(dist, path))) return false;
    const bytes = readFileSync(join(dist, path));
    const dev = kind === 'js' && isSvelteDevCode(bytes.toString('utf8'));
    files.set(path, { path, kind, via, raw: bytes.length, gzip: gz(bytes), dev });
    return true;
  };
  const queue = [];
  for (const s of refs.scripts) if (add(local(s), 'js', 'script')) queue.push(local(s));
  for (const s of refs.preloads) if (add(local(s), 'js', 'modulepreload')) queue.push(local(s));
  for (const s of refs.styles) add(local(s), 'css', 'stylesheet');
  while (queue.length) {
    const at = queue.shift();
    if (!at.endsWith('.js')) continue;
    for (const rel of staticImports(readFileSync(join(dist, at), 'utf8'))) {
      const path = posix.normalize(posix.join(posix.dirname(at), rel));
      if (add(path, 'js', `static import from ${at}`)) queue.push(path);
    }
  }
  const list = [...files.values()];
  const sum = (kind, key) => list.filter((f) => f.kind === kind).reduce((s, f) => s + f[key], 0);
  const pdfChunks = findPdfChunks(dist);
  const pdfInFirstLoad = pdfChunks.filter((c) => files.has(c));
  const pdfChunkBytes = pdfChunks.reduce(
    (acc, c) => {
      const b = readFileSync(join(dist, c));
      return { raw: acc.raw + b.length, gzip: acc.gzip + gz(b) };
    },
    { raw: 0, gzip: 0 }
  );
  const js = { raw: sum('js', 'raw'), gzip: sum('js', 'gzip') };
  const css = { raw: sum('css', 'raw'), gzip: sum('css', 'gzip') };
  const htmlBytes = { raw: html.length, gzip: gz(html) };
  return {
    page,
    html: htmlBytes,
    css,
    js,
    total: { raw: htmlBytes.raw + css.raw + js.raw, gzip: htmlBytes.gzip + css.gzip + js.gzip },
    files: list,
    pdfChunks,
    pdfChunkBytes,
    pdfInFirstLoad,
    // First-load chunks built in development mode (Svelte's dev runtime): should be none.
    devChunks: list.filter((f) => f.dev).map((f) => f.path),
    // What the first load would weigh if the PDF chunk were (wrongly) part of it.
    withPdf: {
      raw: htmlBytes.raw + css.raw + js.raw + (pdfInFirstLoad.length ? 0 : pdfChunkBytes.raw),
      gzip: htmlBytes.gzip + css.gzip + js.gzip + (pdfInFirstLoad.length ? 0 : pdfChunkBytes.gzip)
    }
  };
}
