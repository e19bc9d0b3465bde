import { describe, expect, it } from 'vitest';
import {
  fadedByFilter,
  parseProgress,
  pathNeighbours,
  pathSteps,
  serializeProgress,
  summarise,
  withStatus
} from '../../src/lib/progress/progress.ts';

const file = (topics: unknown, extra: object = {}) =>
  JSON.stringify({ format: 'deployment-map-progress', version: 1, exportedAt: '2026-01-01T00:00:00.000Z', topics, ...extra });

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
    ['a newer version', file({}, { version: 2 }), 'version 2'],
    ['no topics map', file(['nginx']), 'no "topics" map']
  ])('refuses %s with a reason', (_, text, reason) => {
    const r = parseProgress(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain(reason);
  });

  it('drops entries with an unknown status or a bad slug, keeps the rest', () => {
    expect(parseProgress(file({ nginx: 'done', caddy: 'finished', 'Bad Slug': 'done' }))).toEqual({
      ok: true,
      progress: { nginx: 'done' },
      dropped: 2
    });
  });

  it('treats nothing stored as empty progress', () => {
    expect(parseProgress(null)).toEqual({ ok: true, progress: {}, dropped: 0 });
  });

  it('sets and clears a status without mutating', () => {
    const a = { nginx: 'done' } as const;
    const b = withStatus(a, 'caddy', 'learning');
    expect(b).toEqual({ nginx: 'done', caddy: 'learning' });
    expect(withStatus(b, 'nginx', null)).toEqual({ caddy: 'learning' });
    expect(a).toEqual({ nginx: 'done' });
  });

  it('summarises over current topics only (removed topics are kept but not counted)', () => {
    expect(summarise({ nginx: 'done', removed: 'done', caddy: 'skipped' }, ['nginx', 'caddy', 'gunicorn'])).toEqual({
      total: 3,
      done: 1,
      learning: 0,
      skipped: 1
    });
  });

  it('numbers the learning path and walks it in order', () => {
    const path = [['paas'], ['servers'], ['os', 'web', 'wsgi']];
    expect(pathSteps(path).map((s) => s.label)).toEqual(['1', '2', '3a', '3b', '3c']);
    expect(pathNeighbours(path, 'servers')).toMatchObject({ prev: { slug: 'paas' }, next: { slug: 'os' } });
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
