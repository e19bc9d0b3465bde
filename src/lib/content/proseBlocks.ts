import { fromMarkdown } from 'mdast-util-from-markdown';
import { parseFenceMeta } from './fenceMeta.js';
import type { InlineRun, ProseBlock } from './types.ts';

/** A link or image found in prose, with its 1-based line in the prose (not the file). */
export interface ProseLink {
  href: string;
  line: number;
  /** An image source (must be on the site) rather than a link target. */
  image?: boolean;
}

/** Something in prose the site refuses to compile (raw HTML, Svelte braces), with its line. */
export interface ProseProblem {
  message: string;
  line: number;
}

/** A fenced code block as written: its line in the prose and its info string, read. */
export interface ProseFence {
  line: number;
  lang?: string;
  title?: string;
  test?: string;
  untested?: string;
}

export interface ParsedProse {
  blocks: ProseBlock[];
  fences: ProseFence[];
  links: ProseLink[];
  problems: ProseProblem[];
  text: string;
  wordCount: number;
}

// mdast node shapes we read; the library's own types pull in a large tree of packages.
interface MdNode {
  type: string;
  value?: string;
  url?: string;
  title?: string | null;
  alt?: string | null;
  identifier?: string;
  depth?: number;
  lang?: string | null;
  meta?: string | null;
  ordered?: boolean | null;
  children?: MdNode[];
  position?: { start: { line: number } };
}

/**
 * Parses markdown prose into the few block kinds the PDF draws (headings, paragraphs,
 * lists, code), collects every link and image in every form (inline, reference, autolink,
 * and each definition) with its line, and derives plain text and a word count (of prose: code blocks are not counted). Anything
 * else (HTML, tables) degrades to its text, never throws.
 */
export function parseProse(markdown: string): ParsedProse {
  const tree = fromMarkdown(markdown) as unknown as MdNode;
  const links: ProseLink[] = [];
  const blocks: ProseBlock[] = [];
  const problems: ProseProblem[] = [];
  const fences: ProseFence[] = [];
  const lineOf = (node: MdNode) => node.position?.start.line ?? 0;
  // Prose is compiled as a Svelte component: raw HTML would become markup or script,
  // and braces would become expressions. Content is trusted, but we keep it to text.
  const refuseHtml = (node: MdNode) =>
    problems.push({ line: lineOf(node), message: `raw HTML is not allowed in prose: ${(node.value ?? '').slice(0, 40)}` });
  // Titles and alt text end up in attributes, where braces are expressions too.
  const refuseBraces = (node: MdNode, what: string, value: string | null | undefined) => {
    if (/[{}]/.test(value ?? ''))
      problems.push({ line: lineOf(node), message: `curly braces are not allowed in ${what} (write them in \`code\` in the text)` });
  };
  const definitions = new Map<string, MdNode>();
  const collectDefinitions = (node: MdNode) => {
    if (node.type === 'definition' && node.identifier && !definitions.has(node.identifier))
      definitions.set(node.identifier, node);
    node.children?.forEach(collectDefinitions);
  };
  collectDefinitions(tree);

  // The checks walk every node of the tree, wherever it sits (in lists, quotes, tables),
  // apart from building the blocks below, so no nesting can carry a node past them.
  const sourceLines = markdown.split('\n');
  const check = (node: MdNode): void => {
    switch (node.type) {
      case 'code': {
        // A fence, wherever it sits (its line holds the fence, after any list or quote marks).
        if (!/^[\s>*+\-\d.)]*(`{3,}|~{3,})/.test(sourceLines[lineOf(node) - 1] ?? '')) break;
        let info: ReturnType<typeof parseFenceMeta> = {};
        try {
          info = parseFenceMeta(node.meta);
        } catch {
          // Reported, with its line, by the compiled check.
        }
        fences.push({ line: lineOf(node), ...(node.lang ? { lang: node.lang } : {}), ...info });
        break;
      }
      case 'html':
        refuseHtml(node);
        break;
      case 'text':
        if (/[{}]/.test(node.value ?? ''))
          problems.push({ line: lineOf(node), message: 'curly braces are not allowed in prose (write them in `code`)' });
        break;
      case 'link':
      case 'definition':
        // A definition is checked even when unused: mdsvex may resolve a reference this parser does not.
        links.push({ href: node.url ?? '', line: lineOf(node) });
        refuseBraces(node, 'a link title', node.title);
        break;
      case 'image':
        links.push({ href: node.url ?? '', line: lineOf(node), image: true });
        refuseBraces(node, 'image alt text', node.alt);
        refuseBraces(node, 'an image title', node.title);
        break;
      case 'imageReference': {
        const def = definitions.get(node.identifier ?? '');
        if (def) links.push({ href: def.url ?? '', line: lineOf(node), image: true });
        refuseBraces(node, 'image alt text', node.alt);
        break;
      }
    }
    node.children?.forEach(check);
  };
  check(tree);

  const inline = (node: MdNode, style: Omit<InlineRun, 'text'> = {}): InlineRun[] => {
    switch (node.type) {
      case 'text':
        return [{ ...style, text: node.value ?? '' }];
      case 'inlineCode':
        return [{ ...style, text: node.value ?? '', code: true }];
      case 'break':
        return [{ ...style, text: ' ' }];
      case 'link':
        return (node.children ?? []).flatMap((c) => inline(c, { ...style, href: node.url }));
      case 'linkReference': {
        // The definition's URL is checked where it is defined; the PDF links it here.
        const href = definitions.get(node.identifier ?? '')?.url;
        return (node.children ?? []).flatMap((c) => inline(c, href === undefined ? style : { ...style, href }));
      }
      case 'image':
      case 'imageReference':
      case 'html':
        return [];
      case 'strong':
        return (node.children ?? []).flatMap((c) => inline(c, { ...style, strong: true }));
      case 'emphasis':
        return (node.children ?? []).flatMap((c) => inline(c, { ...style, emphasis: true }));
      default:
        return node.value !== undefined
          ? [{ ...style, text: node.value }]
          : (node.children ?? []).flatMap((c) => inline(c, style));
    }
  };

  const block = (node: MdNode): void => {
    switch (node.type) {
      case 'heading':
        blocks.push({ kind: 'heading', depth: node.depth ?? 2, runs: inlineOf(node) });
        break;
      case 'paragraph':
        blocks.push({ kind: 'paragraph', runs: inlineOf(node) });
        break;
      case 'list':
        blocks.push({
          kind: 'list',
          ordered: Boolean(node.ordered),
          items: (node.children ?? []).map((item) =>
            (item.children ?? []).flatMap((child, i) => {
              const runs = child.type === 'list' ? listText(child) : inlineOf(child);
              return i > 0 ? [{ text: ' ' }, ...runs] : runs;
            })
          )
        });
        break;
      case 'code': {
        let info: ReturnType<typeof parseFenceMeta> = {};
        try {
          info = parseFenceMeta(node.meta);
        } catch {
          // A malformed info string is reported, with its line, by the compiled check.
        }
        const title = info.title;
        blocks.push({ kind: 'code', text: node.value ?? '', ...(node.lang ? { lang: node.lang } : {}), ...(title !== undefined ? { title } : {}) });
        break;
      }
      case 'definition':
      case 'html':
        break;
      default:
        if (node.children) node.children.forEach(block);
        else if (node.value) blocks.push({ kind: 'paragraph', runs: [{ text: node.value }] });
    }
  };
  const inlineOf = (node: MdNode) => (node.children ?? []).flatMap((c) => inline(c));
  const listText = (list: MdNode): InlineRun[] =>
    (list.children ?? []).flatMap((item) => [{ text: ' ' }, ...inlineOf(item.children?.[0] ?? item)]);

  (tree.children ?? []).forEach(block);

  const blockText = (b: ProseBlock) =>
    b.kind === 'code'
      ? b.text
      : b.kind === 'list'
        ? b.items.map((runs) => runs.map((r) => r.text).join('')).join('\n')
        : b.runs.map((r) => r.text).join('');
  const text = blocks.map(blockText).join('\n\n');
  // Words of prose: a code block is read, not counted (a config file would otherwise
  // fill a page's word budget); inline code spans in sentences still count.
  const wordCount = blocks
    .filter((b) => b.kind !== 'code')
    .map(blockText)
    .join('\n\n')
    .split(/\s+/)
    .filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  return { blocks, fences, links, problems, text, wordCount };
}
