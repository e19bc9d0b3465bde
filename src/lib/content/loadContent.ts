import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { compileProse } from './compileProse.js';
import { ContentValidationError, type Content, type ContentError, type Topic } from './types.ts';
import { validateTours, TOUR_RULES, type Tour, type TourRules } from './validateTours.ts';
import { SLUG_PATTERN, validateContent, withSourceLines, type SourceFile, type ValidateOptions } from './validateContent.ts';

export const FRAME_FILE = '_map.yaml';
/** A folder at the top of content/ kept for guided tours: not topics. */
export const TOURS_DIR = 'tours';

/** The rules the real content is held to (the synthetic and test content may relax them). */
export const CONTENT_RULES: ValidateOptions = { wordRange: [150, 700], relatedRange: [2, 6] };

const EXPECTED = `content holds topic files (<slug>.md), ${FRAME_FILE}, folders of topics and ${TOURS_DIR}/`;

/**
 * Every `.md` file under `dir` (sub-folders included, `tours/` left to the tours), sorted,
 * paths relative to `dir`, and a problem for every other entry: a file that is neither
 * `.md` nor `_map.yaml` (`extra.MD`, `notes.txt`), a folder whose name is not a slug, an
 * entry that cannot be read, a symlink loop. Never throws.
 */
export function scanContentDir(dir: string): { topics: string[]; problems: ContentError[] } {
  const topics: string[] = [];
  const problems: ContentError[] = [];
  const seenDirs = new Set<string>();
  const walk = (at: string) => {
    let real: string;
    let names: string[];
    try {
      real = realpathSync(at);
      names = readdirSync(at).sort();
    } catch (e) {
      problems.push({ file: relative(dir, at) || '.', message: `cannot read the folder: ${reason(e)}` });
      return;
    }
    if (seenDirs.has(real)) {
      problems.push({ file: relative(dir, at), message: `symlink loop: this folder leads back to ${relative(dir, real) || 'the content folder'}` });
      return;
    }
    seenDirs.add(real);
    for (const name of names) {
      const full = join(at, name);
      const path = relative(dir, full);
      let isDir: boolean;
      try {
        isDir = statSync(full).isDirectory();
      } catch (e) {
        problems.push({ file: path, message: `cannot read: ${reason(e)}` });
        continue;
      }
      const top = at === dir;
      if (isDir && top && name === TOURS_DIR) continue;
      if (isDir && SLUG_PATTERN.test(name)) walk(full);
      // Any .md goes on to validation, which names a file name that is not a slug.
      else if (!isDir && name.endsWith('.md')) topics.push(path);
      else if (!isDir && top && name === FRAME_FILE) continue;
      else problems.push({ file: path, message: `unexpected ${isDir ? 'folder' : 'file'}: ${EXPECTED}` });
    }
  };
  walk(resolve(dir));
  return { topics, problems };
}

const reason = (e: unknown) => {
  const code = (e as NodeJS.ErrnoException)?.code;
  return code === 'ELOOP' ? 'symlink loop (ELOOP)' : code ?? String(e);
};

/** Every topic file under `dir` (see scanContentDir), paths relative to `dir`. */
export function listTopicFiles(dir: string): string[] {
  return scanContentDir(dir).topics;
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
  const scan = scanContentDir(root);
  const files: SourceFile[] = [];
  for (const path of scan.topics) {
    try {
      files.push({ path, bytes: readFileSync(join(root, path)) });
    } catch (e) {
      scan.problems.push({ file: path, message: `cannot read: ${reason(e)}` });
    }
  }
  try {
    const content = validateContent({ path: FRAME_FILE, bytes: frameBytes }, files, options);
    if (scan.problems.length) throw new ContentValidationError(scan.problems);
    return content;
  } catch (e) {
    if (e instanceof ContentValidationError && scan.problems.length && e.errors !== scan.problems)
      throw new ContentValidationError([...scan.problems, ...e.errors]);
    throw e;
  }
}

/**
 * Compiles every topic's prose as the build will (compileProse) and throws a
 * ContentValidationError for anything in the compiled component that is not allowed
 * markup: the check of what is compiled, behind the markdown check of validateContent.
 */
export async function checkCompiledProse(dir: string, topics: Topic[]): Promise<void> {
  const root = resolve(dir);
  const files: SourceFile[] = topics.map((t) => ({ path: t.file, bytes: readFileSync(join(root, t.file)) }));
  const errors: ContentError[] = [];
  for (const file of files) {
    const { problems } = await compileProse(new TextDecoder().decode(file.bytes), { filename: file.path });
    for (const p of problems) errors.push({ file: file.path, line: p.line, field: 'body', message: p.message });
  }
  if (errors.length) throw new ContentValidationError(withSourceLines(errors, files));
}

/**
 * The tour files in `dir/tours/` (paths relative to `dir`, sorted) and a problem for every
 * other entry there (a folder, a file that is not `.md`). No folder: no tours. Never throws.
 */
export function scanTourFiles(dir: string): { tours: string[]; problems: ContentError[] } {
  const at = join(resolve(dir), TOURS_DIR);
  const tours: string[] = [];
  const problems: ContentError[] = [];
  let names: string[];
  try {
    if (!statSync(at).isDirectory()) return { tours, problems: [{ file: TOURS_DIR, message: `must be a folder of tours (<slug>.md)` }] };
    names = readdirSync(at).sort();
  } catch (e) {
    if ((e as NodeJS.ErrnoException)?.code === 'ENOENT') return { tours, problems };
    return { tours, problems: [{ file: TOURS_DIR, message: `cannot read the folder: ${reason(e)}` }] };
  }
  for (const name of names) {
    const path = `${TOURS_DIR}/${name}`;
    let isFile = false;
    try {
      isFile = statSync(join(at, name)).isFile();
    } catch (e) {
      problems.push({ file: path, message: `cannot read: ${reason(e)}` });
      continue;
    }
    if (isFile && name.endsWith('.md')) tours.push(path);
    else problems.push({ file: path, message: `unexpected ${isFile ? 'file' : 'folder'}: ${TOURS_DIR}/ holds one <slug>.md per tour` });
  }
  return { tours, problems };
}

/**
 * Reads and validates the guided tours of a content folder against its validated
 * content (Node only). Throws ContentValidationError with every problem of the tours.
 */
export function loadTours(dir: string, content: Content, rules: TourRules = TOUR_RULES): Tour[] {
  const root = resolve(dir);
  const scan = scanTourFiles(root);
  const files: SourceFile[] = [];
  for (const path of scan.tours) {
    try {
      files.push({ path, bytes: readFileSync(join(root, path)) });
    } catch (e) {
      scan.problems.push({ file: path, message: `cannot read: ${reason(e)}` });
    }
  }
  try {
    const tours = validateTours(files, content, rules);
    if (scan.problems.length) throw new ContentValidationError(scan.problems);
    return tours;
  } catch (e) {
    if (e instanceof ContentValidationError && scan.problems.length && e.errors !== scan.problems)
      throw new ContentValidationError([...scan.problems, ...e.errors]);
    throw e;
  }
}
