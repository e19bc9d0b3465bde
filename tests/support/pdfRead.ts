// Reads a PDF back as a reader sees it, in process and without a renderer: each page's
// text runs (the words, where their baseline starts, their width, size, font and colour)
// and painted shapes (their extent on the page, fill and stroke colour, opacity, line
// width), its links and the outline. Unit tests use it to check what the PDF shows
// against the layout and the style it was drawn from.
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFRawStream,
  PDFRef,
  StandardFonts,
  PDFString,
  decodePDFRawStream,
  type PDFFont,
  type PDFObject,
  type PDFPage
} from 'pdf-lib';

/** The standard fonts the browser PDF uses, for the widths a PDF does not list for them. */
const scratch = await PDFDocument.create();
const STANDARD = new Map<string, PDFFont>(
  await Promise.all(
    [StandardFonts.Helvetica, StandardFonts.HelveticaBold, StandardFonts.Courier].map(
      async (n) => [n as string, await scratch.embedFont(n)] as const
    )
  )
);

export interface TextRun {
  text: string;
  /** Baseline start, in page points (y up). */
  x: number;
  y: number;
  /** Advance width in points, from the font's widths. */
  width: number;
  size: number;
  font: string;
  bold: boolean;
  mono: boolean;
  colour: [number, number, number];
}

export interface Shape {
  /** Extent of the path's points (curve control points included) in page points. */
  box: { x1: number; y1: number; x2: number; y2: number };
  points: [number, number][];
  fill?: [number, number, number];
  stroke?: [number, number, number];
  fillOpacity: number;
  strokeOpacity: number;
  /** Stroke width in page points. */
  lineWidth: number;
}

export interface Link {
  rect: [number, number, number, number];
  uri?: string;
  /** 0-based index of the page an internal link jumps to. */
  page?: number;
  contents?: string;
  /** The border drawn round the link ([0, 0, 0]: none). */
  border?: number[];
}

export interface OutlineItem {
  title: string;
  page: number;
  children: OutlineItem[];
}

type M = [number, number, number, number, number, number];
const mul = (a: M, b: M): M => [
  a[0] * b[0] + a[1] * b[2],
  a[0] * b[1] + a[1] * b[3],
  a[2] * b[0] + a[3] * b[2],
  a[2] * b[1] + a[3] * b[3],
  a[4] * b[0] + a[5] * b[2] + b[4],
  a[4] * b[1] + a[5] * b[3] + b[5]
];
const apply = (m: M, x: number, y: number): [number, number] => [
  m[0] * x + m[2] * y + m[4],
  m[1] * x + m[3] * y + m[5]
];

type Token = number | string | { name: string } | { hex: string } | Token[];

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  const stack: Token[][] = [out];
  const re =
    /\s*(?:(\[)|(\])|<([0-9A-Fa-f\s]*)>|\/([^\s/[\]()<>]+)|\(((?:\\.|[^\\)])*)\)|([-+]?(?:\d+\.?\d*|\.\d+))|([A-Za-z'"*]+))/gy;
  let m: RegExpExecArray | null;
  while ((m = re.exec(src)) && m[0].length) {
    const top = stack[stack.length - 1];
    if (m[1]) {
      const arr: Token[] = [];
      top.push(arr);
      stack.push(arr);
    } else if (m[2]) stack.pop();
    else if (m[3] !== undefined) top.push({ hex: m[3].replace(/\s/g, '') });
    else if (m[4]) top.push({ name: m[4] });
    else if (m[5] !== undefined) top.push({ hex: literalHex(m[5]) });
    else if (m[6]) top.push(Number(m[6]));
    else top.push(m[7]);
  }
  return out;
}

/** A literal string's bytes (PDF 32000 7.3.4.2: escapes and octal codes), as hex. */
function literalHex(body: string): string {
  const named: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12 };
  const bytes: number[] = [];
  for (let i = 0; i < body.length; i++) {
    if (body[i] !== '\\') bytes.push(body.charCodeAt(i));
    else {
      const next = body[++i];
      const octal = /^[0-7]{1,3}/.exec(body.slice(i))?.[0];
      if (octal) {
        bytes.push(parseInt(octal, 8));
        i += octal.length - 1;
      } else bytes.push(named[next] ?? next.charCodeAt(0));
    }
  }
  return bytes.map((b) => b.toString(16).padStart(2, '0')).join('');
}

const bytesOf = (doc: PDFDocument, obj: PDFObject | undefined): Uint8Array => {
  const o = obj instanceof PDFRef ? doc.context.lookup(obj) : obj;
  if (o instanceof PDFRawStream) return decodePDFRawStream(o).decode();
  if (o instanceof PDFArray)
    return Buffer.concat(
      o.asArray().flatMap((x) => [Buffer.from(bytesOf(doc, x)), Buffer.from('\n')])
    );
  throw new Error('not a stream');
};

interface FontInfo {
  name: string;
  toUnicode: Map<string, string>;
  widths: Map<number, number>;
  defaultWidth: number;
  simple?: boolean;
  /** A standard font's own width of a text at size 1000 (it lists no widths in the PDF). */
  standard?: PDFFont;
}

function fontInfo(doc: PDFDocument, dict: PDFDict): FontInfo {
  const name = (dict.lookup(PDFName.of('BaseFont')) as PDFName)
    .asString()
    .replace(/^\/\w{6}\+/, '/');
  // A standard font (the page numbers' Helvetica): one byte a character, no widths here.
  if (!dict.get(PDFName.of('DescendantFonts')))
    return {
      name,
      toUnicode: new Map(),
      widths: new Map(),
      defaultWidth: NaN,
      simple: true,
      standard: STANDARD.get(name.replace(/^\//, '').replace(/-\d+$/, ''))
    };
  const toUnicode = new Map<string, string>();
  const cmap = Buffer.from(bytesOf(doc, dict.get(PDFName.of('ToUnicode')))).toString('latin1');
  const utf16 = (hex: string) =>
    String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
    for (const [, src, dst] of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g))
      toUnicode.set(src.toLowerCase(), utf16(dst));
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g))
    for (const [, lo, hi, dst] of block[1].matchAll(
      /<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g
    )) {
      for (let c = parseInt(lo, 16); c <= parseInt(hi, 16); c++) {
        const d = parseInt(dst, 16) + c - parseInt(lo, 16);
        toUnicode.set(c.toString(16).padStart(lo.length, '0'), String.fromCodePoint(d));
      }
    }
  const widths = new Map<number, number>();
  const cid = (dict.lookup(PDFName.of('DescendantFonts')) as PDFArray).lookup(0) as PDFDict;
  const w = cid.lookup(PDFName.of('W')) as PDFArray | undefined;
  const items = w?.asArray().map((x) => doc.context.lookup(x) ?? x) ?? [];
  for (let i = 0; i < items.length;) {
    const first = (items[i] as PDFNumber).asNumber();
    const next = items[i + 1];
    if (next instanceof PDFArray) {
      next.asArray().forEach((v, k) => widths.set(first + k, (v as PDFNumber).asNumber()));
      i += 2;
    } else {
      const last = (next as PDFNumber).asNumber();
      for (let c = first; c <= last; c++) widths.set(c, (items[i + 2] as PDFNumber).asNumber());
      i += 3;
    }
  }
  const dw = cid.lookup(PDFName.of('DW')) as PDFNumber | undefined;
  return { name, toUnicode, widths, defaultWidth: dw?.asNumber() ?? 1000 };
}

export interface PageContent {
  width: number;
  height: number;
  texts: TextRun[];
  shapes: Shape[];
}

/** The text runs and painted shapes of a page, in drawing order. */
export function readPage(doc: PDFDocument, page: PDFPage): PageContent {
  const res = page.node.Resources()!;
  const fonts = new Map<string, FontInfo>();
  const fontDict = res.lookup(PDFName.of('Font')) as PDFDict | undefined;
  const gsDict = res.lookup(PDFName.of('ExtGState')) as PDFDict | undefined;
  const font = (name: string) => {
    if (!fonts.has(name))
      fonts.set(name, fontInfo(doc, fontDict!.lookup(PDFName.of(name)) as PDFDict));
    return fonts.get(name)!;
  };
  const tokens = tokenize(
    Buffer.from(bytesOf(doc, page.node.get(PDFName.of('Contents')))).toString('latin1')
  );
  const texts: TextRun[] = [];
  const shapes: Shape[] = [];
  type State = {
    ctm: M;
    fill: [number, number, number];
    stroke: [number, number, number];
    ca: number;
    CA: number;
    lw: number;
  };
  let st: State = {
    ctm: [1, 0, 0, 1, 0, 0],
    fill: [0, 0, 0],
    stroke: [0, 0, 0],
    ca: 1,
    CA: 1,
    lw: 1
  };
  const saved: State[] = [];
  let path: [number, number][] = [];
  let tm: M = [1, 0, 0, 1, 0, 0];
  let tf: { font: FontInfo; size: number } | undefined;
  let ops: Token[] = [];
  // Text operators are only valid between BT and ET (PDF 32000 9.4).
  let inText = false;
  const num = (i: number) => ops[i] as number;
  const paint = (fill: boolean, stroke: boolean) => {
    if (path.length) {
      const xs = path.map((p) => p[0]);
      const ys = path.map((p) => p[1]);
      shapes.push({
        box: { x1: Math.min(...xs), y1: Math.min(...ys), x2: Math.max(...xs), y2: Math.max(...ys) },
        points: path,
        fill: fill ? st.fill : undefined,
        stroke: stroke ? st.stroke : undefined,
        fillOpacity: st.ca,
        strokeOpacity: st.CA,
        lineWidth: st.lw * Math.sqrt(Math.abs(st.ctm[0] * st.ctm[3] - st.ctm[1] * st.ctm[2]))
      });
    }
    path = [];
  };
  for (const t of tokens) {
    if (typeof t !== 'string') {
      ops.push(t);
      continue;
    }
    switch (t) {
      case 'q':
        saved.push({ ...st });
        break;
      case 'Q':
        st = saved.pop()!;
        break;
      case 'cm':
        st.ctm = mul([num(0), num(1), num(2), num(3), num(4), num(5)], st.ctm);
        break;
      case 'rg':
        st.fill = [num(0), num(1), num(2)];
        break;
      case 'RG':
        st.stroke = [num(0), num(1), num(2)];
        break;
      case 'w':
        st.lw = num(0);
        break;
      case 'gs': {
        const gs = gsDict!.lookup(PDFName.of((ops[0] as { name: string }).name)) as PDFDict;
        const ca = gs.lookup(PDFName.of('ca')) as PDFNumber | undefined;
        const CA = gs.lookup(PDFName.of('CA')) as PDFNumber | undefined;
        if (ca) st.ca = ca.asNumber();
        if (CA) st.CA = CA.asNumber();
        break;
      }
      case 'm':
      case 'l':
        path.push(apply(st.ctm, num(0), num(1)));
        break;
      case 'c':
        for (let i = 0; i < 6; i += 2) path.push(apply(st.ctm, num(i), num(i + 1)));
        break;
      case 'v':
      case 'y':
        for (let i = 0; i < 4; i += 2) path.push(apply(st.ctm, num(i), num(i + 1)));
        break;
      case 're': {
        const [x, y, w, h] = [num(0), num(1), num(2), num(3)];
        path.push(
          apply(st.ctm, x, y),
          apply(st.ctm, x + w, y + h),
          apply(st.ctm, x + w, y),
          apply(st.ctm, x, y + h)
        );
        break;
      }
      case 'f':
      case 'f*':
      case 'F':
        paint(true, false);
        break;
      case 'S':
      case 's':
        paint(false, true);
        break;
      case 'B':
      case 'B*':
      case 'b':
      case 'b*':
        paint(true, true);
        break;
      case 'n':
        path = [];
        break;
      case 'BT':
        if (inText) throw new Error('BT inside a text object');
        inText = true;
        tm = [1, 0, 0, 1, 0, 0];
        break;
      case 'ET':
        if (!inText) throw new Error('ET outside a text object');
        inText = false;
        break;
      case 'Tf':
        tf = { font: font((ops[0] as { name: string }).name), size: num(1) };
        break;
      case 'Tm':
        tm = [num(0), num(1), num(2), num(3), num(4), num(5)];
        break;
      case 'Td':
        tm = mul([1, 0, 0, 1, num(0), num(1)], tm);
        break;
      case 'Tj': {
        if (!inText) throw new Error('Tj outside a text object');
        const hex = (ops[0] as { hex: string }).hex.toLowerCase();
        const f = tf!.font;
        const codes = hex.match(f.simple ? /.{2}/g : /.{4}/g) ?? [];
        const text = codes
          .map(
            (c) =>
              (f.simple ? String.fromCharCode(parseInt(c, 16)) : f.toUnicode.get(c)) ?? '\ufffd'
          )
          .join('');
        const adv = f.standard
          ? f.standard.widthOfTextAtSize(text, 1)
          : codes.reduce((s, c) => s + (f.widths.get(parseInt(c, 16)) ?? f.defaultWidth), 0) / 1000;
        const m = mul(tm, st.ctm);
        const [x, y] = apply(m, 0, 0);
        const scale = Math.hypot(m[0], m[1]);
        texts.push({
          text,
          x,
          y,
          width: adv * tf!.size * scale,
          size: tf!.size * scale,
          font: f.name,
          bold: /Bold/.test(f.name),
          // An embedded monospace face, or Courier, the standard one.
          mono: /Mono|Courier/.test(f.name),
          colour: st.fill
        });
        break;
      }
    }
    ops = [];
  }
  if (inText) throw new Error('text object not ended');
  const { width, height } = page.getSize();
  return { width, height, texts, shapes };
}

/**
 * The link annotations of a page. Fails on an annotation that is not a well-formed link
 * (PDF 32000 12.5.6.5): a /Link with a destination [page /Fit] or a /URI action.
 */
export function readLinks(doc: PDFDocument, page: PDFPage): Link[] {
  const annots = page.node.lookup(PDFName.of('Annots'));
  if (!(annots instanceof PDFArray)) return [];
  const pages = doc.getPages().map((p) => p.ref);
  const name = (d: PDFDict | undefined, key: string) =>
    (d?.lookup(PDFName.of(key)) as PDFName | undefined)?.asString();
  return annots.asArray().map((ref) => {
    const a = doc.context.lookup(ref) as PDFDict;
    if (name(a, 'Type') !== '/Annot' || name(a, 'Subtype') !== '/Link')
      throw new Error(`not a link annotation: ${a.toString()}`);
    const nums = (key: string) =>
      (a.lookup(PDFName.of(key)) as PDFArray | undefined)
        ?.asArray()
        .map((n) => (n as PDFNumber).asNumber());
    const rect = nums('Rect') as Link['rect'];
    const action = a.lookup(PDFName.of('A')) as PDFDict | undefined;
    if (action && (name(action, 'S') !== '/URI' || name(action, 'Type') !== '/Action'))
      throw new Error(`not a URI action: ${action.toString()}`);
    const uri = (action?.lookup(PDFName.of('URI')) as PDFString | undefined)?.decodeText();
    const dest = a.lookup(PDFName.of('Dest')) as PDFArray | undefined;
    if (dest && (dest.size() !== 2 || (dest.lookup(1) as PDFName).asString() !== '/Fit'))
      throw new Error(`not a [page /Fit] destination: ${dest.toString()}`);
    if (!dest === !action) throw new Error(`a link needs one destination or action`);
    const target = dest?.get(0);
    const contents = (a.lookup(PDFName.of('Contents')) as PDFHexString | undefined)?.decodeText();
    return {
      rect,
      uri,
      page: target ? pages.findIndex((r) => r === target) : undefined,
      contents,
      border: nums('Border')
    };
  });
}

/**
 * The outline as a tree: each entry's title and the page it opens (0-based). Fails when
 * the tree's links are inconsistent (PDF 32000 12.3.3): Parent, Prev, Next, First, Last
 * and the counts of open entries, which readers use to walk and fold it.
 */
export function readOutline(doc: PDFDocument): OutlineItem[] {
  const pages = doc.getPages().map((p) => p.ref);
  const root = doc.catalog.lookup(PDFName.of('Outlines')) as PDFDict | undefined;
  const ref = (d: PDFDict, key: string) => d.get(PDFName.of(key)) as PDFRef | undefined;
  const check = (ok: boolean, what: string) => {
    if (!ok) throw new Error(`outline: ${what}`);
  };
  /** The items under `parent`, and how many entries are visible under it (all are open). */
  const walk = (parent: PDFDict, parentRef: PDFRef | undefined): [OutlineItem[], number] => {
    const items: OutlineItem[] = [];
    let visible = 0;
    let prev: PDFRef | undefined;
    let at = ref(parent, 'First');
    while (at) {
      const d = doc.context.lookup(at) as PDFDict;
      if (parentRef) check(ref(d, 'Parent') === parentRef, 'Parent');
      check(ref(d, 'Prev') === prev, 'Prev');
      const dest = d.lookup(PDFName.of('Dest')) as PDFArray;
      check((dest.lookup(1) as PDFName).asString() === '/Fit', 'Dest');
      const [children, under] = walk(d, at);
      const count = (d.lookup(PDFName.of('Count')) as PDFNumber | undefined)?.asNumber();
      check(count === (children.length ? under : undefined), 'Count');
      check(!children.length === !ref(d, 'Last'), 'Last');
      items.push({
        title: (d.lookup(PDFName.of('Title')) as PDFHexString).decodeText(),
        page: pages.findIndex((r) => r === dest.get(0)),
        children
      });
      visible += 1 + under;
      prev = at;
      at = ref(d, 'Next');
    }
    check(ref(parent, 'Last') === prev, 'Last');
    return [items, visible];
  };
  if (!root) return [];
  check((root.lookup(PDFName.of('Type')) as PDFName).asString() === '/Outlines', 'Type');
  const rootRef = doc.catalog.get(PDFName.of('Outlines')) as PDFRef;
  const [items, visible] = walk(root, rootRef);
  check((root.lookup(PDFName.of('Count')) as PDFNumber).asNumber() === visible, 'Count');
  check(
    (doc.catalog.lookup(PDFName.of('PageMode')) as PDFName | undefined)?.asString() ===
      '/UseOutlines',
    'PageMode: a reader opens the outline'
  );
  return items;
}

/** Whether a point lies inside a box, to within `slack` points. */
export const inside = (
  [x, y]: [number, number],
  b: { x: number; y: number; width: number; height: number },
  slack = 0.01
) =>
  x >= b.x - slack && x <= b.x + b.width + slack && y >= b.y - slack && y <= b.y + b.height + slack;

/**
 * Whether a colour read back from a page is the palette colour `rgb`: the content stream
 * keeps a few decimals, so within 0.006 on each channel.
 */
export const sameColour = (
  c: readonly number[] | undefined,
  rgb: { red: number; green: number; blue: number }
) =>
  !!c &&
  Math.abs(c[0] - rgb.red) < 0.006 &&
  Math.abs(c[1] - rgb.green) < 0.006 &&
  Math.abs(c[2] - rgb.blue) < 0.006;

/** The links whose rectangle covers a text run: its baseline from start to end, and its letters. */
export const linksOver = (links: Link[], r: TextRun) =>
  links.filter(
    (l) =>
      l.rect[0] <= r.x + 0.01 &&
      l.rect[2] >= r.x + r.width - 0.5 &&
      l.rect[1] <= r.y &&
      l.rect[3] >= r.y + r.size * 0.7
  );
