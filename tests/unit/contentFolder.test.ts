// @vitest-environment node
// Reading a content folder from disk: what is a topic, what is refused and how it is named,
// symlinks that loop or lead nowhere, the tours folder, and the compiled-prose check. Each
// test builds its folder in a temporary directory.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  checkCompiledProse,
  loadContent,
  loadTours,
  scanContentDir,
  scanTourFiles
} from '../../src/lib/content/loadContent.ts';
import {
  ContentValidationError,
  type ContentError,
  type Topic
} from '../../src/lib/content/types.ts';
import { FRAME, topicFile } from '../support/contentFiles.ts';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});
const folder = (files: Record<string, string>) => {
  const dir = mkdtempSync(join(tmpdir(), 'dm-folder-'));
  made.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
};

function errorsOf(run: () => unknown): ContentError[] {
  try {
    run();
  } catch (e) {
    if (e instanceof ContentValidationError) return e.errors;
    throw e;
  }
  throw new Error('expected a ContentValidationError, and nothing was thrown');
}

describe('scanning a content folder', () => {
  it('lists every .md file, in sorted order, sub-folders included, paths from the folder', () => {
    const dir = folder({
      '_map.yaml': FRAME,
      'zeta.md': 'x',
      'alpha.md': 'x',
      'web/nginx.md': 'x',
      'web/caddy.md': 'x',
      'beta.md': 'x'
    });
    expect(scanContentDir(dir)).toEqual({
      topics: ['alpha.md', 'beta.md', 'web/caddy.md', 'web/nginx.md', 'zeta.md'],
      problems: []
    });
  });

  it('keeps tours/ and _map.yaml for themselves only at the top of the folder', () => {
    const dir = folder({
      '_map.yaml': FRAME,
      'tours/first.md': 'x',
      'web/tours/deep.md': 'x',
      'web/_map.yaml': 'x'
    });
    expect(scanContentDir(dir)).toEqual({
      topics: ['web/tours/deep.md'],
      problems: [
        {
          file: 'web/_map.yaml',
          message:
            'unexpected file: content holds topic files (<slug>.md), _map.yaml, folders of topics and tours/'
        }
      ]
    });
  });

  it('a file called tours or a folder called _map.yaml is unexpected, not skipped', () => {
    const dir = folder({ tours: 'x', '_map.yaml/inner.md': 'x' });
    expect(
      scanContentDir(dir).problems.map((p) => `${p.file}: ${p.message.split(':')[0]}`)
    ).toEqual(['_map.yaml: unexpected folder', 'tours: unexpected file']);
  });

  it('a file linked to itself is named as a symlink loop', () => {
    const dir = folder({ 'a.md': 'x' });
    symlinkSync(join(dir, 'self.md'), join(dir, 'self.md'));
    expect(scanContentDir(dir).problems).toEqual([
      { file: 'self.md', message: 'cannot read: symlink loop (ELOOP)' }
    ]);
  });

  it('a folder linked back to the content folder is named as a loop to the content folder', () => {
    const dir = folder({ 'a.md': 'x' });
    mkdirSync(join(dir, 'more'));
    symlinkSync(dir, join(dir, 'more', 'again'));
    expect(scanContentDir(dir).problems).toEqual([
      { file: 'more/again', message: 'symlink loop: this folder leads back to the content folder' }
    ]);
  });

  it('a folder linked back to a sub-folder names that sub-folder', () => {
    const dir = folder({ 'web/a.md': 'x' });
    symlinkSync(join(dir, 'web'), join(dir, 'web', 'loop'));
    expect(scanContentDir(dir).problems).toEqual([
      { file: 'web/loop', message: 'symlink loop: this folder leads back to web' }
    ]);
  });

  it('a link to nothing is named with the reason it cannot be read', () => {
    const dir = folder({ 'a.md': 'x' });
    symlinkSync(join(dir, 'gone.md'), join(dir, 'b.md'));
    expect(scanContentDir(dir)).toEqual({
      topics: ['a.md'],
      problems: [{ file: 'b.md', message: 'cannot read: ENOENT' }]
    });
  });

  it('a folder that cannot be read is one problem, named "."', () => {
    expect(scanContentDir(join(tmpdir(), 'dm-no-such-folder-x'))).toEqual({
      topics: [],
      problems: [{ file: '.', message: 'cannot read the folder: ENOENT' }]
    });
  });
});

describe('loading a content folder', () => {
  it('names every unexpected file and every file name that is not a slug, and leaves tours/ to the tours', () => {
    const dir = folder({
      '_map.yaml': FRAME,
      'a.md': topicFile('a'),
      '..md': 'x',
      'extra.MD': 'x',
      'notes.txt': 'x',
      '_draft.md': 'x',
      'tours/first.md': 'x',
      'Upper/b.md': 'x'
    });
    const errors = errorsOf(() => loadContent(dir, {}));
    expect(errors.map((e) => `${e.file}: ${e.message.split(':')[0]}`).sort()).toEqual([
      '..md: file name "." is not a slug (lowercase words joined by hyphens)',
      'Upper: unexpected folder',
      '_draft.md: file name "_draft" is not a slug (lowercase words joined by hyphens)',
      'extra.MD: unexpected file',
      'notes.txt: unexpected file'
    ]);
  });

  it('reads and validates the topics it finds', () => {
    const dir = folder({ '_map.yaml': FRAME, 'a.md': topicFile('a') });
    expect(loadContent(dir, {}).topics.map((t) => t.slug)).toEqual(['a']);
  });

  it('a folder problem alone is thrown, though every topic is valid', () => {
    const dir = folder({ '_map.yaml': FRAME, 'a.md': topicFile('a'), 'notes.txt': 'x' });
    expect(errorsOf(() => loadContent(dir, {})).map((e) => e.file)).toEqual(['notes.txt']);
  });

  it('folder problems come first, then the topics’ own, all in one error', () => {
    const dir = folder({
      '_map.yaml': FRAME,
      'a.md': topicFile('a', { related: '[ghost]' }),
      'notes.txt': 'x'
    });
    const errors = errorsOf(() => loadContent(dir, {}));
    expect(errors.map((e) => e.file)).toEqual(['notes.txt', 'a.md']);
    expect(errors[1].message).toContain('ghost');
  });

  it('without _map.yaml it says the file is missing and where it looked', () => {
    const dir = folder({ 'a.md': topicFile('a') });
    expect(errorsOf(() => loadContent(dir, {}))).toEqual([
      {
        file: '_map.yaml',
        message: `missing: every content folder needs _map.yaml (groups, boxes, learningPath) in ${dir}`
      }
    ]);
  });
});

describe('the tours folder', () => {
  it('no tours/ folder: no tours and no problem', () => {
    expect(scanTourFiles(folder({}))).toEqual({ tours: [], problems: [] });
  });

  it('a file called tours/ is refused as not a folder', () => {
    expect(scanTourFiles(folder({ tours: 'x' }))).toEqual({
      tours: [],
      problems: [{ file: 'tours', message: 'must be a folder of tours (<slug>.md)' }]
    });
  });

  it('lists its .md files in order and names everything else there', () => {
    const dir = folder({ 'tours/b.md': 'x', 'tours/a.md': 'x', 'tours/notes.txt': 'x' });
    mkdirSync(join(dir, 'tours', 'nested'));
    symlinkSync(join(dir, 'gone'), join(dir, 'tours', 'dead.md'));
    expect(scanTourFiles(dir)).toEqual({
      tours: ['tours/a.md', 'tours/b.md'],
      problems: [
        { file: 'tours/dead.md', message: 'cannot read: ENOENT' },
        { file: 'tours/nested', message: 'unexpected folder: tours/ holds one <slug>.md per tour' },
        { file: 'tours/notes.txt', message: 'unexpected file: tours/ holds one <slug>.md per tour' }
      ]
    });
  });

  it('a tours folder problem alone is thrown, before any tour is read', () => {
    const dir = folder({ '_map.yaml': FRAME, 'a.md': topicFile('a'), 'tours/notes.txt': 'x' });
    const content = loadContent(dir, {});
    expect(errorsOf(() => loadTours(dir, content))).toEqual([
      { file: 'tours/notes.txt', message: 'unexpected file: tours/ holds one <slug>.md per tour' }
    ]);
  });

  it('folder problems come first, then the tours’ own', () => {
    const dir = folder({
      '_map.yaml': FRAME,
      'a.md': topicFile('a'),
      'tours/notes.txt': 'x',
      'tours/broken.md': 'no frontmatter here'
    });
    const content = loadContent(dir, {});
    const errors = errorsOf(() => loadTours(dir, content));
    expect(errors[0].file).toBe('tours/notes.txt');
    expect(errors.slice(1).map((e) => e.file)).toContain('tours/broken.md');
  });
});

describe('the check of compiled prose', () => {
  const topicAt = (file: string) => ({ file }) as Topic;

  it('passes prose that compiles to allowed markup', async () => {
    const dir = folder({ 'a.md': topicFile('a') });
    await expect(checkCompiledProse(dir, [topicAt('a.md')])).resolves.toBeUndefined();
  });

  it('refuses what compiles to markup that is not allowed, naming the file, line and source', async () => {
    const dir = folder({ 'a.md': 'ok', 'b.md': `${topicFile('b')}\n<script>alert(1)</script>\n` });
    const run = checkCompiledProse(dir, [topicAt('a.md'), topicAt('b.md')]);
    await expect(run).rejects.toBeInstanceOf(ContentValidationError);
    const errors: ContentError[] = await run.then(
      () => [],
      (e: ContentValidationError) => e.errors
    );
    expect(errors.length).toBeGreaterThan(0);
    for (const e of errors) expect(e).toMatchObject({ file: 'b.md', field: 'body' });
    expect(errors[0].line).toBe(12);
    expect(errors[0].source).toBe('<script>alert(1)</script>');
  });
});
