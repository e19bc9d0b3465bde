// What the browser gets of each topic (topicInfos), and how content errors are printed
// for the build log (formatContentErrors, ContentValidationError).
import { describe, expect, it } from 'vitest';
import { TOPIC_FIELD_NAMES, longDate, topicInfos } from '../../src/lib/content/topicSchema.ts';
import { ContentValidationError, formatContentErrors } from '../../src/lib/content/types.ts';

const topic = (slug: string, title: string, related: string[] = [], linksTo: string[] = []) => ({
  slug,
  title,
  summary: `About ${title}.`,
  group: 'g',
  parent: 'box',
  related,
  arrows: [],
  examples: [],
  resources: [],
  reviewed: '2026-11-01',
  linksTo,
  file: `${slug}.md`,
  text: 'Not for the browser.'
});

describe('topicInfos', () => {
  it('gives each topic its fields, its slug, and the pages linking to it sorted by title', () => {
    const infos = topicInfos([
      topic('web', 'Web servers'),
      topic('zeta', 'Zeta', ['web']),
      topic('alpha', 'Alpha', [], ['web']),
      topic('mid', 'Middle', ['web'], ['web'])
    ]);
    expect(infos.web.linkedFrom).toEqual(['alpha', 'mid', 'zeta']);
    expect(infos.alpha.linkedFrom).toEqual([]);
    expect(Object.keys(infos.web).sort()).toEqual(
      ['linkedFrom', 'slug', ...TOPIC_FIELD_NAMES].sort()
    );
    expect(infos.web).toMatchObject({
      slug: 'web',
      title: 'Web servers',
      summary: 'About Web servers.'
    });
    // What is not a field of the table stays on the server.
    expect(infos.web).not.toHaveProperty('text');
    expect(infos.web).not.toHaveProperty('file');
  });

  it('a page linking to itself is not listed as linking to itself', () => {
    const infos = topicInfos([topic('web', 'Web', ['web'], ['web']), topic('db', 'DB', ['web'])]);
    expect(infos.web.linkedFrom).toEqual(['db']);
  });

  it('a link to a topic that is not there is ignored, not an error', () => {
    expect(topicInfos([topic('web', 'Web', ['ghost'], ['gone'])]).web.linkedFrom).toEqual([]);
  });
});

describe('content errors in the build log', () => {
  it('prints one line per error, file:line: field: message, with its source line', () => {
    expect(
      formatContentErrors([
        {
          file: 'a.md',
          line: 3,
          field: 'related',
          message: 'no such topic',
          source: '  related: [x]'
        },
        { file: 'b.md', message: 'file is not valid UTF-8 text' },
        { file: 'c.md', line: 9, message: 'raw HTML', source: '   ' }
      ])
    ).toBe(
      'Content has 3 errors:\n' +
        '  a.md:3: related: no such topic\n    3 |   related: [x]\n' +
        '  b.md: file is not valid UTF-8 text\n' +
        '  c.md:9: raw HTML'
    );
  });

  it('says "1 error" for one, and cuts a long source line at 120 characters', () => {
    const long = 'x'.repeat(200);
    expect(formatContentErrors([{ file: 'a.md', line: 1, message: 'm', source: long }])).toBe(
      `Content has 1 error:\n  a.md:1: m\n    1 | ${'x'.repeat(120)}`
    );
  });

  it('is thrown as a ContentValidationError carrying the errors and their printout', () => {
    const errors = [{ file: 'a.md', line: 2, message: 'bad' }];
    const e = new ContentValidationError(errors);
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('ContentValidationError');
    expect(e.errors).toBe(errors);
    expect(e.message).toBe('Content has 1 error:\n  a.md:2: bad');
    expect(String(e)).toBe('ContentValidationError: Content has 1 error:\n  a.md:2: bad');
  });

  it('prints a review date as words', () => {
    expect(longDate('2026-12-01')).toBe('1 December 2026');
    expect(longDate('2027-01-31')).toBe('31 January 2027');
  });
});
