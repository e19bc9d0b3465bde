import { readFileSync } from 'node:fs';

/**
 * The steps of a tour as its source file writes them: the title, the prose, and the
 * topics and arrows it lights. Read from the markdown here so the test checks the map against what
 * the author wrote, not against the app's own parse.
 */
export function stepsOf(slug: string) {
  const body = readFileSync(`content/tours/${slug}.md`, 'utf8').split(/^---$/m)[2];
  return body
    .split(/^## /m)
    .slice(1)
    .map((section) => {
      const [main, breaks = ''] = section.split(/^### What breaks$/m);
      const field = (text: string, key: string) =>
        new RegExp(`^${key}: (.*)$`, 'm').exec(text)?.[1].split(', ') ?? [];
      const arrows = (text: string, key: string) =>
        field(text, key).map((a) => a.split(/\s*(?:→|->)\s*/) as [string, string]);
      return {
        title: main.split('\n')[0].trim(),
        /** The step's paragraphs of prose (not its fields). */
        text: main
          .split(/\n\s*\n/)
          .slice(1)
          .map((p) => p.trim())
          .filter((p) => p && !/^(topics|arrows):/m.test(p)),
        topics: field(main, 'topics'),
        arrows: arrows(main, 'arrows'),
        broken: field(breaks, 'broken'),
        symptom: arrows(breaks, 'symptom')
      };
    });
}
