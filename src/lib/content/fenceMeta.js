// The info string of a fenced code block, read the same way by the highlighter (what is
// published), the content check, the PDF and the examples suite. Plain JavaScript with
// JSDoc types, as svelte.config.js loads it through compileProse without a TS step.

/**
 * The fence's info string after the language: `title="…"`, `test="scenario"` (the block
 * is run by the examples suite) or `untested="why"`; another key is refused.
 * @param {string | null | undefined} meta
 * @returns {{ title?: string, test?: string, untested?: string }}
 */
export function parseFenceMeta(meta) {
  /** @type {Record<string, string>} */
  const out = {};
  // Other words in the info string (`js {1,3}`, say) are left alone, as other tools do.
  for (const m of (meta ?? '').matchAll(/(?:^|\s)([a-z]+)="([^"]*)"/g)) {
    if (!['title', 'test', 'untested'].includes(m[1])) throw new Error(`code fence: unknown key ${m[1]} (title, test, untested)`);
    if (m[1] in out) throw new Error(`code fence: ${m[1]} given twice`);
    out[m[1]] = m[2];
  }
  if (out.test !== undefined && !/^[a-z0-9-]{1,60}$/.test(out.test)) throw new Error(`code fence: test="${out.test}" must be a scenario name (a-z, 0-9, -)`);
  if (out.test !== undefined && out.untested !== undefined) throw new Error('code fence: a block is either test= or untested=, not both');
  return out;
}

