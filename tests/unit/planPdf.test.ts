// @vitest-environment node
// The deployment plan as a PDF, read back from its bytes: the lit map on page 1 with its
// topics linked, then the choices, the proof, the checklist in order with each step linked
// to its page, and every file in monospace, flowed over portrait pages with page numbers
// and an outline. On a hand-made map of the plan's own parts.
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import type { LayoutNode, MapLayout } from '../../src/lib/layout/MapLayout.ts';
import { MARGIN } from '../../src/lib/pdf/mapPlacement.ts';
import { PAGE_SIZES } from '../../src/lib/pdf/pageSizes.ts';
import { LINK, MUTED } from '../../src/lib/pdf/palette.ts';
import { exportPlanPdf, type PlanPdfOptions } from '../../src/lib/pdf/planPdf.ts';
import { buildPlan, defaultChoices } from '../../src/lib/plan/planModel.ts';
import { fixtureNode, regionBox } from '../support/layoutFixture.ts';
import { readLinks, readOutline, readPage, sameColour } from '../support/pdfRead.ts';
import { pdfText } from '../support/pdfTools.ts';
import { realPlanData, realTopics } from '../support/realContent.ts';

// Inputs: the real plan for nginx, Gunicorn, Django and PostgreSQL on a server.
const data = realPlanData();
const titles = Object.fromEntries(realTopics().map((t) => [t.slug, t.title]));
const plan = buildPlan(defaultChoices('vps'), data);

const node = (slug: string, x: number): LayoutNode =>
  fixtureNode(slug, { x, y: 40, width: 90, height: 40 }, { group: 'stack', title: titles[slug] });
const layout: MapLayout = {
  width: 560,
  height: 120,
  groups: [{ id: 'stack', label: 'Stack' }],
  boxes: [
    regionBox(560, 120),
    {
      id: 'web-servers',
      slug: 'web-servers',
      label: 'Web servers',
      depth: 1,
      x: 120,
      y: 30,
      width: 110,
      height: 80,
      header: { x: 120, y: 30, width: 110, height: 10 }
    }
  ],
  nodes: [node('web-browsers', 10), node('nginx', 130), node('gunicorn', 270), node('flask', 420)],
  flows: [],
  related: []
} as unknown as MapLayout;

const options = (extra: Partial<PlanPdfOptions> = {}): PlanPdfOptions => ({
  layout,
  plan,
  lit: { slugs: new Set(['web-browsers', 'nginx', 'gunicorn']), edges: new Set() },
  choices: [
    { label: 'Hosting', value: 'A virtual private server' },
    { label: 'Web server', value: 'nginx' },
    { label: 'App server', value: 'Gunicorn' }
  ],
  titleOf: (slug) => titles[slug] ?? slug,
  siteUrl: 'https://example.test/map/',
  query: '?hosting=vps&web=nginx',
  now: new Date('2026-12-01T12:00:00Z'),
  ...extra
});

describe('the plan PDF', () => {
  it('page 1 is the lit map, landscape, titled with the stack and date, every topic a link', async () => {
    const doc = await PDFDocument.load(await exportPlanPdf(options()));
    expect(doc.getTitle()).toBe('Deployment plan: A virtual private server + nginx + Gunicorn');
    const [first, second] = doc.getPages();
    expect(first.getWidth()).toBeGreaterThan(first.getHeight());
    expect([second.getWidth(), second.getHeight()]).toEqual([...PAGE_SIZES.A4]);
    const texts = readPage(doc, first).texts;
    const heading = texts.find((t) => t.text === 'Deployment plan')!;
    expect(heading).toMatchObject({ bold: true, size: 16, x: MARGIN });
    const line = texts.find((t) => t.size === 9)!;
    expect(line.text).toBe('A virtual private server + nginx + Gunicorn - 2026-12-01');
    expect(sameColour(line.colour, MUTED)).toBe(true);
    expect(heading.y).toBeCloseTo(first.getHeight() - MARGIN - 14, 1);
    expect(line.y).toBeCloseTo(first.getHeight() - MARGIN - 30, 1);
    const uris = readLinks(doc, first).map((l) => l.uri);
    expect(uris).toEqual([
      'https://example.test/map/topics/web-browsers/',
      'https://example.test/map/topics/nginx/',
      'https://example.test/map/topics/gunicorn/',
      'https://example.test/map/topics/flask/',
      // A box that is a topic links from its header.
      'https://example.test/map/topics/web-servers/'
    ]);
  });

  it('then the choices, what CI proved, and a link back to the plan in the chooser', async () => {
    const bytes = await exportPlanPdf(options());
    const text = pdfText(bytes, 'plan.pdf');
    expect(text).toContain('Your deployment plan');
    for (const line of [
      'Hosting: A virtual private server',
      'Web server: nginx',
      'App server: Gunicorn'
    ])
      expect(text).toContain(line);
    expect(text).toContain('Proven in CI:');
    const doc = await PDFDocument.load(bytes);
    const links = doc
      .getPages()
      .slice(1)
      .flatMap((p) => readLinks(doc, p));
    expect(links.map((l) => l.uri)).toContain(
      'https://example.test/map/plan/?hosting=vps&web=nginx'
    );
  });

  it('a plan no CI ran says so in muted text, without the "Proven" label', async () => {
    const paas = buildPlan(defaultChoices('paas'), data);
    const doc = await PDFDocument.load(await exportPlanPdf(options({ plan: paas })));
    const texts = readPage(doc, doc.getPage(1)).texts;
    expect(texts.some((t) => t.text.startsWith('Proven in CI'))).toBe(false);
    const proof = texts.filter((t) => t.size === 10 && t.y > texts[0].y - 120);
    expect(proof.length).toBeGreaterThan(0);
    expect(proof.every((t) => !t.bold && sameColour(t.colour, MUTED))).toBe(true);
  });

  it('lists the checklist in order, numbered, each step linking to its topic page', async () => {
    const bytes = await exportPlanPdf(options());
    const text = pdfText(bytes, 'plan-checklist.pdf').replace(/\s+/g, ' ');
    expect(text).toContain(`Checklist, in order (${plan.checklist.length} steps)`);
    let at = 0;
    plan.checklist.forEach((step, i) => {
      const here = text.indexOf(`${i + 1}. `, at);
      expect(here, step.id).toBeGreaterThanOrEqual(at);
      at = here;
    });
    const doc = await PDFDocument.load(bytes);
    const uris = doc
      .getPages()
      .slice(1)
      .flatMap((p) => readLinks(doc, p))
      .map((l) => l.uri);
    for (const step of plan.checklist)
      expect(uris, step.id).toContain(`https://example.test/map/topics/${step.topic}/`);
    // A code span in a step is set in monospace.
    const runs = doc
      .getPages()
      .slice(1)
      .flatMap((p) => readPage(doc, p).texts);
    const command = runs.find((t) => t.text.startsWith('systemctl'));
    expect(command?.mono && command.size === 10).toBe(true);
  });

  it('prints every file in monospace under its path, with where it comes from and what changed', async () => {
    const doc = await PDFDocument.load(await exportPlanPdf(options()));
    const runs = doc
      .getPages()
      .slice(1)
      .flatMap((p) => readPage(doc, p).texts);
    for (const f of plan.files) {
      // Its heading: the path in monospace, larger than a path named in a checklist step.
      expect(
        runs.some((t) => t.text === f.path && t.mono && t.size === 10.5),
        f.path
      ).toBe(true);
    }
    const unit = plan.files.find((f) => f.name === 'app.service')!;
    // Runs wrap over lines: read them as one text.
    const all = runs
      .map((t) => t.text)
      .join(' ')
      .replace(/\s+/g, ' ');
    expect(all).toContain(`From ${titles[unit.topic]}, tested in CI.`);
    expect(all).toContain('Changed from the published example: app:app to mysite.wsgi.');
    expect(all).toContain(
      `Written for this plan; see ${titles[plan.files.find((f) => !f.source)!.topic]}.`
    );
    const code = runs.filter((t) => t.mono && t.size === 8.5);
    expect(code.some((t) => t.text.includes('ExecStart='))).toBe(true);
    const from = runs.find((t) => t.text.startsWith('From '))!;
    expect(sameColour(from.colour, LINK)).toBe(true);
  });

  it('flows over as many pages as it needs, numbered, with an outline to each part', async () => {
    const doc = await PDFDocument.load(await exportPlanPdf(options()));
    const pages = doc.getPageCount();
    expect(pages).toBeGreaterThan(2);
    const outline = readOutline(doc);
    expect(outline.map((o) => o.title)).toEqual(['The map', 'The plan', 'Checklist', 'Files']);
    expect(outline[0].page).toBe(0);
    expect(outline[1].page).toBe(1);
    expect(outline[2].page).toBeGreaterThanOrEqual(1);
    expect(outline[3].page).toBeGreaterThanOrEqual(outline[2].page);
    // Nothing is drawn below the footer line or off the page.
    for (const p of doc.getPages().slice(1)) {
      const texts = readPage(doc, p).texts.filter((t) => !/^\d+ \/ \d+$/.test(t.text));
      for (const t of texts) {
        expect(t.y, t.text).toBeGreaterThanOrEqual(MARGIN + 18 - 1);
        expect(t.y, t.text).toBeLessThanOrEqual(p.getHeight() - MARGIN);
        expect(t.x, t.text).toBeGreaterThanOrEqual(MARGIN);
      }
    }
    const last = readPage(doc, doc.getPage(pages - 1)).texts.map((t) => t.text);
    expect(last.join(' ')).toMatch(new RegExp(`${pages} ?/ ?${pages}`));
  });

  it('a file too long for one page goes on over the next pages, every line printed once', async () => {
    const long = Array.from({ length: 150 }, (_, i) => `line ${i + 1} of the long file`).join('\n');
    const big = {
      ...plan,
      files: [{ ...plan.files[0], content: `${long}\n`, changes: [] }]
    };
    const doc = await PDFDocument.load(await exportPlanPdf(options({ plan: big })));
    const lines = doc
      .getPages()
      .slice(1)
      .flatMap((p) => readPage(doc, p).texts)
      .filter((t) => t.mono && t.size === 8.5)
      .map((t) => t.text);
    expect(lines.filter((l) => /^line \d+ of the long file$/.test(l))).toEqual(
      Array.from({ length: 150 }, (_, i) => `line ${i + 1} of the long file`)
    );
    expect(doc.getPageCount()).toBeGreaterThan(3);
  });

  it('says what it is: title shown in the window, subject, author, language', async () => {
    const doc = await PDFDocument.load(await exportPlanPdf(options()), { updateMetadata: false });
    expect(doc.getTitle()).toBe('Deployment plan: A virtual private server + nginx + Gunicorn');
    expect(doc.catalog.getOrCreateViewerPreferences().getDisplayDocTitle()).toBe(true);
    expect(doc.getSubject()).toBe(
      'A deployment plan from the Deployment Map: the lit map, the checklist and the files.'
    );
    expect(doc.getAuthor()).toBe('Deployment Map');
    expect(doc.getCreator()).toBe('Deployment Map');
    expect(doc.getProducer()).toBe('Deployment Map with pdf-lib');
    expect(doc.catalog.toString()).toContain('/Lang (en)');
  });

  it('never leaves a heading or a file path alone at the foot of a page, nor a page half empty', async () => {
    const doc = await PDFDocument.load(await exportPlanPdf(options()));
    const pages = doc.getPages().slice(1);
    pages.forEach((p, i) => {
      const texts = readPage(doc, p).texts.filter((t) => !/^\d+ \/ \d+$/.test(t.text));
      const lowest = texts.reduce((a, b) => (b.y < a.y ? b : a));
      const isHeading = lowest.size === 14 && lowest.bold;
      const isPath = lowest.mono && lowest.size === 10.5;
      expect(isHeading || isPath, `page ${i + 2} ends with "${lowest.text}"`).toBe(false);
      if (i < pages.length - 1)
        expect(lowest.y, `page ${i + 2} stops at ${lowest.y}`).toBeLessThan(p.getHeight() / 2);
    });
  });

  it('sets each file on a code background, in muted words above it', async () => {
    const doc = await PDFDocument.load(await exportPlanPdf(options()));
    const page = readPage(doc, doc.getPage(doc.getPageCount() - 1));
    const code = page.texts.filter((t) => t.mono && t.size === 8.5);
    expect(code.length).toBeGreaterThan(0);
    for (const t of code)
      expect(
        page.shapes.some((s) => s.fill && s.box.x1 <= t.x && s.box.y1 <= t.y && s.box.y2 >= t.y),
        t.text
      ).toBe(true);
    const all = doc
      .getPages()
      .slice(1)
      .flatMap((p) => readPage(doc, p).texts);
    const why = all.find((t) => t.text.startsWith(plan.files[0].why.slice(0, 20)))!;
    expect(why.size).toBe(9.5);
    expect(sameColour(why.colour, MUTED)).toBe(true);
    const open = all.find((t) => t.text.startsWith('Open this plan in the chooser'))!;
    expect(sameColour(open.colour, MUTED)).toBe(true);
  });
});
