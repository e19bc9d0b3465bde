/**
 * A Web Storage stand-in for tests. `failWrites` makes every setItem throw the
 * browser's QuotaExceededError, as a full localStorage does.
 */
export function memoryStorage(
  initial: Record<string, string> = {},
  options: { failWrites?: boolean } = {}
) {
  const data = new Map(Object.entries(initial));
  const storage = {
    failWrites: options.failWrites ?? false,
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    getItem: (k: string) => data.get(k) ?? null,
    key: (i: number) => [...data.keys()][i] ?? null,
    removeItem: (k: string) => void data.delete(k),
    setItem(k: string, v: string) {
      if (storage.failWrites)
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      data.set(k, String(v));
    },
    /** Everything stored, for assertions. */
    entries: () => Object.fromEntries(data)
  };
  return storage satisfies Storage;
}
