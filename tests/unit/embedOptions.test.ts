import { describe, expect, it } from 'vitest';
import {
  embedCode,
  embedHref,
  parseEmbedOptions,
  type EmbedOptions
} from '../../src/lib/embed/embedOptions.ts';

const slugs = new Set(['nginx', 'wsgi-servers']);
const groups = new Set(['server-stack', 'hosting']);

describe('embed options', () => {
  it.each([
    ['', { controls: true }],
    ['?focus=nginx&controls=0', { focus: 'nginx', controls: false }],
    ['?focus=nope', { controls: true }],
    [
      '?filter=hosting,server-stack,nope,hosting',
      { filter: ['hosting', 'server-stack'], controls: true }
    ],
    ['?filter=nope', { controls: true }],
    ['?tour=first-deploy&step=3', { tour: 'first-deploy', step: 3, controls: true }],
    ['?tour=first-deploy&step=0', { tour: 'first-deploy', controls: true }],
    ['?step=2', { controls: true }],
    ['?tour=<script>', { controls: true }],
    ['?theme=dark&controls=1', { theme: 'dark', controls: true }],
    ['?theme=blue', { controls: true }]
  ])('%s', (search, expected) => {
    expect(parseEmbedOptions(search, slugs, groups)).toEqual(expected);
  });

  it('writes the shortest address, which reads back as the same options', () => {
    const o: EmbedOptions = {
      focus: 'nginx',
      filter: ['hosting', 'server-stack'],
      theme: 'dark',
      controls: false
    };
    const href = embedHref('/map/', o);
    expect(href).toBe('/map/embed/?focus=nginx&filter=hosting,server-stack&theme=dark&controls=0');
    expect(parseEmbedOptions(href.split('?')[1], slugs, groups)).toEqual(o);
    expect(embedHref('/', { controls: true })).toBe('/embed/');
  });

  it('builds iframe code with an absolute address, a height from the drawing and a link back', () => {
    const code = embedCode('https://map.example.org/map/?focus=x', '/map/', { focus: 'nginx' }, 2);
    expect(code).toContain('<iframe src="https://map.example.org/map/embed/?focus=nginx" ');
    expect(code).toContain('height="444"');
    expect(code).toContain('<a href="https://map.example.org/map/">Open the Deployment Map</a>');
    expect(embedCode('http://127.0.0.1:1/', '/', { controls: false }, 0.5)).toContain(
      'height="900"'
    );
  });
});

describe('embed options at their edges', () => {
  const long = (n: number) => 'a'.repeat(n);
  it.each([
    ['?filter=hosting,+server-stack+', { filter: ['hosting', 'server-stack'], controls: true }],
    [`?tour=${long(80)}`, { tour: long(80), controls: true }],
    [`?tour=${long(81)}`, { controls: true }],
    ['?tour=first-deploy&step=12', { tour: 'first-deploy', step: 12, controls: true }],
    ['?tour=first-deploy&step=999', { tour: 'first-deploy', step: 999, controls: true }],
    ['?tour=first-deploy&step=1000', { tour: 'first-deploy', controls: true }],
    ['?tour=first-deploy&step=x3', { tour: 'first-deploy', controls: true }],
    ['?tour=first-deploy&step=3x', { tour: 'first-deploy', controls: true }],
    ['?theme=light', { theme: 'light', controls: true }]
  ])('%s', (search, expected) => {
    expect(parseEmbedOptions(search, slugs, groups)).toEqual(expected);
  });

  it('puts a tour and its step in the address, and a step only with its tour', () => {
    expect(embedHref('/', { tour: 'first-deploy', step: 3 })).toBe(
      '/embed/?tour=first-deploy&step=3'
    );
    expect(embedHref('/', { tour: 'first-deploy' })).toBe('/embed/?tour=first-deploy');
    expect(embedHref('/', { step: 3 })).toBe('/embed/');
  });

  it('escapes the ampersands of the address inside the snippet', () => {
    const code = embedCode(
      'https://map.example.org/',
      '/',
      { focus: 'nginx', tour: 'first-deploy', step: 2 },
      2
    );
    expect(code).toBe(
      '<iframe src="https://map.example.org/embed/?focus=nginx&amp;tour=first-deploy&amp;step=2" ' +
        'title="Deployment Map: how a Python web app is deployed" width="100%" height="444" ' +
        'style="border:0;max-width:100%" loading="lazy"></iframe>\n' +
        '<p><a href="https://map.example.org/">Open the Deployment Map</a></p>'
    );
  });

  it.each([
    [{ controls: false }, 'height="400"'],
    [{ controls: true }, 'height="444"'],
    [{}, 'height="444"']
  ])('leaves room for the controls bar only when it is shown: %o', (o, height) => {
    expect(embedCode('https://map.example.org/', '/', o, 2)).toContain(height);
  });
});
