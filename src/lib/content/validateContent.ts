import { isMap, parseDocument, type Document } from 'yaml';
import { parseProse, type ProseFence, type ProseLink } from './proseBlocks.ts';
import { imageUrlProblem, linkUrlProblem } from './proseUrls.js';
import { unreachableFrom } from './reachability.ts';
import { REQUIRED_TOPIC_FIELDS, TOPIC_FIELD_NAMES, TOPIC_SCHEMA, type FieldKinds, type FieldSpec, type TopicFields } from './topicSchema.ts';
import {
  ContentValidationError,
  type Arrow,
  type Box,
  type ArrangeCell,
  type Composition,
  type Content,
  type ContentError,
  type MapFrame,
  type Topic
} from './types.ts';

/** A content file as read from disk: its path relative to the content folder, and bytes. */
export interface SourceFile {
  path: string;
  bytes: Uint8Array;
}

export interface ValidateOptions {
  /** Inclusive bounds on the prose word count; omit to skip the check. */
  wordRange?: [number, number];
  /** Bounds on the number of related topics. */
  relatedRange?: [number, number];
  /**
   * Every fenced code block says whether the examples suite runs it (`test="…"`, with a
   * `title`) or why not (`untested="…"`): nothing is left untested without a word.
   */
  markedCode?: boolean;
  /** The day `reviewed:` dates may not be after (default: now, in UTC). */
  today?: Date;
}

export const MAX_FILE_BYTES = 256 * 1024;
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const FRAME_FIELDS = ['hub', 'groups', 'boxes', 'learningPath', 'composition'];

/**
 * Why a slug or id is refused although it has the slug shape: names every JavaScript
 * object already has (`constructor`) would be found in any lookup table of topics.
 */
/**
 * Why a content file's slug (its file name) cannot be used: not a slug, a reserved name,
 * or already defined by the file `seen` holds for it; undefined when it can. `what`
 * names the kind in the duplicate message ("slug", "tour slug").
 */
export function fileSlugProblem(slug: string, seen: ReadonlyMap<string, string>, what: string): string | undefined {
  if (!SLUG_PATTERN.test(slug)) return `file name "${slug}" is not a slug (lowercase words joined by hyphens)`;
  const reserved = reservedNameProblem(slug);
  if (reserved) return `file name: ${reserved}`;
  const earlier = seen.get(slug);
  if (earlier) return `duplicate ${what} "${slug}": also defined by ${earlier}`;
  return undefined;
}

export function reservedNameProblem(name: string): string | undefined {
  return Object.hasOwn(Object.prototype, name)
    ? `"${name}" is a name every JavaScript object already has; choose another`
    : undefined;
}

/** Slug of a content path: its file name without `.md`. */
export function slugOfPath(path: string): string {
  return (path.split('/').pop() ?? path).replace(/\.md$/, '');
}

/**
 * Validates every topic file and the map frame together and returns the content, or
 * throws one ContentValidationError listing every problem found (file, line, field),
 * so an author fixes a whole build's worth of mistakes at once.
 */
export function validateContent(
  frameFile: SourceFile,
  topicFiles: SourceFile[],
  options: ValidateOptions = {}
): Content {
  const errors: ContentError[] = [];
  const { frame, at: frameAt } = readFrame(frameFile, errors);
  const drafts: { topic: Topic; yaml: YamlSource; bodyLine: number; links: ProseLink[]; fences: ProseFence[] }[] = [];
  const seen = new Map<string, string>();

  for (const file of [...topicFiles].sort((a, b) => a.path.localeCompare(b.path))) {
    const slug = slugOfPath(file.path);
    const err = (message: string, field?: string, line?: number) =>
      errors.push({ file: file.path, field, line, message });
    const problem = fileSlugProblem(slug, seen, 'slug');
    if (problem) {
      err(problem);
      continue;
    }
    seen.set(slug, file.path);
    const draft = readTopic(file, slug, err, options.today ?? new Date());
    if (draft) drafts.push(draft);
  }

  const slugs = new Set(drafts.map((d) => d.topic.slug));
  const boxIds = new Set(frame.boxes.map((b) => b.id));
  const groupIds = new Set(frame.groups.map((g) => g.id));
  const [minRelated, maxRelated] = options.relatedRange ?? [0, Infinity];

  for (const { topic, yaml, bodyLine, links, fences } of drafts) {
    const at = (path: (string | number)[]) => lineOf(yaml, path);
    const err = (message: string, field: string, line?: number) =>
      errors.push({ file: topic.file, field, line, message });
    if (!groupIds.has(topic.group))
      err(`unknown group "${topic.group}" (known: ${[...groupIds].join(', ')})`, 'group', at(['group']));
    if (!boxIds.has(topic.parent) && !slugs.has(topic.parent))
      err(`unknown parent "${topic.parent}": not a box in _map.yaml nor a topic`, 'parent', at(['parent']));
    if (topic.parent === topic.slug) err('a topic cannot be its own parent', 'parent', at(['parent']));
    topic.arrows.forEach((a, i) => {
      if (!slugs.has(a.to)) err(`arrow to unknown topic "${a.to}"`, `arrows[${i}].to`, at(['arrows', i, 'to']));
      if (a.to === topic.slug) err('an arrow cannot point at its own topic', `arrows[${i}].to`, at(['arrows', i, 'to']));
    });
    topic.related.forEach((r, i) => {
      if (!slugs.has(r)) err(`related link to unknown topic "${r}"`, `related[${i}]`, at(['related', i]));
      if (r === topic.slug) err('a topic cannot be related to itself', `related[${i}]`, at(['related', i]));
    });
    // A repeated target or address would be listed twice (and keyed twice) on the page.
    const repeats = (values: string[], field: string, key: string) =>
      values.forEach((v, i) => {
        if (values.indexOf(v) !== i) err(`repeats "${v}" (each may appear once)`, `${field}[${i}]`, at([field, i, key]));
      });
    repeats(topic.arrows.map((a) => a.to), 'arrows', 'to');
    repeats(topic.examples.map((e) => e.url), 'examples', 'url');
    repeats(topic.resources.map((r) => r.url), 'resources', 'url');
    if (new Set(topic.related).size !== topic.related.length)
      err('lists the same topic twice', 'related', at(['related']));
    if (topic.related.length < minRelated || topic.related.length > maxRelated)
      err(`has ${topic.related.length} topics; expected ${minRelated} to ${maxRelated}`, 'related', at(['related']));
    for (const link of links) {
      // Links go to the web, to mail, within the site or within the page; nothing that
      // runs. Images come from the site.
      const problem = link.image ? imageUrlProblem(link.href) : linkUrlProblem(link.href);
      if (problem) err(problem, 'body', bodyLine + link.line - 1);
      const m = /^\/topics\/([^/#?]*)\/?(?:[#?].*)?$/.exec(link.href);
      if (link.href.startsWith('/topics/') && (!m || !slugs.has(m[1])))
        err(`link to unknown topic "${link.href}"`, 'body', bodyLine + link.line - 1);
    }
    if (options.markedCode)
      for (const f of fences) {
        if (f.test === undefined && f.untested === undefined)
          err('code block has neither test="scenario" nor untested="why" in its info string', 'body', bodyLine + f.line - 1);
        else if (f.test !== undefined && !f.title)
          err(`code block with test="${f.test}" needs a title="…" (the examples suite finds it by its title)`, 'body', bodyLine + f.line - 1);
      }
    if (options.wordRange) {
      const [min, max] = options.wordRange;
      if (topic.wordCount < min || topic.wordCount > max)
        err(`prose has ${topic.wordCount} words; expected ${min} to ${max}`, 'body', bodyLine);
    }
  }

  const parentLines = new Map(drafts.map((d) => [d.topic.slug, lineOf(d.yaml, ['parent'])]));
  checkNesting(frame, drafts.map((d) => d.topic), frameFile.path, (path) => (path[0] === 'box' ? frameAt(path) : parentLines.get(String(path[1]))), errors);
  checkComposition(frame, drafts.map((d) => d.topic), frameFile.path, (path) => frameAt(['composition', ...path]), errors);
  for (const [i, step] of frame.learningPath.entries())
    step.forEach((slug, j) => {
      if (!slugs.has(slug))
        errors.push({ file: frameFile.path, field: `learningPath[${i}]`, line: frameAt(['learningPath', i, j]), message: `unknown topic "${slug}"` });
    });
  if (frame.hub && !slugs.has(frame.hub))
    errors.push({ file: frameFile.path, field: 'hub', line: frameAt(['hub']), message: `unknown topic "${frame.hub}"` });
  else if (frame.hub) {
    // Every page must be reachable from the hub by what the pages show (arrows, related
    // links, nesting, prose links), or a reader starting there could never find it.
    for (const slug of unreachableFrom(drafts.map((d) => d.topic), frame.hub)) {
      const d = drafts.find((x) => x.topic.slug === slug)!;
      errors.push({
        file: d.topic.file,
        field: 'related',
        line: lineOf(d.yaml, ['related']),
        message: `not reachable from the hub "${frame.hub}" by any arrow, related link, nesting or prose link`
      });
    }
  }

  if (errors.length) throw new ContentValidationError(withSourceLines(errors, [frameFile, ...topicFiles]));
  return { frame, topics: drafts.map((d) => d.topic) };
}

/** The file as text (UTF-8, without a byte order mark, `\n` line ends), or undefined if it is not UTF-8. */
function textOf(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  } catch {
    return undefined;
  }
}

/** The file as text, or undefined after reporting a file too large or not UTF-8. */
export function decode(file: SourceFile, err: (m: string) => void): string | undefined {
  if (file.bytes.length > MAX_FILE_BYTES) {
    err(`file is ${file.bytes.length} bytes; the limit is ${MAX_FILE_BYTES}`);
    return undefined;
  }
  const text = textOf(file.bytes);
  if (text === undefined) err('file is not valid UTF-8 text');
  return text;
}

/** The errors with the text of their source line, so a message shows what it is about. */
export function withSourceLines(errors: ContentError[], files: SourceFile[]): ContentError[] {
  const texts = new Map<string, string[] | undefined>();
  const linesOf = (path: string) => {
    if (!texts.has(path)) {
      const file = files.find((f) => f.path === path);
      texts.set(path, file && file.bytes.length <= MAX_FILE_BYTES ? textOf(file.bytes)?.split('\n') : undefined);
    }
    return texts.get(path);
  };
  return errors.map((e) => {
    const source = e.line && e.source === undefined ? linesOf(e.file)?.[e.line - 1] : undefined;
    return source === undefined ? e : { ...e, source };
  });
}

/** A parsed YAML document with a way to turn a source offset into a file line. */
export interface YamlSource {
  doc: Document;
  toLine: (offset: number) => number;
}

/** The line of a YAML field by its path (`['arrows', 2, 'to']`), when the source has it. */
export function lineOf({ doc, toLine }: YamlSource, path: (string | number)[]): number | undefined {
  const node = doc.getIn(path, true) as { range?: [number, number] } | undefined;
  // A key with a null value has no node; fall back to the key's own position.
  if (!node?.range && path.length === 1) {
    const pair = isMap(doc.contents) ? doc.contents.items.find((p) => String((p.key as { value?: unknown })?.value) === path[0]) : undefined;
    const keyRange = (pair?.key as { range?: [number, number] } | undefined)?.range;
    return keyRange ? toLine(keyRange[0]) : undefined;
  }
  return node?.range ? toLine(node.range[0]) : undefined;
}

/** Parses YAML that starts `lineOffset` lines into its file, reporting errors with file lines. */
export function parseYaml(
  source: string,
  lineOffset: number,
  err: (m: string, f?: string, l?: number) => void
): YamlSource | undefined {
  const doc = parseDocument(source, { prettyErrors: false, uniqueKeys: true });
  const starts = [0];
  for (let i = 0; i < source.length; i++) if (source[i] === '\n') starts.push(i + 1);
  const toLine = (offset: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1 + lineOffset;
  };
  for (const e of doc.errors) err(`invalid YAML: ${e.message.split('\n')[0]}`, undefined, toLine(e.pos[0]));
  return doc.errors.length ? undefined : { doc, toLine };
}

/** The document as plain data; YAML that expands without bound (an alias bomb) is an error. */
export function toPlain(yaml: YamlSource, err: (m: string, f?: string, l?: number) => void): Record<string, unknown> | undefined {
  try {
    return yaml.doc.toJS({ maxAliasCount: 100 }) as Record<string, unknown>;
  } catch (e) {
    err(`invalid YAML: ${e instanceof Error ? e.message : String(e)}`, undefined, yaml.toLine(0));
    return undefined;
  }
}

/** A heading the topic page generates (MapPlaceSection), so prose must not write it. */
const GENERATED_HEADING = /^#{1,6}\s+where it sits on the map\s*#*\s*$/i;

/** Deeper nesting than any real prose needs; past it the markdown parser's recursion could overflow. */
export const MAX_NESTING = 40;

/**
 * A content file's text and its YAML frontmatter, parsed and checked to be a mapping
 * (errors reported through `err` with their lines); `match` spans the frontmatter, so the
 * body starts after `match[0]`. Undefined when any of that fails.
 */
export function readFrontmatter(file: SourceFile, err: (message: string, field?: string, line?: number) => void) {
  const source = decode(file, err);
  if (source === undefined) return undefined;
  const match = /^---\n([\s\S]*?)\n---(?:\n|$)/.exec(source);
  if (!match) {
    err('missing YAML frontmatter: the file must start with a line "---" and close it with "---"', undefined, 1);
    return undefined;
  }
  const yaml = parseYaml(match[1], 1, err);
  if (!yaml) return undefined;
  if (!isMap(yaml.doc.contents)) {
    err('frontmatter must be a mapping of fields', undefined, 2);
    return undefined;
  }
  return { source, match, yaml };
}

function readTopic(
  file: SourceFile,
  slug: string,
  err: (message: string, field?: string, line?: number) => void,
  today: Date
) {
  const front = readFrontmatter(file, err);
  if (!front) return undefined;
  const { source, match, yaml } = front;
  const at = (path: (string | number)[]) => lineOf(yaml, path);
  const raw = toPlain(yaml, err);
  if (!raw) return undefined;
  for (const key of Object.keys(raw))
    if (!(TOPIC_FIELD_NAMES as string[]).includes(key))
      err(`unknown field (allowed: ${TOPIC_FIELD_NAMES.join(', ')})`, key, at([key]));
  for (const key of REQUIRED_TOPIC_FIELDS) if (raw[key] === undefined || raw[key] === null) err('missing required field', key, 2);

  const str = (key: string): string => {
    const v = raw[key];
    if (v === undefined || v === null) return '';
    if (typeof v !== 'string' || !v.trim()) {
      err('must be a non-empty string', key, at([key]));
      return '';
    }
    return v.trim();
  };
  const list = <T>(key: string, item: (v: unknown, i: number) => T | undefined): T[] => {
    const v = raw[key];
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v)) {
      err('must be a list', key, at([key]));
      return [];
    }
    return v.map(item).filter((x): x is T => x !== undefined);
  };
  const slugItem = (key: string) => (v: unknown, i: number) => {
    if (typeof v === 'string' && SLUG_PATTERN.test(v)) return v;
    err('must be a topic slug', `${key}[${i}]`, at([key, i]));
    return undefined;
  };
  const linkItem = (key: string, nameKey: 'name' | 'title') => (v: unknown, i: number) => {
    const rec = v as Record<string, unknown> | null;
    const name = rec?.[nameKey];
    const url = rec?.url;
    const extra = rec && typeof rec === 'object' ? Object.keys(rec).filter((k) => k !== nameKey && k !== 'url' && k !== 'note') : [];
    if (typeof name !== 'string' || !name.trim() || typeof url !== 'string' || !isHttpUrl(url)) {
      err(`must have a ${nameKey} and an http(s) url`, `${key}[${i}]`, at([key, i]));
      return undefined;
    }
    if (extra.length) err(`unknown field "${extra[0]}" (allowed: ${nameKey}, url, note)`, `${key}[${i}]`, at([key, i]));
    const note = rec!.note;
    if (note === undefined || note === null) return { name: name.trim(), url };
    const problem = noteProblem(note);
    if (problem) err(problem, `${key}[${i}].note`, at([key, i, 'note']));
    return problem ? { name: name.trim(), url } : { name: name.trim(), url, note: (note as string).trim() };
  };
  const arrowItem = (v: unknown, i: number): Arrow | undefined => {
    const rec = v as Record<string, unknown> | null;
    if (!rec || typeof rec.to !== 'string' || typeof rec.label !== 'string' || !rec.label.trim()) {
      err('must have "to" (a topic slug) and a non-empty "label"', `arrows[${i}]`, at(['arrows', i]));
      return undefined;
    }
    return { to: rec.to, label: rec.label.trim() };
  };
  const date = (key: string): string => {
    const v = raw[key];
    if (v === undefined || v === null) return '';
    const text = v instanceof Date ? v.toISOString().slice(0, 10) : v;
    const problem = dateProblem(text, today);
    if (problem) err(problem, key, at([key]));
    return problem ? '' : (text as string);
  };
  // One reader per kind of field; TOPIC_SCHEMA says which field is which kind.
  const readers: { [K in keyof FieldKinds]: (key: string, spec: FieldSpec) => FieldKinds[K] } = {
    text: (key) => str(key),
    slugs: (key) => list(key, slugItem(key)),
    arrows: (key) => list(key, arrowItem),
    links: (key, spec) => list(key, linkItem(key, spec.nameKey ?? 'name')),
    date: (key) => date(key)
  };
  const fields = Object.fromEntries(
    TOPIC_FIELD_NAMES.map((key) => [key, readers[TOPIC_SCHEMA[key].kind](key, TOPIC_SCHEMA[key])])
  ) as TopicFields;

  const bodyStartLine = match[0].split('\n').length;
  const body = source.slice(match[0].length);
  const deep = body.split('\n').findIndex((line) => /^(?:\s*(?:>|[-*+]|\d+[.)])\s*){40}/.test(line));
  if (deep >= 0) {
    err(`prose nests quotes or lists more than ${MAX_NESTING} deep`, 'body', bodyStartLine + deep);
    return undefined;
  }
  let prose: ReturnType<typeof parseProse>;
  try {
    prose = parseProse(body);
  } catch (e) {
    err(`prose could not be read as markdown: ${e instanceof Error ? e.message : String(e)}`, 'body', bodyStartLine);
    return undefined;
  }
  const topic: Topic = {
    slug,
    file: file.path,
    ...fields,
    blocks: prose.blocks,
    linksTo: [
      ...new Set(
        prose.links.flatMap((l) => {
          const m = !l.image && /^\/topics\/([a-z0-9-]+)\/?(?:[#?].*)?$/.exec(l.href);
          return m && m[1] !== slug ? [m[1]] : [];
        })
      )
    ],
    text: prose.text,
    wordCount: prose.wordCount
  };
  for (const p of prose.problems) err(p.message, 'body', bodyStartLine + p.line - 1);
  // The page generates this section from the graph; a written one would restate arrows.
  const written = body.split('\n').findIndex((line) => GENERATED_HEADING.test(line));
  if (written >= 0) err('"Where it sits on the map" is generated from the arrows and nesting; remove the written section', 'body', bodyStartLine + written);
  return { topic, yaml, bodyLine: bodyStartLine, links: prose.links, fences: prose.fences };
}

/** The longest note a link may carry: one line on the page. */
export const NOTE_MAX = 160;

/** Why a link's note is refused (not one line of plain text, too long), or undefined. */
function noteProblem(note: unknown): string | undefined {
  if (typeof note !== 'string' || !note.trim()) return 'must be a non-empty line of text';
  const text = note.trim();
  if (/[\n\r]/.test(text)) return 'must be one line';
  if (text.length > NOTE_MAX) return `has ${text.length} characters; at most ${NOTE_MAX} (one line of our own words)`;
  if (/[<>{}[\]`*\\]|:\/\//.test(text)) return 'must be plain text: no markup, brackets, braces or addresses (the link has the address)';
  return undefined;
}

/** Why a date field is refused (not a real `YYYY-MM-DD` date, or after `today`), or undefined. */
function dateProblem(v: unknown, today: Date): string | undefined {
  const m = typeof v === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(v) : null;
  if (!m) return 'must be a date written YYYY-MM-DD (for example 2026-12-01)';
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (d.getUTCFullYear() !== Number(m[1]) || d.getUTCMonth() !== Number(m[2]) - 1 || d.getUTCDate() !== Number(m[3]))
    return `"${v}" is not a real date`;
  if ((v as string) > today.toISOString().slice(0, 10)) return `"${v}" is in the future`;
  return undefined;
}

function isHttpUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}

/** The line of a field of the frame, by its path (`['boxes', 2, 'parent']`). */
type FrameLine = (path: (string | number)[]) => number | undefined;

function readFrame(file: SourceFile, errors: ContentError[]): { frame: MapFrame; at: FrameLine } {
  const none: FrameLine = () => undefined;
  const empty = { frame: { groups: [], boxes: [], learningPath: [] }, at: none };
  const err = (message: string, field?: string, line?: number) => errors.push({ file: file.path, field, line, message });
  const source = decode(file, err);
  if (source === undefined) return empty;
  const yaml = parseYaml(source, 0, err);
  if (!yaml) return empty;
  if (!isMap(yaml.doc.contents)) {
    err('must be a mapping with groups, boxes and learningPath', undefined, 1);
    return empty;
  }
  const raw = toPlain(yaml, err);
  if (!raw) return empty;
  const at: FrameLine = (path) => lineOf(yaml, path);
  for (const key of Object.keys(raw)) if (!FRAME_FIELDS.includes(key)) err('unknown field', key, at([key]));
  const entries = (key: string, withParent: boolean): Box[] => {
    const v = raw[key];
    if (!Array.isArray(v)) {
      err('must be a list', key, at([key]));
      return [];
    }
    return v.flatMap((item, i) => {
      const rec = item as Record<string, unknown> | null;
      if (!rec || typeof rec.id !== 'string' || !SLUG_PATTERN.test(rec.id) || typeof rec.label !== 'string') {
        err('must have an id (lowercase-with-hyphens) and a label', `${key}[${i}]`, at([key, i]));
        return [];
      }
      const reserved = reservedNameProblem(rec.id);
      if (reserved) {
        err(reserved, `${key}[${i}].id`, at([key, i, 'id']));
        return [];
      }
      const earlier = (v as { id?: unknown }[]).slice(0, i).some((x) => x?.id === rec.id);
      if (earlier) err(`duplicate id "${rec.id}"`, `${key}[${i}].id`, at([key, i, 'id']));
      const parent = withParent && typeof rec.parent === 'string' ? rec.parent : undefined;
      return earlier ? [] : [{ id: rec.id, label: rec.label, ...(parent ? { parent } : {}) }];
    });
  };
  const groups = entries('groups', false);
  const boxes = entries('boxes', true);
  const path = raw.learningPath;
  const learningPath =
    Array.isArray(path) && path.every((s) => Array.isArray(s) && s.every((x) => typeof x === 'string'))
      ? (path as string[][])
      : (err('must be a list of lists of topic slugs', 'learningPath', at(['learningPath'])), []);
  const hub = typeof raw.hub === 'string' ? raw.hub : undefined;
  if (raw.hub !== undefined && hub === undefined) err('must be a topic slug', 'hub', at(['hub']));
  // Boxes by id for the lines of their fields (ids are unique by now).
  const boxIndex = new Map((Array.isArray(raw.boxes) ? (raw.boxes as { id?: unknown }[]) : []).map((b, i) => [b?.id, i]));
  const frameAt: FrameLine = (path) =>
    path[0] === 'box' ? at(['boxes', boxIndex.get(path[1]) ?? -1, ...path.slice(2)]) : at(path);
  const composition = raw.composition === undefined ? undefined : readComposition(raw.composition, at, err);
  return { frame: { groups, boxes, learningPath, ...(hub ? { hub } : {}), ...(composition ? { composition } : {}) }, at: frameAt };
}

/** Reads `composition` from `_map.yaml`: shapes only; ids are checked against the nesting later. */
function readComposition(
  raw: unknown,
  at: (path: (string | number)[]) => number | undefined,
  err: (message: string, field?: string, line?: number) => void
): Composition | undefined {
  const rec = raw as Record<string, unknown> | null;
  if (!rec || typeof rec !== 'object' || Array.isArray(rec)) {
    err('must be a mapping with columns, band, aside and arrange', 'composition', at(['composition']));
    return undefined;
  }
  for (const key of Object.keys(rec))
    if (!['columns', 'band', 'aside', 'arrange', 'requestPath'].includes(key)) err('unknown field', `composition.${key}`, at(['composition', key]));
  const ids = (key: string): string[] => {
    const v = rec[key] ?? [];
    if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v as string[];
    err('must be a list of box ids', `composition.${key}`, at(['composition', key]));
    return [];
  };
  const arrange: Composition['arrange'] = Object.create(null);
  const rawArrange = (rec.arrange ?? {}) as Record<string, unknown>;
  if (typeof rawArrange !== 'object' || Array.isArray(rawArrange))
    err('must map box ids to rows, `row` or `column`', 'composition.arrange', at(['composition', 'arrange']));
  else
    for (const [id, v] of Object.entries(rawArrange)) {
      const cell = (c: unknown) => typeof c === 'string' || (Array.isArray(c) && c.length > 0 && c.every((x) => typeof x === 'string'));
      if (v === 'row' || v === 'column') arrange[id] = v;
      else if (Array.isArray(v) && v.length && v.every((row) => Array.isArray(row) && row.length && row.every(cell)))
        arrange[id] = v as ArrangeCell[][];
      else err('must be `row`, `column` or a list of rows (lists of ids or of id lists)', `composition.arrange.${id}`, at(['composition', 'arrange', id]));
    }
  const band = typeof rec.band === 'string' ? rec.band : undefined;
  if (rec.band !== undefined && band === undefined) err('must be a box id', 'composition.band', at(['composition', 'band']));
  const path = rec.requestPath;
  const step = (s: unknown) => typeof s === 'string' || (Array.isArray(s) && s.length > 0 && s.every((x) => typeof x === 'string'));
  if (path !== undefined && !(Array.isArray(path) && path.every(step)))
    err('must be a list of steps (ids or lists of ids)', 'composition.requestPath', at(['composition', 'requestPath']));
  const requestPath = Array.isArray(path) && path.every(step) ? (path as ArrangeCell[]) : undefined;
  return { columns: ids('columns'), aside: ids('aside'), arrange, ...(band ? { band } : {}), ...(requestPath ? { requestPath } : {}) };
}

/** Every id the composition names must be a top-level box, or a child of the box it arranges. */
function checkComposition(
  frame: MapFrame,
  topics: Topic[],
  framePath: string,
  lineAt: (path: (string | number)[]) => number | undefined,
  errors: ContentError[]
) {
  const c = frame.composition;
  if (!c) return;
  const parentOf = new Map<string, string | undefined>([
    ...frame.boxes.map((b) => [b.id, b.parent] as const),
    ...topics.map((t) => [t.slug, t.parent] as const)
  ]);
  const push = (field: string, path: (string | number)[], message: string) =>
    errors.push({ file: framePath, field, line: lineAt(path), message });
  // Each placed id with the field and path of its own entry, so a problem is shown at it.
  const top: { id: string; field: string; path: (string | number)[] }[] = [
    ...c.columns.map((id, i) => ({ id, field: `composition.columns[${i}]`, path: ['columns', i] })),
    ...(c.band ? [{ id: c.band, field: 'composition.band', path: ['band'] }] : []),
    ...c.aside.map((id, i) => ({ id, field: `composition.aside[${i}]`, path: ['aside', i] }))
  ];
  top.forEach(({ id, field, path }, i) => {
    if (!frame.boxes.some((b) => b.id === id && !b.parent)) push(field, path, `"${id}" is not a top-level box`);
    if (top.findIndex((p) => p.id === id) !== i) push(field, path, `"${id}" is placed twice`);
  });
  for (const id of (c.requestPath ?? []).flat())
    if (!parentOf.has(id)) push('composition.requestPath', ['requestPath'], `unknown box or topic "${id}"`);
  for (const [id, spec] of Object.entries(c.arrange)) {
    if (!parentOf.has(id)) {
      push(`composition.arrange.${id}`, ['arrange', id], `unknown box "${id}"`);
      continue;
    }
    if (typeof spec === 'string') continue;
    const seen = new Set<string>();
    for (const kid of spec.flat(2)) {
      if (parentOf.get(kid) !== id) push(`composition.arrange.${id}`, ['arrange', id], `"${kid}" is not inside "${id}"`);
      else if (seen.has(kid)) push(`composition.arrange.${id}`, ['arrange', id], `"${kid}" is listed twice`);
      seen.add(kid);
    }
  }
}

/** Reports every parent chain that loops back on itself, once per cycle. */
function checkNesting(frame: MapFrame, topics: Topic[], framePath: string, frameAt: FrameLine, errors: ContentError[]) {
  const parentOf = new Map<string, string | undefined>();
  const fileOf = new Map<string, string>();
  for (const b of frame.boxes) {
    parentOf.set(b.id, b.parent);
    fileOf.set(b.id, framePath);
    if (b.parent && !frame.boxes.some((x) => x.id === b.parent))
      errors.push({ file: framePath, field: `boxes.${b.id}.parent`, line: frameAt(['box', b.id, 'parent']), message: `unknown box "${b.parent}"` });
  }
  for (const t of topics) {
    if (parentOf.has(t.slug) && fileOf.get(t.slug) === framePath)
      errors.push({ file: t.file, field: 'slug', message: `"${t.slug}" is also a box id in _map.yaml` });
    parentOf.set(t.slug, t.parent);
    fileOf.set(t.slug, t.file);
  }
  const reported = new Set<string>();
  for (const start of parentOf.keys()) {
    const chain: string[] = [];
    let at: string | undefined = start;
    while (at !== undefined && !chain.includes(at)) {
      chain.push(at);
      at = parentOf.get(at);
    }
    if (at === undefined) continue;
    const cycle = chain.slice(chain.indexOf(at));
    const key = [...cycle].sort().join(',');
    if (reported.has(key)) continue;
    reported.add(key);
    const first = [...cycle].sort()[0];
    // Told from its first id, where the error is shown.
    const from = cycle.indexOf(first);
    const ring = [...cycle.slice(from), ...cycle.slice(0, from), first];
    const file = fileOf.get(first) ?? framePath;
    errors.push({
      file,
      field: 'parent',
      line: frameAt([file === framePath ? 'box' : 'topic', first, 'parent']),
      message: `boxes nest in a cycle: ${ring.join(' → ')}`
    });
  }
}
