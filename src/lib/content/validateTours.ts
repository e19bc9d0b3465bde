import { ContentValidationError, type Content, type ContentError, type Slug } from './types.ts';
import {
  fileSlugProblem,
  lineOf,
  readFrontmatter,
  slugOfPath,
  toPlain,
  withSourceLines,
  type SourceFile
} from './validateContent.ts';

/** A flow arrow a tour step lights, as written (`from → to`) and as the map names it. */
export interface TourArrow {
  from: Slug;
  to: Slug;
  /** The layout's edge id, `flow:<from>><to>`. */
  id: string;
}

/** What a visitor or operator sees when the step's part fails, and where to look first. */
export interface TourBreak {
  /** The parts that fail (drawn as broken on the map). */
  broken: Slug[];
  /** The arrows the symptom travels back to the client on. */
  symptom: TourArrow[];
  /** The log that shows it. */
  log: string;
  /** The first command to run. */
  check: string;
  /** Paragraphs of plain text. */
  text: string[];
}

export interface TourStep {
  title: string;
  /** Line of the step's heading in its file. */
  line: number;
  topics: Slug[];
  arrows: TourArrow[];
  /** Paragraphs of plain text (never compiled: shown as text). */
  text: string[];
  breaks?: TourBreak;
}

/** A validated guided tour from `content/tours/<slug>.md`. */
export interface Tour {
  slug: Slug;
  file: string;
  title: string;
  /** One line saying what the tour teaches. */
  promise: string;
  /** Position in tour lists (lower first; ties by slug). */
  order: number;
  steps: TourStep[];
}

/** A tour as the browser gets it (without its source path). */
export type TourData = Omit<Tour, 'file'>;

export interface TourRules {
  /** Inclusive bounds on the words of a step's text. */
  stepWords?: [number, number];
  /** Inclusive bounds on the words of a step's "What breaks" text. */
  breakWords?: [number, number];
}

/** The rules the real tours are held to. */
export const TOUR_RULES: TourRules = { stepWords: [40, 120], breakWords: [15, 120] };

const TOUR_FIELDS = ['title', 'promise', 'order'];
const STEP_FIELDS = ['topics', 'arrows'];
const BREAK_FIELDS = ['broken', 'symptom', 'log', 'check'];
const BREAK_HEADING = 'What breaks';

/** The map's id for the arrow from one topic to another. */
export const arrowId = (from: Slug, to: Slug) => `flow:${from}>${to}`;

/** Words in a text, as the topic word counts count them. */
const wordsOf = (paragraphs: string[]) => paragraphs.join(' ').split(/\s+/).filter(Boolean).length;

/**
 * Why a line of tour text is not plain text, or undefined. Tour texts are shown as text
 * (never compiled), so markup would show as literal characters: HTML tags, Svelte
 * braces and markdown links are refused where they are written. `code` spans are allowed.
 */
function textProblem(line: string): string | undefined {
  if (/<[a-zA-Z!/?]/.test(line)) return 'raw HTML is not allowed in tour text (it is shown as plain text)';
  if (/[{}]/.test(line)) return 'curly braces are not allowed in tour text';
  if (/\[[^\]]*\]\([^)]*\)/.test(line)) return 'links are not allowed in tour text: name the topic in the step\'s topics instead';
  return undefined;
}

/**
 * Validates every tour file against the validated content (topic slugs, drawn arrows)
 * and returns the tours in list order, or throws one ContentValidationError naming every
 * problem with file, line and field: unknown topics and arrows, empty steps, repeated
 * slugs, text that is not plain text, texts outside the word bounds, and a tour that
 * says what breaks on some steps but not all.
 */
export function validateTours(files: SourceFile[], content: Content, rules: TourRules = {}): Tour[] {
  const errors: ContentError[] = [];
  const slugs = new Set(content.topics.map((t) => t.slug));
  const arrows = new Set(content.topics.flatMap((t) => t.arrows.map((a) => arrowId(t.slug, a.to))));
  const seen = new Map<string, string>();
  const tours: Tour[] = [];
  for (const file of [...files].sort((a, b) => a.path.localeCompare(b.path))) {
    const err = (message: string, field?: string, line?: number) => errors.push({ file: file.path, field, line, message });
    const slug = slugOfPath(file.path);
    const problem = fileSlugProblem(slug, seen, 'tour slug');
    if (problem) {
      err(problem);
      continue;
    }
    seen.set(slug, file.path);
    const tour = readTour(file, slug, { slugs, arrows }, rules, err);
    if (tour) tours.push(tour);
  }
  if (errors.length) throw new ContentValidationError(withSourceLines(errors, files));
  return tours.sort((a, b) => a.order - b.order || a.slug.localeCompare(b.slug));
}

interface Known {
  slugs: ReadonlySet<Slug>;
  arrows: ReadonlySet<string>;
}
type Err = (message: string, field?: string, line?: number) => void;

function readTour(file: SourceFile, slug: Slug, known: Known, rules: TourRules, err: Err): Tour | undefined {
  const front = readFrontmatter(file, err);
  if (!front) return undefined;
  const { source, match, yaml } = front;
  const raw = toPlain(yaml, err);
  if (!raw) return undefined;
  const at = (key: string) => lineOf(yaml, [key]);
  for (const key of Object.keys(raw)) if (!TOUR_FIELDS.includes(key)) err(`unknown field (allowed: ${TOUR_FIELDS.join(', ')})`, key, at(key));
  const text = (key: string): string => {
    const v = raw[key];
    if (v === undefined || v === null) {
      err('missing required field', key, 2);
      return '';
    }
    if (typeof v !== 'string' || !v.trim()) {
      err('must be a non-empty string', key, at(key));
      return '';
    }
    if (/\n/.test(v.trim())) err('must be one line', key, at(key));
    const problem = textProblem(v);
    if (problem) err(problem, key, at(key));
    return v.trim();
  };
  const title = text('title');
  const promise = text('promise');
  let order = Number.MAX_SAFE_INTEGER;
  if (raw.order !== undefined) {
    if (typeof raw.order === 'number' && Number.isInteger(raw.order)) order = raw.order;
    else err('must be a whole number', 'order', at('order'));
  }
  const bodyLine = match[0].split('\n').length;
  const steps = readSteps(source.slice(match[0].length).split('\n'), bodyLine, known, rules, err);
  if (!steps.length) {
    err('a tour needs at least one step (a "## " heading with topics and text)', 'steps', bodyLine);
    return undefined;
  }
  const withBreaks = steps.filter((s) => s.breaks).length;
  if (withBreaks && withBreaks < steps.length)
    for (const s of steps)
      if (!s.breaks) err(`says what breaks on ${withBreaks} of ${steps.length} steps: add "### ${BREAK_HEADING}" to this one too`, `steps[${steps.indexOf(s)}]`, s.line);
  return { slug, file: file.path, title, promise, order, steps };
}

/** One `## step` or its `### What breaks` part, as read line by line. */
interface Section {
  line: number;
  fields: Map<string, { value: string; line: number }>;
  paragraphs: string[];
  textLines: number;
}

const newSection = (line: number): Section => ({ line, fields: new Map(), paragraphs: [], textLines: 0 });

function readSteps(lines: string[], bodyLine: number, known: Known, rules: TourRules, err: Err): TourStep[] {
  const drafts: { title: string; main: Section; breaks?: Section }[] = [];
  let current: Section | undefined;
  let gap = true;
  lines.forEach((raw, i) => {
    const line = bodyLine + i;
    const text = raw.trim();
    const heading = /^(#{1,6})(?:\s+(.*))?$/.exec(text);
    if (heading) {
      const [, hashes, name = ''] = heading;
      if (hashes === '##' && name.trim()) {
        current = newSection(line);
        drafts.push({ title: name.trim(), main: current });
      } else if (hashes === '###' && name.trim() === BREAK_HEADING && drafts.length) {
        const step = drafts[drafts.length - 1];
        if (step.breaks) err(`"### ${BREAK_HEADING}" appears twice in this step`, 'body', line);
        current = step.breaks = newSection(line);
      } else err(`unexpected heading: a step starts with "## <title>" and may hold one "### ${BREAK_HEADING}"`, 'body', line);
      gap = true;
      return;
    }
    if (!text) {
      gap = true;
      return;
    }
    if (!current) {
      err('text before the first step: every line belongs to a "## <title>" step', 'body', line);
      return;
    }
    const allowed = current === drafts[drafts.length - 1].main ? STEP_FIELDS : BREAK_FIELDS;
    const field = /^([a-z]+):\s*(.*)$/.exec(text);
    if (field && [...STEP_FIELDS, ...BREAK_FIELDS].includes(field[1])) {
      if (!allowed.includes(field[1])) err(`"${field[1]}" belongs ${allowed === STEP_FIELDS ? `under "### ${BREAK_HEADING}"` : 'to the step, above "### What breaks"'}`, field[1], line);
      else if (current.textLines) err('fields come before the text of their section', field[1], line);
      else if (current.fields.has(field[1])) err('repeated field', field[1], line);
      else current.fields.set(field[1], { value: field[2].trim(), line });
      return;
    }
    const problem = textProblem(text);
    if (problem) err(problem, 'body', line);
    if (gap || !current.paragraphs.length) current.paragraphs.push(text);
    else current.paragraphs[current.paragraphs.length - 1] += ` ${text}`;
    current.textLines++;
    gap = false;
  });

  return drafts.map(({ title, main, breaks }, index) => {
    const where = `steps[${index}]`;
    const slugList = (section: Section, key: string, required: boolean): Slug[] => {
      const f = section.fields.get(key);
      if (!f || !f.value) {
        if (required) err(`missing "${key}:" line (the topics this ${section === main ? 'step lights' : 'failure breaks'}, by slug)`, `${where}.${key}`, section.line);
        return [];
      }
      const out: Slug[] = [];
      for (const s of f.value.split(',').map((x) => x.trim())) {
        if (!known.slugs.has(s)) err(`unknown topic "${s}"`, `${where}.${key}`, f.line);
        else if (out.includes(s)) err(`lists "${s}" twice`, `${where}.${key}`, f.line);
        else out.push(s);
      }
      return out;
    };
    const arrowList = (section: Section, key: string): TourArrow[] => {
      const f = section.fields.get(key);
      if (!f || !f.value) return [];
      const out: TourArrow[] = [];
      for (const item of f.value.split(',').map((x) => x.trim())) {
        const m = /^([^\s→>-][^\s]*)\s*(?:→|->)\s*([^\s]+)$/.exec(item);
        if (!m) {
          err(`"${item}" is not an arrow: write "from → to" with topic slugs`, `${where}.${key}`, f.line);
          continue;
        }
        const [, from, to] = m;
        const missing = [from, to].filter((s) => !known.slugs.has(s));
        if (missing.length) err(`arrow "${from} → ${to}" names unknown topic${missing.length > 1 ? 's' : ''} ${missing.map((s) => `"${s}"`).join(', ')}`, `${where}.${key}`, f.line);
        else if (!known.arrows.has(arrowId(from, to)))
          err(`unknown arrow "${from} → ${to}": no topic draws that arrow (see the "arrows:" of ${from})`, `${where}.${key}`, f.line);
        else if (out.some((a) => a.id === arrowId(from, to))) err(`lists "${from} → ${to}" twice`, `${where}.${key}`, f.line);
        else out.push({ from, to, id: arrowId(from, to) });
      }
      return out;
    };
    const words = (section: Section, bounds: [number, number] | undefined, what: string) => {
      const n = wordsOf(section.paragraphs);
      if (!n) err(`empty ${what}: it needs a text of its own`, `${where}.text`, section.line);
      else if (bounds && (n < bounds[0] || n > bounds[1])) err(`${what} has ${n} words; expected ${bounds[0]} to ${bounds[1]}`, `${where}.text`, section.line);
    };
    const topics = slugList(main, 'topics', true);
    const arrows = arrowList(main, 'arrows');
    words(main, rules.stepWords, 'step text');
    const step: TourStep = { title, line: main.line, topics, arrows, text: main.paragraphs };
    if (breaks) {
      const one = (key: string) => {
        const v = breaks.fields.get(key)?.value ?? '';
        if (!v) err(`missing "${key}:" line`, `${where}.${key}`, breaks.line);
        return v;
      };
      step.breaks = {
        broken: slugList(breaks, 'broken', true),
        symptom: arrowList(breaks, 'symptom'),
        log: one('log'),
        check: one('check'),
        text: breaks.paragraphs
      };
      words(breaks, rules.breakWords, `"${BREAK_HEADING}" text`);
    }
    return step;
  });
}
