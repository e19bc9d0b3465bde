import type { Slug } from '../content/types.ts';

export type TopicStatus = 'done' | 'learning' | 'skipped';
export const STATUSES: readonly TopicStatus[] = ['done', 'learning', 'skipped'];
export const STATUS_LABEL: Record<TopicStatus, string> = {
  done: 'Done',
  learning: 'Learning',
  skipped: 'Skipped'
};

/**
 * Progress by stable topic slug. Slugs no longer in the content are kept, not shown.
 * Every Progress this module makes has no prototype, so a slug named like an
 * Object.prototype member (`constructor`, `toString`) is just a key; read it with
 * `statusOf`, which looks at own properties only.
 */
export type Progress = Readonly<Record<Slug, TopicStatus>>;

export const STORAGE_KEY = 'deployment-map:progress:v1';
/** Prefix of the copies kept of stored progress that could not be read (one per time). */
export const BACKUP_PREFIX = 'deployment-map:progress:unreadable:';
export const FILE_FORMAT = 'deployment-map-progress';
export const FILE_VERSION = 1;
/** Larger text is refused before it is parsed: progress for every topic is a few KB. */
export const MAX_PROGRESS_BYTES = 2_000_000;

export interface ProgressFile {
  format: typeof FILE_FORMAT;
  version: typeof FILE_VERSION;
  exportedAt: string;
  topics: Record<Slug, TopicStatus>;
}

/** Why text is not progress this version can use. */
export type ParseProblem = 'empty' | 'too-large' | 'corrupt' | 'foreign' | 'newer';

export type ParseResult =
  | { ok: true; progress: Progress; dropped: number }
  /** `progress` is what could still be understood (newer versions only). */
  | { ok: false; problem: ParseProblem; reason: string; version?: number; progress?: Progress };

const isStatus = (v: unknown): v is TopicStatus =>
  typeof v === 'string' && (STATUSES as readonly string[]).includes(v);
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const isRecord = (v: unknown): v is Record<string, unknown> =>
  !!v && typeof v === 'object' && !Array.isArray(v);

/** A new, empty Progress (no prototype: see `Progress`). */
export function emptyProgress(): Record<Slug, TopicStatus> {
  return Object.create(null) as Record<Slug, TopicStatus>;
}

/** The status of `slug`, from own properties only (never Object.prototype's members). */
export function statusOf(progress: Progress, slug: Slug): TopicStatus | undefined {
  return Object.hasOwn(progress, slug) ? progress[slug] : undefined;
}

/** Keeps the entries whose slug and status are valid; counts the others. */
function readTopics(topics: Record<string, unknown>): { progress: Progress; dropped: number } {
  const progress = emptyProgress();
  let dropped = 0;
  for (const [slug, status] of Object.entries(topics)) {
    if (SLUG.test(slug) && isStatus(status)) progress[slug] = status;
    else dropped++;
  }
  return { progress, dropped };
}

/**
 * Reads progress from text (localStorage or an imported file) and validates it: it must
 * be our format and version with a map of slug to status. Empty, oversized, malformed,
 * foreign or newer data is refused with a problem and a reason; for newer data the
 * entries this version understands are returned too, to show (never to write back).
 * Entries with an unknown status or slug are dropped and counted.
 */
export function parseProgress(text: string): ParseResult {
  if (text.trim() === '') return { ok: false, problem: 'empty', reason: 'the file is empty' };
  if (text.length > MAX_PROGRESS_BYTES)
    return {
      ok: false,
      problem: 'too-large',
      reason: 'it is too large to be progress from this site'
    };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'corrupt', reason: 'it is not valid JSON' };
  }
  if (!isRecord(data) || data.format !== FILE_FORMAT)
    return { ok: false, problem: 'foreign', reason: 'it is not a Deployment Map progress file' };
  const { version, topics } = data;
  if (typeof version === 'number' && version > FILE_VERSION) {
    const understood = isRecord(topics) ? readTopics(topics).progress : emptyProgress();
    return {
      ok: false,
      problem: 'newer',
      version,
      progress: understood,
      reason: `it was written by a newer version of this site (version ${version}; this one reads version ${FILE_VERSION})`
    };
  }
  // "1" for 1: this site never writes that, so someone edited the file; say what to fix.
  if (typeof version === 'string') {
    const shown = JSON.stringify(version.length > 20 ? `${version.slice(0, 20)}…` : version);
    return {
      ok: false,
      problem: 'corrupt',
      reason: `its "version" is text (${shown}); write the number ${FILE_VERSION} without quotes`
    };
  }
  if (version !== FILE_VERSION) {
    // Older, missing or neither number nor text (null, true, {}): name which, plainly.
    const found =
      version === undefined
        ? 'it has no "version"'
        : typeof version === 'number'
          ? `it is version ${version}`
          : 'its "version" is not a number';
    return {
      ok: false,
      problem: 'corrupt',
      reason: `${found}; this site reads version ${FILE_VERSION}`
    };
  }
  if (!isRecord(topics)) return { ok: false, problem: 'corrupt', reason: 'it has no "topics" map' };
  return { ok: true, ...readTopics(topics) };
}

/**
 * Reads an imported progress file: like `parseProgress`, and also refused (with a reason
 * the user can act on) when not a single entry is a valid topic mark, so such a file
 * can never replace real progress with nothing.
 */
export function parseImport(
  text: string
):
  { ok: true; progress: Progress; count: number; dropped: number } | { ok: false; reason: string } {
  const parsed = parseProgress(text);
  if (!parsed.ok) return { ok: false, reason: parsed.reason };
  const count = Object.keys(parsed.progress).length;
  if (count > 0) return { ...parsed, count };
  const n = parsed.dropped;
  return {
    ok: false,
    reason: n
      ? `none of its ${n} ${n === 1 ? 'entry is a topic mark' : 'entries is a topic mark'} this site understands`
      : 'it marks no topics'
  };
}

/** Serialises progress in the versioned file format (also what localStorage holds). */
export function serializeProgress(progress: Progress, now = new Date()): string {
  const topics = Object.fromEntries(
    Object.entries(progress).sort(([a], [b]) => a.localeCompare(b))
  );
  const file: ProgressFile = {
    format: FILE_FORMAT,
    version: FILE_VERSION,
    exportedAt: now.toISOString(),
    topics
  };
  return JSON.stringify(file, null, 2);
}

/** Returns progress with `slug` set to `status`, or cleared when `status` is null. */
export function withStatus(progress: Progress, slug: Slug, status: TopicStatus | null): Progress {
  const next = Object.assign(emptyProgress(), progress);
  if (status) next[slug] = status;
  else delete next[slug];
  return next;
}

/** `progress` with every entry of `incoming` laid over it (marks of other topics are kept). */
export function mergeProgress(progress: Progress, incoming: Progress): Progress {
  return Object.assign(emptyProgress(), progress, incoming);
}

export interface ProgressSummary {
  total: number;
  done: number;
  learning: number;
  skipped: number;
}

/** Counts over the topics that exist now (stored slugs of removed topics are ignored). */
export function summarise(progress: Progress, slugs: readonly Slug[]): ProgressSummary {
  const s = { total: slugs.length, done: 0, learning: 0, skipped: 0 };
  for (const slug of slugs) {
    const status = statusOf(progress, slug);
    if (status) s[status]++;
  }
  return s;
}

/** The learning path flattened to ordered steps: step n (1-based), with its index letter. */
export interface PathStep {
  slug: Slug;
  step: number;
  label: string;
}

export function pathSteps(path: readonly (readonly Slug[])[]): PathStep[] {
  return path.flatMap((group, i) =>
    group.map((slug, j) => ({
      slug,
      step: i + 1,
      label: group.length > 1 ? `${i + 1}${String.fromCharCode(97 + j)}` : `${i + 1}`
    }))
  );
}

/** Previous and next step around `slug` on the learning path, if it is on it. */
export function pathNeighbours(
  path: readonly (readonly Slug[])[],
  slug: Slug
): { prev?: PathStep; next?: PathStep; here?: PathStep } {
  const steps = pathSteps(path);
  const i = steps.findIndex((s) => s.slug === slug);
  if (i < 0) return {};
  return { here: steps[i], prev: steps[i - 1], next: steps[i + 1] };
}

/**
 * Whether the map's filters fade a topic: its group is switched off in the legend, or
 * only what is left is shown and the topic is done or skipped. The screen and the PDF
 * export's "filtered view" both ask this.
 */
export function fadedByFilter(
  slug: Slug,
  group: string,
  filter: { hiddenGroups: ReadonlySet<string>; onlyLeft: boolean },
  progress: Progress
): boolean {
  const mark = statusOf(progress, slug);
  return (
    filter.hiddenGroups.has(group) || (filter.onlyLeft && (mark === 'done' || mark === 'skipped'))
  );
}
