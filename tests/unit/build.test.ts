import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function build(contentDir: string) {
  const out = join(mkdtempSync(join(tmpdir(), 'dm-build-')), 'dist');
  const run = spawnSync(process.execPath, ['scripts/build.js'], {
    env: { ...process.env, CONTENT_DIR: contentDir, OUT_DIR: out, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
    encoding: 'utf8',
    timeout: 120_000
  });
  return { ...run, out };
}

describe('npm run build', () => {
  it('fails on bad content, naming the duplicate slug and the dangling link with their files', () => {
    const run = build('tests/fixtures/bad-content');
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/more\/alpha\.md: duplicate slug "alpha"/);
    expect(run.stderr).toMatch(/beta\.md:6: related\[1\]: related link to unknown topic "nowhere"/);
    expect(existsSync(join(run.out, 'index.html'))).toBe(false);
  }, 120_000);
});
