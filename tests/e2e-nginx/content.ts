import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';

/** Every topic: its slug from the file name in content/, its title from the frontmatter. */
export function topicsFromContent(dir = 'content'): { slug: string; title: string }[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => {
      const fm = /^---\n([\s\S]*?)\n---/.exec(
        readFileSync(`${dir}/${f}`, 'utf8').replace(/\r\n?/g, '\n')
      );
      if (!fm) throw new Error(`${dir}/${f}: no frontmatter`);
      return { slug: f.slice(0, -3), title: String((parse(fm[1]) as { title: unknown }).title) };
    });
}

/** Text as it appears in HTML (Svelte escapes &, < and > in text). */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
