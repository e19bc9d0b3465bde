// @vitest-environment node
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkBudgets } from '../../scripts/bench/budget.js';
import { analyseFirstLoad, isSvelteDevCode, staticImports } from '../../scripts/bench/firstLoad.js';

interface Row {
  name: string;
  ok: boolean;
}

// Pseudo-random base-36 text: gzip keeps about two thirds of it, so sizes are predictable.
function noise(bytes: number, seed = 1): string {
  let x = seed;
  let s = '';
  while (s.length < bytes) {
    x = (Math.imul(x, 1103515245) + 12345) | 0;
    s += (x >>> 8).toString(36);
  }
  return s.slice(0, bytes);
}

/** A tiny built site: entry + shared chunk (static), page chunk and pdf chunk (lazy). */
function fixture(
  opts: {
    entryKB?: number;
    htmlKB?: number;
    preloadPdf?: boolean;
    importPdf?: boolean;
    devShared?: boolean;
  } = {}
) {
  const dist = mkdtempSync(join(tmpdir(), 'dm-budget-'));
  mkdirSync(join(dist, 'assets'));
  const pdf = `export class PDFDocument{};const t="startxref";/*${noise(4000, 7)}*/`;
  writeFileSync(join(dist, 'assets/pdf-AAA.js'), pdf);
  // What Svelte's dev runtime carries (a production runtime has no `%c[svelte]` warnings).
  const dev = opts.devShared
    ? 'var F=Symbol(`filename`);console.warn(`%c[svelte] await_waterfall`);'
    : '';
  writeFileSync(join(dist, 'assets/shared-BBB.js'), `${dev}export const s=1;/*${noise(2000, 3)}*/`);
  writeFileSync(join(dist, 'assets/page-CCC.js'), `export default 1;/*${noise(50_000, 5)}*/`);
  writeFileSync(
    join(dist, 'assets/index-DDD.js'),
    `import{s as a}from"./shared-BBB.js";${opts.importPdf ? 'import"./pdf-AAA.js";' : ''}` +
      `const p=()=>import("./page-CCC.js"),q=()=>import("./pdf-AAA.js");x.import("./nope.js");/*${noise((opts.entryKB ?? 10) * 1024, 9)}*/`
  );
  writeFileSync(join(dist, 'assets/index-EEE.css'), 'body{margin:0}');
  writeFileSync(
    join(dist, 'index.html'),
    `<!doctype html><html><head><script type="module" crossorigin src="/assets/index-DDD.js"></script>` +
      `${opts.preloadPdf ? '<link rel="modulepreload" crossorigin href="/assets/pdf-AAA.js">' : ''}` +
      `<link rel="stylesheet" crossorigin href="/assets/index-EEE.css"></head><body><svg>${noise((opts.htmlKB ?? 5) * 1024, 11)}</svg></body></html>`
  );
  return dist;
}

const cli = (args: string[]) =>
  spawnSync(process.execPath, ['scripts/bench/budget.js', ...args], {
    encoding: 'utf8',
    timeout: 30_000
  });

describe('first-load analysis', () => {
  it('follows static imports but not dynamic import() or property calls', () => {
    expect(
      staticImports(
        'import{a as b}from"./x.js";import"./y.js";export{c}from"./z.js";import("./lazy.js");o.import("./no.js")'
      )
    ).toEqual(['./x.js', './y.js', './z.js']);
  });

  it.each([
    ['a dev runtime warning', 'console.warn(`%c[svelte] x\\n%cmessage`,a,b)', true],
    ['the dev runtime filename symbol', 'var be=Symbol(`filename`)', true],
    ['the dev HMR anchor symbol', "var ge=Symbol('hmr anchor')", true],
    [
      'a production runtime warning',
      'console.warn(`https://svelte.dev/e/hydration_mismatch`)',
      false
    ],
    ['a production runtime symbol', 'var oe=Symbol(`$state`)', false]
  ])('tells Svelte dev code from production code: %s', (_name, code, dev) => {
    expect(isSvelteDevCode(code)).toBe(dev);
  });

  it('counts the entry, its static imports and the stylesheet; lazy chunks stay out', () => {
    const load = analyseFirstLoad(fixture());
    const paths = load.files.map((f: { path: string }) => f.path).sort();
    expect(paths).toEqual(['assets/index-DDD.js', 'assets/index-EEE.css', 'assets/shared-BBB.js']);
    expect(load.pdfChunks).toEqual(['assets/pdf-AAA.js']);
    expect(load.pdfInFirstLoad).toEqual([]);
    expect(load.withPdf.gzip).toBeGreaterThan(load.total.gzip);
  });
});

describe('size budget', () => {
  const failing = (dist: string) =>
    (checkBudgets(analyseFirstLoad(dist)) as Row[]).filter((r) => !r.ok).map((r) => r.name);

  it('passes a small site', () => {
    expect(failing(fixture())).toEqual([]);
  });

  it.each([
    ['first-load JS over 60 KB gzip', { entryKB: 120 }, /first-load JS/],
    ['the PDF chunk preloaded by index.html', { preloadPdf: true }, /PDF chunk/],
    ['the PDF chunk statically imported by the entry', { importPdf: true }, /PDF chunk/],
    ['map HTML over 150 KB gzip', { htmlKB: 300 }, /map HTML/],
    [
      'a first-load chunk built with Svelte in development mode',
      { devShared: true },
      /production build/
    ]
  ])('fails on %s', (_name, opts, which) => {
    const names = failing(fixture(opts));
    expect(names).toHaveLength(1);
    expect(names[0]).toMatch(which);
  });

  it('fails from the command line, as CI runs it, when a limit is lowered (--budget-js=1)', () => {
    const dist = fixture();
    const ok = cli(['--dist', dist]);
    expect(ok.status, ok.stdout).toBe(0);
    const dry = cli(['--dist', dist, '--budget-js=1']);
    expect(dry.status).toBe(1);
    expect(dry.stdout).toMatch(
      /FAIL first-load JS of the map route \(gzip\): [\d.]+ KB \(limit 1 KB\)/
    );
  });

  it('fails when there is nothing built to check', () => {
    const run = cli(['--dist', join(tmpdir(), 'dm-budget-no-such-dir')]);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/no .*index\.html/);
  });
});
