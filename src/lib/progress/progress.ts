import type { Slug } from '../content/types.ts';

export type TopicStatus = 'done' | 'learning' | 'skipped';
export const STATUSES: readonly TopicStatus[] = ['done', 'learning', 'skipped'];
export const STATUS_LABEL: Record<TopicStatus, string> = { done: 'Done', learning: 'Learning', skipped: 'Skipped' };

/** Progress by stable topic slug. Slugs no longer in the content are kept, not shown. */
export type Progress = Readonly<Record<Slug, TopicStatus>>;

export const STORAGE_KEY = 'deployment-map:progress:v1';
export const FILE_FORMAT = 'deployment-map-progress';
export const FILE_VERSION = 1;

export interface ProgressFile {
  format: typeof FILE_FORMAT;
  version: typeof FILE_VERSION;
  exportedAt: string;
  topics: Record<Slug, TopicStatus>;
}

export type ParseResult = { ok: true; progress: Progress; dropped: number } | { ok: false; reason: string };

const isStatus = (v: unknown): v is TopicStatus => typeof v === 'string' && (STATUSES as readonly string[]).includes(v);
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Reads progress from text (localStorage or an imported file) and validates it: it must
 * be our format and version with a map of slug to status. Malformed, foreign or newer
 * data is refused with a reason; entries with an unknown status are dropped and counted.
 */
export function parseProgress(text: string | null | undefined): ParseResult {
  if (text === null || text === undefined || text === '') return { ok: true, progress: {}, dropped: 0 };
  if (text.length > 2_000_000) return { ok: false, reason: 'the data is too large to be progress from this site' };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'it is not valid JSON' };
  }
  const rec = data as Partial<ProgressFile> | null;
  if (!rec || typeof rec !== 'object' || Array.isArray(rec) || rec.format !== FILE_FORMAT)
    return { ok: false, reason: 'it is not a Deployment Map progress file' };
  if (rec.version !== FILE_VERSION)
    return { ok: false, reason: `it is version ${String(rec.version)}; this site reads version ${FILE_VERSION}` };
  if (!rec.topics || typeof rec.topics !== 'object' || Array.isArray(rec.topics))
    return { ok: false, reason: 'it has no "topics" map' };
  const progress: Record<Slug, TopicStatus> = {};
  let dropped = 0;
  for (const [slug, status] of Object.entries(rec.topics)) {
    if (SLUG.test(slug) && isStatus(status)) progress[slug] = status;
    else dropped++;
  }
  return { ok: true, progress, dropped };
}

/** Serialises progress in the versioned file format (also what localStorage holds). */
export function serializeProgress(progress: Progress, now = new Date()): string {
  const topics = Object.fromEntries(Object.entries(progress).sort(([a], [b]) => a.localeCompare(b)));
  const file: ProgressFile = { format: FILE_FORMAT, version: FILE_VERSION, exportedAt: now.toISOString(), topics };
  return JSON.stringify(file, null, 2);
}

/** Returns progress with `slug` set to `status`, or cleared when `status` is null. */
export function withStatus(progress: Progress, slug: Slug, status: TopicStatus | null): Progress {
  const next = { ...progress };
  if (status) next[slug] = status;
  else delete next[slug];
  return next;
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
    const status = progress[slug];
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
    group.map((slug, j) => ({ slug, step: i + 1, label: group.length > 1 ? `${i + 1}${String.fromCharCode(97 + j)}` : `${i + 1}` }))
  );
}

/** Previous and next step around `slug` on the learning path, if it is on it. */
export function pathNeighbours(path: readonly (readonly Slug[])[], slug: Slug): { prev?: PathStep; next?: PathStep; here?: PathStep } {
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
  const mark = progress[slug];
  return filter.hiddenGroups.has(group) || (filter.onlyLeft && (mark === 'done' || mark === 'skipped'));
}
