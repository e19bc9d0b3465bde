// Precompresses the built site's text files once, at build time, so the web server only
// picks a file (nginx: gzip_static, brotli_static) and never compresses per request.
import { readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** File types worth compressing (text); images, fonts and PDFs are compressed already. */
export const PRECOMPRESSED_TYPES = [
  '.html',
  '.js',
  '.mjs',
  '.css',
  '.svg',
  '.json',
  '.xml',
  '.txt',
  '.webmanifest'
];
/** Below this size a compressed copy saves too little to be worth a file (nginx's gzip_min_length default idea). */
export const PRECOMPRESS_MIN_BYTES = 1024;

function* walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.isFile()) yield path;
  }
}

/**
 * Writes `<file>.gz` (gzip level 9) and `<file>.br` (brotli quality 11) next to every text
 * file in `dir` of at least {@link PRECOMPRESS_MIN_BYTES}, when the copy is smaller than
 * the file. The copies keep the original's modification time, so Last-Modified agrees
 * whichever one is sent. Returns what was written, for the build's summary line.
 */
export function precompressDir(dir) {
  const written = { files: 0, raw: 0, gzip: 0, brotli: 0 };
  for (const file of [...walk(dir)]) {
    if (!PRECOMPRESSED_TYPES.includes(extname(file).toLowerCase())) continue;
    const stat = statSync(file);
    if (stat.size < PRECOMPRESS_MIN_BYTES) continue;
    const bytes = readFileSync(file);
    const gz = gzipSync(bytes, { level: 9 });
    const br = brotliCompressSync(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length
      }
    });
    let any = false;
    for (const [ext, out] of [
      ['.gz', gz],
      ['.br', br]
    ]) {
      if (out.length >= bytes.length) continue;
      writeFileSync(file + ext, out);
      utimesSync(file + ext, stat.atime, stat.mtime);
      any = true;
    }
    if (!any) continue;
    written.files += 1;
    written.raw += bytes.length;
    written.gzip += Math.min(gz.length, bytes.length);
    written.brotli += Math.min(br.length, bytes.length);
  }
  return written;
}
