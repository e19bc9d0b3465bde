// @vitest-environment node
// The check of what mdsvex compiles (compileProse), on its own: behind the markdown
// check, it must refuse anything but static allowed markup, at the source line, even
// for markdown the markdown check never saw. Also content errors' files, fields and lines
// (reading the folder itself: contentFolder.test.ts).
import { preprocess } from 'svelte/compiler';
import { describe, expect, it } from 'vitest';
import config from '../../svelte.config.js';
import { compiledProblems, compileProse } from '../../src/lib/content/compileProse.js';
import { ContentValidationError, type ContentError } from '../../src/lib/content/types.ts';
import { validateContent, type SourceFile } from '../../src/lib/content/validateContent.ts';
import { FRAME, topicFile } from '../support/contentFiles.ts';

const HEAD = '---\ntitle: A\n---\n\n'; // prose starts on line 5

describe('compileProse refuses what the component would run, at its source line', () => {
  it.each<[string, string, RegExp, number]>([
    ['a script', '<script>alert(1)</script>', /<script>/, 5],
    ['a style', 'Text.\n\n<style>p{display:none}</style>', /<style>/, 7],
    [
      'svelte:head',
      '<svelte:head><meta http-equiv="refresh" content="0"></svelte:head>',
      /svelte:head/,
      5
    ],
    ['svelte:window', '<svelte:window on:load={x} />', /svelte:window/, 5],
    ['an expression', 'Sum {1 + 1}.', /Svelte code "\{1 \+ 1\}"/, 5],
    ['{@html}', '{@html "<b>x</b>"}', /Svelte code/, 5],
    [
      'braces in a link title',
      'Line.\n\n[l](/y "ti{3}tle")',
      /Svelte code "\{3\}" in the title of <a>/,
      7
    ],
    ['braces in alt text', '![a{1}b](/x.png)', /in the alt of <img>/, 5],
    [
      'an event attribute',
      '- item\n\n    <img src="/x.png" onerror="alert(1)">',
      /attribute "onerror"/,
      7
    ],
    [
      'javascript: by reference',
      '[x][r]\n\n[r]: jav&#x61;script:alert(1)',
      /link "javascript:alert\(1\)" is not allowed/,
      5
    ],
    ['a protocol-relative link', '[x](//evil.example/)', /leaves the site without a scheme/, 5],
    ['a data: image', '![i](data:image/png;base64,AA)', /images must be site paths/, 5],
    ['an html comment', '<!-- c -->', /comment/, 5],
    ['a component', '<Foo />', /<Foo> is not allowed/, 5]
  ])('%s', async (_, body, message, line) => {
    const { problems } = await compileProse(HEAD + body);
    expect(problems).toContainEqual({ line, message: expect.stringMatching(message) });
  });

  it.each([
    ['indented code', '    <script>{x}</script>'],
    ['indented code in a list item', '- item\n\n      <img src=x onerror=alert(1)>'],
    ['a fenced block', '```html\n<script>{x}</script>\n```'],
    ['a code span', 'Use `{@html x}` never.']
  ])('compiles %s to static, escaped text', async (_, body) => {
    const { code, problems } = await compileProse(HEAD + body);
    expect(problems).toEqual([]);
    expect(code).not.toMatch(/<script|<img|\{/);
    expect(code).toMatch(/&#60;|&lt;|&#123;/);
  });

  it('highlights a fenced block at build time into inert, coloured spans holding the exact text', async () => {
    const src = 'server {\n    location /static/ { alias /srv/app/static/; }\n}';
    const { code, problems } = await compileProse(
      `${HEAD}\`\`\`nginx title="app.conf" test="demo"\n${src}\n\`\`\`\n`
    );
    expect(problems).toEqual([]);
    expect(code).toMatch(/<span style="--l:#[0-9a-f]+;--d:#[0-9a-f]+">/);
    expect(code).toContain(
      '<p class="code-title"><span>app.conf</span><span class="code-note">Tested in CI</span></p>'
    );
    expect(code).not.toMatch(/[{}]/);
    const text = code
      .replace(/<[^>]+>/g, '')
      .replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n)));
    expect(text).toContain(src);
  });

  it.each<[string, string, RegExp]>([
    ['an unknown language', '```cobol\nx\n```', /unknown language cobol/],
    ['an unknown fence key', 'Text.\n\n```nginx tset="demo"\nx\n```', /unknown key tset/],
    [
      'test and untested at once',
      '```ini test="a" untested="b"\nx\n```',
      /either test= or untested=/
    ]
  ])('refuses a fence with %s at its line', async (_, body, message) => {
    const { problems } = await compileProse(HEAD + body);
    expect(problems).toEqual([
      {
        line: 5 + body.split('\n').findIndex((l) => l.startsWith('```')),
        message: expect.stringMatching(message)
      }
    ]);
  });

  it.each([
    [
      '<div class="code-block"><pre><code><span style="--l:#fff;--d:#000">x</span></code></pre></div>',
      0
    ],
    ['<span style="background:url(/x)">x</span>', 1],
    ['<pre tabindex="0"><code>x</code></pre>', 0],
    ['<pre tabindex="-1"><code>x</code></pre>', 1],
    ['<span style="--l:#fff;--d:#000;position:fixed">x</span>', 1],
    ['<span style="--l:{c};--d:#000">x</span>', 1],
    ['<span class="code-note" onclick="f()">x</span>', 1],
    ['<div class="overlay">x</div>', 1]
  ])('the component check of highlighted markup %s finds %i problem(s)', (code, count) => {
    expect(compiledProblems(code)).toHaveLength(count);
  });

  it.each([
    ['<a href="/topics/x/" rel="nofollow">x</a>', 0],
    ['<a href="JAVASCRIPT:x">x</a>', 1],
    ['<a href="&#x6A;avascript:x">x</a>', 1],
    ['<a href=" java\tscript:x">x</a>', 1],
    ['<a href="/\\evil">x</a>', 1],
    ['<p class="sr-only">x</p>', 1],
    ['<a href="/x" on:click={f}>x</a>', 1],
    ['<p {...props}>x</p>', 1],
    ['<svelte:options runes />', 1],
    ['{#each xs as x}{x}{/each}', 1]
  ])('the component check of %s finds %i problem(s)', (code, count) => {
    expect(compiledProblems(code)).toHaveLength(count);
  });

  it('svelte.config.js runs the check before Svelte compiles a .md file', async () => {
    await expect(
      preprocess(`${HEAD}    ok\n\n<script>alert(1)</script>\n`, config.preprocess, {
        filename: 'x.md'
      })
    ).rejects.toThrow(/x\.md:7: body: a <script> is not allowed in prose/);
    const ok = await preprocess(`${HEAD}Fine *text*.\n`, config.preprocess, { filename: 'x.md' });
    expect(ok.code).toContain('<em>text</em>');
    expect(ok.code).not.toContain('metadata');
  });
});

const enc = (s: string) => new TextEncoder().encode(s);
function errorsOf(run: () => unknown): ContentError[] {
  try {
    run();
    return [];
  } catch (e) {
    if (e instanceof ContentValidationError) return e.errors;
    throw e;
  }
}

describe('content errors, named by file, field and line', () => {
  it('refuses slugs and ids every JavaScript object already has', () => {
    const files: SourceFile[] = [
      { path: 'a.md', bytes: enc(topicFile('a')) },
      { path: 'constructor.md', bytes: enc(topicFile('constructor')) }
    ];
    const frame = FRAME.replace('boxes:\n', 'boxes:\n  - id: constructor\n    label: C\n');
    const errors = errorsOf(() => validateContent({ path: '_map.yaml', bytes: enc(frame) }, files));
    expect(errors).toContainEqual(
      expect.objectContaining({
        file: 'constructor.md',
        message: expect.stringContaining(
          '"constructor" is a name every JavaScript object already has'
        )
      })
    );
    expect(errors).toContainEqual(
      expect.objectContaining({ file: '_map.yaml', line: 6, field: 'boxes[0].id' })
    );
  });

  it('gives _map.yaml errors their lines and source', () => {
    const frame =
      'hub: nowhere\ngroups:\n  - id: g\n    label: G\n  - id: g\n    label: again\nboxes:\n  - id: r\n    label: R\n    parent: ghost\nlearningPath:\n  - [a, missing]\n';
    const errors = errorsOf(() =>
      validateContent({ path: '_map.yaml', bytes: enc(frame) }, [
        { path: 'a.md', bytes: enc(topicFile('a')) }
      ])
    );
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'hub', line: 1, source: 'hub: nowhere' }),
        expect.objectContaining({ field: 'groups[1].id', line: 5, message: 'duplicate id "g"' }),
        expect.objectContaining({ field: 'boxes.r.parent', line: 10, source: '    parent: ghost' }),
        expect.objectContaining({
          field: 'learningPath[0]',
          line: 12,
          message: 'unknown topic "missing"'
        })
      ])
    );
  });
});
