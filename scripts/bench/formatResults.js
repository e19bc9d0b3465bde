// Turns bench/results.json into the readable table of bench/results.md (and README).

const kb = (b) => (b >= 1048576 ? `${(b / 1048576).toFixed(2)} MB` : `${(b / 1024).toFixed(1)} KB`);
const ms = (x) => (x === null || x === undefined ? 'n/a' : x >= 10_000 ? `${(x / 1000).toFixed(1)} s` : `${x.toFixed(x < 20 ? 1 : 0)} ms`);
const ratio = (a, b) => (a && b ? `${(a / b).toFixed(1)}×` : 'n/a');

/** The results as a markdown document: one column per content size. */
export function formatResults(r) {
  const cs = r.cases;
  const rows = [
    ['Topics / drawn arrows / boxes', (c) => `${c.graph.topics} / ${c.graph.flows} / ${c.graph.boxes}`],
    ['Map size (layout units)', (c) => `${Math.round(c.graph.mapSize.width)} × ${Math.round(c.graph.mapSize.height)}`],
    ['**Build** time, median (runs)', (c) => `${ms(c.build.medianMs)} (${c.build.runs.length})`],
    ['Build peak memory (max RSS)', (c) => `${c.build.peakRssMB.toFixed(0)} MB`],
    ['Content load + validation, median', (c) => ms(c.content_load.medianMs)],
    ['**Layout**, median (runs)', (c) => `${ms(c.layout.medianMs)} (${c.layout.runs.length})`],
    [
      'Drawing: crossings / foreign passes / worst detour / most bends / labels off their wire / close wires / coverage',
      (c) =>
        c.quality
          ? `${c.quality.crossings} / ${c.quality.foreignPasses} / ${c.quality.worstDetour.toFixed(2)} / ${c.quality.mostBends} / ${c.quality.labelsOff} / ${c.quality.closeWires} / ${(c.quality.coverage * 100).toFixed(0)}%`
          : 'n/a'
    ],
    ['First load: map HTML raw / gzip', (c) => `${kb(c.firstLoad.html.raw)} / ${kb(c.firstLoad.html.gzip)}`],
    ['First load: CSS raw / gzip', (c) => `${kb(c.firstLoad.css.raw)} / ${kb(c.firstLoad.css.gzip)}`],
    ['First load: JS raw / gzip', (c) => `${kb(c.firstLoad.js.raw)} / ${kb(c.firstLoad.js.gzip)}`],
    ['  of which layout data inlined; topic metadata (a lazy chunk), gzip', (c) => `${kb(c.inlineData.layout.gzip)}; ${kb(c.inlineData.topics.gzip)}`],
    ['First load total gzip, without / with PDF chunk', (c) => `${kb(c.firstLoad.total.gzip)} / ${kb(c.firstLoad.withPdf.gzip)}`],
    ['PDF chunk (pdf-lib) gzip; in first load?', (c) => `${kb(c.firstLoad.pdfChunkBytes.gzip)}; ${c.firstLoad.pdfInFirstLoad.length ? '**yes**' : 'no'}`],
    ['Baseline (static SVG page) gzip; app ÷ baseline', (c) => `${kb(c.baselineFirstLoad.total.gzip)}; ${ratio(c.firstLoad.total.gzip, c.baselineFirstLoad.total.gzip)}`],
    ['**Map visible**: app / baseline (ratio)', (c) => `${ms(c.browser.app.visibleMs)} / ${ms(c.browser.baseline.visibleMs)} (${ratio(c.browser.app.visibleMs, c.browser.baseline.visibleMs)})`],
    ['**Map interactive** (hydrated, zoom attached); ÷ baseline visible', (c) => `${ms(c.browser.app.interactiveMs)}; ${ratio(c.browser.app.interactiveMs, c.browser.baseline.visibleMs)}`],
    ['Long tasks until interactive: app / baseline (count, total)', (c) => `${c.browser.app.longTasks}, ${ms(c.browser.app.longTaskMs)} / ${c.browser.baseline.longTasks}, ${ms(c.browser.baseline.longTaskMs)}`],
    ['Longest task; total blocking time (app)', (c) => `${ms(c.browser.app.longestTaskMs)}; ${ms(c.browser.app.totalBlockingMs)}`],
    ['Script time during load: app / baseline', (c) => `${ms(c.browser.app.scriptMs)} / ${ms(c.browser.baseline.scriptMs)}`],
    ['DOM elements; JS heap (app)', (c) => `${c.browser.app.domNodes}; ${c.browser.app.heapMB.toFixed(1)} MB`],
    ['**Zoom** (button click): script / style+layout per interaction', (c) => `${ms(c.browser.zoom.scriptMs)} / ${ms(c.browser.zoom.styleLayoutMs)}`],
    ['**Hover highlight** (enter a node): script / style+layout', (c) => `${ms(c.browser.hover.scriptMs)} / ${ms(c.browser.hover.styleLayoutMs)}`],
    ['Hover enter + leave: script', (c) => ms(c.browser.hoverCycle.scriptMs)],
    ['Under 16 ms scripting per interaction? (whole frame: script + style + layout)', (c) => {
      const z = c.browser.zoom.scriptMs + c.browser.zoom.styleLayoutMs;
      const h = c.browser.hover.scriptMs + c.browser.hover.styleLayoutMs;
      return `${c.browser.zoom.scriptMs < 16 && c.browser.hover.scriptMs < 16 ? 'yes' : '**no**'} (zoom ${ms(z)}, hover ${ms(h)})`;
    }],
    ['**PDF in Node** (full, median): time / size', (c) => `${ms(c.pdfNode.medianMs)} / ${kb(c.pdfNode.bytes)}`],
    ['PDF in Node, map page only: time / size', (c) => `${ms(c.pdfNode.mapOnlyMs)} / ${kb(c.pdfNode.mapOnlyBytes)}`],
    ['**PDF in browser** (click to download): first / again / size', (c) => `${ms(c.browser.pdf.firstMs)} / ${ms(c.browser.pdf.againMs)} / ${kb(c.browser.pdf.bytes)}`]
  ];
  const head = `| | ${cs.map((c) => `N = ${c.topics}${c.topics === 50 ? ' (real)' : ''}`).join(' | ')} |`;
  const sep = `|---|${cs.map(() => '---').join('|')}|`;
  const body = rows.map(([name, f]) => `| ${name} | ${cs.map(f).join(' | ')} |`).join('\n');
  const m = r.machine;
  const runs = cs.map((c) => `N = ${c.topics}: ${c.plan.builds} build(s), ${c.plan.layouts} layout(s), ${c.plan.pdfs} Node PDF(s), ${c.plan.loads} page load(s) of app and baseline, ${c.plan.interactions} zooms and hovers`).join('; ');
  return `# Benchmark results

Measured ${r.date.slice(0, 16).replace('T', ' ')} UTC by \`npm run bench\` in ${r.benchSeconds.toFixed(0)} s on ${m.nproc} × ${m.cpu}, Node ${m.node}, ${m.platform}, Chromium ${m.chromium}, viewport 1280 × 800.

${head}
${sep}
${body}

- Times are medians. Runs: ${runs}.
- Bytes: gzip level 9 of the files a browser fetches for \`/\`: index.html, its stylesheets, its scripts and modulepreloads and their static imports (dynamic \`import()\` excluded). "With PDF chunk" adds the lazy pdf-lib chunk.
- Baseline: the prerendered \`<svg>\` of the same build with the site's stylesheet and no script (\`bench-baseline.html\`).
- Visible: first animation frame after the whole map \`<svg>\` is in the DOM. Interactive: d3-zoom attached to the map (its \`onMount\`, after hydration).
- Interaction cost: Chrome DevTools Protocol \`Performance.getMetrics\` ScriptDuration (and RecalcStyle + Layout) across the input and two frames, minus the same with no input. Zoom alternates the Zoom in / Zoom out buttons; hover moves the pointer onto topic nodes near the centre of the fitted map.
- The machine is shared; other processes may have run at the same time.
${r.nginx ? formatNginx(r.nginx) : ''}`;
}

const rps = (x) => `${Math.round(x).toLocaleString('en-GB')}`;

/** The nginx load test (scripts/bench/nginxLoad.js) as a section of its own. */
export function formatNginx(n) {
  const paths = Object.keys(n.paths);
  const label = (p) => (p === '/' ? '`/` (index.html)' : `main script \`${p.replace(/^\/assets\//, '…/')}\``);
  /** @type {[string, (p: string) => string][]} */
  const rows = [
    ['gzip per request (the old configuration: `gzip on`, level 6)', (p) => rps(n.paths[p].gzipPerRequest.requestsPerSec)],
    ['precompressed gzip (`gzip_static`)', (p) => rps(n.paths[p].gzipStatic.requestsPerSec)],
    ['precompressed brotli (`brotli_static`)', (p) => rps(n.paths[p].brotliStatic.requestsPerSec)],
    ['uncompressed (client accepts none)', (p) => rps(n.paths[p].identity.requestsPerSec)],
    [`**Speed-up** over gzip per request: gzip / brotli (target ≥ ${n.target}×)`, (p) => `${n.paths[p].gzipStaticSpeedup.toFixed(1)}× / ${n.paths[p].brotliStaticSpeedup.toFixed(1)}×`],
    ['Bytes sent: raw / gzip -9 / brotli 11', (p) => `${kb(n.bytes[p].raw)} / ${n.bytes[p].gzip9 ? kb(n.bytes[p].gzip9) : 'n/a'} / ${n.bytes[p].brotli11 ? kb(n.bytes[p].brotli11) : 'n/a'}`]
  ];
  return `
## nginx: requests per second, compressed per request or at build time

Measured ${(n.date ?? '').slice(0, 16).replace('T', ' ')} UTC by \`npm run bench:nginx\`: ${n.tool}, ${n.seconds} s per cell, deploy/nginx.conf over the real-content build. Target met: ${n.meetsTarget ? 'yes' : '**no**'}.

| requests/s | ${paths.map(label).join(' | ')} |
|---|${paths.map(() => '---').join('|')}|
${rows.map(([name, f]) => `| ${name} | ${paths.map(f).join(' | ')} |`).join('\n')}

- Before each run one request checks the answer's \`Content-Encoding\` is the one measured. Each configuration runs its own nginx; "before" is deploy/nginx.conf with \`gzip on\` (level 6, as it was) and \`gzip_static off\`.
- The client and nginx share the machine's two cores, so the figures are a lower bound for a real server, and the ratio is what matters.
`;
}
