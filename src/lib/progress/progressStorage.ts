import {
  BACKUP_PREFIX,
  STORAGE_KEY,
  emptyProgress,
  parseProgress,
  serializeProgress,
  type Progress
} from './progress.ts';

/** The part of the Web Storage API progress uses (localStorage, or a stand-in in tests). */
export type ProgressStorage = Pick<
  Storage,
  'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'
>;

/** What storage holds now. */
export type StoredProgress =
  | { state: 'ok'; progress: Progress }
  /** Written by a newer version: shown as far as it is understood, never overwritten. */
  | { state: 'newer'; progress: Progress; reason: string }
  /** Unreadable: kept as a backup before anything replaces it. */
  | { state: 'corrupt'; raw: string; reason: string };

export type UpdateResult =
  | { ok: true; progress: Progress; backedUp: boolean }
  /** Storage is unchanged; `progress` is what it holds, when that could be read. */
  | { ok: false; reason: string; progress?: Progress };

/** Reads and classifies stored progress; nothing stored (or blank) is empty progress. */
export function readStored(storage: ProgressStorage): StoredProgress {
  const raw = storage.getItem(STORAGE_KEY);
  if (raw === null || raw.trim() === '') return { state: 'ok', progress: emptyProgress() };
  const parsed = parseProgress(raw);
  if (parsed.ok) return { state: 'ok', progress: parsed.progress };
  if (parsed.problem === 'newer')
    return { state: 'newer', progress: parsed.progress ?? emptyProgress(), reason: parsed.reason };
  return { state: 'corrupt', raw, reason: parsed.reason };
}

/** Keys of the kept copies of unreadable progress, oldest first. */
export function backupKeys(storage: ProgressStorage): string[] {
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key?.startsWith(BACKUP_PREFIX)) keys.push(key);
  }
  return keys.sort();
}

/** Keeps `raw` under a new backup key, unless an identical copy is already kept. */
export function keepBackup(storage: ProgressStorage, raw: string, now = new Date()): string {
  const same = backupKeys(storage).find((key) => storage.getItem(key) === raw);
  if (same) return same;
  const key = `${BACKUP_PREFIX}${now.toISOString()}`;
  storage.setItem(key, raw);
  return key;
}

const why = (e: unknown) =>
  e instanceof DOMException && (e.name === 'QuotaExceededError' || e.code === 22)
    ? 'the browser’s storage for this site is full'
    : 'the browser refused to store it';

/**
 * Read-modify-write: applies `change` to what storage holds now (not to a copy read
 * earlier), so a mark another tab saved in the meantime is kept. Progress from a newer
 * version is never overwritten; unreadable progress is first kept as a backup, and if
 * that copy cannot be made nothing is written. Storage errors become a reason, never
 * an exception.
 */
export function updateStored(
  storage: ProgressStorage,
  change: (current: Progress) => Progress
): UpdateResult {
  let stored: StoredProgress;
  try {
    stored = readStored(storage);
  } catch {
    // A read fails only when storage is blocked (never for space), so not `why(e)`.
    return {
      ok: false,
      reason: 'saved progress could not be read (the browser blocks this site’s storage)'
    };
  }
  if (stored.state === 'newer')
    return {
      ok: false,
      progress: stored.progress,
      reason:
        'your saved progress was written by a newer version of this site; reload the page to use that version'
    };
  let backedUp = false;
  if (stored.state === 'corrupt') {
    try {
      keepBackup(storage, stored.raw);
      backedUp = true;
    } catch (e) {
      return {
        ok: false,
        reason: `the unreadable saved progress could not be kept as a copy first (${why(e)})`
      };
    }
  }
  const next = change(stored.state === 'ok' ? stored.progress : emptyProgress());
  try {
    storage.setItem(STORAGE_KEY, serializeProgress(next));
  } catch (e) {
    return {
      ok: false,
      reason: why(e),
      progress: stored.state === 'ok' ? stored.progress : undefined
    };
  }
  return { ok: true, progress: next, backedUp };
}
