// The edges of address resolution: what each address under a base path opens, and what
// a mistyped topic address suggests.
import { describe, expect, it } from 'vitest';
import { resolveRoute, routeKey, suggestTopics, type Route } from '../../src/lib/routes.ts';

const slugs = new Set(['nginx', 'gunicorn']);
const tours = new Set(['first-deploy']);
const at = (path: string, search = '') => resolveRoute(path, search, '/map/', slugs, tours);

describe('resolveRoute under a base path', () => {
  it.each<[string, string, Route]>([
    ['/map', '', { kind: 'map' }],
    ['/map/index.html', '', { kind: 'map' }],
    ['/other/', '', { kind: 'notFound', path: '/other/' }],
    ['//map/', '', { kind: 'notFound', path: '//map/' }],
    ['/map/embed', '?focus=nginx', { kind: 'embed', search: '?focus=nginx' }],
    ['/map/embed/', '', { kind: 'embed', search: '' }],
    ['/map/embedded/', '', { kind: 'notFound', path: '/map/embedded/' }],
    ['/map/topics/nginx/index.html', '', { kind: 'topic', slug: 'nginx' }],
    ['/map/topics/nginx/index.htm', '', { kind: 'notFound', path: '/map/topics/nginx/index.htm' }],
    ['/map/tours', '', { kind: 'tours' }],
    ['/map/tours/', '', { kind: 'tours' }],
    ['/map/tours/first-deploy', '', { kind: 'tour', slug: 'first-deploy' }],
    ['/map/tours/first-deploy/', '', { kind: 'tour', slug: 'first-deploy' }],
    ['/map/tours/first-deploy//', '', { kind: 'notFound', path: '/map/tours/first-deploy//' }],
    ['/map/tours/first-deploy/x', '', { kind: 'notFound', path: '/map/tours/first-deploy/x' }],
    [
      '/map/old/tours/first-deploy/',
      '',
      { kind: 'notFound', path: '/map/old/tours/first-deploy/' }
    ],
    ['/map/tours/unknown/', '', { kind: 'notFound', path: '/map/tours/unknown/' }]
  ])('%s%s opens %j', (path, search, expected) => {
    expect(at(path, search)).toEqual(expected);
  });

  it.each([
    ['12', 12],
    ['9999', 9999],
    ['10000', 1],
    ['0', 1],
    ['01', 1],
    ['2a', 1],
    ['', 1]
  ])('opens a tour at step=%s as step %i', (step, expected) => {
    expect(at('/map/', `?tour=first-deploy&step=${step}`)).toEqual({
      kind: 'map',
      tour: { slug: 'first-deploy', step: expected }
    });
  });
});

describe('routeKey', () => {
  it('names topics and tours by slug, and other routes by kind', () => {
    expect(routeKey({ kind: 'topic', slug: 'nginx' })).toBe('topic:nginx');
    expect(routeKey({ kind: 'tour', slug: 'first-deploy' })).toBe('tour:first-deploy');
    expect(routeKey({ kind: 'tours' })).toBe('tours');
    expect(routeKey({ kind: 'map' })).toBe('map');
  });
});

describe('suggestTopics edges', () => {
  const all = ['nginx', 'nginx-unit', 'caddy', 'apache-http-server'];
  it.each([
    ['/topics/nginx.html', ['nginx', 'nginx-unit']],
    ['/topics/nginx.htm', ['nginx', 'nginx-unit']],
    ['/topics/--caddy--/', ['caddy']],
    ['/topics/apache http server/', ['apache-http-server']],
    ['/topics/apache__http/', ['apache-http-server']],
    ['/topics/cad/', ['caddy']],
    ['/topics/ca/', []],
    ['/topics/nginy/', ['nginx']]
  ])('%s suggests %j', (path, expected) => {
    expect(suggestTopics(path, all)).toEqual(expected);
  });

  it('prefers slugs that contain the word; otherwise the closest first, then by name, at most three', () => {
    expect(suggestTopics('/topics/abcd/', ['abce', 'xabcdx', 'abcd-long'])).toEqual([
      'abcd-long',
      'xabcdx'
    ]);
    expect(suggestTopics('/topics/abcd/', ['abzz', 'abxy', 'abcf', 'abce', 'wxyz'])).toEqual([
      'abce',
      'abcf',
      'abxy'
    ]);
  });
});
