// CI size budget for the map route (sizes, never timings):
//   - first-load JS (scripts, modulepreloads and their static imports) <= 60 KB gzip;
//   - the PDF chunk (pdf-lib) is not in the first load: not referenced by index.html's
//     script or modulepreload tags, not statically imported by the entry;
//   - the first load is a production build: no Svelte dev runtime or dev-compiled component;
//   - prerendered map HTML <= 150 KB gzip.
// Exit 0 when every budget holds, 1 when one fails (or dist is missing).
//
//   node scripts/bench/budget.js [--dist DIR] [--budget-js=KB] [--budget-html=KB] [--json]
// The --budget-* flags override the limits (a dry run with --budget-js=1 must fail).
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyseFirstLoad } from './firstLoad.js';

export const BUDGETS = { jsGzipKB: 60, htmlGzipKB: 150 };

const kb = (b) => `${(b / 1024).toFixed(1)} KB`;

/**
 * Checks a first-load analysis against the limits; returns one row per budget with
 * `ok`, the measured value and the limit, and a message naming what is over.
 */
export function checkBudgets(load, limits = BUDGETS) {
  const pdfRefs = load.files.filter((f) => load.pdfInFirstLoad.includes(f.path));
  return [
    {
      name: 'first-load JS of the map route (gzip)',
      ok: load.js.gzip <= limits.jsGzipKB * 1024,
      actual: kb(load.js.gzip),
      limit: `${limits.jsGzipKB} KB`,
      detail: load.files
        .filter((f) => f.kind === 'js')
        .map((f) => `${f.path} ${kb(f.gzip)} (${f.via})`)
        .join('; ')
    },
    {
      name: 'PDF chunk (pdf-lib) not in the first load',
      ok: load.pdfChunks.length > 0 && pdfRefs.length === 0,
      actual: load.pdfChunks.length === 0 ? 'no pdf-lib chunk found in assets/' : pdfRefs.length ? pdfRefs.map((f) => `${f.path} via ${f.via}`).join('; ') : 'lazy',
      limit: 'lazy (loaded on export only)',
      detail: load.pdfChunks.join(', ')
    },
    {
      name: 'first-load JS is a production build (no Svelte dev code)',
      ok: load.devChunks.length === 0,
      actual: load.devChunks.length ? `dev code in ${load.devChunks.join(', ')}` : 'production',
      limit: 'production',
      detail: 'built with NODE_ENV other than production? (vite builds dev Svelte then)'
    },
    {
      name: 'prerendered map HTML (gzip)',
      ok: load.html.gzip <= limits.htmlGzipKB * 1024,
      actual: kb(load.html.gzip),
      limit: `${limits.htmlGzipKB} KB`,
      detail: `${load.page} ${kb(load.html.raw)} raw`
    }
  ];
}

function parseArgs(args) {
  const get = (name) => {
    const i = args.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
    if (i < 0) return undefined;
    return args[i].includes('=') ? args[i].slice(args[i].indexOf('=') + 1) : args[i + 1];
  };
  const num = (name, dflt) => {
    const v = get(name);
    if (v === undefined) return dflt;
    const n = Number(v);
    if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} must be a number of KB (got "${v}")`);
    return n;
  };
  return {
    dist: resolve(get('dist') ?? 'dist'),
    limits: { jsGzipKB: num('budget-js', BUDGETS.jsGzipKB), htmlGzipKB: num('budget-html', BUDGETS.htmlGzipKB) },
    json: args.includes('--json')
  };
}

/** Runs the budget check as the CLI does; returns the exit code. */
export function main(args, log = console.log) {
  let opts;
  try {
    opts = parseArgs(args);
  } catch (e) {
    log(`size budget: ${/** @type {Error} */ (e).message}`);
    return 1;
  }
  if (!existsSync(join(opts.dist, 'index.html'))) {
    log(`size budget: FAIL: no ${join(opts.dist, 'index.html')} (build first)`);
    return 1;
  }
  const rows = checkBudgets(analyseFirstLoad(opts.dist), opts.limits);
  if (opts.json) log(JSON.stringify(rows));
  else
    for (const r of rows)
      log(`size budget: ${r.ok ? 'ok  ' : 'FAIL'} ${r.name}: ${r.actual} (limit ${r.limit})${r.ok ? '' : `\n    ${r.detail}`}`);
  return rows.every((r) => r.ok) ? 0 : 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exit(main(process.argv.slice(2)));
