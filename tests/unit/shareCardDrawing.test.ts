// What a share card shows, read back from its SVG in card pixels: where the map is placed
// and how large, which parts are drawn, lit or faded, where titles and arrowheads sit.
// The layout is drawn by hand here, so every position the card must produce is known.
import { describe, expect, it } from 'vitest';
import { CARD, shareCardSvg } from '../../src/lib/card/shareCard.ts';
import type {
  LayoutBox,
  LayoutEdge,
  LayoutNode,
  MapLayout
} from '../../src/lib/layout/MapLayout.ts';
import { COLOURS, FADE, STROKE, TYPE } from '../../src/lib/layout/mapStyle.ts';

/** The picture area under the header band, in card pixels (the card's frame is drawn round it). */
const AREA = { x: 36, y: 150, width: CARD.width - 72, height: CARD.height - 186 };

interface El {
  tag: string;
  attrs: Record<string, string>;
  text: string;
}

/** The card's elements in drawing order, and the map-to-card transform of its drawing. */
function readCard(svg: string) {
  const els: El[] = [];
  for (const m of svg.matchAll(/<(rect|text|path)\s([^>]*?)\/?>(?:([^<]*)<\/text>)?/g)) {
    const attrs = Object.fromEntries(
      [...m[2].matchAll(/([\w:-]+)="([^"]*)"/g)].map((a) => [a[1], a[2]])
    );
    els.push({ tag: m[1], attrs, text: m[3] ?? '' });
  }
  const t = /<g transform="translate\(([-\d.]+) ([-\d.]+)\) scale\(([-\d.]+)\)"/.exec(svg);
  if (!t) throw new Error('no map group in the card');
  const [tx, ty, s] = t.slice(1).map(Number);
  /** A rectangle of the map in card pixels. */
  const toCard = (r: { x: number; y: number; width: number; height: number }) => ({
    x: tx + r.x * s,
    y: ty + r.y * s,
    width: r.width * s,
    height: r.height * s
  });
  const num = (e: El, a: string) => Number(e.attrs[a]);
  const rectAt = (r: { x: number; y: number }) =>
    els.find((e) => e.tag === 'rect' && num(e, 'x') === r.x && num(e, 'y') === r.y);
  const textsOf = (label: string) => els.filter((e) => e.tag === 'text' && e.text === label);
  return { els, tx, ty, s, toCard, num, rectAt, textsOf };
}

const box = (b: Omit<LayoutBox, 'header'> & { headerHeight: number }): LayoutBox => {
  const { headerHeight, ...rest } = b;
  return { ...rest, header: { x: b.x, y: b.y, width: b.width, height: headerHeight } };
};
const node = (
  slug: string,
  x: number,
  y: number,
  lines: string[],
  parent = 'web-servers'
): LayoutNode => ({
  slug,
  title: lines.join(' '),
  group: 'server-stack',
  parent,
  lines,
  x,
  y,
  width: 140,
  height: lines.length > 1 ? 52 : 36
});
// Map units with decimals, as the router writes them.
const NGINX_GUNICORN = 'M220.25,138L470.75,138L470.75,400';
const FAR_TO_BESIDE = 'M2270,1156L2270,1000Q2270,990 2260,990L870,990L870,236';
const flow = (id: string, from: string, to: string, path: string, twoWay = false): LayoutEdge => ({
  id,
  from,
  to,
  kind: 'flow',
  path,
  ...(twoWay ? { twoWay } : {})
});

/**
 * A 2400 × 1200 map: a region holding a topic box (Web servers) with two topics joined
 * both ways, a framed group, a topic far off in the bottom right, one joined to nothing
 * at the top right, one just right of the Web servers' neighbourhood, and one further on.
 */
function sampleLayout(): MapLayout {
  return {
    width: 2400,
    height: 1200,
    groups: [],
    boxes: [
      box({
        id: 'r',
        label: 'Your server',
        depth: 0,
        x: 0,
        y: 0,
        width: 1400,
        height: 700,
        headerHeight: 28
      }),
      box({
        id: 'web-servers',
        slug: 'web-servers',
        label: 'Web servers',
        group: 'server-stack',
        depth: 1,
        parent: 'r',
        x: 40,
        y: 60,
        width: 600,
        height: 400,
        headerHeight: 24
      }),
      box({
        id: 'frame',
        label: 'Tools',
        depth: 1,
        parent: 'r',
        x: 1500,
        y: 60,
        width: 100,
        height: 100,
        headerHeight: 24
      })
    ],
    nodes: [
      node('nginx', 80, 120, ['Nginx']),
      node('gunicorn', 400, 400, ['Green', 'Unicorn']),
      node('beside', 800, 200, ['Beside'], 'r'),
      node('far', 2200, 1120, ['Far'], 'r'),
      node('lone', 2200, 100, ['Lone'], 'r'),
      node('past', 1000, 300, ['Past'], 'r')
    ],
    flows: [
      flow('nginx->gunicorn', 'nginx', 'gunicorn', NGINX_GUNICORN, true),
      flow('gunicorn->far', 'gunicorn', 'far', 'M540,426L2270,426L2270,1120'),
      flow('far->beside', 'far', 'beside', FAR_TO_BESIDE)
    ],
    related: [],
    learningPath: []
  };
}

describe('a share card frames the map', () => {
  it('fits the whole map into the picture, keeping its shape and centring it', () => {
    const sample = sampleLayout();
    const wide = { ...sampleLayout(), width: 6000, height: 1000 };
    for (const layout of [sample, wide]) {
      const card = readCard(shareCardSvg(layout, { title: 'The map' }));
      const map = card.toCard({ x: 0, y: 0, width: layout.width, height: layout.height });
      expect(map.x).toBeGreaterThanOrEqual(AREA.x - 0.5);
      expect(map.y).toBeGreaterThanOrEqual(AREA.y - 0.5);
      expect(map.x + map.width).toBeLessThanOrEqual(AREA.x + AREA.width + 0.5);
      expect(map.y + map.height).toBeLessThanOrEqual(AREA.y + AREA.height + 0.5);
      // It fills one side (the height of this map, the width of a very wide one) and is
      // centred along the other.
      const fills = layout === sample ? [map.height, AREA.height] : [map.width, AREA.width];
      expect(fills[0]).toBeCloseTo(fills[1], 0);
      expect(map.x - AREA.x).toBeCloseTo(AREA.x + AREA.width - (map.x + map.width), 0);
      expect(map.y - AREA.y).toBeCloseTo(AREA.y + AREA.height - (map.y + map.height), 0);
    }
  });

  it.each([
    // Lit: Nginx, the title strip of the Web servers box it sits in, and Gunicorn (joined to it).
    ['nginx', ['nginx', 'gunicorn', 'web-servers']],
    // Lit: Far, Gunicorn (which sends to it) and Beside (which it sends to), across the map.
    ['far', ['far', 'gunicorn', 'beside']]
  ])('centres %s’s neighbourhood, with room round it, as large as fits', (focus, litSlugs) => {
    const layout = sampleLayout();
    const card = readCard(shareCardSvg(layout, { title: focus, focus }));
    const rects = litSlugs
      .map(
        (slug) =>
          layout.nodes.find((n) => n.slug === slug) ??
          layout.boxes.find((b) => b.slug === slug)!.header
      )
      .map(card.toCard);
    const left = Math.min(...rects.map((r) => r.x));
    const top = Math.min(...rects.map((r) => r.y));
    const right = Math.max(...rects.map((r) => r.x + r.width));
    const bottom = Math.max(...rects.map((r) => r.y + r.height));
    const room = 60 * card.s;
    expect(left - AREA.x).toBeGreaterThanOrEqual(room - 0.5);
    expect(AREA.x + AREA.width - right).toBeGreaterThanOrEqual(room - 0.5);
    // The picture is wider than the neighbourhood: its height is what limits the size.
    expect(top - AREA.y).toBeCloseTo(room, 0);
    expect(AREA.y + AREA.height - bottom).toBeCloseTo(room, 0);
    expect((left + right) / 2).toBeCloseTo(AREA.x + AREA.width / 2, 0);
  });

  it('never comes closer than a third of the map, so a lone topic is seen in its place', () => {
    const sample = sampleLayout();
    // On a very wide map a third of its width is what limits the picture.
    const wide = { ...sampleLayout(), width: 7200, height: 1200 };
    for (const layout of [sample, wide]) {
      const card = readCard(shareCardSvg(layout, { title: 'Lone', focus: 'lone' }));
      const lone = card.toCard(layout.nodes[4]);
      expect(lone.x + lone.width / 2).toBeCloseTo(AREA.x + AREA.width / 2, 0);
      expect(lone.y + lone.height / 2).toBeCloseTo(AREA.y + AREA.height / 2, 0);
      if (layout === sample) {
        expect(AREA.height / card.s).toBeCloseTo(layout.height / 3, 0);
        expect(AREA.width / card.s).toBeGreaterThanOrEqual(layout.width / 3);
      } else {
        expect(AREA.width / card.s).toBeCloseTo(layout.width / 3, 0);
        expect(AREA.height / card.s).toBeGreaterThanOrEqual(layout.height / 3);
      }
    }
  });

  it('frames the topics it can draw when one it is joined to is not on the map', () => {
    const layout = sampleLayout();
    const ghost = {
      ...layout,
      flows: [...layout.flows, flow('lone->ghost', 'lone', 'ghost', 'M2340,118L2390,118')]
    };
    const card = readCard(shareCardSvg(ghost, { title: 'Lone', focus: 'lone' }));
    const lone = card.toCard(layout.nodes[4]);
    expect(lone.y + lone.height / 2).toBeCloseTo(AREA.y + AREA.height / 2, 0);
    expect(card.rectAt(layout.nodes[4])).toBeDefined();
  });

  it('draws every part that reaches into the picture and leaves out the rest', () => {
    const layout = sampleLayout();
    const meets = (r: { x: number; y: number; width: number; height: number }) =>
      r.x < AREA.x + AREA.width &&
      r.x + r.width > AREA.x &&
      r.y < AREA.y + AREA.height &&
      r.y + r.height > AREA.y;
    for (const focus of [undefined, 'nginx', 'far', 'lone']) {
      const card = readCard(shareCardSvg(layout, { title: 'x', focus }));
      const drawn = (r: { x: number; y: number }) => card.rectAt(r) !== undefined;
      for (const part of [...layout.nodes, ...layout.boxes])
        expect(drawn(part), `${'slug' in part ? part.slug : part.id} on ${focus}`).toBe(
          meets(card.toCard(part))
        );
      const paths = card.els.filter((e) => e.tag === 'path').map((e) => e.attrs.d);
      for (const e of layout.flows) {
        const xy = e.path.match(/[\d.]+/g)!.map(Number);
        const xs = xy.filter((_, i) => i % 2 === 0);
        const ys = xy.filter((_, i) => i % 2 === 1);
        const box = card.toCard({
          x: Math.min(...xs),
          y: Math.min(...ys),
          width: Math.max(...xs) - Math.min(...xs),
          height: Math.max(...ys) - Math.min(...ys)
        });
        expect(paths.includes(e.path), `${e.id} on ${focus}`).toBe(
          meets({ ...box, width: box.width + 0.1, height: box.height + 0.1 })
        );
      }
    }
    const card = readCard(shareCardSvg(layout, { title: 'Nginx', focus: 'nginx' }));
    const drawn = (r: { x: number; y: number }) => card.rectAt(r) !== undefined;
    // Beside lies outside the neighbourhood's frame but inside the wider picture: it is
    // drawn. Past and Far lie beyond the picture.
    expect(drawn(layout.nodes[2])).toBe(true);
    expect(drawn(layout.nodes[5])).toBe(false);
    expect(drawn(layout.nodes[3])).toBe(false);
    expect(card.textsOf('Far')).toEqual([]);
    expect(card.textsOf('Beside')).toHaveLength(1);
    // Wires are drawn when they cross the picture, whole, and left out when they lie beyond it.
    const paths = card.els.filter((e) => e.tag === 'path').map((e) => e.attrs.d);
    expect(paths).toContain('M540,426L2270,426L2270,1120');
    expect(paths).toContain(FAR_TO_BESIDE);
    const lone = readCard(
      shareCardSvg(
        { ...layout, flows: [flow('x', 'far', 'beside', 'M2270,1156L2270,1190')] },
        { title: 'Lone', focus: 'lone' }
      )
    );
    expect(lone.els.filter((e) => e.tag === 'path' && e.attrs.d?.startsWith('M2270'))).toEqual([]);
  });

  it('draws a straight two-point wire, and skips one with a single point', () => {
    const layout = sampleLayout();
    const card = readCard(
      shareCardSvg(
        {
          ...layout,
          flows: [
            flow('two', 'beside', 'lone', 'M940,218L2200,218'),
            flow('dot', 'far', 'lone', 'M10,10')
          ]
        },
        { title: 'The map' }
      )
    );
    const paths = card.els.filter((e) => e.tag === 'path' && e.attrs.stroke);
    expect(paths.map((e) => e.attrs.d)).toEqual(['M940,218L2200,218']);
    const heads = card.els.filter((e) => e.attrs.transform?.startsWith('translate('));
    expect(heads.map((e) => e.attrs.transform)).toEqual(['translate(2200 218) rotate(0)']);
    expect(card.els.some((e) => Object.values(e.attrs).some((v) => v.includes('NaN')))).toBe(false);
  });
});

describe('a share card draws the map as the map does', () => {
  const layout = sampleLayout();
  // Drawn in each test, not once here: what runs outside a test is not what it checks.
  const drawWhole = () => readCard(shareCardSvg(layout, { title: 'The map' }));
  const drawTopic = () => readCard(shareCardSvg(layout, { title: 'Nginx', focus: 'nginx' }));

  it('fills regions and frames by depth, and outlines topic boxes in their group’s colour', () => {
    const whole = drawWhole();
    const [accent, tint] = COLOURS.groups['server-stack'];
    expect(whole.rectAt(layout.boxes[0])?.attrs).toMatchObject({
      fill: COLOURS.regionFill,
      stroke: COLOURS.regionStroke
    });
    expect(whole.rectAt(layout.boxes[2])?.attrs).toMatchObject({
      fill: COLOURS.white,
      stroke: COLOURS.regionStroke
    });
    const web = whole.els.filter(
      (e) => e.tag === 'rect' && e.attrs.x === '40' && e.attrs.y === '60'
    );
    expect(web.map((e) => [e.attrs.fill, e.attrs.stroke, e.attrs.height])).toEqual([
      [COLOURS.white, accent, '400'],
      [tint, undefined, '24']
    ]);
    expect(whole.rectAt(layout.nodes[0])?.attrs).toMatchObject({ fill: tint, stroke: accent });
    // A group the palette does not know gets the neutral colours, not a crash.
    const odd = readCard(
      shareCardSvg(
        { ...layout, nodes: [{ ...layout.nodes[0], group: 'toString' }] },
        { title: 'x' }
      )
    );
    expect(odd.rectAt(layout.nodes[0])?.attrs).toMatchObject({
      fill: COLOURS.fallback[1],
      stroke: COLOURS.fallback[0]
    });
  });

  it('sets box titles in their title strip and topic titles centred in their box, line under line', () => {
    const whole = drawWhole();
    for (const b of layout.boxes) {
      const [label] = whole.textsOf(b.label);
      const size = Number(label.attrs['font-size']);
      expect(size).toBe(b.depth ? TYPE.box : TYPE.region);
      expect(whole.num(label, 'x')).toBe(b.x + 10);
      // The text's middle (a baseline sits about 0.35 em below it) is the strip's middle.
      expect(whole.num(label, 'y') - 0.35 * size).toBeCloseTo(b.header.y + b.header.height / 2, 1);
      expect(label.attrs.fill).toBe(b.slug ? COLOURS.groups['server-stack'][0] : COLOURS.muted);
    }
    for (const n of layout.nodes) {
      const lines = n.lines.map((line) => whole.textsOf(line)[0]);
      const ys = lines.map((t) => whole.num(t, 'y') - 0.35 * TYPE.node);
      for (const t of lines) {
        expect(whole.num(t, 'x')).toBe(n.x + n.width / 2);
        expect(t.attrs['text-anchor']).toBe('middle');
      }
      expect((ys[0] + ys[ys.length - 1]) / 2).toBeCloseTo(n.y + n.height / 2, 1);
      if (ys.length > 1) expect(ys[1] - ys[0]).toBeCloseTo(TYPE.node * TYPE.lineHeight, 1);
    }
  });

  it('puts an arrowhead at each end a wire arrives at, pointing the way it arrives', () => {
    const whole = drawWhole();
    const topic = drawTopic();
    const heads = whole.els
      .filter((e) => e.attrs.transform?.startsWith('translate('))
      .map((e) => e.attrs.transform);
    expect(heads).toEqual([
      'translate(470.75 400) rotate(90)',
      // A request and its response share the wire: a head at its start too, pointing back.
      'translate(220.25 138) rotate(180)',
      'translate(2270 1120) rotate(90)',
      'translate(870 236) rotate(-90)'
    ]);
    // Heads beyond the picture are left out; the wire into view still is drawn.
    const near = topic.els
      .filter((e) => e.attrs.transform?.startsWith('translate('))
      .map((e) => e.attrs.transform);
    expect(near).toEqual([
      'translate(470.75 400) rotate(90)',
      'translate(220.25 138) rotate(180)',
      'translate(870 236) rotate(-90)'
    ]);
  });

  it('lights the topic and what it joins, and fades the rest', () => {
    const whole = drawWhole();
    const topic = drawTopic();
    const [accent] = COLOURS.groups['server-stack'];
    const nginx = topic.rectAt(layout.nodes[0])!;
    expect(nginx.attrs).toMatchObject({ fill: accent, 'stroke-width': '3' });
    expect(nginx.attrs['fill-opacity']).toBeUndefined();
    expect(topic.textsOf('Nginx')[0].attrs).toMatchObject({
      fill: COLOURS.white,
      'font-weight': 'bold'
    });
    // Gunicorn is joined to it, the Web servers box holds it: both at full strength.
    for (const part of [layout.nodes[1], layout.boxes[1]])
      expect(topic.rectAt(part)!.attrs['fill-opacity']).toBeUndefined();
    expect(topic.textsOf('Green')[0].attrs.fill).toBe(COLOURS.ink);
    expect(topic.textsOf('Green')[0].attrs['font-weight']).toBeUndefined();
    const faded = String(FADE.unlit);
    expect(topic.rectAt(layout.nodes[2])!.attrs).toMatchObject({
      'fill-opacity': faded,
      'stroke-opacity': faded
    });
    expect(topic.textsOf('Beside')[0].attrs['fill-opacity']).toBe(faded);
    // Regions and frames hold everything: they are only dimmed a little.
    expect(topic.rectAt(layout.boxes[0])!.attrs['fill-opacity']).toBe('0.6');
    // The joining wire is drawn strong in ink; the others faded, their heads too.
    const wire = (d: string) => topic.els.find((e) => e.tag === 'path' && e.attrs.d === d)!.attrs;
    expect(wire(NGINX_GUNICORN)).toMatchObject({
      stroke: COLOURS.ink,
      'stroke-width': String(STROKE.flowOn)
    });
    expect(wire(NGINX_GUNICORN)['stroke-opacity']).toBeUndefined();
    const other = wire(FAR_TO_BESIDE);
    expect(other).toMatchObject({
      stroke: COLOURS.edge,
      'stroke-width': String(STROKE.flow),
      'stroke-opacity': String(FADE.filteredEdge)
    });
    const heads = topic.els.filter((e) => e.attrs.transform?.startsWith('translate('));
    expect(heads.map((h) => [h.attrs.fill, h.attrs['fill-opacity']])).toEqual([
      [COLOURS.ink, undefined],
      [COLOURS.ink, undefined],
      [COLOURS.edge, String(FADE.filteredEdge)]
    ]);
    // The whole map's card lights everything the same way: nothing faded, no wire strong.
    expect(whole.els.some((e) => 'fill-opacity' in e.attrs || 'stroke-opacity' in e.attrs)).toBe(
      false
    );
    expect(whole.els.filter((e) => e.attrs.stroke === COLOURS.ink)).toEqual([]);
  });

  it('paints the margins over the drawing and frames the picture', () => {
    const card = shareCardSvg(layout, { title: 'The map' });
    const mask =
      /<path d="M0,0H(\d+)V(\d+)H0Z M([^"]+)" fill="#ffffff" fill-rule="evenodd"\/>/.exec(card);
    expect(mask?.slice(1, 3)).toEqual([String(CARD.width), String(CARD.height)]);
    // The hole is the picture area, its corners rounded: where it starts and where each arc ends.
    const corners = [...`M${mask![3]}`.matchAll(/(?:M| 0 0 1 )(-?[\d.]+),(-?[\d.]+)/g)].map((m) => [
      Number(m[1]),
      Number(m[2])
    ]);
    expect(corners).toEqual([
      [AREA.x + 14, AREA.y],
      [AREA.x + AREA.width, AREA.y + 14],
      [AREA.x + AREA.width - 14, AREA.y + AREA.height],
      [AREA.x, AREA.y + AREA.height - 14],
      [AREA.x + 14, AREA.y]
    ]);
    expect(mask![3]).toContain(`H${AREA.x + AREA.width - 14}A14,14`);
    expect(mask![3]).toContain(`V${AREA.y + AREA.height - 14}A14,14`);
    expect(mask![3]).toContain(`H${AREA.x + 14}A14,14`);
    expect(mask![3]).toContain(`V${AREA.y + 14}A14,14`);
    expect(card).toContain(
      `<rect x="${AREA.x}" y="${AREA.y}" width="${AREA.width}" height="${AREA.height}" rx="14" fill="none" stroke="${COLOURS.regionStroke}"/>`
    );
    // The drawing comes first, the margins over it, the words over those.
    const order = ['<g transform', 'fill-rule="evenodd"', '>The map</text>'].map((s) =>
      card.indexOf(s)
    );
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(
      card.startsWith(
        `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630" viewBox="0 0 1200 630">\n<rect width="1200" height="630" fill="#f8fafc"/>`
      )
    ).toBe(true);
  });
});

describe('a share card’s title', () => {
  const titleOf = (title: string) => {
    const card = readCard(shareCardSvg(sampleLayout(), { title }));
    // The header's words come after the margins are painted (the mask, then the frame).
    const header = card.els.slice(card.els.findIndex((e) => e.attrs['fill-rule']) + 2);
    return {
      brand: header[0],
      lines: header
        .slice(1)
        .map((e) => ({ text: e.text, size: card.num(e, 'font-size'), y: card.num(e, 'y') }))
    };
  };

  it('names the site above the title, in the header band', () => {
    const { brand, lines } = titleOf('Gunicorn');
    expect(brand).toMatchObject({
      text: 'Deployment Map',
      attrs: { x: '36', y: '54', 'font-weight': 'bold' }
    });
    expect(lines).toHaveLength(1);
    expect(lines[0].y).toBeGreaterThan(54);
  });

  it('sets a short title large, a longer one smaller, both on one line', () => {
    expect(titleOf('Gunicorn').lines).toEqual([
      { text: 'Gunicorn', size: 58, y: expect.any(Number) }
    ]);
    // 28 characters is still short; 29 is not.
    expect(titleOf('a'.repeat(28)).lines[0].size).toBe(58);
    expect(titleOf('a'.repeat(29)).lines[0].size).toBe(48);
    expect(titleOf('a'.repeat(40)).lines).toHaveLength(1);
    for (const t of ['Gunicorn', 'a'.repeat(40)]) {
      const [line] = titleOf(t).lines;
      // The baseline clears the site's name by a line of its own size and stays in the band.
      expect(line.y).toBeCloseTo(62 + line.size * 1.05, 1);
      expect(line.y).toBeLessThan(AREA.y);
    }
  });

  it('breaks a long title at a space into two smaller lines, shortening only the second', () => {
    const two = titleOf('Continuous integration and delivery for Python web apps');
    expect(two.lines.map((l) => l.text)).toEqual([
      'Continuous integration and delivery for',
      'Python web apps'
    ]);
    expect(two.lines.map((l) => l.size)).toEqual([34, 34]);
    expect(two.lines[1].y - two.lines[0].y).toBeCloseTo(34 * 1.05, 1);
    expect(two.lines[1].y).toBeLessThan(AREA.y);
    const long = titleOf(`Deploying ${'very '.repeat(16)}carefully`).lines.map((l) => l.text);
    expect(long[0]).toBe('Deploying very very very very very very');
    expect(long[1]).toHaveLength(40);
    expect(long[1].endsWith('…')).toBe(true);
    expect(`${long[0]} ${long[1].slice(0, -1)}`).toBe(
      `Deploying ${'very '.repeat(16)}carefully`.slice(0, 79)
    );
    // A first word longer than a line is cut, not lost.
    const word = titleOf(`${'x'.repeat(45)} end`).lines.map((l) => l.text);
    expect(word).toEqual(['x'.repeat(40), 'xxxxx end']);
  });

  it('fills the first line up to its last character, and keeps a second line that fits whole', () => {
    const texts = (t: string) => titleOf(t).lines.map((l) => l.text);
    // 40 characters fit on a line; 41 do not.
    expect(texts(`${'a'.repeat(19)} ${'b'.repeat(20)} c`)).toEqual([
      `${'a'.repeat(19)} ${'b'.repeat(20)}`,
      'c'
    ]);
    expect(texts(`${'a'.repeat(19)} ${'b'.repeat(21)} c`)).toEqual([
      'a'.repeat(19),
      `${'b'.repeat(21)} c`
    ]);
    // A second line of exactly 40 characters is not shortened.
    expect(texts(`${'a'.repeat(39)} ${'b'.repeat(40)}`)).toEqual(['a'.repeat(39), 'b'.repeat(40)]);
    expect(texts(`${'a'.repeat(39)} ${'b'.repeat(41)}`)).toEqual([
      'a'.repeat(39),
      `${'b'.repeat(39)}…`
    ]);
  });

  it('escapes what would break the markup', () => {
    const card = shareCardSvg(
      { ...sampleLayout(), nodes: [{ ...sampleLayout().nodes[0], lines: ['A & "B" <C>'] }] },
      { title: 'Fish & "chips" <now>' }
    );
    expect(card).toContain('>Fish &amp; &quot;chips&quot; &lt;now&gt;</text>');
    expect(card).toContain('>A &amp; &quot;B&quot; &lt;C&gt;</text>');
  });
});
