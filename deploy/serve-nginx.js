// Serves a built site with nginx and deploy/nginx.conf, as production would, but on a
// loopback port, in the foreground, with every file nginx writes (pid, logs, temp) in a
// throwaway prefix, so it needs no root and leaves nothing behind.
//
//   node deploy/serve-nginx.js [--dist dist] [--port 4381] [--base /] [--print]
//
// --base /map/ serves the site under /map/ (build it with BASE_PATH=/map/ first).
// --print writes the site configuration for production (listen 80, root such that
// <root><base> is --dist) to stdout instead of running nginx.
import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { normaliseBase } from '../src/lib/normaliseBase.js';

const here = import.meta.dirname;
/** Debian's libnginx-mod-http-brotli-static, which `brotli_static on;` needs. */
export const BROTLI_STATIC_MODULE = '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';

/**
 * Renders deploy/nginx.conf for a document root, a listen address (omit to keep port 80)
 * and a base path. Every rewrite must match exactly once, so an edit to the config that
 * breaks one fails loudly instead of serving something other than what production runs.
 */
export function renderSiteConf({ root, listen = '', base = '/', brotli = true }) {
  const b = normaliseBase(base);
  let conf = readFileSync(join(here, 'nginx.conf'), 'utf8');
  const once = (pattern, replacement) => {
    const hits = conf.match(new RegExp(pattern.source, 'gm'))?.length ?? 0;
    if (hits !== 1)
      throw new Error(`deploy/nginx.conf: expected one match of ${pattern}, found ${hits}`);
    conf = conf.replace(pattern, replacement);
  };
  if (listen) once(/^(\s*)listen 80;\n\s*listen \[::\]:80;$/m, `$1listen ${listen};`);
  once(/^(\s*)root [^;]+;$/m, `$1root ${root};`);
  if (!brotli) once(/^\s*brotli_static on;\n/m, '');
  if (b !== '/') {
    once(/~\^\/assets\//, `~^${b}assets/`);
    once(/~\^\/embed\//, `~^${b}embed/`);
    once(/location \/assets\/ \{/, `location ${b}assets/ {`);
    once(/error_page 404 \/404\.html;/, `error_page 404 ${b}404.html;`);
  }
  return conf;
}

/** The main nginx.conf around the site config: foreground, every path inside `prefix`. */
export function renderMainConf(prefix, siteConfPath, { brotli = true } = {}) {
  const t = (name) => join(prefix, 'tmp', name);
  // Started as root (a CI container), nginx would run its workers as `nobody`, who may
  // not read a checkout under /root or a 0700 temp folder. Other users run workers as themselves.
  const user = process.getuid?.() === 0 ? 'user root;\n' : '';
  // Debian loads modules from /etc/nginx/modules-enabled/; this main file loads the one
  // the site configuration uses by its absolute path.
  const modules = brotli ? `load_module ${BROTLI_STATIC_MODULE};\n` : '';
  return `${modules}daemon off;
${user}worker_processes 1;
pid ${join(prefix, 'nginx.pid')};
error_log stderr warn;
events { worker_connections 256; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    access_log ${join(prefix, 'access.log')};
    client_body_temp_path ${t('body')};
    proxy_temp_path ${t('proxy')};
    fastcgi_temp_path ${t('fastcgi')};
    uwsgi_temp_path ${t('uwsgi')};
    scgi_temp_path ${t('scgi')};
    include ${siteConfPath};
}
`;
}

async function main() {
  const { values } = parseArgs({
    options: {
      dist: { type: 'string', default: 'dist' },
      port: { type: 'string', default: process.env.NGINX_PORT ?? '4381' },
      base: { type: 'string', default: '/' },
      print: { type: 'boolean', default: false },
      nginx: { type: 'string', default: process.env.NGINX_PATH ?? '/usr/sbin/nginx' }
    }
  });
  const dist = resolve(values.dist);
  const base = normaliseBase(values.base);

  if (values.print) {
    // A configuration for production: the site will live at <root><base>, so --dist
    // names that folder (for example /srv/www/map for /map/) and need not exist here.
    const suffix = base.slice(0, -1);
    if (suffix && !dist.endsWith(suffix))
      throw new Error(
        `with --base ${base}, --dist must be the folder served as ${base} (ending in ${suffix})`
      );
    process.stdout.write(
      renderSiteConf({ root: dist.slice(0, dist.length - suffix.length) || '/', base })
    );
    return;
  }
  const server = await startNginx({ dist, port: Number(values.port), base, nginx: values.nginx });
  console.log(`nginx serving ${dist} at ${server.url}`);
  // nginx's fast shutdown on TERM/INT; the prefix is removed once it has gone.
  for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => server.stop());
  const { code, signal } = await server.exited;
  process.exit(code ?? (signal === 'SIGTERM' ? 0 : 1));
}

/**
 * Starts nginx in the foreground on 127.0.0.1:`port` serving `dist` under `base` with
 * deploy/nginx.conf, every file it writes in a throwaway prefix. `edit` may rewrite the
 * rendered site configuration (the benchmark's per-request gzip variant). Resolves once
 * `nginx -t` accepted the configuration and the server answers; `stop()` ends it and
 * `exited` resolves after the prefix is removed.
 * @param {{ dist: string, port: number, base?: string, nginx?: string, edit?: (conf: string) => string, stdio?: import('node:child_process').StdioOptions }} options
 * @returns {Promise<{ url: string, stop: () => boolean, exited: Promise<{ code: number | null, signal: NodeJS.Signals | null }> }>}
 */
export async function startNginx({
  dist,
  port,
  base = '/',
  nginx = '/usr/sbin/nginx',
  edit = (conf) => conf,
  stdio = 'inherit'
}) {
  if (!existsSync(join(dist, 'index.html')))
    throw new Error(`${dist}/index.html not found: build the site first`);
  if (!existsSync(nginx))
    throw new Error(`${nginx} not found: apt-get install nginx (or set NGINX_PATH)`);
  const brotli = existsSync(BROTLI_STATIC_MODULE);
  if (!brotli)
    console.error(
      `serve-nginx: ${BROTLI_STATIC_MODULE} not found (apt-get install libnginx-mod-http-brotli-static): serving without brotli_static`
    );
  const listen = `127.0.0.1:${port}`;
  const prefix = mkdtempSync(join(tmpdir(), 'deployment-map-nginx-'));
  const cleanup = () => rmSync(prefix, { recursive: true, force: true });
  try {
    mkdirSync(join(prefix, 'tmp'));
    // Under a sub-path the files must sit at <root><base>: a symlink puts them there.
    let root = dist;
    if (base !== '/') {
      root = join(prefix, 'www');
      const link = join(root, base.slice(1, -1));
      mkdirSync(join(link, '..'), { recursive: true });
      symlinkSync(dist, link, 'dir');
    }
    writeFileSync(join(prefix, 'site.conf'), edit(renderSiteConf({ root, listen, base, brotli })));
    writeFileSync(
      join(prefix, 'nginx.conf'),
      renderMainConf(prefix, join(prefix, 'site.conf'), { brotli })
    );
  } catch (e) {
    cleanup();
    throw e;
  }

  const args = ['-e', 'stderr', '-p', prefix, '-c', join(prefix, 'nginx.conf')];
  const test = spawn(nginx, [...args, '-t', '-q'], { stdio: 'inherit' });
  const ok = await new Promise((r) => test.on('exit', (code) => r(code === 0)));
  if (!ok) {
    cleanup();
    throw new Error('nginx -t rejected the rendered configuration');
  }
  const child = spawn(nginx, args, { stdio });
  const exited = new Promise((r) =>
    child.on('exit', (code, signal) => {
      cleanup();
      r({ code, signal });
    })
  );
  const url = `http://${listen}${base}`;
  // Wait until it answers (or has died), so callers can measure at once.
  for (let i = 0; i < 100 && child.exitCode === null; i++) {
    const up = await fetch(url).then(
      () => true,
      () => false
    );
    if (up) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  if (child.exitCode !== null) throw new Error(`nginx exited at start (code ${child.exitCode})`);
  return { url, stop: () => child.kill('SIGTERM'), exited };
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  main().catch((e) => {
    console.error(`serve-nginx: ${e.message}`);
    process.exit(1);
  });
}
