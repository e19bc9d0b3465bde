// `npm run bench:nginx`: a bounded loopback load test of deploy/nginx.conf with wrk
// (Debian's), one nginx worker, comparing the configuration as it was (gzip on every
// request) with the one in the file (the build's .gz / .br copies, gzip off), on `/` and
// on the map's main script. Merges the figures into bench/results.json and rewrites
// bench/results.md; `npm run bench` runs the same measurement on its real-content build.
//
//   npm run bench:nginx [-- --dist dist] [--seconds 10] [--port 4390] [--out bench/results.json]
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startNginx } from '../../deploy/serve-nginx.js';
import { formatResults } from './formatResults.js';

const root = resolve(import.meta.dirname, '../..');

/** The old per-request compression, as deploy/nginx.conf had it before precompression. */
export function perRequestGzip(conf) {
  const once = (from, to) => {
    if (!conf.includes(from)) throw new Error(`deploy/nginx.conf: "${from.trim()}" not found; update scripts/bench/nginxLoad.js`);
    conf = conf.replace(from, to);
  };
  once('    gzip off;\n', '    gzip on;\n    gzip_comp_level 6;\n    gzip_min_length 1024;\n    gzip_types text/css text/plain text/javascript application/javascript application/json image/svg+xml;\n');
  once('    gzip_static on;\n', '    gzip_static off;\n');
  conf = conf.replace(/^\s*brotli_static on;\n/m, '');
  return conf;
}

/** The variants measured: how nginx is configured and what the client accepts. */
export const VARIANTS = [
  { id: 'gzipPerRequest', label: 'gzip per request (before)', edit: perRequestGzip, accept: 'gzip', encoding: 'gzip' },
  { id: 'gzipStatic', label: 'precompressed gzip (gzip_static)', edit: undefined, accept: 'gzip', encoding: 'gzip' },
  { id: 'brotliStatic', label: 'precompressed brotli (brotli_static)', edit: undefined, accept: 'br', encoding: 'br' },
  { id: 'identity', label: 'uncompressed (no Accept-Encoding)', edit: undefined, accept: 'identity', encoding: undefined }
];

function head(url, accept) {
  return new Promise((res, rej) => {
    const req = request(url, { method: 'GET', headers: { 'Accept-Encoding': accept } }, (r) => {
      r.resume();
      r.on('end', () => res({ status: r.statusCode, encoding: r.headers['content-encoding'], length: Number(r.headers['content-length'] ?? 0) }));
    });
    req.on('error', rej);
    req.end();
  });
}

function wrk(url, accept, seconds) {
  return new Promise((res, rej) => {
    // One thread and 16 connections: nginx has one worker, the machine two cores.
    const args = ['-t1', '-c16', `-d${seconds}s`, '--timeout', '5s', '-H', `Accept-Encoding: ${accept}`, url];
    execFile('wrk', args, { timeout: (seconds + 30) * 1000 }, (err, stdout) => {
      if (err) return rej(new Error(`wrk failed: ${err.message}`));
      const rps = /Requests\/sec:\s+([\d.]+)/.exec(stdout);
      if (!rps) return rej(new Error(`wrk printed no Requests/sec:\n${stdout}`));
      const bad = /Non-2xx or 3xx responses:\s+(\d+)/.exec(stdout);
      const errors = /Socket errors:.*/.exec(stdout);
      res({ requestsPerSec: Number(rps[1]), non2xx: bad ? Number(bad[1]) : 0, socketErrors: errors?.[0] ?? null, latency: /Latency\s+(\S+)/.exec(stdout)?.[1] ?? null });
    });
  });
}

/**
 * Measures requests per second for every variant on `/` and the main script of `dist`
 * (a finished build). Each variant runs its own nginx, started and stopped here; each
 * measurement first checks with one request that the answer has the expected encoding.
 */
export async function measureNginx(dist, { seconds = 10, port = 4390, log = console.error } = {}) {
  if (!existsSync(join(dist, 'index.html'))) throw new Error(`${dist}/index.html not found: build the site first (npm run build)`);
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const script = /<script type="module"[^>]* src="\/?([^"]*assets\/[^"]+\.js)"/.exec(html)?.[1];
  if (!script) throw new Error(`${dist}/index.html names no module script`);
  const paths = { '/': 'index.html', [`/${script}`]: script };
  const out = { seconds, tool: 'wrk -t1 -c16, nginx worker_processes 1, loopback', paths: {}, bytes: {} };
  for (const [path, file] of Object.entries(paths)) {
    const raw = readFileSync(join(dist, file)).length;
    const size = (ext) => (existsSync(join(dist, file + ext)) ? readFileSync(join(dist, file + ext)).length : null);
    out.bytes[path] = { raw, gzip9: size('.gz'), brotli11: size('.br') };
    out.paths[path] = {};
  }
  for (const v of VARIANTS) {
    const server = await startNginx({ dist, port, edit: v.edit, stdio: 'ignore' });
    try {
      for (const path of Object.keys(paths)) {
        const url = `http://127.0.0.1:${port}${path}`;
        const probe = await head(url, v.accept);
        if (probe.status !== 200 || probe.encoding !== v.encoding)
          throw new Error(`${v.label}: ${path} answered ${probe.status} with Content-Encoding ${probe.encoding}; expected ${v.encoding ?? 'none'}`);
        const r = await wrk(url, v.accept, seconds);
        if (r.non2xx) throw new Error(`${v.label}: ${path}: ${r.non2xx} responses were not 2xx`);
        out.paths[path][v.id] = r;
        log(`nginx ${v.label} ${path}: ${r.requestsPerSec.toFixed(0)} requests/s (latency avg ${r.latency})`);
      }
    } finally {
      server.stop();
      await server.exited;
    }
  }
  for (const p of Object.values(out.paths)) {
    p.gzipStaticSpeedup = p.gzipStatic.requestsPerSec / p.gzipPerRequest.requestsPerSec;
    p.brotliStaticSpeedup = p.brotliStatic.requestsPerSec / p.gzipPerRequest.requestsPerSec;
  }
  out.target = 10;
  out.meetsTarget = Object.values(out.paths).every((p) => p.gzipStaticSpeedup >= out.target && p.brotliStaticSpeedup >= out.target);
  return out;
}

async function main() {
  const { values } = parseArgs({
    options: {
      dist: { type: 'string', default: 'dist' },
      seconds: { type: 'string', default: '10' },
      port: { type: 'string', default: process.env.NGINX_PORT ?? '4390' },
      out: { type: 'string', default: 'bench/results.json' }
    }
  });
  const seconds = Number(values.seconds);
  if (!(seconds >= 1 && seconds <= 30)) throw new Error('--seconds must be between 1 and 30');
  const nginx = await measureNginx(resolve(values.dist), { seconds, port: Number(values.port) });
  nginx.date = new Date().toISOString();
  const outFile = resolve(root, values.out);
  const results = existsSync(outFile) ? JSON.parse(readFileSync(outFile, 'utf8')) : { cases: [] };
  results.nginx = nginx;
  mkdirSync(resolve(outFile, '..'), { recursive: true });
  writeFileSync(outFile, `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(outFile.replace(/\.json$/, '.md'), formatResults(results));
  console.log(`wrote ${outFile} and results.md`);
  if (!nginx.meetsTarget) {
    console.error(`precompressed answers are not ${nginx.target}x the per-request gzip requests/s`);
    process.exit(1);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  main().catch((e) => {
    console.error(`bench:nginx: ${e.message}`);
    process.exit(1);
  });
}
