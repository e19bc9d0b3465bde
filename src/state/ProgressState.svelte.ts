import { createContext } from 'svelte';
import {
  STORAGE_KEY,
  parseProgress,
  serializeProgress,
  withStatus,
  type Progress,
  type TopicStatus
} from '../lib/progress/progress.ts';

/**
 * Learning progress for this browser: loaded from localStorage after hydration (the
 * prerendered HTML shows none), saved on every change, and tolerant of storage that is
 * missing (private mode), full, corrupt or from another version: it says so instead.
 */
export class ProgressState {
  progress = $state.raw<Progress>({});
  /** A message for the user about storage (reset, unavailable...), or ''. */
  notice = $state('');
  storageAvailable = $state(true);
  loaded = $state(false);

  constructor(private readonly storage: () => Storage | null = () => globalThis.localStorage ?? null) {}

  /** Reads stored progress; call once in the browser after mount. */
  load() {
    let raw: string | null = null;
    try {
      const s = this.storage();
      if (!s) throw new Error('no storage');
      raw = s.getItem(STORAGE_KEY);
    } catch {
      this.storageAvailable = false;
      this.notice = 'Progress cannot be saved in this browser (storage is unavailable); marks last until you leave the page.';
      this.loaded = true;
      return;
    }
    const parsed = parseProgress(raw);
    if (parsed.ok) this.progress = parsed.progress;
    else {
      this.progress = {};
      this.notice = `Saved progress could not be read (${parsed.reason}), so it was reset.`;
      this.save();
    }
    this.loaded = true;
  }

  set(slug: string, status: TopicStatus | null) {
    this.progress = withStatus(this.progress, slug, status);
    this.save();
  }

  /** Replaces progress from an imported file; on refusal nothing changes. */
  importText(text: string): { ok: true; count: number } | { ok: false; reason: string } {
    const parsed = parseProgress(text);
    if (!parsed.ok) return parsed;
    this.progress = parsed.progress;
    this.save();
    return { ok: true, count: Object.keys(parsed.progress).length };
  }

  exportText(): string {
    return serializeProgress(this.progress);
  }

  private save() {
    if (!this.storageAvailable) return;
    try {
      this.storage()?.setItem(STORAGE_KEY, serializeProgress(this.progress));
    } catch {
      this.notice = 'Progress could not be saved (storage is full or blocked).';
    }
  }
}

export const [getProgress, setProgress] = createContext<ProgressState>();
