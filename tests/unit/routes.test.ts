import { describe, expect, it } from 'vitest';
import { mapHref, normaliseBase, resolveRoute, topicHref } from '../../src/lib/routes.ts';

const slugs = new Set(['web-servers', 'nginx']);

describe('routes', () => {
  it.each([
    ['/', '', '/', { kind: 'map' }],
    ['/', '?focus=nginx', '/', { kind: 'map', focus: 'nginx' }],
    ['/', '?focus=unknown&zoom=9', '/', { kind: 'map' }],
    ['/index.html', '', '/', { kind: 'map' }],
    ['/topics/nginx/', '', '/', { kind: 'topic', slug: 'nginx' }],
    ['/topics/nginx', '', '/', { kind: 'topic', slug: 'nginx' }],
    ['/topics/nope/', '', '/', { kind: 'notFound', path: '/topics/nope/' }],
    ['/other', '', '/', { kind: 'notFound', path: '/other' }],
    ['/map/topics/nginx/', '', '/map/', { kind: 'topic', slug: 'nginx' }],
    ['/map', '', '/map/', { kind: 'map' }],
    ['/topics/nginx/', '', '/map/', { kind: 'notFound', path: '/topics/nginx/' }]
  ])('%s%s under base %s', (path, search, base, expected) => {
    expect(resolveRoute(path, search, base, slugs)).toEqual(expected);
  });

  it('builds addresses under any base', () => {
    expect(normaliseBase('map')).toBe('/map/');
    expect(normaliseBase('/')).toBe('/');
    expect(topicHref('/map/', 'nginx')).toBe('/map/topics/nginx/');
    expect(mapHref('/', 'web-servers')).toBe('/?focus=web-servers');
    expect(mapHref('/a/b')).toBe('/a/b/');
  });
});
