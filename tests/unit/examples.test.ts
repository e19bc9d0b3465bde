// @vitest-environment node
// The examples suite (scripts/examples): what it runs is what the pages publish, and it
// catches a broken block, naming the page and the block.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileProse } from '../../src/lib/content/compileProse.js';
import { extractExamples } from '../../scripts/examples/extractExamples.js';

const decode = (html: string) =>
  html.replace(/<[^>]+>/g, '').replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n))).replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');

describe('the examples suite', () => {
  const examples = extractExamples('content');

  it('finds tested blocks, and each is, character for character, the text the page publishes', async () => {
    const tested = examples.filter((e) => e.test);
    expect(tested.length).toBeGreaterThanOrEqual(4);
    for (const file of new Set(tested.map((e) => e.file))) {
      const { code, problems } = await compileProse(readFileSync(file, 'utf8'), { filename: file });
      expect(problems).toEqual([]);
      const published = [...code.matchAll(/<pre[^>]*><code[^>]*>([\s\S]*?)<\/code><\/pre>/g)].map((m) => decode(m[1]));
      for (const ex of tested.filter((e) => e.file === file)) expect(published).toContain(ex.code);
    }
  });

  it('catches a broken block and an unmarked one, naming page, line and title', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dm-examples-broken-'));
    cpSync('content', dir, { recursive: true });
    const nginx = join(dir, 'nginx.md');
    // The fixture: the Nginx page's block with one semicolon dropped, and a fence with no mark.
    writeFileSync(nginx, readFileSync(nginx, 'utf8').replace('proxy_read_timeout 30s;', 'proxy_read_timeout 30s'));
    writeFileSync(join(dir, 'caddy.md'), `${readFileSync(join(dir, 'caddy.md'), 'utf8')}\n\`\`\`text\nunmarked\n\`\`\`\n`);
    const line = readFileSync(nginx, 'utf8').split('\n').findIndex((l) => l.startsWith('```nginx')) + 1;
    const r = spawnSync('node', ['scripts/examples/run.js', '--content', dir, '--only', 'nginx-gunicorn-flask'], {
      encoding: 'utf8',
      env: { ...process.env, EXAMPLES_PORT_BASE: '5290', EXAMPLES_PORT_LAST: '5299' }
    });
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/FAIL {2}nginx -t accepts \/etc\/nginx\/sites-available\/app/);
    expect(r.stdout).toContain(`nginx.md:${line} (/etc/nginx/sites-available/app)`);
    expect(r.stdout).toMatch(/caddy\.md:\d+ \(text\): code block has neither test="scenario" nor untested="why"/);
    expect(r.stdout).toMatch(/examples: \d+ passed, [1-9]\d* failed/);
  }, 60_000);
});
