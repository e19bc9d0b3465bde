// @vitest-environment jsdom
// Hostile prose through the real build (scripts/build.js): every payload is either
// refused, naming its file and line, or shown as inert text on the page; none runs at
// build time (each would write a marker file if it did). Payloads are batched into two
// builds: one of refused payloads (must fail), one of inert ones (must succeed).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeContent } from '../../scripts/bench/generateContent.js';

const work = mkdtempSync(join(tmpdir(), 'dm-hostile-'));
const MARKER = join(work, 'ran.txt');
/** Code that writes the marker file if it ever runs (Node 20.16+ has getBuiltinModule). */
const RUN = `globalThis.process?.getBuiltinModule?.('node:fs').writeFileSync(${JSON.stringify(MARKER)}, 'ran')`;

/** [name, markdown, line of the refusal relative to the payload's first line]. */
const REFUSED: [string, string, number][] = [
  ['a script block', `<script>${RUN}</script>`, 0],
  ['a script mid-sentence', `Hello <script>${RUN}</script> world.`, 0],
  ['a style block that hides the page', '<style>body { display: none }</style>', 0],
  [
    'a svelte:head meta refresh',
    '<svelte:head><meta http-equiv="refresh" content="0;url=https://evil.example/"></svelte:head>',
    0
  ],
  ['svelte:window with an event', `<svelte:window on:load={() => ${RUN}} />`, 0],
  ['an html comment', 'Hello <!-- hidden --> there.', 0],
  ['an img with onerror', '<img src=x onerror=alert(1)>', 0],
  ['an element with onclick', '<div onclick="alert(1)">click</div>', 0],
  ['a raw link to javascript:', '<a href="javascript:alert(1)">x</a>', 0],
  ['a component tag', '<Foo bar={1} />', 0],
  ['a script in a quote', `> <script>${RUN}</script>`, 0],
  ['html a list item continues into', '- item\n\n    <img src=x onerror=alert(1)>', 2],
  ['a {@html} tag', "{@html '<img src=x onerror=alert(1)>'}", 0],
  ['an {#if} block', '{#if true}shown{/if}', 0],
  ['an expression in text', `Sum: {${RUN}}`, 0],
  ['braces in an ATX heading', `## Heading {${RUN}}`, 0],
  ['braces in a setext heading', `Setext {${RUN}}\n===`, 0],
  ['backslash-escaped braces', `Text \\{${RUN}\\}`, 0],
  ['entity-encoded braces', `Text &#123;${RUN}&#125;`, 0],
  ['braces in image alt text', `![alt {${RUN}}](/favicon.svg)`, 0],
  ['braces in an image title', `![alt](/favicon.svg "t{${RUN}}")`, 0],
  ['braces in a link title', `See [the docs](https://example.org/ "title {${RUN}}").`, 0],
  ['braces in a definition title', `See [docs][d].\n\n[d]: https://example.org/ "t{${RUN}}"`, 2],
  ['javascript: inline', '[x](javascript:alert(1))', 0],
  ['javascript: upper case', '[x](JAVASCRIPT:alert(1))', 0],
  ['javascript: entity-encoded', '[x](jav&#x61;script:alert(1))', 0],
  ['javascript: with a tab', '[x](<java\tscript:alert(1)>)', 0],
  ['javascript: as an autolink', '<javascript:alert(1)>', 0],
  ['javascript: full reference', '[x][r]\n\n[r]: javascript:alert(1)', 2],
  ['javascript: collapsed reference', '[c][]\n\n[c]: jav&#x61;script:alert(1)', 2],
  ['javascript: shortcut reference', '[s]\n\n[s]: javascript:alert(1)', 2],
  ['a data: link', '[x](data:text/html,<script>alert(1)</script>)', 0],
  ['a protocol-relative link', '[x](//evil.example/)', 0],
  ['a backslash host link', '[x](/\\evil.example/)', 0],
  ['a data: image', '![x](data:image/svg+xml;base64,PHN2Zz4=)', 0],
  ['an image from another host', '![x](https://evil.example/pixel.png)', 0],
  ['a protocol-relative image', '![x](//evil.example/pixel.png)', 0],
  ['a data: image by reference', '![x][i]\n\n[i]: data:image/png;base64,AAAA', 0]
];

/** [name, markdown, text the page must show inside a <pre> or <code>]. */
const INERT: [string, string, string][] = [
  ['an indented script', `    <script>${RUN}</script>`, `<script>${RUN}</script>`],
  [
    'an indented svelte:head',
    '    <svelte:head><meta http-equiv="refresh" content="0"></svelte:head>',
    '<svelte:head>'
  ],
  [
    'an img indented as code in a list',
    '- item\n\n      <img src=x onerror=alert(1)>',
    '<img src=x onerror=alert(1)>'
  ],
  [
    'indented code in a quote',
    '>     <style>body { display: none }</style>',
    '<style>body { display: none }</style>'
  ],
  ['a fenced script', `\`\`\`html\n<script>${RUN}</script>\n\`\`\``, `<script>${RUN}</script>`],
  ['a tilde fence with {@html}', "~~~\n{@html '<b>x</b>'}\n~~~", "{@html '<b>x</b>'}"],
  [
    'a fence in a list',
    '- step\n\n  ```\n  <style>body { display: none }</style>\n  ```',
    '<style>body { display: none }</style>'
  ],
  [
    'a fence in a quote',
    `> \`\`\`\n> <script>${RUN}</script>\n> \`\`\``,
    `<script>${RUN}</script>`
  ],
  [
    'a fence with braces in its info',
    `\`\`\`js {${RUN}}\nlet a = {b: 1};\n\`\`\``,
    'let a = {b: 1};'
  ],
  ['braces in a code span', `Write \`{${RUN}}\` literally.`, `{${RUN}}`],
  [
    'an img in a code span',
    'Never `<img src=x onerror=alert(1)>` here.',
    '<img src=x onerror=alert(1)>'
  ]
];

interface Built {
  status: number | null;
  stderr: string;
  out: string;
}

/** Content of synthetic topics, payload i appended to topic i; returns each payload's file and first line. */
function contentWith(
  name: string,
  payloads: string[]
): { dir: string; at: { file: string; line: number }[] } {
  const dir = writeContent(Math.max(6, payloads.length + 1), join(work, name));
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort();
  const at = payloads.map((payload, i) => {
    const file = files[i];
    const before = readFileSync(join(dir, file), 'utf8').replace(/\n*$/, '\n\n');
    writeFileSync(join(dir, file), `${before}${payload}\n`);
    return { file, line: before.split('\n').length };
  });
  return { dir, at };
}

function build(dir: string): Built {
  const out = join(dir, '..', `${dir.split('/').pop()}-dist`);
  const run = spawnSync(process.execPath, ['scripts/build.js'], {
    env: {
      ...process.env,
      CONTENT_DIR: dir,
      OUT_DIR: out,
      VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true'
    },
    encoding: 'utf8',
    timeout: 180_000
  });
  return { status: run.status, stderr: run.stderr, out };
}

describe('hostile prose in the real build', () => {
  let refused: ReturnType<typeof contentWith> & Built;
  let inert: ReturnType<typeof contentWith> & Built;
  beforeAll(() => {
    const r = contentWith(
      'refused',
      REFUSED.map((c) => c[1])
    );
    refused = { ...r, ...build(r.dir) };
    const i = contentWith(
      'inert',
      INERT.map((c) => c[1])
    );
    inert = { ...i, ...build(i.dir) };
  }, 400_000);

  it('refuses the build, and nothing ran', () => {
    expect(refused.status).toBe(1);
    expect(existsSync(join(refused.out, 'index.html'))).toBe(false);
    expect(existsSync(MARKER)).toBe(false);
  });

  it('prints each error once, without a stack trace', () => {
    expect(refused.stderr).not.toMatch(/^\s+at /m);
    expect(refused.stderr.match(/Content has \d+ errors?/g)).toHaveLength(1);
  });

  it.each(REFUSED.map((c, i) => [c[0], i] as const))('refuses %s, naming file and line', (_, i) => {
    const { file, line } = refused.at[i];
    const where = `${file}:${line + REFUSED[i][2]}: body: `;
    expect(refused.stderr).toContain(where);
    // The source line is printed under the message.
    const source = REFUSED[i][1].split('\n')[REFUSED[i][2]];
    expect(refused.stderr).toContain(`${where}`);
    expect(refused.stderr).toContain(`    ${line + REFUSED[i][2]} | ${source.slice(0, 40)}`);
  });

  it('builds the inert payloads, and nothing ran', () => {
    expect(inert.stderr).not.toMatch(/Build failed/);
    expect(inert.status).toBe(0);
    expect(existsSync(MARKER)).toBe(false);
  });

  it.each(INERT.map((c, i) => [c[0], i] as const))('shows %s as text', (_, i) => {
    const slug = inert.at[i].file.replace(/\.md$/, '');
    const doc = new DOMParser().parseFromString(
      readFileSync(join(inert.out, 'topics', slug, 'index.html'), 'utf8'),
      'text/html'
    );
    const prose = doc.querySelector('.prose')!;
    expect([...prose.querySelectorAll('pre, code')].map((e) => e.textContent)).toContainEqual(
      expect.stringContaining(INERT[i][2])
    );
    // Nothing live in the prose: only the allowed elements, no event attribute.
    expect(
      prose.querySelectorAll('script, style, meta, img, iframe, [onerror], [onclick], [onload]')
    ).toHaveLength(0);
    expect(doc.querySelectorAll('meta[http-equiv]')).toHaveLength(0);
  });
});
