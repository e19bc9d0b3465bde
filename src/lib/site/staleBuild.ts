/**
 * How browsers (Chromium, Firefox, Safari) and Vite's preload helper word the failure
 * to load a code-split chunk. After a deploy replaces the files, an open tab asks for
 * chunks that are gone: the page needs a reload, not an error message.
 */
const CHUNK_LOAD_FAILURE = [
  /Failed to fetch dynamically imported module/i,
  /error loading dynamically imported module/i,
  /Importing a module script failed/i,
  /Unable to preload CSS/i
];

/** Whether `error` is a lazily loaded chunk that could not be fetched (a stale tab). */
export function isChunkLoadError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return CHUNK_LOAD_FAILURE.some((pattern) => pattern.test(message));
}

/** What a failed load says to the user: "<what>: <reason>", or that a reload is needed. */
export function loadFailureText(error: unknown, what: string): { stale: boolean; text: string } {
  if (isChunkLoadError(error))
    return { stale: true, text: 'A new version of the site is available.' };
  return {
    stale: false,
    text: `${what}: ${error instanceof Error ? error.message : String(error)}`
  };
}
