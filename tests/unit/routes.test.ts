import { describe, expect, it } from 'vitest';
import {
  mapHref,
  normaliseBase,
  planHref,
  resolveRoute,
  routeKey,
  suggestTopics,
  topicHref,
  topicPath,
  tourMapHref,
  tourPageHref
} from '../../src/lib/routes.ts';

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
    [
      '/embed/',
      '?focus=nginx&controls=0',
      '/',
      { kind: 'embed', search: '?focus=nginx&controls=0' }
    ],
    ['/map/embed/index.html', '', '/map/', { kind: 'embed', search: '' }],
    ['/embed/x', '', '/', { kind: 'notFound', path: '/embed/x' }],
    ['/topics/nginx/', '', '/map/', { kind: 'notFound', path: '/topics/nginx/' }],
    // Paths of another base, even of the same length, are not this site's pages.
    ['/old/topics/nginx/', '', '/map/', { kind: 'notFound', path: '/old/topics/nginx/' }],
    ['/maps', '', '/map/', { kind: 'notFound', path: '/maps' }],
    // Only a page's own file name is dropped, not text that starts like it.
    ['/index.htmlembed', '', '/', { kind: 'notFound', path: '/index.htmlembed' }]
  ])('%s%s under base %s', (path, search, base, expected) => {
    expect(resolveRoute(path, search, base, slugs)).toEqual(expected);
  });

  it('builds addresses under any base', () => {
    expect(normaliseBase('map')).toBe('/map/');
    expect(normaliseBase('/')).toBe('/');
    expect(normaliseBase('//a/b//')).toBe('/a/b/');
    expect(topicPath('nginx')).toBe('topics/nginx/');
    expect(new URL(topicPath('nginx'), 'https://map.example.test/sub/').href).toBe(
      'https://map.example.test/sub/topics/nginx/'
    );
    expect(topicHref('/map/', 'nginx')).toBe('/map/topics/nginx/');
    expect(mapHref('/', 'web-servers')).toBe('/?focus=web-servers');
    expect(mapHref('/a/b')).toBe('/a/b/');
    expect(tourMapHref('/map/', 'follow-a-request', 3)).toBe('/map/?tour=follow-a-request&step=3');
    expect(tourPageHref('/', 'follow-a-request')).toBe('/tours/follow-a-request/');
    expect(tourPageHref('/map/')).toBe('/map/tours/');
    expect(planHref('/map/', '?hosting=paas')).toBe('/map/plan/?hosting=paas');
    expect(planHref('/')).toBe('/plan/');
  });

  const tours = new Set(['follow-a-request']);
  it.each([
    [
      '/',
      '?tour=follow-a-request&step=3',
      '/',
      { kind: 'map', tour: { slug: 'follow-a-request', step: 3 } }
    ],
    [
      '/',
      '?tour=follow-a-request',
      '/',
      { kind: 'map', tour: { slug: 'follow-a-request', step: 1 } }
    ],
    [
      '/',
      '?tour=follow-a-request&step=0',
      '/',
      { kind: 'map', tour: { slug: 'follow-a-request', step: 1 } }
    ],
    [
      '/',
      '?tour=follow-a-request&step=2.5',
      '/',
      { kind: 'map', tour: { slug: 'follow-a-request', step: 1 } }
    ],
    [
      '/',
      '?tour=follow-a-request&step=-1',
      '/',
      { kind: 'map', tour: { slug: 'follow-a-request', step: 1 } }
    ],
    ['/', '?tour=constructor&step=2', '/', { kind: 'map' }],
    ['/', '?tour=ghost&focus=nginx', '/', { kind: 'map', focus: 'nginx' }],
    ['/tours/', '', '/', { kind: 'tours' }],
    ['/map/tours/follow-a-request/', '', '/map/', { kind: 'tour', slug: 'follow-a-request' }],
    ['/tours/ghost/', '', '/', { kind: 'notFound', path: '/tours/ghost/' }],
    ['/plan/', '?hosting=vps&web=ngnix', '/', { kind: 'plan', search: '?hosting=vps&web=ngnix' }],
    ['/map/plan', '', '/map/', { kind: 'plan', search: '' }],
    ['/plan/x/', '', '/', { kind: 'notFound', path: '/plan/x/' }]
  ])('tours: %s%s under base %s', (path, search, base, expected) => {
    expect(resolveRoute(path, search, base, slugs, tours)).toEqual(expected);
  });

  it('keys tour routes by slug', () => {
    expect(routeKey({ kind: 'tour', slug: 'a' })).toBe('tour:a');
    expect(routeKey({ kind: 'tours' })).toBe('tours');
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
    ['/%E0%A4%A/', []],
    // Three letters too many is too far from any topic.
    ['/topics/nginxzzz/', []],
    ['/', []]
  ])('%s suggests %j', (path, expected) => {
    expect(suggestTopics(path, all)).toEqual(expected);
  });
});
