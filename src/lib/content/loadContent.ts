import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { ContentValidationError, type Content } from './types.ts';
import { validateContent, type SourceFile, type ValidateOptions } from './validateContent.ts';

export const FRAME_FILE = '_map.yaml';

/** The rules the real content is held to (the synthetic and test content may relax them). */
export const CONTENT_RULES: ValidateOptions = { wordRange: [150, 700], relatedRange: [2, 6] };

/** Every `.md` file under `dir` (sub-folders included), sorted, paths relative to `dir`. */
export function listTopicFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (at: string) => {
    for (const name of readdirSync(at).sort()) {
      const full = join(at, name);
      if (name.startsWith('.') || name === 'node_modules') continue;
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.md') && !name.startsWith('_')) out.push(relative(dir, full));
    }
  };
  walk(dir);
  return out;
}

/**
 * Reads and validates the content folder (Node only: used by the Vite plugin, the build
 * scripts and tests). Throws ContentValidationError with every problem of the folder.
 */
export function loadContent(dir: string, options: ValidateOptions = CONTENT_RULES): Content {
  const root = resolve(dir);
  let frameBytes: Uint8Array;
  try {
    frameBytes = readFileSync(join(root, FRAME_FILE));
  } catch {
    throw new ContentValidationError([
      { file: FRAME_FILE, message: `missing: every content folder needs ${FRAME_FILE} (groups, boxes, learningPath) in ${root}` }
    ]);
  }
  const files: SourceFile[] = listTopicFiles(root).map((path) => ({
    path,
    bytes: readFileSync(join(root, path))
  }));
  return validateContent({ path: FRAME_FILE, bytes: frameBytes }, files, options);
}
