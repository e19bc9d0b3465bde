// @vitest-environment node
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, StandardFonts, rgb, type PDFFont } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { shapeArabic } from '../../src/lib/pdf/arabicForms.ts';
import { baseLevel, visualText } from '../../src/lib/pdf/bidi.ts';
import {
  breakLines,
  breakPieces,
  codeLines,
  pdfSafeText,
  styleRuns,
  textWidth,
  type Line,
  type StyledRun
} from '../../src/lib/pdf/textFlow.ts';
import { readFonts } from '../../src/lib/site/siteData.ts';

let font: PDFFont;
let mono: PDFFont;
beforeAll(async () => {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  font = await doc.embedFont(readFonts().regular, { subset: true });
  mono = await doc.embedFont(readFonts().mono, { subset: true });
});

const text = (line: Line) => line.words.map((w) => w.text).join('');
const right = (line: Line) => Math.max(0, ...line.words.map((w) => w.x + w.width));
const run = (t: string, extra: Partial<StyledRun> = {}): StyledRun => ({
  text: t,
  font,
  size: 10,
  ...extra
});

describe('pdfSafeText', () => {
  it.each([
    ['plain text stays', 'Nginx and Gunicorn', 'Nginx and Gunicorn', []],
    ['zero-width space is dropped', 'Web\u200bserver', 'Webserver', []],
    ['zero-width non-joiner and joiner are dropped', 'a\u200cb\u200dc', 'abc', []],
    ['word joiner and BOM are dropped', '\ufeffa\u2060b', 'ab', []],
    ['soft hyphen is dropped', 'de\u00adploy\u00adment', 'deployment', []],
    ['bidi marks and overrides are dropped', 'a\u200e\u202eb\u202c\u2067c\u2069', 'abc', []],
    ['control characters and separators become spaces', 'a\u0007b\tc\nd\u2028e', 'a b c d e', []],
    ['a lone surrogate becomes the replacement mark', 'a\ud800b', 'a\ufffdb', []],
    ['Hebrew is in the font', 'שלום', 'שלום', []],
    ['Arabic letters take their joined forms', 'مرحبا', '\ufee3\ufeae\ufea3\ufe92\ufe8e', []],
    ['a lone Arabic letter is isolated, two join', 'ب بب', '\ufe8f \ufe91\ufe90', []],
    [
      'lam and alef become one ligature, joined to a letter before',
      'لا سلام',
      '\ufefb \ufeb3\ufefc\ufee1',
      []
    ],
    ['a haraka does not break the joining', 'بَب', '\ufe91\u064e\ufe90', []],
    ['Greek, Cyrillic and arrows are in the font', 'λ Ж → ✓', 'λ Ж → ✓', []],
    [
      'CJK is not in the font: a visible placeholder, reported',
      '漢字 ok',
      '\ufffd\ufffd ok',
      ['漢', '字']
    ],
    [
      'Devanagari and an astral symbol are not in the font',
      'go क 🚀',
      'go \ufffd \ufffd',
      ['क', '🚀']
    ]
  ])('%s', (_, input, expected, missing) => {
    const seen: string[] = [];
    expect(pdfSafeText(input, font, (ch) => seen.push(ch))).toBe(expected);
    expect(seen).toEqual(missing);
  });

  it('without a font, cleans the text and keeps every character', () => {
    expect(pdfSafeText('a\u200bb\tc 漢 →')).toBe('ab c 漢 →');
  });

  it('styleRuns cleans every run and reports what the font lacks', () => {
    const seen: string[] = [];
    const runs = styleRuns(
      [{ text: 'a\u200bb' }, { text: '字', strong: true }],
      { regular: font, bold: font },
      10,
      rgb(0, 0, 1),
      (c) => seen.push(c)
    );
    expect(runs.map((r) => r.text)).toEqual(['ab', '\ufffd']);
    expect(seen).toEqual(['字']);
  });
});

describe('shapeArabic', () => {
  it('leaves a letter as it is when the font lacks the form', () => {
    expect(shapeArabic('بب', () => false)).toBe('بب');
    expect(shapeArabic('no Arabic here')).toBe('no Arabic here');
  });

  // Forms as code points: beh (U+0628) is FE8F isolated, FE90 final, FE91 initial, FE92
  // medial; alef (U+0627) joins only the letter before it (FE8D, FE8E).
  const cps = (t: string) => [...t].map((c) => c.codePointAt(0)!.toString(16));
  it('joins each letter to its neighbours as the script does', () => {
    // Beh beh beh: initial, medial, final (with the default: every form drawable).
    expect(cps(shapeArabic('ببب'))).toEqual(['fe91', 'fe92', 'fe90']);
    // After alef, which never joins the letter after it, beh starts afresh.
    expect(cps(shapeArabic('اب'))).toEqual(['fe8d', 'fe8f']);
    expect(cps(shapeArabic('باب'))).toEqual(['fe91', 'fe8e', 'fe8f']);
    // Tatweel joins on both sides.
    expect(cps(shapeArabic('ـب'))).toEqual(['640', 'fe90']);
    expect(cps(shapeArabic('بـ'))).toEqual(['fe91', '640']);
    // Hamza never joins: beh before it stays isolated, and hamza keeps its one form.
    expect(cps(shapeArabic('بء'))).toEqual(['fe8f', 'fe80']);
  });

  it('lets marks sit between letters without breaking the join', () => {
    // Beh, fatha, beh: the mark stays, the letters still join.
    expect(cps(shapeArabic('بَب'))).toEqual(['fe91', '64e', 'fe90']);
  });

  it('draws lam and alef as one ligature when the font has it, marks after it', () => {
    expect(cps(shapeArabic('لا'))).toEqual(['fefb']);
    expect(cps(shapeArabic('بلا'))).toEqual(['fe91', 'fefc']);
    expect(cps(shapeArabic('لَا'))).toEqual(['fefb', '64e']);
    expect(cps(shapeArabic('لَّا'))).toEqual(['fefb', '64e', '651']);
    // Without the ligature's glyph: lam initial and alef final instead.
    expect(cps(shapeArabic('لا', (cp) => cp < 0xfef5))).toEqual(['fedf', 'fe8e']);
  });
});

describe('visual order of right-to-left text', () => {
  it.each([
    ['left-to-right text is untouched', 'Nginx serves files', 'Nginx serves files'],
    ['a Hebrew word is reversed', 'שלום', 'םולש'],
    ['Hebrew words are reversed, and their order too', 'שלום עולם', 'םלוע םולש'],
    [
      'Hebrew inside English: only the Hebrew run turns',
      'use שלום עולם here',
      'use םלוע םולש here'
    ],
    ['English inside Hebrew: the English keeps its order', 'שלום Nginx עולם', 'םלוע Nginx םולש'],
    ['numbers in a right-to-left run stay left to right', 'שלום 123 עולם', 'םלוע 123 םולש'],
    ['brackets are mirrored in a right-to-left run', 'שלום (עולם)', '(םלוע) םולש'],
    ['Arabic is reversed', 'مرحبا بالعالم', 'ملاعلاب ابحرم'],
    ['a combining mark stays after its base letter', 'שָׁלוֹם', 'םוֹלשָׁ'],
    ['English numbers after English stay put', 'version 2 of שלום', 'version 2 of םולש'],
    [
      'in a right-to-left line, English and the number after it read as one run',
      'שלום abc 12 עולם',
      'םלוע abc 12 םולש'
    ],
    [
      'in an English line, a number inside Hebrew stays inside it, in its own order',
      'Hello שלום 123 עולם',
      'Hello םלוע 123 םולש'
    ],
    ['brackets in a left-to-right run keep their direction', 'use (x) שלום', 'use (x) םולש']
  ])('%s', (_, logical, visual) => {
    expect(visualText(logical)).toBe(visual);
  });

  it.each([
    ['Hello שלום', 0],
    ['שלום Hello', 1],
    ['123 שלום', 1],
    ['(١٢٣)', 0]
  ])('paragraph direction of %s is %i', (t, level) => {
    expect(baseLevel(t)).toBe(level);
  });
});

describe('breakPieces', () => {
  it.each([
    ['a word without CJK is one piece', 'deployment', ['deployment']],
    ['CJK breaks between characters', '漢字仮名', ['漢', '字', '仮', '名']],
    [
      'closing punctuation stays with the character before it',
      '漢字。仮名、',
      ['漢', '字。', '仮', '名、']
    ],
    ['opening brackets stay with the character after them', '漢「字」', ['漢', '「字」']],
    ['Latin next to CJK may break', 'Nginx漢字', ['Nginx', '漢', '字']]
  ])('%s', (_, word, pieces) => {
    expect(breakPieces(word)).toEqual(pieces);
  });
});

describe('breakLines', () => {
  const width = 200;
  it.each([
    ['a long CJK run', () => [run('漢字'.repeat(120))]],
    ['a long token', () => [run('x'.repeat(600))]],
    [
      'a long address among words',
      () => [run(`see https://example.org/${'path/'.repeat(60)} for more`)]
    ],
    [
      'a long token in a link run',
      () => [run('go to '), run('a'.repeat(300), { href: 'https://example.org/' }), run(' now')]
    ],
    [
      'CJK in an English sentence',
      () => [run(`Nginx は ${'高速なウェブサーバーです。'.repeat(12)} fine`)]
    ],
    ['a long Hebrew run', () => [run('שלום'.repeat(80))]]
  ])('%s wraps inside the width and loses nothing', (_, make) => {
    const runs = make();
    const lines = breakLines(runs, width, 14);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(right(line) + line.indent).toBeLessThanOrEqual(width + 1e-6);
    const all = runs.map((r) => r.text).join('');
    const hasRtl = /[\u0590-\u05ff]/.test(all);
    // Visual order reverses right-to-left text; left-to-right text reads back exactly.
    const back = lines
      .map(text)
      .join(hasRtl ? '' : ' ')
      .replace(/ +/g, ' ');
    if (hasRtl) expect([...back].sort().join('')).toBe([...all].sort().join(''));
    else expect(back.replace(/ /g, '')).toBe(all.replace(/ /g, ''));
  });

  it('never starts a line with CJK closing punctuation', () => {
    const lines = breakLines([run('漢字。'.repeat(100))], 123, 14);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(text(line)).not.toMatch(/^。/);
  });

  it('hangs continuation lines of a list item and keeps them inside the width', () => {
    const lines = breakLines([run('• '), run('y'.repeat(400))], width, 14, 0, 12);
    expect(lines[0].indent).toBe(0);
    for (const line of lines.slice(1)) {
      expect(line.indent).toBe(12);
      expect(right(line) + line.indent).toBeLessThanOrEqual(width);
    }
  });

  it('puts a mixed line in visual order with word positions that follow each other', () => {
    const link = run('שלום עולם', { href: '/topics/nginx/' });
    const [line] = breakLines([run('go to '), link, run(' now')], 400, 14);
    expect(line.words.map((w) => w.text)).toEqual(['go to ', 'םלוע םולש', ' now']);
    expect(line.words[1].run).toBe(link);
    for (let i = 1; i < line.words.length; i++)
      expect(line.words[i].x).toBeCloseTo(line.words[i - 1].x + line.words[i - 1].width, 6);
  });

  it('sets a right-to-left paragraph flush right, its first words on the right', () => {
    const lines = breakLines([run('אחד שתיים שלוש ארבע חמש שש שבע שמונה תשע עשר')], 120, 14);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(right(line)).toBeCloseTo(120, 3);
    expect(text(lines[0]).endsWith('דחא')).toBe(true);
  });

  it('measures what it draws', () => {
    const [line] = breakLines([run('Nginx serves files')], 400, 14);
    expect(right(line)).toBeCloseTo(textWidth(font, 'Nginx serves files', 10), 6);
  });
});

describe('codeLines', () => {
  it('keeps one line per source line, with its indentation and braces', () => {
    const lines = codeLines('server {\n    listen 8000;\n\n}', mono, 9, 400, 12);
    expect(lines.map(text)).toEqual(['server {', '    listen 8000;', '', '}']);
  });

  it('wraps a line wider than the block, continuations marked and hung under its indent', () => {
    const long = `  ExecStart=/usr/bin/gunicorn ${'--workers 3 '.repeat(8)}app:application`;
    const width = 200;
    const lines = codeLines(long, mono, 9, width, 12);
    expect(lines.length).toBeGreaterThan(2);
    for (const l of lines) expect(l.indent + right(l)).toBeLessThanOrEqual(width + 0.01);
    expect(text(lines[0]).startsWith('  ExecStart=')).toBe(true);
    expect(lines.slice(1).every((l) => text(l).startsWith('↪ ') && l.indent > 0)).toBe(true);
    // Nothing lost: the words read back in order.
    const back = lines
      .map((l) => text(l).replace(/^↪ /, ''))
      .join(' ')
      .split(/\s+/)
      .filter(Boolean);
    expect(back).toEqual(long.split(/\s+/).filter(Boolean));
  });

  it('cuts a word longer than the block', () => {
    const lines = codeLines('x'.repeat(100), mono, 10, 120, 12);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.map((l) => text(l).replace(/^↪ /, '')).join('')).toBe('x'.repeat(100));
  });
});

describe('codeLines, character by character (a monospace face: every character one advance)', () => {
  const size = 10;
  /** A block exactly `chars` characters wide. */
  const cols = (chars: number) => chars * textWidth(mono, ' ', size);
  const lines = (code: string, chars: number) => codeLines(code, mono, size, cols(chars), 12);

  it('ends a line at CRLF, CR or LF, tabs as four spaces, trailing blanks dropped', () => {
    expect(lines('a\r\nb\rc\nd', 40).map(text)).toEqual(['a', 'b', 'c', 'd']);
    expect(lines('\tx = 1  \t', 40).map(text)).toEqual(['    x = 1']);
    expect(lines('if x:\n\t\treturn', 40).map(text)).toEqual(['if x:', '        return']);
  });

  it('keeps a line exactly as wide as the block whole', () => {
    expect(lines('x'.repeat(20), 20).map(text)).toEqual(['x'.repeat(20)]);
    expect(lines('x'.repeat(21), 20).map(text)).toEqual(['x'.repeat(20), '↪ x']);
  });

  it('wraps at the last space in the line’s last third, dropping the space at the cut', () => {
    const got = lines('aaaa bbbb cccc dddd eeee ffff', 20);
    expect(got.map(text)).toEqual(['aaaa bbbb cccc dddd', '↪ eeee ffff']);
    expect(got.map((l) => l.indent)).toEqual([0, 0]);
    // A space at the very edge is the cut too.
    expect(lines(`${'a'.repeat(20)} bb`, 20).map(text)).toEqual(['a'.repeat(20), '↪ bb']);
  });

  it('cuts mid-word when the last space comes too early', () => {
    const got = lines(`ab ${'c'.repeat(30)}`, 20);
    expect(got.map(text)).toEqual([`ab ${'c'.repeat(17)}`, `↪ ${'c'.repeat(13)}`]);
  });

  it('hangs continuations under the indentation, two characters narrower', () => {
    const advance = textWidth(mono, ' ', size);
    const got = lines(`    ${'w'.repeat(40)}`, 20);
    // 20 on the first line (4 of them spaces), then 20 - 4 - 2 = 14 behind the mark.
    expect(got.map(text)).toEqual([
      `    ${'w'.repeat(16)}`,
      `↪ ${'w'.repeat(14)}`,
      `↪ ${'w'.repeat(10)}`
    ]);
    expect(got.map((l) => l.indent)).toEqual([0, 4 * advance, 4 * advance]);
    // Deep indentation keeps at least 8 characters a line for the code itself.
    const deep = lines(`${' '.repeat(30)}${'z'.repeat(20)}`, 20);
    expect(deep[1].indent).toBe(12 * advance);
    expect(deep.slice(1).every((l) => [...text(l)].length <= 8)).toBe(true);
  });
});

describe('breakLines, word by word (a monospace face)', () => {
  const size = 10;
  const cols = (chars: number) => chars * textWidth(mono, ' ', size);
  const mrun = (t: string): StyledRun => ({ text: t, font: mono, size });
  const broken = (t: string, chars: number, indent = 0, hang = 0) =>
    breakLines([mrun(t)], cols(chars), 14, indent * cols(1), hang * cols(1));

  it('fills a line to the last word that fits exactly, spaces at the ends dropped', () => {
    expect(broken('aa bb cc', 5).map(text)).toEqual(['aa bb', 'cc']);
    expect(broken('  aa   bb  ', 40).map(text)).toEqual(['aa   bb']);
    expect(broken('aa bb cc', 5)[0].words[0].x).toBe(0);
  });

  it('indents the first line and hangs the rest, each within what is left of the width', () => {
    const got = broken('aa bb cc dd ee', 8, 2, 3);
    // 6 characters on the first line, 3 on the others.
    expect(got.map(text)).toEqual(['aa bb', 'cc', 'dd', 'ee']);
    expect(got.map((l) => l.indent)).toEqual([2, 5, 5, 5].map(cols));
    expect(got.every((l) => l.height === 14)).toBe(true);
  });

  it('cuts a word wider than a line to the narrowest line, then goes on', () => {
    const got = broken(`go ${'x'.repeat(12)} on`, 10, 0, 4);
    expect(got.map(text)).toEqual(['go', 'xxxxxx', 'xxxxxx', 'on']);
    for (const l of got) expect(right(l) + l.indent).toBeLessThanOrEqual(cols(10) + 1e-9);
    // Cut on the first line too: its pieces are sized for the hanging lines after it.
    const first = broken(`${'x'.repeat(25)} on`, 10, 0, 4);
    expect(first.map(text)).toEqual(['xxxxxx', 'xxxxxx', 'xxxxxx', 'xxxxxx', 'x on']);
    for (const l of first) expect(right(l) + l.indent).toBeLessThanOrEqual(cols(10) + 1e-9);
  });
});

describe('standard fonts (the plan PDF, made in the browser without a font engine)', () => {
  let helvetica: PDFFont;
  let courier: PDFFont;
  beforeAll(async () => {
    const doc = await PDFDocument.create();
    helvetica = await doc.embedFont(StandardFonts.Helvetica);
    courier = await doc.embedFont(StandardFonts.Courier);
  });
  it('draws arrows as ASCII and what WinAnsi cannot encode as a visible "?"', () => {
    const safe = pdfSafeText('nginx → Gunicorn · café 日本', helvetica);
    expect(safe).toBe('nginx -> Gunicorn · café ??');
    expect(() => helvetica.encodeText(safe)).not.toThrow();
  });
  it('marks wrapped code lines with a guillemet where the font has no ↪', () => {
    const lines = codeLines(`ExecStart=${'x'.repeat(80)}`, courier, 9, 200, 11);
    expect(lines.length).toBeGreaterThan(1);
    expect(text(lines[1]).startsWith('» ')).toBe(true);
    for (const l of lines) expect(() => courier.encodeText(text(l))).not.toThrow();
  });
});
