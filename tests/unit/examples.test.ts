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
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

// The suite's runs here take the top ten ports of the examples range (EXAMPLES_PORT_BASE
// to EXAMPLES_PORT_LAST), so a test run and a full suite run elsewhere do not collide.
const LAST = Number(process.env.EXAMPLES_PORT_LAST ?? 5299);
const PORTS = { EXAMPLES_PORT_BASE: String(LAST - 9), EXAMPLES_PORT_LAST: String(LAST) };

describe('the examples suite', () => {
  const examples = extractExamples('content');

  it('finds tested blocks, and each is, character for character, the text the page publishes', async () => {
    const tested = examples.filter((e) => e.test);
    expect(tested.length).toBeGreaterThanOrEqual(4);
    for (const file of new Set(tested.map((e) => e.file))) {
      const { code, problems } = await compileProse(readFileSync(file, 'utf8'), { filename: file });
      expect(problems).toEqual([]);
      const published = [...code.matchAll(/<pre[^>]*><code[^>]*>([\s\S]*?)<\/code><\/pre>/g)].map(
        (m) => decode(m[1])
      );
      for (const ex of tested.filter((e) => e.file === file)) expect(published).toContain(ex.code);
    }
  });

  it('catches a broken block and an unmarked one, naming page, line and title', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dm-examples-broken-'));
    cpSync('content', dir, { recursive: true });
    const nginx = join(dir, 'nginx.md');
    // The fixture: the Nginx page's block with one semicolon dropped, and a fence with no mark.
    writeFileSync(
      nginx,
      readFileSync(nginx, 'utf8').replace('proxy_read_timeout 30s;', 'proxy_read_timeout 30s')
    );
    writeFileSync(
      join(dir, 'caddy.md'),
      `${readFileSync(join(dir, 'caddy.md'), 'utf8')}\n\`\`\`text\nunmarked\n\`\`\`\n`
    );
    const line =
      readFileSync(nginx, 'utf8')
        .split('\n')
        .findIndex((l) => l.startsWith('```nginx')) + 1;
    const r = spawnSync(
      'node',
      ['scripts/examples/run.js', '--content', dir, '--only', 'nginx-gunicorn-flask'],
      {
        encoding: 'utf8',
        env: { ...process.env, ...PORTS }
      }
    );
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/FAIL {2}nginx -t accepts \/etc\/nginx\/sites-available\/app/);
    expect(r.stdout).toContain(`nginx.md:${line} (/etc/nginx/sites-available/app)`);
    expect(r.stdout).toMatch(
      /caddy\.md:\d+ \(text\): code block has neither test="scenario" nor untested="why"/
    );
    expect(r.stdout).toMatch(/examples: \d+ passed, [1-9]\d* failed/);
  }, 60_000);

  it('fails a unit whose hardening line systemd would ignore, naming page and title', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dm-examples-unit-'));
    cpSync('content', dir, { recursive: true });
    const page = join(dir, 'gunicorn.md');
    // The fixture: the Gunicorn unit with a misspelt directive; systemd-analyze exits 0 on it.
    writeFileSync(
      page,
      readFileSync(page, 'utf8').replace('NoNewPrivileges=true', 'NoNewPrivilegs=true')
    );
    const r = spawnSync(
      'node',
      ['scripts/examples/run.js', '--content', dir, '--only', 'nginx-gunicorn-flask'],
      {
        encoding: 'utf8',
        env: { ...process.env, ...PORTS }
      }
    );
    expect(r.status, r.stderr).toBe(1);
    expect(r.stdout).toMatch(
      /FAIL {2}systemd-analyze verify accepts \/etc\/systemd\/system\/app\.service/
    );
    expect(r.stdout).toMatch(
      /systemd would ignore lines of the unit: \S*app\.service:\d+: Unknown key 'NoNewPrivilegs'/
    );
    expect(r.stdout).toMatch(/gunicorn\.md:\d+ \(\/etc\/systemd\/system\/app\.service\)/);
  }, 60_000);

  it('names the unit settings it cannot apply here instead of passing over them', () => {
    const r = spawnSync('node', ['scripts/examples/run.js', '--only', 'nginx-gunicorn-flask'], {
      encoding: 'utf8',
      env: { ...process.env, ...PORTS }
    });
    expect(r.status, r.stdout).toBe(0);
    expect(r.stdout).toMatch(
      /app\.service: User=app, Group=app, NoNewPrivileges=true, ProtectSystem=strict, PrivateTmp=true accepted by systemd-analyze verify; not applied here/
    );
  }, 60_000);
});
