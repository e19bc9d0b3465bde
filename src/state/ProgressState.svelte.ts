import { createContext } from 'svelte';
import {
  BACKUP_PREFIX,
  STORAGE_KEY,
  emptyProgress,
  mergeProgress,
  parseImport,
  serializeProgress,
  withStatus,
  type Progress,
  type TopicStatus
} from '../lib/progress/progress.ts';
import {
  backupKeys,
  readStored,
  updateStored,
  type ProgressStorage
} from '../lib/progress/progressStorage.ts';

/** Where the user acted: a failure is shown next to that control only. */
export type ProgressPlace = 'controls' | 'map' | 'panel';

export type ProgressResult = { ok: true } | { ok: false; reason: string };

/**
 * Learning progress for this browser: loaded from localStorage after hydration (the
 * prerendered HTML shows none). Every mark is a read-modify-write against what storage
 * holds at that moment, and other tabs' changes arrive through the `storage` event, so
 * two tabs never erase each other's marks. Progress from a newer version is shown but
 * never overwritten; unreadable progress is kept as a downloadable copy before it is
 * replaced; a failed save is reported at the control the user used.
 */
export class ProgressState {
  progress = $state.raw<Progress>(emptyProgress());
  /** A message for the user about stored progress as a whole (newer, unreadable...), or ''. */
  notice = $state('');
  storageAvailable = $state(true);
  loaded = $state(false);
  /** True while storage holds progress from a newer version: marks cannot be saved. */
  readOnly = $state(false);
  /** Keys of kept copies of unreadable progress, offered for download. */
  backups = $state.raw<string[]>([]);
  /** The last failed save and where it was asked for. */
  failure = $state.raw<{ place: ProgressPlace; reason: string } | null>(null);

  constructor(
    private readonly storage: () => ProgressStorage | null = () => globalThis.localStorage ?? null
  ) {}

  private store(): ProgressStorage | null {
    try {
      return this.storage();
    } catch {
      return null;
    }
  }

  /**
   * Reads stored progress and follows other tabs' changes; call once in the browser
   * after mount. Returns the function that stops listening.
   */
  load(): () => void {
    const s = this.store();
    try {
      if (!s) throw new Error('no storage');
      s.getItem(STORAGE_KEY);
    } catch {
      this.storageAvailable = false;
      this.notice =
        'Progress cannot be saved in this browser (storage is unavailable); marks last until you leave the page.';
      this.loaded = true;
      return () => {};
    }
    this.refresh(true);
    this.loaded = true;
    const onstorage = (e: StorageEvent) => {
      if (e.key === null || e.key === STORAGE_KEY || e.key.startsWith(BACKUP_PREFIX))
        this.refresh(false);
    };
    globalThis.addEventListener?.('storage', onstorage);
    return () => globalThis.removeEventListener?.('storage', onstorage);
  }

  /** Takes what storage holds now; unreadable data is kept as a copy and then reset. */
  private refresh(first: boolean) {
    // Another tab's unreadable write is not reset here: the next mark keeps a copy first.
    const s = this.store();
    if (!s) return;
    try {
      const stored = readStored(s);
      const wasReadOnly = this.readOnly;
      this.readOnly = stored.state === 'newer';
      if (stored.state === 'ok') {
        this.progress = stored.progress;
        if (wasReadOnly) this.notice = '';
      } else if (stored.state === 'newer') {
        this.progress = stored.progress;
        this.notice =
          'Your saved progress was written by a newer version of this site. It is shown as far as this page understands it and left unchanged; reload the page to use the newer version and mark topics again.';
      } else if (first) {
        const reset = updateStored(s, () => emptyProgress());
        if (reset.ok) this.progress = reset.progress;
        this.notice = reset.ok
          ? `Saved progress could not be read (${stored.reason}). A copy was kept, and progress starts again from nothing.`
          : `Saved progress could not be read (${stored.reason}) and is left as it is: ${reset.reason}.`;
      }
      this.backups = backupKeys(s);
    } catch {
      // Storage that throws on read is reported by the next save, where the user acts.
    }
  }

  /** Marks `slug` (or clears it, `status` null); on failure, the reason is shown at `place`. */
  set(slug: string, status: TopicStatus | null, place: ProgressPlace): ProgressResult {
    return this.update((p) => withStatus(p, slug, status), place);
  }

  /**
   * Lays an imported file over the current progress (marks of topics the file does not
   * name are kept). A file that is empty, malformed, from a newer version or without a
   * single valid entry is refused with a reason, and nothing changes.
   */
  importText(
    text: string
  ): { ok: true; count: number; dropped: number } | { ok: false; reason: string } {
    const parsed = parseImport(text);
    if (!parsed.ok) return parsed;
    const saved = this.update((p) => mergeProgress(p, parsed.progress), 'panel');
    return saved.ok ? { ok: true, count: parsed.count, dropped: parsed.dropped } : saved;
  }

  exportText(): string {
    return serializeProgress(this.progress);
  }

  /** The text of a kept copy of unreadable progress ('' once it is gone). */
  backupText(key: string): string {
    return this.store()?.getItem(key) ?? '';
  }

  discardBackup(key: string) {
    const s = this.store();
    s?.removeItem(key);
    this.backups = s ? backupKeys(s) : [];
  }

  private update(change: (p: Progress) => Progress, place: ProgressPlace): ProgressResult {
    const s = this.storageAvailable ? this.store() : null;
    if (!s) {
      this.progress = change(this.progress);
      return { ok: true };
    }
    const result = updateStored(s, change);
    if (result.progress) this.progress = result.progress;
    if (!result.ok) {
      this.failure = { place, reason: result.reason };
      return result;
    }
    if (result.backedUp) this.backups = backupKeys(s);
    this.readOnly = false;
    this.failure = null;
    return { ok: true };
  }
}

export const [getProgress, setProgress] = createContext<ProgressState>();
