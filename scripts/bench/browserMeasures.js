// Headless Chromium measurements of a built site served by `vite preview`: load of the
// map route (map visible, map interactive, long tasks, script time), the same SVG as a
// plain static page (baseline), the scripting cost of a zoom and of a hover highlight,
// and the in-browser PDF export. Uses Debian's Chromium, never a downloaded browser.
import { spawn } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';

// The same flags as playwright.config.ts (no network chatter in a closed sandbox).
export const LAUNCH = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic']
};
const VIEWPORT = { width: 1280, height: 800 };

/** Starts `vite preview` for `dir` on `port`; resolves once it answers. */
export async function startPreview(dir, port) {
  const child = spawn('npx', ['vite', 'preview', '--outDir', dir, '--port', String(port), '--strictPort', '--host', '127.0.0.1'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
    detached: true
  });
  let log = '';
  child.stdout.on('data', (d) => (log += d));
  child.stderr.on('data', (d) => (log += d));
  const url = `http://127.0.0.1:${port}/`;
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`vite preview exited: ${log}`);
    try {
      if ((await fetch(url)).ok) return { url, stop: () => stopGroup(child) };
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  stopGroup(child);
  throw new Error(`vite preview did not answer on ${url}: ${log}`);
}

function stopGroup(child) {
  try {
    process.kill(-child.pid, 'SIGTERM'); // npx and the vite it started: only our own group
  } catch {
    /* already gone */
  }
}

/**
 * Writes `bench-baseline.html` next to index.html: the prerendered map <svg> and the
 * site's stylesheet, no script. The same drawing, so the app's own cost shows.
 */
export function writeBaseline(dist) {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const start = html.search(/<svg\b[^>]*class="map-svg/);
  if (start < 0) throw new Error('no <svg class="map-svg"> in index.html');
  // Find the matching </svg>, counting nested <svg> elements.
  const re = /<(\/?)svg\b/g;
  re.lastIndex = start;
  let depth = 0;
  let end = -1;
  for (let m; (m = re.exec(html)); ) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) {
      end = html.indexOf('>', m.index) + 1;
      break;
    }
  }
  const svg = html.slice(start, end);
  const css = [...html.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*>/g)].map((m) => m[0]).join('\n');
  const page = `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Baseline</title>\n${css}</head>\n<body><main><section class="map-page"><div class="map-view"><div class="map-frame">${svg}<p id="bench-end"></p></div></div></section></main></body></html>\n`;
  writeFileSync(join(dist, 'bench-baseline.html'), page);
  return { raw: Buffer.byteLength(page) };
}

// Runs in the page before any of its scripts: timestamps for "map visible" (the first
// frame after the whole <svg> is in the DOM) and "interactive" (d3-zoom attached, which
// the map does in onMount after hydration), plus every long task.
/**
 * What INIT keeps on the page's window.
 * @typedef {{ visible: number | null, interactive: number | null, longTasks: { start: number, duration: number }[] }} BenchMarks
 * @typedef {Window & typeof globalThis & { __bench: BenchMarks }} BenchWindow
 */
const INIT = () => {
  /** @type {BenchMarks} */
  const b = { visible: null, interactive: null, longTasks: [] };
  /** @type {BenchWindow} */ (window).__bench = b;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) b.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  /** @type {PropertyDescriptor} */
  const desc = { configurable: true };
  /** @this {SVGSVGElement} @param {unknown} v */
  desc.set = function (v) {
    if (b.interactive === null && this.classList?.contains('map-svg')) b.interactive = performance.now();
    Object.defineProperty(this, '__zoom', { value: v, writable: true, configurable: true, enumerable: true });
  };
  Object.defineProperty(SVGSVGElement.prototype, '__zoom', desc);
  const done = () => {
    const svg = document.querySelector('svg.map-svg');
    return svg && (svg.nextSibling || document.readyState !== 'loading');
  };
  const mo = new MutationObserver(() => {
    if (!done()) return;
    mo.disconnect();
    requestAnimationFrame(() => (b.visible = performance.now()));
  });
  mo.observe(document, { childList: true, subtree: true });
};

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : null;
};

async function metrics(cdp) {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(list.map((m) => [m.name, m.value]));
}

/** One cold load of `url` in a fresh context; returns timings, long tasks and script time. */
async function loadOnce(browser, url, { app }) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  await context.addInitScript(INIT);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  await page.waitForFunction(() => /** @type {BenchWindow} */ (window).__bench.visible !== null, null, { timeout: 120_000 });
  if (app) await page.waitForFunction(() => /** @type {BenchWindow} */ (window).__bench.interactive !== null, null, { timeout: 120_000 });
  await page.waitForTimeout(300); // late long tasks
  const b = await page.evaluate(() => ({
    .../** @type {BenchWindow} */ (window).__bench,
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
    domContentLoaded: /** @type {PerformanceNavigationTiming | undefined} */ (performance.getEntriesByType('navigation')[0])?.domContentLoadedEventEnd ?? null,
    load: /** @type {PerformanceNavigationTiming | undefined} */ (performance.getEntriesByType('navigation')[0])?.loadEventEnd ?? null,
    domNodes: document.getElementsByTagName('*').length
  }));
  const m = await metrics(cdp);
  const until = app ? b.interactive : b.visible;
  const during = b.longTasks.filter((t) => t.start <= until + 50);
  return {
    page,
    context,
    cdp,
    result: {
      visibleMs: b.visible,
      interactiveMs: b.interactive,
      fcpMs: b.fcp,
      domContentLoadedMs: b.domContentLoaded,
      loadMs: b.load,
      longTasks: during.length,
      longTaskMs: during.reduce((s, t) => s + t.duration, 0),
      longestTaskMs: during.reduce((s, t) => Math.max(s, t.duration), 0),
      totalBlockingMs: during.reduce((s, t) => s + Math.max(0, t.duration - 50), 0),
      scriptMs: m.ScriptDuration * 1000,
      layoutMs: m.LayoutDuration * 1000,
      styleMs: m.RecalcStyleDuration * 1000,
      heapMB: m.JSHeapUsedSize / 1048576,
      domNodes: b.domNodes
    }
  };
}

/**
 * Main-thread cost of one interaction: CDP ScriptDuration (and style, layout) deltas
 * across the input and the two frames after it, minus the same measure with no input.
 */
async function interactionCost(page, cdp, act, runs) {
  const settle = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 0)))));
  const once = async (f) => {
    await settle();
    const a = await metrics(cdp);
    const t0 = performance.now();
    await f();
    await settle();
    const wall = performance.now() - t0;
    const z = await metrics(cdp);
    return {
      script: (z.ScriptDuration - a.ScriptDuration) * 1000,
      style: (z.RecalcStyleDuration - a.RecalcStyleDuration) * 1000,
      layout: (z.LayoutDuration - a.LayoutDuration) * 1000,
      wall
    };
  };
  const idle = [];
  const busy = [];
  for (let i = 0; i < runs; i++) {
    idle.push(await once(async () => {}));
    busy.push(await once(() => act(i)));
  }
  const med = (xs, k) => median(xs.map((x) => x[k]));
  return {
    runs,
    scriptMs: Math.max(0, med(busy, 'script') - med(idle, 'script')),
    styleLayoutMs: Math.max(0, med(busy, 'style') + med(busy, 'layout') - med(idle, 'style') - med(idle, 'layout')),
    wallMs: Math.max(0, med(busy, 'wall') - med(idle, 'wall')),
    maxScriptMs: Math.max(...busy.map((x) => x.script))
  };
}

/** Measures one built site (already served at `url`). */
export async function measureBrowser(url, { loads = 3, interactions = 6 } = {}) {
  const browser = await chromium.launch(LAUNCH);
  try {
    const app = [];
    const base = [];
    /** @type {Awaited<ReturnType<typeof loadOnce>> | undefined} */
    let last;
    for (let i = 0; i < loads; i++) {
      const b = await loadOnce(browser, `${url}bench-baseline.html`, { app: false });
      base.push(b.result);
      await b.context.close();
      if (last) await last.context.close();
      last = await loadOnce(browser, url, { app: true });
      app.push(last.result);
    }
    if (!last) throw new Error('measureBrowser: loads must be at least 1');
    const { page, cdp } = last;

    // Zoom: the toolbar's Zoom in / Zoom out buttons, clicked through CDP input (no
    // injected script), alternating so the scale stays inside its extent.
    const box = async (sel) => {
      const r = await page.locator(sel).first().boundingBox();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    };
    const zin = await box('button[aria-label="Zoom in"]');
    const zout = await box('button[aria-label="Zoom out"]');
    const zoom = await interactionCost(page, cdp, (i) => (i % 2 ? page.mouse.click(zout.x, zout.y) : page.mouse.click(zin.x, zin.y)), interactions);

    // Hover: topic nodes near the middle of the visible map, entering then leaving.
    // Only nodes the pointer really hits count; on a big map at fit zoom they can be
    // too small, so zoom in (the highlight's cost does not depend on the zoom).
    const findTargets = () =>
      page.evaluate(() => {
        const frame = /** @type {SVGSVGElement} */ (document.querySelector('svg.map-svg')).getBoundingClientRect();
        const cx = frame.x + frame.width / 2;
        const cy = frame.y + frame.height / 2;
        return [...document.querySelectorAll('svg.map-svg a.node')]
          .map((a) => {
            const r = a.getBoundingClientRect();
            const x = r.x + r.width / 2;
            const y = r.y + r.height / 2;
            const hit = x > 0 && y > 0 && x < innerWidth && y < innerHeight && document.elementFromPoint(x, y)?.closest('a.node') === a;
            return { x, y, d: Math.hypot(x - cx, y - cy), hit };
          })
          .filter((p) => p.hit)
          .sort((a, b) => a.d - b.d)
          .slice(0, 8);
      });
    let targets = await findTargets();
    for (let i = 0; targets.length < 3 && i < 12; i++) {
      await page.mouse.click(zin.x, zin.y);
      await page.waitForTimeout(50);
      targets = await findTargets();
    }
    if (targets.length === 0) throw new Error('no topic node under the pointer to hover');
    const frame = await page.locator('svg.map-svg').boundingBox();
    const away = { x: frame.x + 2, y: frame.y + 2 };
    await page.mouse.move(away.x, away.y);
    const hoverOn = await interactionCost(page, cdp, async (i) => {
      const t = targets[i % targets.length];
      await page.mouse.move(t.x, t.y);
    }, interactions);
    const highlighted = await page.evaluate(() => document.querySelectorAll('svg.map-svg .dim').length);
    await page.mouse.move(away.x, away.y);
    const hoverCycle = await interactionCost(page, cdp, async (i) => {
      const t = targets[i % targets.length];
      await page.mouse.move(t.x, t.y);
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 0)))));
      await page.mouse.move(away.x, away.y);
    }, Math.min(4, interactions));

    // PDF: "Download PDF" (which may open a dialog of choices; then its default,
    // "Create PDF") until the browser's download event; the first loads pdf-lib.
    const pdf = [];
    const create = page.getByRole('button', { name: 'Create PDF' });
    for (let i = 0; i < 2; i++) {
      if (!(await create.isVisible())) {
        await page.getByRole('link', { name: 'Download PDF' }).click();
        await create.waitFor({ state: 'visible', timeout: 2000 }).catch(() => {});
      }
      const t0 = performance.now();
      const downloading = page.waitForEvent('download', { timeout: 180_000 });
      if (await create.isVisible()) await create.click();
      const download = await downloading;
      const ms = performance.now() - t0;
      pdf.push({ ms, bytes: statSync(await download.path()).size });
      await page.waitForTimeout(200);
    }
    await last.context.close();

    const med = (rows, k) => median(rows.map((r) => r[k]).filter((x) => x !== null));
    const summary = (rows) => Object.fromEntries(Object.keys(rows[0]).map((k) => [k, med(rows, k)]));
    return {
      loads,
      app: summary(app),
      baseline: summary(base),
      appRuns: app,
      baselineRuns: base,
      zoom,
      hover: { ...hoverOn, dimmedWhileHovering: highlighted, targets: targets.length },
      hoverCycle,
      pdf: { firstMs: pdf[0].ms, againMs: pdf[1].ms, bytes: pdf[0].bytes }
    };
  } finally {
    await browser.close();
  }
}
