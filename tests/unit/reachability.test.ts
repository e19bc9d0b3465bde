// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/lib/content/loadContent.ts';
import { unreachableFrom } from '../../src/lib/content/reachability.ts';

const { topics } = loadContent('tests/fixtures/mini-content', {});
const isolated = topics.map((t) => ({ ...t, arrows: [], related: [], linksTo: [] }));

describe('unreachableFrom', () => {
  it('finds nothing lost in the mini fixture, and every topic lost without links', () => {
    expect(unreachableFrom(topics, 'hub')).toEqual([]);
    expect(unreachableFrom(isolated, 'hub')).toEqual(['alpha', 'beta', 'gamma']);
  });

  it('follows prose links forwards only, and nesting both ways', () => {
    const linking = (from: string, to: string) =>
      isolated.map((t) => ({ ...t, linksTo: t.slug === from ? [to] : [] }));
    expect(unreachableFrom(linking('hub', 'alpha'), 'hub')).toEqual(['beta', 'gamma']);
    expect(unreachableFrom(linking('alpha', 'hub'), 'hub')).toEqual(['alpha', 'beta', 'gamma']);
    // gamma nests in beta, so reaching beta reaches gamma, and the other way round.
    expect(unreachableFrom(linking('hub', 'beta'), 'hub')).toEqual(['alpha']);
    expect(unreachableFrom(linking('hub', 'gamma'), 'hub')).toEqual(['alpha']);
  });

  it('follows arrows forwards and related links both ways', () => {
    const t = (slug: string, arrows: string[] = [], related: string[] = []) => ({
      slug,
      parent: 'r',
      arrows: arrows.map((to) => ({ to, label: 'x' })),
      related
    });
    expect(unreachableFrom([t('hub', ['a']), t('a'), t('b', ['hub'])], 'hub')).toEqual(['b']);
    expect(unreachableFrom([t('hub'), t('a', [], ['hub'])], 'hub')).toEqual([]);
  });
});
