import { describe, expect, it } from 'vitest';
import {
  BACKUP_PREFIX,
  STORAGE_KEY,
  emptyProgress,
  fadedByFilter,
  mergeProgress,
  parseImport,
  parseProgress,
  pathNeighbours,
  pathSteps,
  serializeProgress,
  statusOf,
  summarise,
  withStatus
} from '../../src/lib/progress/progress.ts';
import {
  backupKeys,
  keepBackup,
  readStored,
  updateStored
} from '../../src/lib/progress/progressStorage.ts';
import { memoryStorage } from '../support/memoryStorage.ts';

const file = (topics: unknown, extra: object = {}) =>
  JSON.stringify({
    format: 'deployment-map-progress',
    version: 1,
    exportedAt: '2026-01-01T00:00:00.000Z',
    topics,
    ...extra
  });

describe('progress', () => {
  it('round-trips through its file format', () => {
    const progress = { nginx: 'done', caddy: 'skipped', gunicorn: 'learning' } as const;
    const parsed = parseProgress(serializeProgress(progress));
    expect(parsed).toEqual({ ok: true, progress, dropped: 0 });
  });

  it.each([
    ['not JSON', '{nope', 'not valid JSON'],
    ['a foreign file', JSON.stringify({ hello: 'world' }), 'not a Deployment Map progress file'],
    ['an array', '[1,2]', 'not a Deployment Map progress file'],
    ['a newer version', file({}, { version: 2 }), 'newer version of this site (version 2'],
    ['a version in words', file({}, { version: 'one' }), 'is text ("one"); write the number 1'],
    ['no topics map', file(['nginx']), 'no "topics" map'],
    ['an empty file', '', 'the file is empty'],
    ['a blank file', ' \n\t', 'the file is empty'],
    ['a huge file', `"${'x'.repeat(2_000_001)}"`, 'too large']
  ])('refuses %s with a reason', (_, text, reason) => {
    const r = parseProgress(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain(reason);
  });

  it('reads what it understands of a newer version, but only to show it', () => {
    const r = parseProgress(file({ nginx: 'done', caddy: 'mastered' }, { version: 2 }));
    expect(r).toMatchObject({
      ok: false,
      problem: 'newer',
      version: 2,
      progress: { nginx: 'done' }
    });
  });

  it('drops entries with an unknown status or a bad slug, keeps the rest', () => {
    expect(parseProgress(file({ nginx: 'done', caddy: 'finished', 'Bad Slug': 'done' }))).toEqual({
      ok: true,
      progress: { nginx: 'done' },
      dropped: 2
    });
  });

  it('treats nothing stored as empty progress', () => {
    expect(readStored(memoryStorage())).toEqual({ state: 'ok', progress: {} });
  });

  it('merges imported marks over current ones, keeping the others', () => {
    expect(
      mergeProgress({ nginx: 'done', caddy: 'learning' }, { caddy: 'done', flask: 'skipped' })
    ).toEqual({
      nginx: 'done',
      caddy: 'done',
      flask: 'skipped'
    });
  });

  it('sets and clears a status without mutating', () => {
    const a = { nginx: 'done' } as const;
    const b = withStatus(a, 'caddy', 'learning');
    expect(b).toEqual({ nginx: 'done', caddy: 'learning' });
    expect(withStatus(b, 'nginx', null)).toEqual({ caddy: 'learning' });
    expect(a).toEqual({ nginx: 'done' });
  });

  it('summarises over current topics only (removed topics are kept but not counted)', () => {
    expect(
      summarise({ nginx: 'done', removed: 'done', caddy: 'skipped' }, [
        'nginx',
        'caddy',
        'gunicorn'
      ])
    ).toEqual({
      total: 3,
      done: 1,
      learning: 0,
      skipped: 1
    });
  });

  it('numbers the learning path and walks it in order', () => {
    const path = [['paas'], ['servers'], ['os', 'web', 'wsgi']];
    expect(pathSteps(path).map((s) => s.label)).toEqual(['1', '2', '3a', '3b', '3c']);
    expect(pathNeighbours(path, 'servers')).toMatchObject({
      prev: { slug: 'paas' },
      next: { slug: 'os' }
    });
    expect(pathNeighbours(path, 'paas').prev).toBeUndefined();
    expect(pathNeighbours(path, 'wsgi').next).toBeUndefined();
    expect(pathNeighbours(path, 'elsewhere')).toEqual({});
  });
});

describe('fadedByFilter', () => {
  const progress = { nginx: 'done', caddy: 'skipped', gunicorn: 'learning' } as const;
  it.each([
    ['nginx', 'stack', { hiddenGroups: new Set<string>(), onlyLeft: false }, false],
    ['nginx', 'stack', { hiddenGroups: new Set<string>(), onlyLeft: true }, true],
    ['caddy', 'stack', { hiddenGroups: new Set<string>(), onlyLeft: true }, true],
    ['gunicorn', 'stack', { hiddenGroups: new Set<string>(), onlyLeft: true }, false],
    ['gunicorn', 'stack', { hiddenGroups: new Set(['stack']), onlyLeft: false }, true],
    ['flask', 'other', { hiddenGroups: new Set(['stack']), onlyLeft: true }, false]
  ])('%s in %s with %o is faded: %s', (slug, group, filter, expected) => {
    expect(fadedByFilter(slug, group, filter, progress)).toBe(expected);
  });
});

describe('importing a file', () => {
  it.each([
    ['an empty file', '', 'the file is empty'],
    ['a file with no topics', file({}), 'it marks no topics'],
    [
      'a file whose entries are all invalid',
      file({ nginx: 'finished', 'Bad Slug': 'done' }),
      'none of its 2 entries is a topic mark'
    ],
    ['one invalid entry', file({ nginx: 'finished' }), 'none of its 1 entry is a topic mark'],
    ['a newer version', file({ nginx: 'done' }, { version: 2 }), 'newer version'],
    // Valid marks in each: only the version refuses them.
    [
      'an older version',
      file({ nginx: 'done' }, { version: 0 }),
      'it is version 0; this site reads version 1'
    ],
    [
      'a file with no version',
      file({ nginx: 'done' }, { version: undefined }),
      'it has no "version"; this site reads version 1'
    ],
    [
      'a version that is neither number nor text',
      file({ nginx: 'done' }, { version: null }),
      'its "version" is not a number; this site reads version 1'
    ],
    [
      'a version written as text',
      file({ nginx: 'done' }, { version: '1' }),
      'its "version" is text ("1"); write the number 1 without quotes'
    ],
    [
      'a long version written as text, shortened',
      file({ nginx: 'done' }, { version: `1${' '.repeat(5000)}` }),
      `its "version" is text ("1${' '.repeat(19)}…"); write the number 1`
    ],
    [
      'another format',
      file({ nginx: 'done' }, { format: 'deployment-map-bookmarks' }),
      'not a Deployment Map progress file'
    ]
  ])('refuses %s, saying why', (_, text, reason) => {
    const r = parseImport(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain(reason);
  });

  it('accepts a file with some valid entries and counts the rest', () => {
    expect(parseImport(file({ nginx: 'done', caddy: 'finished' }))).toEqual({
      ok: true,
      progress: { nginx: 'done' },
      count: 1,
      dropped: 1
    });
  });
});

describe('slugs named like Object.prototype members', () => {
  it.each(['constructor', 'tostring', 'valueof', 'hasownproperty'])(
    '%s is an ordinary topic',
    (slug) => {
      expect(statusOf(emptyProgress(), slug)).toBeUndefined();
      expect(summarise(emptyProgress(), [slug])).toEqual({
        total: 1,
        done: 0,
        learning: 0,
        skipped: 0
      });
      const marked = withStatus(emptyProgress(), slug, 'done');
      expect(statusOf(marked, slug)).toBe('done');
      const parsed = parseProgress(serializeProgress(marked));
      expect(parsed.ok && statusOf(parsed.progress, slug)).toBe('done');
      expect(parsed.ok && summarise(parsed.progress, [slug]).done).toBe(1);
    }
  );

  it('constructor is not a status until it is marked, even in a plain object', () => {
    expect(statusOf({}, 'constructor')).toBeUndefined();
    expect(
      fadedByFilter('constructor', 'stack', { hiddenGroups: new Set(), onlyLeft: true }, {})
    ).toBe(false);
  });

  it('__proto__ is a key, never the prototype', () => {
    const marked = withStatus(emptyProgress(), '__proto__', 'done');
    expect(statusOf(marked, '__proto__')).toBe('done');
    expect(Object.getPrototypeOf(marked)).toBeNull();
    expect(({} as Record<string, unknown>).done).toBeUndefined();
    // Stored, it is not a valid slug: dropped and counted, and nothing is polluted.
    const parsed = parseProgress(file(JSON.parse('{"__proto__": "done", "nginx": "done"}')));
    expect(parsed).toMatchObject({ ok: true, dropped: 1 });
    expect(parsed.ok && Object.keys(parsed.progress)).toEqual(['nginx']);
  });
});

describe('progress in storage', () => {
  it('every write is a read-modify-write: a mark another tab saved is kept', () => {
    const storage = memoryStorage();
    // Tab A and tab B both loaded empty progress; A marks Nginx, then B marks Caddy.
    updateStored(storage, (p) => withStatus(p, 'nginx', 'done'));
    const b = updateStored(storage, (p) => withStatus(p, 'caddy', 'done'));
    expect(b).toMatchObject({ ok: true, progress: { nginx: 'done', caddy: 'done' } });
    expect(JSON.parse(storage.getItem(STORAGE_KEY)!).topics).toEqual({
      caddy: 'done',
      nginx: 'done'
    });
  });

  it('never overwrites progress from a newer version', () => {
    const newer = file({ nginx: 'done' }, { version: 2, badges: ['gold'] });
    const storage = memoryStorage({ [STORAGE_KEY]: newer });
    expect(readStored(storage)).toMatchObject({ state: 'newer', progress: { nginx: 'done' } });
    const r = updateStored(storage, (p) => withStatus(p, 'caddy', 'done'));
    expect(r).toMatchObject({
      ok: false,
      reason: expect.stringContaining('newer version'),
      progress: { nginx: 'done' }
    });
    expect(storage.getItem(STORAGE_KEY)).toBe(newer);
  });

  it('keeps unreadable progress as a backup before replacing it, once', () => {
    const storage = memoryStorage({
      [STORAGE_KEY]: '{"format":"deployment-map-progress","version":1,"topics":'
    });
    expect(readStored(storage)).toMatchObject({ state: 'corrupt', reason: 'it is not valid JSON' });
    expect(updateStored(storage, (p) => withStatus(p, 'nginx', 'done'))).toMatchObject({
      ok: true,
      backedUp: true
    });
    const keys = backupKeys(storage);
    expect(keys).toHaveLength(1);
    expect(keys[0].startsWith(BACKUP_PREFIX)).toBe(true);
    expect(storage.getItem(keys[0])).toBe(
      '{"format":"deployment-map-progress","version":1,"topics":'
    );
    expect(readStored(storage)).toMatchObject({ state: 'ok', progress: { nginx: 'done' } });
  });

  it('the same unreadable data is backed up only once', () => {
    const storage = memoryStorage({ [STORAGE_KEY]: 'garbage' });
    updateStored(storage, (p) => p);
    storage.setItem(STORAGE_KEY, 'garbage');
    updateStored(storage, (p) => p);
    expect(backupKeys(storage)).toHaveLength(1);
  });

  it('writes nothing when the backup cannot be made', () => {
    const storage = memoryStorage({ [STORAGE_KEY]: 'garbage' }, { failWrites: true });
    const r = updateStored(storage, (p) => withStatus(p, 'nginx', 'done'));
    expect(r).toMatchObject({
      ok: false,
      reason: expect.stringContaining('could not be kept as a copy')
    });
    expect(storage.entries()).toEqual({ [STORAGE_KEY]: 'garbage' });
  });

  it('a full storage is a reason, not an exception, and storage is unchanged', () => {
    const before = serializeProgress({ nginx: 'done' });
    const storage = memoryStorage({ [STORAGE_KEY]: before }, { failWrites: true });
    const r = updateStored(storage, (p) => withStatus(p, 'caddy', 'done'));
    expect(r).toMatchObject({
      ok: false,
      reason: 'the browser’s storage for this site is full',
      progress: { nginx: 'done' }
    });
    expect(storage.getItem(STORAGE_KEY)).toBe(before);
  });
});

describe('what a reader is told when text is refused', () => {
  it.each([
    ['an empty file', '', { problem: 'empty', reason: 'the file is empty' }],
    ['a blank file', ' \n', { problem: 'empty', reason: 'the file is empty' }],
    [
      'a file one character over the limit',
      'x'.repeat(2_000_001),
      { problem: 'too-large', reason: 'it is too large to be progress from this site' }
    ],
    ['not JSON', '{nope', { problem: 'corrupt', reason: 'it is not valid JSON' }],
    ['null', 'null', { problem: 'foreign', reason: 'it is not a Deployment Map progress file' }],
    ['a number', '5', { problem: 'foreign', reason: 'it is not a Deployment Map progress file' }],
    [
      'a version written as text, even a higher one',
      file({ nginx: 'done' }, { version: '2' }),
      {
        problem: 'corrupt',
        reason: 'its "version" is text ("2"); write the number 1 without quotes'
      }
    ],
    [
      'an older version',
      file({ nginx: 'done' }, { version: 0 }),
      { problem: 'corrupt', reason: 'it is version 0; this site reads version 1' }
    ],
    [
      'a version in text of 20 characters, shown whole',
      file({ nginx: 'done' }, { version: '1'.repeat(20) }),
      {
        problem: 'corrupt',
        reason: `its "version" is text ("${'1'.repeat(20)}"); write the number 1 without quotes`
      }
    ],
    ['topics that are null', file(null), { problem: 'corrupt', reason: 'it has no "topics" map' }],
    ['topics that are a number', file(5), { problem: 'corrupt', reason: 'it has no "topics" map' }],
    [
      'topics that are text',
      file('nginx'),
      { problem: 'corrupt', reason: 'it has no "topics" map' }
    ]
  ])('%s', (_, text, expected) => {
    expect(parseProgress(text)).toEqual({ ok: false, ...expected });
  });

  it('a file of exactly the size limit is still read', () => {
    const text = file({ nginx: 'done' });
    const padded = text + ' '.repeat(2_000_000 - text.length);
    expect(padded.length).toBe(2_000_000);
    expect(parseProgress(padded)).toEqual({ ok: true, progress: { nginx: 'done' }, dropped: 0 });
  });

  it('a newer version with no readable topics shows nothing', () => {
    expect(parseProgress(file(null, { version: 3 }))).toEqual({
      ok: false,
      problem: 'newer',
      version: 3,
      progress: {},
      reason: 'it was written by a newer version of this site (version 3; this one reads version 1)'
    });
  });
});

describe('the saved file', () => {
  it('lists topics alphabetically, whatever order they were marked in', () => {
    const text = serializeProgress(
      { nginx: 'done', caddy: 'learning', 'a-topic': 'skipped' },
      new Date('2026-12-01T10:00:00Z')
    );
    expect(text).toBe(
      JSON.stringify(
        {
          format: 'deployment-map-progress',
          version: 1,
          exportedAt: '2026-12-01T10:00:00.000Z',
          topics: { 'a-topic': 'skipped', caddy: 'learning', nginx: 'done' }
        },
        null,
        2
      )
    );
  });
});

describe('learning path steps', () => {
  it('numbers each step from 1, lettering a step of several topics', () => {
    expect(pathSteps([['paas'], ['os', 'web']])).toEqual([
      { slug: 'paas', step: 1, label: '1' },
      { slug: 'os', step: 2, label: '2a' },
      { slug: 'web', step: 2, label: '2b' }
    ]);
  });

  it('the first step has a next step and no previous one', () => {
    expect(pathNeighbours([['paas'], ['servers']], 'paas')).toEqual({
      here: { slug: 'paas', step: 1, label: '1' },
      prev: undefined,
      next: { slug: 'servers', step: 2, label: '2' }
    });
  });
});

/** `storage` whose writes of `key` (every key when absent) throw `error`. */
const refusing = (storage: ReturnType<typeof memoryStorage>, error: unknown, key?: string) => {
  const set = storage.setItem;
  storage.setItem = (k: string, v: string) => {
    if (key === undefined || k === key) throw error;
    set(k, v);
  };
  return storage;
};

describe('progress in storage, in detail', () => {
  it('blank stored progress is empty progress, and is replaced without a backup', () => {
    const storage = memoryStorage({ [STORAGE_KEY]: '  \n' });
    expect(readStored(storage)).toEqual({ state: 'ok', progress: {} });
    expect(updateStored(storage, (p) => withStatus(p, 'nginx', 'done'))).toEqual({
      ok: true,
      progress: { nginx: 'done' },
      backedUp: false
    });
    expect(backupKeys(storage)).toEqual([]);
  });

  it('a save over readable progress says nothing was backed up', () => {
    const storage = memoryStorage({ [STORAGE_KEY]: serializeProgress({ caddy: 'learning' }) });
    expect(updateStored(storage, (p) => withStatus(p, 'nginx', 'done'))).toEqual({
      ok: true,
      progress: { caddy: 'learning', nginx: 'done' },
      backedUp: false
    });
  });

  it('a change to unreadable progress starts from nothing', () => {
    const storage = memoryStorage({ [STORAGE_KEY]: 'garbage' });
    let seen: unknown = 'not called';
    updateStored(storage, (p) => {
      seen = p;
      return withStatus(p, 'nginx', 'done');
    });
    expect(seen).toEqual({});
  });

  it('lists the backups oldest first, and only backups', () => {
    const storage = memoryStorage({
      [`${BACKUP_PREFIX}2026-03-01T00:00:00.000Z`]: 'c',
      [STORAGE_KEY]: 'x',
      'deployment-map:tour-offer-seen': '1',
      [`${BACKUP_PREFIX}2026-01-01T00:00:00.000Z`]: 'a',
      [`${BACKUP_PREFIX}2026-02-01T00:00:00.000Z`]: 'b'
    });
    expect(backupKeys(storage)).toEqual([
      `${BACKUP_PREFIX}2026-01-01T00:00:00.000Z`,
      `${BACKUP_PREFIX}2026-02-01T00:00:00.000Z`,
      `${BACKUP_PREFIX}2026-03-01T00:00:00.000Z`
    ]);
  });

  it('keeps a copy once per content, under the time it was first kept', () => {
    const storage = memoryStorage();
    const first = keepBackup(storage, 'garbage', new Date('2026-01-01T00:00:00Z'));
    expect(first).toBe(`${BACKUP_PREFIX}2026-01-01T00:00:00.000Z`);
    expect(keepBackup(storage, 'other', new Date('2026-01-02T00:00:00Z'))).toBe(
      `${BACKUP_PREFIX}2026-01-02T00:00:00.000Z`
    );
    expect(keepBackup(storage, 'garbage', new Date('2026-01-03T00:00:00Z'))).toBe(first);
    expect(storage.entries()).toEqual({
      [`${BACKUP_PREFIX}2026-01-01T00:00:00.000Z`]: 'garbage',
      [`${BACKUP_PREFIX}2026-01-02T00:00:00.000Z`]: 'other'
    });
  });

  it.each([
    ['a refusal that is not about space', new DOMException('Denied.', 'SecurityError')],
    ['an error that is not the browser’s', new TypeError('setItem is not a function')]
  ])('%s is "refused", not "full"', (_, error) => {
    const before = serializeProgress({ nginx: 'done' });
    const storage = refusing(memoryStorage({ [STORAGE_KEY]: before }), error);
    expect(updateStored(storage, (p) => withStatus(p, 'caddy', 'done'))).toEqual({
      ok: false,
      reason: 'the browser refused to store it',
      progress: { nginx: 'done' }
    });
    expect(storage.getItem(STORAGE_KEY)).toBe(before);
  });

  it('unreadable progress that was kept but could not be replaced is reported', () => {
    const full = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    const storage = refusing(memoryStorage({ [STORAGE_KEY]: 'garbage' }), full, STORAGE_KEY);
    const r = updateStored(storage, (p) => withStatus(p, 'nginx', 'done'));
    expect(r).toEqual({ ok: false, reason: 'the browser’s storage for this site is full' });
    expect(backupKeys(storage).map((k) => storage.getItem(k))).toEqual(['garbage']);
    expect(storage.getItem(STORAGE_KEY)).toBe('garbage');
  });

  it('storage that refuses to be read is named as blocked, and nothing is written', () => {
    const storage = memoryStorage();
    storage.getItem = () => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    };
    expect(updateStored(storage, (p) => withStatus(p, 'nginx', 'done'))).toEqual({
      ok: false,
      reason: 'saved progress could not be read (the browser blocks this site’s storage)'
    });
    expect(storage.entries()).toEqual({});
  });
});
