// @vitest-environment node
// The one rule for addresses in prose (proseUrls.js), read as a browser reads them:
// which link targets and image sources pass, and the exact message for the rest.
import { describe, expect, it } from 'vitest';
import { imageUrlProblem, linkUrlProblem } from '../../src/lib/content/proseUrls.js';

const notAllowed = (url: string) =>
  `link ${JSON.stringify(url)} is not allowed: use http(s), mailto, a site path (/…) or #anchor`;
const noScheme = (url: string) =>
  `link ${JSON.stringify(url)} leaves the site without a scheme: write https://…`;
const notImage = (url: string) =>
  `image ${JSON.stringify(url)} is not allowed: images must be site paths (/…), not other hosts or data: URLs`;

describe('link targets', () => {
  it.each([
    'https://e.example/',
    'http://e.example/',
    'HTTPS://E.EXAMPLE/',
    'mailto:a@b.example',
    '/topics/x/',
    '/',
    '#top',
    ' https://e.example/',
    '\u0001/x',
    'https://e.example/ ',
    'ht\ttps://e.example/'
  ])('accepts %j', (url) => {
    expect(linkUrlProblem(url)).toBeUndefined();
  });

  it.each([
    ['javascript:alert(1)', notAllowed('javascript:alert(1)')],
    ['java\tscript:x', notAllowed('java\tscript:x')],
    ['java\nscript:x', notAllowed('java\nscript:x')],
    ['java\rscript:x', notAllowed('java\rscript:x')],
    ['\u0000 javascript:x', notAllowed('\u0000 javascript:x')],
    ['https:e.example', notAllowed('https:e.example')],
    ['ftp://e.example/', notAllowed('ftp://e.example/')],
    ['topics/x/', notAllowed('topics/x/')],
    ['x#top', notAllowed('x#top')],
    ['', notAllowed('')],
    ['//evil.example/', noScheme('//evil.example/')],
    ['/\\evil.example/', noScheme('/\\evil.example/')],
    ['\\\\evil.example/', noScheme('\\\\evil.example/')],
    [' //evil.example/', noScheme(' //evil.example/')],
    ['/\t/evil.example/', noScheme('/\t/evil.example/')]
  ])('refuses %j', (url, message) => {
    expect(linkUrlProblem(url)).toBe(message);
  });

  it('shows the first 60 characters of a refused target, as written', () => {
    const url = `javascript:${'x'.repeat(80)}`;
    expect(linkUrlProblem(url)).toBe(notAllowed(url.slice(0, 60)));
    expect(linkUrlProblem(`//${'e'.repeat(80)}`)).toBe(noScheme(`//${'e'.repeat(58)}`));
  });
});

describe('image sources', () => {
  it.each(['/img/x.png', ' /x.png', '\n/x.png'])('accepts the site path %j', (url) => {
    expect(imageUrlProblem(url)).toBeUndefined();
  });

  it.each([
    'https://e.example/x.png',
    'data:image/png;base64,AA',
    '//e.example/x.png',
    '/\\e.example/x.png',
    'x.png',
    '#x'
  ])('refuses %j', (url) => {
    expect(imageUrlProblem(url)).toBe(notImage(url));
  });

  it('shows the first 60 characters of a refused source', () => {
    const url = `data:image/png;base64,${'A'.repeat(80)}`;
    expect(imageUrlProblem(url)).toBe(notImage(url.slice(0, 60)));
  });
});
