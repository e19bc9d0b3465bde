// Finds the fenced code blocks of the topic pages, with the text exactly as the page
// publishes it (the same markdown parser the content check uses; a unit test compares
// it with the compiled page), and where each one is: file and line.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { parseFenceMeta } from '../../src/lib/content/fenceMeta.js';

/**
 * @typedef {{ file: string, line: number, lang: string, title?: string, test?: string,
 *   untested?: string, code: string, problem?: string }} Example
 */

/** Every `.md` under `dir`, except the tours (they hold no examples). */
function markdownFiles(/** @type {string} */ dir) {
  /** @type {string[]} */
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== 'tours') out.push(...markdownFiles(path));
    } else if (name.endsWith('.md')) out.push(path);
  }
  return out;
}

/**
 * The fenced blocks of every page under `contentDir`. A block whose info string cannot
 * be read carries a `problem` (the runner fails it) rather than being left out.
 * @param {string} contentDir
 * @returns {Example[]}
 */
export function extractExamples(contentDir) {
  /** @type {Example[]} */
  const examples = [];
  for (const path of markdownFiles(contentDir)) {
    const source = readFileSync(path, 'utf8').replace(/\r\n?/g, '\n');
    const front = /^---\n[\s\S]*?\n---(?=\n|$)/.exec(source);
    const offset = front ? front[0].split('\n').length - 1 : 0;
    const body = front ? source.slice(front[0].length) : source;
    const lines = body.split('\n');
    const file = relative(process.cwd(), path);
    /** @param {any} node */
    const walk = (node) => {
      if (node.type === 'code') {
        const line = node.position.start.line;
        // Only fences: an indented block has no info string to mark it with.
        if (/^[\s>*+\-\d.)]*(`{3,}|~{3,})/.test(lines[line - 1] ?? '')) {
          /** @type {Example} */
          const ex = { file, line: line + offset, lang: node.lang ?? '', code: node.value };
          try {
            Object.assign(ex, parseFenceMeta(node.meta));
          } catch (e) {
            ex.problem = /** @type {Error} */ (e).message;
          }
          examples.push(ex);
        }
      }
      node.children?.forEach(walk);
    };
    walk(fromMarkdown(body));
  }
  return examples;
}
