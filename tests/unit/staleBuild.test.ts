import { describe, expect, it } from 'vitest';
import { isChunkLoadError, loadFailureText } from '../../src/lib/site/staleBuild.ts';

describe('a lazy chunk that is gone after a deploy', () => {
  it.each([
    [
      'Chromium',
      new TypeError(
        'Failed to fetch dynamically imported module: https://x.org/assets/TopicRoute-abc.js'
      ),
      true
    ],
    [
      'Firefox',
      new TypeError('error loading dynamically imported module: https://x.org/assets/a.js'),
      true
    ],
    ['Safari', new TypeError('Importing a module script failed.'), true],
    ["Vite's CSS preload", new Error('Unable to preload CSS for /assets/TopicRoute-abc.css'), true],
    ['an ordinary error', new Error('the prebuilt PDF answered 404 Not Found'), false],
    ['a thrown string', 'boom', false]
  ])('%s: %s', (_, error, stale) => {
    expect(isChunkLoadError(error)).toBe(stale);
  });

  it('asks for a reload instead of showing the raw error', () => {
    expect(
      loadFailureText(
        new TypeError('Failed to fetch dynamically imported module: /a.js'),
        'Search is unavailable'
      )
    ).toEqual({
      stale: true,
      text: 'A new version of the site is available.'
    });
    expect(loadFailureText(new Error('disk full'), 'Search is unavailable')).toEqual({
      stale: false,
      text: 'Search is unavailable: disk full'
    });
  });
});
