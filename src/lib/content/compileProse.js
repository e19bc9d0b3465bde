// Compiles topic prose with mdsvex and checks the component it produces, so what is
// checked is what Svelte compiles. Plain JavaScript with JSDoc types: svelte.config.js,
// which Node loads without a TypeScript step, runs it on every .md file of the build.
import { mdsvex } from 'mdsvex';
import { parse } from 'svelte/compiler';
import { highlightCode } from './highlightCode.js';
import { imageUrlProblem, linkUrlProblem } from './proseUrls.js';

/**
 * What prose may compile to: these elements, each with only these attributes, holding
 * static text. Anything else (a script, a style, a `svelte:` element, a component, an
 * expression or block tag, an event attribute, a directive) is refused.
 * @type {Record<string, string[]>}
 */
const ALLOWED = {
  p: ['class'], h1: [], h2: [], h3: [], h4: [], h5: [], h6: [], em: [], strong: [], del: [],
  ul: ['class'], ol: ['start'], li: ['class'], blockquote: [], hr: [], br: [],
  a: ['href', 'title', 'rel'], img: ['src', 'alt', 'title'],
  pre: ['tabindex'], code: ['class'],
  // Fenced code highlighted at build time (highlightCode.js): a wrapper, a title line,
  // and spans that carry only a light and dark colour.
  div: ['class'], span: ['class', 'style'],
  // GitHub-style task lists (`- [ ] step`): a disabled checkbox.
  input: ['type', 'disabled', 'checked'],
  table: [], thead: [], tbody: [], tr: [], th: ['align'], td: ['align']
};

/** @type {Record<string, (value: string) => string | undefined>} */
const VALUE_RULES = {
  href: linkUrlProblem,
  src: imageUrlProblem,
  rel: (v) => (v === 'nofollow' ? undefined : `rel="${v.slice(0, 40)}" is not allowed`),
  class: (v) =>
    /^(?:language-[\w+#-]+|contains-task-list|task-list-item|code-block|code-title|code-note)$/.test(v) ? undefined : `class="${v.slice(0, 40)}" is not allowed`,
  // Only the two theme colours of a highlighted token: no url(), no other property.
  style: (v) => (/^--l:#[0-9a-f]{3,8};--d:#[0-9a-f]{3,8}$/.test(v) ? undefined : `style="${v.slice(0, 40)}" is not allowed`),
  // A scrolling code block is focusable, nothing more (no order of our own).
  tabindex: (v) => (v === '0' ? undefined : `tabindex="${v.slice(0, 40)}" is not allowed`),
  type: (v) => (v === 'checkbox' ? undefined : `type="${v.slice(0, 40)}" is not allowed`),
  start: (v) => (/^\d{1,9}$/.test(v) ? undefined : `start="${v.slice(0, 40)}" is not a number`),
  align: (v) => (/^(?:left|right|center)$/.test(v) ? undefined : `align="${v.slice(0, 40)}" is not allowed`)
};

/**
 * mdsvex turns indented code blocks off (for Svelte authors), so an indented line of
 * markup would be live markup while every other markdown parser reads it as code. This
 * puts remark's own tokenizer back: indented code is code, shown as text.
 * @this {{ Parser: { prototype: { blockTokenizers: Record<string, unknown> } } }}
 */
function indentedCodeIsCode() {
  const proto = this.Parser.prototype;
  const original = Object.getPrototypeOf(proto).blockTokenizers?.indentedCode;
  if (typeof original !== 'function') throw new Error('mdsvex changed: cannot restore indented code blocks');
  proto.blockTokenizers.indentedCode = original;
}

/**
 * Prefixes site paths in prose (`/topics/x/`, `/img.png`) with the base path.
 * @param {string} base
 */
function rehypeBasePath(base) {
  return () => (/** @type {any} */ tree) => {
    const walk = (/** @type {any} */ node) => {
      const key = node.tagName === 'a' ? 'href' : node.tagName === 'img' ? 'src' : undefined;
      const value = key && node.properties?.[key];
      if (key && typeof value === 'string' && /^\/(?![/\\])/.test(value)) node.properties[key] = base + value.slice(1);
      node.children?.forEach(walk);
    };
    walk(tree);
  };
}

/**
 * mdsvex's highlighter hook: highlightCode, with a refused fence (unknown language or
 * key) turned into an error that knows its info string, so the problem gets a line.
 * @param {string} code
 * @param {string | null | undefined} lang
 * @param {string | null | undefined} meta
 */
async function highlightFence(code, lang, meta) {
  try {
    return await highlightCode(code, lang, meta);
  } catch (e) {
    throw Object.assign(new Error(/** @type {Error} */ (e).message), { fence: `${lang ?? ''} ${meta ?? ''}`.trim() || '```' });
  }
}

/** @type {Map<string, ReturnType<typeof mdsvex>>} */
const compilers = new Map();
const compilerFor = (/** @type {string} */ base) => {
  let c = compilers.get(base);
  if (!c) {
    c = mdsvex({
      extensions: ['.md'],
      highlight: { highlighter: highlightFence },
      remarkPlugins: [indentedCodeIsCode],
      rehypePlugins: [rehypeBasePath(base)]
    });
    compilers.set(base, c);
  }
  return c;
};

/**
 * @typedef {{ line: number, message: string }} ProseProblem
 * @typedef {{ message: string, snippet: string }} Finding
 */

/**
 * Everything in a compiled prose component that is not plain, allowed markup, each with
 * a snippet of the compiled code to find it by in the source.
 * @param {string} code the Svelte component mdsvex produced
 * @returns {Finding[]}
 */
export function compiledProblems(code) {
  /** @type {Finding[]} */
  const found = [];
  /** @type {any} */
  let ast;
  try {
    ast = parse(code, { modern: true });
  } catch (e) {
    return [{ message: `prose does not compile: ${/** @type {Error} */ (e).message.split('\n')[0]}`, snippet: '' }];
  }
  const at = (/** @type {{start: number, end: number}} */ n) => code.slice(n.start, Math.min(n.end, n.start + 60));
  if (ast.module) found.push({ message: 'a <script> is not allowed in prose', snippet: '<script' });
  if (ast.instance) found.push({ message: 'a <script> is not allowed in prose', snippet: '<script' });
  if (ast.css) found.push({ message: 'a <style> is not allowed in prose', snippet: '<style' });
  if (ast.options) found.push({ message: '<svelte:options> is not allowed in prose', snippet: '<svelte:options' });

  const visit = (/** @type {any[]} */ nodes) => {
    for (const node of nodes) {
      if (node.type === 'Text') continue;
      if (node.type === 'Comment') {
        found.push({ message: 'an HTML comment is not allowed in prose', snippet: '<!--' });
      } else if (node.type === 'RegularElement' && Object.hasOwn(ALLOWED, node.name)) {
        checkAttributes(node, ALLOWED[node.name]);
        visit(node.fragment.nodes);
      } else if (node.type === 'RegularElement' || /Element$|^Component$|^Svelte/.test(node.type)) {
        found.push({ message: `<${node.name}> is not allowed in prose`, snippet: `<${node.name}` });
      } else {
        // Expression, {@html}, {@const}, {#if}, {#each}, {#snippet}…: Svelte code, not text.
        found.push({ message: `Svelte code ${JSON.stringify(at(node))} is not allowed in prose (write braces in \`code\`)`, snippet: at(node) });
      }
    }
  };
  const checkAttributes = (/** @type {any} */ el, /** @type {string[]} */ allowed) => {
    for (const attr of el.attributes) {
      if (attr.type !== 'Attribute' || !allowed.includes(attr.name)) {
        found.push({ message: `attribute ${JSON.stringify(at(attr).split(/[=\s]/)[0])} on <${el.name}> is not allowed in prose`, snippet: at(attr) });
        continue;
      }
      const parts = attr.value === true ? [] : Array.isArray(attr.value) ? attr.value : [attr.value];
      const dynamic = parts.find((p) => p.type !== 'Text');
      if (dynamic) {
        found.push({ message: `Svelte code ${JSON.stringify(at(dynamic))} in the ${attr.name} of <${el.name}> is not allowed in prose`, snippet: at(dynamic) });
        continue;
      }
      const problem = VALUE_RULES[attr.name]?.(parts.map((p) => p.data).join(''));
      if (problem) found.push({ message: problem, snippet: at(attr) });
    }
  };
  visit(ast.fragment.nodes);
  return found;
}

/** The frontmatter blanked to empty lines: mdsvex never sees it (no metadata script) and lines keep their numbers. */
const withoutFrontmatter = (/** @type {string} */ source) =>
  source.replace(/^---\n[\s\S]*?\n---(?=\n|$)/, (m) => '\n'.repeat(m.split('\n').length - 1));

/**
 * The 1-based line of the source a compiled snippet came from: where it, the value of
 * the attribute it is (a markdown link's address is not written `href="…"`) or its first
 * word first appears, else the first line after the frontmatter.
 * @param {string} source
 * @param {string} snippet
 * @param {number} fallback
 */
function sourceLine(source, snippet, fallback) {
  const hay = source.toLowerCase();
  const value = /^[^\s=]+="([^"]*)"$/.exec(snippet)?.[1] ?? '';
  for (const needle of [snippet, value, snippet.split(/[\s=>"']/)[0]]) {
    const i = needle.length > 1 ? hay.indexOf(needle.toLowerCase()) : -1;
    if (i >= 0) return source.slice(0, i).split('\n').length;
  }
  return fallback;
}

/**
 * Compiles a topic file's prose with mdsvex as the build does and checks the result.
 * Returns the component code and every problem with its line in the file; a component
 * with problems must never be compiled.
 * @param {string} fileText the whole .md file
 * @param {{ base?: string, filename?: string }} [options]
 * @returns {Promise<{ code: string, problems: ProseProblem[] }>}
 */
export async function compileProse(fileText, { base = '/', filename = 'prose.md' } = {}) {
  const source = withoutFrontmatter(fileText.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'));
  const bodyLine = source.length - source.replace(/^\n*/, '').length + 1;
  let out;
  try {
    out = await compilerFor(base).markup({ content: source, filename });
  } catch (e) {
    const fence = /** @type {{ fence?: string }} */ (e).fence;
    if (fence === undefined) throw e;
    return { code: '', problems: [{ line: sourceLine(source, fence, bodyLine), message: /** @type {Error} */ (e).message }] };
  }
  const code = out?.code ?? '';
  const problems = compiledProblems(code).map((f) => ({ line: sourceLine(source, f.snippet, bodyLine), message: f.message }));
  return { code, problems };
}

/**
 * The mdsvex preprocessor for svelte.config.js: compiles `.md` files with compileProse
 * and throws, naming file and line, rather than hand Svelte a component with anything
 * but allowed markup in it.
 * @param {{ base?: string }} [options]
 */
export function safeMdsvex({ base = '/' } = {}) {
  return {
    name: 'safe-mdsvex',
    /** @param {{ content: string, filename?: string }} input */
    async markup({ content, filename }) {
      if (!filename?.endsWith('.md')) return undefined;
      const { code, problems } = await compileProse(content, { base, filename });
      if (problems.length)
        throw new Error(`Prose refused:\n${problems.map((p) => `  ${filename}:${p.line}: body: ${p.message}`).join('\n')}`);
      return { code };
    }
  };
}
