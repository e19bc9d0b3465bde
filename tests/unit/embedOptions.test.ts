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
