import { fromMarkdown } from 'mdast-util-from-markdown';
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

export interface ParsedProse {
  blocks: ProseBlock[];
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
  ordered?: boolean | null;
  children?: MdNode[];
  position?: { start: { line: number } };
}

/**
 * Parses markdown prose into the few block kinds the PDF draws (headings, paragraphs,
 * lists, code), collects every link and image in every form (inline, reference, autolink,
 * and each definition) with its line, and derives plain text and a word count. Anything
 * else (HTML, tables) degrades to its text, never throws.
 */
export function parseProse(markdown: string): ParsedProse {
  const tree = fromMarkdown(markdown) as unknown as MdNode;
  const links: ProseLink[] = [];
  const blocks: ProseBlock[] = [];
  const problems: ProseProblem[] = [];
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
  const check = (node: MdNode): void => {
    switch (node.type) {
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
      case 'code':
        blocks.push({ kind: 'code', text: node.value ?? '' });
        break;
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

  const text = blocks
    .map((b) =>
      b.kind === 'code'
        ? b.text
        : b.kind === 'list'
          ? b.items.map((runs) => runs.map((r) => r.text).join('')).join('\n')
          : b.runs.map((r) => r.text).join('')
    )
    .join('\n\n');
  const wordCount = text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  return { blocks, links, problems, text, wordCount };
}
