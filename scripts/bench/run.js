// `npm run bench`: for the real content (50 topics) and synthetic content of 500 and
// 2,000 topics, builds the site into temporary folders and measures build time, layout
// time, peak build memory, first-load bytes, load and interaction cost in headless
// Chromium (against the same SVG as a plain static page), and PDF export in Node and
// in the browser, and nginx's requests/s with per-request gzip against the build's
// precompressed copies (scripts/bench/nginxLoad.js). Writes bench/results.json and bench/results.md and prints the table.
//
//   npm run bench [-- --sizes 50,500,2000] [--port 4400]
import { spawn } from 'node:child_process';
import { cpus } from 'node:os';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { measureBrowser, startPreview, writeBaseline } from './browserMeasures.js';
import { analyseFirstLoad } from './firstLoad.js';
import { writeContent } from './generateContent.js';
import { formatResults } from './formatResults.js';
import { measureNginx } from './nginxLoad.js';

const root = resolve(import.meta.dirname, '../..');
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return dflt;
  return args[i].includes('=') ? args[i].slice(args[i].indexOf('=') + 1) : args[i + 1];
};
const sizes = String(opt('sizes', '50,500,2000')).split(',').map(Number);
const port = Number(opt('port', 4400));
const outFile = resolve(root, opt('out', 'bench/results.json'));

// Runs per size: fewer for the big ones so the whole bench stays under 10 minutes.
const PLAN = {
  50: { builds: 3, layouts: 5, pdfs: 3, loads: 5, interactions: 8 },
  500: { builds: 2, layouts: 3, pdfs: 2, loads: 3, interactions: 6 },
  2000: { builds: 1, layouts: 1, pdfs: 1, loads: 2, interactions: 6 }
};
const planFor = (n) => PLAN[n] ?? (n <= 100 ? PLAN[50] : n <= 1000 ? PLAN[500] : PLAN[2000]);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const log = (...m) => console.error(`[bench ${((performance.now() - t0) / 1000).toFixed(0).padStart(3)} s]`, ...m);
const t0 = performance.now();

/** Runs node with args; resolves { ms, code, stdout, stderr, maxRssKB }. */
function runNode(nodeArgs, env = {}) {
  return new Promise((res) => {
    const start = performance.now();
    const child = spawn(process.execPath, ['--import', join(root, 'scripts/bench/reportRss.js'), ...nodeArgs], {
      cwd: root,
      env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true', ...env },
      stdio: ['ignore', 'pipe', 'pipe']
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => {
      const rss = /bench:maxRSS_KB=(\d+)/.exec(stderr);
      res({ ms: performance.now() - start, code, stdout, stderr, maxRssKB: rss ? Number(rss[1]) : null });
    });
  });
}

const work = mkdtempSync(join(tmpdir(), 'dm-bench-'));
const cases = [];
let nginx;
try {
  for (const [i, n] of sizes.entries()) {
    const plan = planFor(n);
    const real = n === 50;
    const content = real ? join(root, 'content') : writeContent(n, join(work, `content-${n}`));
    const dist = join(work, `dist-${n}`);
    log(`N=${n}: ${real ? 'real content' : `synthetic content in ${content}`}`);

    const builds = [];
    for (let b = 0; b < plan.builds; b++) {
      const r = await runNode(['scripts/build.js'], { CONTENT_DIR: content, OUT_DIR: dist });
      if (r.code !== 0) throw new Error(`build of N=${n} failed (exit ${r.code}):\n${r.stderr.slice(-4000)}`);
      builds.push(r);
      log(`N=${n}: build ${b + 1}/${plan.builds} ${(r.ms / 1000).toFixed(1)} s, peak RSS ${(r.maxRssKB / 1024).toFixed(0)} MB`);
    }

    const nodeRun = await runNode(['scripts/bench/measureNode.js', content, String(plan.layouts), String(plan.pdfs)]);
    if (nodeRun.code !== 0) throw new Error(`node measures of N=${n} failed:\n${nodeRun.stderr.slice(-4000)}`);
    const nodeM = JSON.parse(nodeRun.stdout.trim().split('\n').pop());
    log(`N=${n}: layout ${median(nodeM.layoutMs).toFixed(0)} ms, PDF ${median(nodeM.pdfMs).toFixed(0)} ms`);

    const firstLoad = analyseFirstLoad(dist);
    const baselineBytes = writeBaseline(dist);
    const baselineLoad = analyseFirstLoad(dist, 'bench-baseline.html');
    const server = await startPreview(dist, port + i);
    let browser;
    try {
      browser = await measureBrowser(server.url, { loads: plan.loads, interactions: plan.interactions });
    } finally {
      server.stop();
    }
    log(`N=${n}: browser: interactive ${browser.app.interactiveMs.toFixed(0)} ms, zoom ${browser.zoom.scriptMs.toFixed(1)} ms, hover ${browser.hover.scriptMs.toFixed(1)} ms`);

    cases.push({
      topics: n,
      content: real ? 'content/ (real)' : `synthetic (scripts/bench/generateContent.js --topics ${n})`,
      plan,
      graph: { topics: nodeM.topics, flows: nodeM.flows, boxes: nodeM.boxes, mapSize: nodeM.layoutSize },
      quality: nodeM.quality,
      build: { runs: builds.map((b) => b.ms), medianMs: median(builds.map((b) => b.ms)), peakRssMB: Math.max(...builds.map((b) => b.maxRssKB)) / 1024 },
      content_load: { runs: nodeM.loadMs, medianMs: median(nodeM.loadMs) },
      layout: { runs: nodeM.layoutMs, medianMs: median(nodeM.layoutMs) },
      pdfNode: { runs: nodeM.pdfMs, medianMs: median(nodeM.pdfMs), bytes: nodeM.pdfBytes, mapOnlyMs: median(nodeM.pdfMapOnlyMs), mapOnlyBytes: nodeM.pdfMapOnlyBytes },
      inlineData: nodeM.inlineData,
      firstLoad: { ...firstLoad, files: firstLoad.files.map(({ path, via, raw, gzip }) => ({ path, via, raw, gzip })) },
      baselineFirstLoad: { html: baselineLoad.html, css: baselineLoad.css, total: baselineLoad.total, pageRaw: baselineBytes.raw },
      browser
    });
    // The web server on the real build: per-request gzip against the precompressed copies.
    if (real) nginx = { ...(await measureNginx(dist, { seconds: 10, port: port + 50, log })), date: new Date().toISOString() };
    rmSync(dist, { recursive: true, force: true });
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

const cpu = /model name\s*:\s*(.*)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpus()[0]?.model;
const results = {
  date: new Date().toISOString(),
  machine: { nproc: cpus().length, cpu, node: process.version, platform: `${process.platform} ${process.arch}`, chromium: '/usr/bin/chromium (headless)' },
  benchSeconds: (performance.now() - t0) / 1000,
  cases,
  ...(nginx ? { nginx } : {})
};
mkdirSync(resolve(outFile, '..'), { recursive: true });
writeFileSync(outFile, `${JSON.stringify(results, null, 2)}\n`);
const md = formatResults(results);
writeFileSync(outFile.replace(/\.json$/, '.md'), md);
console.log(md);
log(`wrote ${outFile} and results.md`);
