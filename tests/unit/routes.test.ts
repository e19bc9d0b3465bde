import { describe, expect, it } from 'vitest';
import { mapHref, normaliseBase, resolveRoute, suggestTopics, topicHref } from '../../src/lib/routes.ts';

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
    ['/embed/', '?focus=nginx&controls=0', '/', { kind: 'embed', search: '?focus=nginx&controls=0' }],
    ['/map/embed/index.html', '', '/map/', { kind: 'embed', search: '' }],
    ['/embed/x', '', '/', { kind: 'notFound', path: '/embed/x' }],
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

describe('suggestTopics', () => {
  const all = ['gunicorn', 'uwsgi', 'wsgi-servers', 'asgi-servers', 'web-servers', 'nginx'];
  it.each([
    ['/topics/gunicon/', ['gunicorn']],
    ['/topics/wsgi/', ['uwsgi', 'wsgi-servers']],
    ['/topics/NGINX', ['nginx']],
    ['/topics/web%20servers/', ['web-servers']],
    ['/topics/zz/', []],
    ['/topics/kubernetes-operators/', []],
    ['/%E0%A4%A/', []]
  ])('%s suggests %j', (path, expected) => {
    expect(suggestTopics(path, all)).toEqual(expected);
  });
});
