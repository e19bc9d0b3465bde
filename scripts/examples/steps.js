// Steps several scenarios share: a virtual environment on Debian's Python, a page's
// systemd unit (verified, then its ExecStart run by hand: systemd is not PID 1 here),
// and a page's Nginx server block inside a minimal nginx.conf of the suite's own.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PYTHON, expectThat } from './Scenario.js';
/** @import { Scenario } from './Scenario.js' */

/** @typedef {import('./extractExamples.js').Example} Example */

/** A virtual environment at `<root>/.venv` that sees Debian's python3-* packages. */
export async function makeVenv(/** @type {Scenario} */ s, /** @type {string} */ root) {
  s.need(PYTHON, 'python3');
  const r = await s.exec(PYTHON, [
    '-m',
    'venv',
    '--without-pip',
    '--system-site-packages',
    join(root, '.venv')
  ]);
  if (r.code !== 0) throw new Error(`python3 -m venv failed: ${r.out}`);
}

/** The variables of an environment file as systemd reads them (`KEY=value`, `#` comments). */
export function readEnvFile(/** @type {string} */ path) {
  /** @type {Record<string, string>} */
  const env = {};
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line.trim());
    if (m) env[m[1]] = m[2].replace(/^"(.*)"$/, '$1');
  }
  return env;
}

/**
 * Writes a page's unit file (after `pairs`), checks it with `systemd-analyze verify`,
 * and returns its [Service] settings.
 * @param {Scenario} s
 * @param {Example} block
 * @param {[string | RegExp, string][]} pairs
 */
export async function verifiedUnit(s, block, pairs) {
  const text = s.substitute(block, pairs);
  const path = s.write(`units/${block.title?.split('/').pop()}`, text);
  await s.check(`systemd-analyze verify accepts ${block.title}`, [block], async () => {
    s.need('/usr/bin/systemd-analyze', 'systemd');
    const r = await s.exec('/usr/bin/systemd-analyze', ['verify', path]);
    // Running as root, systemd warns about units for other users; only errors fail.
    expectThat(r.code === 0, `systemd-analyze verify exited ${r.code}: ${r.out.trim()}`);
    // It exits 0 on a line it ignores (a misspelt hardening directive, a bad value), and
    // systemd would run the unit without that line: every complaint about the file fails.
    const ignored = unitComplaints(r.out, path);
    expectThat(
      ignored.length === 0,
      `systemd would ignore lines of the unit: ${ignored.join('; ')}`
    );
  });
  /** @type {Record<string, string[]>} */
  const service = {};
  /** @type {string[]} */
  const hardening = [];
  let section = '';
  for (const line of text.split('\n')) {
    const head = /^\[(.+)\]$/.exec(line.trim());
    if (head) section = head[1];
    const kv = /^([A-Za-z]+)=(.*)$/.exec(line.trim());
    if (kv && section === 'Service') (service[kv[1]] ??= []).push(kv[2]);
    if (kv && section === 'Service' && HARDENING.test(kv[1])) hardening.push(`${kv[1]}=${kv[2]}`);
  }
  // What cannot run here, named rather than skipped: without systemd as PID 1 nothing
  // switches to the unit's user or applies its sandbox; systemd-analyze checked them.
  const user = [
    ...(service.User ?? []).map((u) => `User=${u}`),
    ...(service.Group ?? []).map((g) => `Group=${g}`)
  ];
  if (user.length || hardening.length)
    s.how.push(
      `${block.title}: ${[...user, ...hardening].join(', ')} accepted by systemd-analyze verify; not applied here (systemd is not PID 1, so ExecStart runs as root without the sandbox)`
    );
  return service;
}

/** [Service] settings that sandbox or restrict the process (checked, not enforced, here). */
const HARDENING =
  /^(?:NoNewPrivileges|Protect\w+|Private\w+|Restrict\w+|ReadOnlyPaths|ReadWritePaths|InaccessiblePaths|CapabilityBoundingSet|AmbientCapabilities|SystemCallFilter|SystemCallArchitectures|LockPersonality|MemoryDenyWriteExecute|UMask|DynamicUser)$/;

/**
 * The lines of `systemd-analyze verify` output that complain about the unit file itself
 * (`<path>:<line>: Unknown key ...`, `Failed to parse ...`): systemd ignores such a line
 * and runs the unit without it, so the suite treats each as a failure.
 * @param {string} out
 * @param {string} path
 */
export function unitComplaints(out, path) {
  return out
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.startsWith(`${path}:`) && /^:\d+: /.test(l.slice(path.length)));
}

/**
 * Starts a unit's ExecStart as systemd would (WorkingDirectory, EnvironmentFile,
 * Environment), but as root and without systemd.
 * @param {Scenario} s
 * @param {Record<string, string[]>} service
 * @param {string} label
 */
export async function startExec(s, service, label) {
  /** @type {Record<string, string>} */
  const env = {};
  for (const file of service.EnvironmentFile ?? [])
    Object.assign(env, readEnvFile(file.replace(/^-/, '')));
  for (const e of service.Environment ?? [])
    for (const m of e.matchAll(/"?([A-Za-z_][A-Za-z0-9_]*)=([^"\s]*)"?/g)) env[m[1]] = m[2];
  const [cmd, ...args] = (service.ExecStart?.[0] ?? '').split(/\s+/).filter(Boolean);
  if (!cmd) throw new Error('the unit has no ExecStart');
  s.how.push(
    `${label}: ExecStart run as root in ${service.WorkingDirectory?.[0]?.replace(s.dir, '$TMP') ?? '$TMP'} (systemd is not PID 1 in CI)`
  );
  return s.start(label, cmd, args, { cwd: service.WorkingDirectory?.[0] ?? s.dir, env });
}

/**
 * A page's Nginx site file inside a minimal nginx.conf (pid, logs and temp paths in the
 * scenario folder, `user root` to read it), checked with `nginx -t`, then started.
 * @param {Scenario} s
 * @param {Example} block
 * @param {[string | RegExp, string][]} pairs
 */
export async function startNginx(s, block, pairs) {
  s.need('/usr/sbin/nginx', 'nginx');
  const site = s.write('nginx/site.conf', s.substitute(block, pairs));
  const conf = s.write(
    'nginx/nginx.conf',
    [
      'user root;',
      'worker_processes 1;',
      'daemon off;',
      `pid ${s.dir}/nginx/nginx.pid;`,
      `error_log ${s.dir}/logs/nginx-error.log warn;`,
      'events { worker_connections 64; }',
      'http {',
      '    include /etc/nginx/mime.types;',
      `    access_log ${s.dir}/logs/nginx-access.log;`,
      ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(
        (t) => `    ${t}_temp_path ${s.dir}/nginx/${t};`
      ),
      `    include ${site};`,
      '}',
      ''
    ].join('\n')
  );
  let ok = false;
  await s.check(`nginx -t accepts ${block.title}`, [block], async () => {
    const r = await s.exec('/usr/sbin/nginx', ['-t', '-c', conf, '-p', `${s.dir}/nginx/`]);
    expectThat(r.code === 0, `nginx -t exited ${r.code}: ${r.out.trim()}`);
    ok = true;
  });
  if (ok) s.start('nginx', '/usr/sbin/nginx', ['-c', conf, '-p', `${s.dir}/nginx/`]);
  return ok;
}

const PG = '/usr/lib/postgresql/15/bin';

/**
 * A fresh PostgreSQL 15 cluster in the scenario folder (owned by the postgres user: it
 * refuses to run as root), listening on a loopback port; resolves once it accepts
 * connections. `asPostgres` runs a command as the postgres superuser.
 * @param {Scenario} s
 */
export async function startPostgres(s) {
  s.need(`${PG}/postgres`, 'postgresql');
  const { chmodSync, chownSync, mkdirSync } = await import('node:fs');
  const { execFileSync } = await import('node:child_process');
  const port = s.port();
  chmodSync(s.dir, 0o711);
  const dir = join(s.dir, 'pg');
  mkdirSync(dir);
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }));
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }));
  chownSync(dir, uid, gid);
  const asPostgres = (/** @type {string} */ cmd, /** @type {string[]} */ args) =>
    s.exec('/usr/sbin/runuser', ['-u', 'postgres', '--', cmd, ...args], { cwd: dir });
  const init = await asPostgres(`${PG}/initdb`, [
    '-D',
    `${dir}/data`,
    '-U',
    'postgres',
    '--auth-local=peer',
    '--auth-host=scram-sha-256'
  ]);
  if (init.code !== 0) throw new Error(`initdb failed: ${init.out}`);
  s.start('postgres', '/usr/sbin/runuser', [
    '-u',
    'postgres',
    '--',
    `${PG}/postgres`,
    '-D',
    `${dir}/data`,
    '-p',
    String(port),
    '-k',
    dir,
    '-c',
    'listen_addresses=127.0.0.1'
  ]);
  for (
    let i = 0;
    i < 50 && (await s.exec('/usr/bin/pg_isready', ['-h', dir, '-p', String(port)])).code !== 0;
    i++
  )
    await new Promise((r) => setTimeout(r, 200));
  /** Runs an SQL file in psql as the superuser, stopping at the first error. */
  const psqlFile = (/** @type {string} */ file) =>
    asPostgres('/usr/bin/psql', [
      '-X',
      '-v',
      'ON_ERROR_STOP=1',
      '-h',
      dir,
      '-p',
      String(port),
      '-d',
      'postgres',
      '-f',
      file
    ]);
  return { port, dir, asPostgres, psqlFile };
}

/**
 * Queues the Celery page's `send_welcome_email` task from `root` and waits for the
 * worker's answer: the job really went through the broker and back.
 * @param {Scenario} s
 * @param {string} root
 * @param {Record<string, string>} env
 */
export async function expectCeleryJob(s, root, env) {
  const r = await s.exec(
    PYTHON,
    [
      '-c',
      'from tasks import send_welcome_email\nprint(send_welcome_email.delay(42).get(timeout=30))'
    ],
    { cwd: root, env, timeout: 45_000 }
  );
  expectThat(
    r.code === 0 && r.out.trim().endsWith('welcome email sent to user 42'),
    `exit ${r.code}: ${r.out.slice(-800)}\n${s.log('celery')}`
  );
}

/** Redis on a loopback port, without persistence; returns the port. */
export function startRedis(/** @type {Scenario} */ s) {
  s.need('/usr/bin/redis-server', 'redis-server');
  const port = s.port();
  s.start('redis', '/usr/bin/redis-server', [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--save',
    '',
    '--appendonly',
    'no',
    '--dir',
    s.dir
  ]);
  s.how.push(`redis: redis-server --port ${port} --bind 127.0.0.1, no persistence`);
  return port;
}

/** A two-day self-signed certificate for example.org (standing in for Certbot's). */
export async function makeCertificate(/** @type {Scenario} */ s) {
  s.need('/usr/bin/openssl', 'openssl');
  const { mkdirSync } = await import('node:fs');
  mkdirSync(`${s.dir}/tls`, { recursive: true });
  const cert = await s.exec('/usr/bin/openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '2',
    '-subj',
    '/CN=example.org',
    '-keyout',
    `${s.dir}/tls/privkey.pem`,
    '-out',
    `${s.dir}/tls/fullchain.pem`
  ]);
  if (cert.code !== 0) throw new Error(`openssl: ${cert.out}`);
  s.how.push(
    "tls: a two-day self-signed certificate for example.org from openssl, in place of Certbot's"
  );
  return {
    dir: `${s.dir}/tls`,
    cert: `${s.dir}/tls/fullchain.pem`,
    key: `${s.dir}/tls/privkey.pem`
  };
}

const APACHE_MODULES = '/usr/lib/apache2/modules';

/**
 * A page's Apache site inside a minimal apache2.conf of the suite's own (pid, logs and
 * the mod_wsgi socket in the scenario folder, children as www-data), checked with
 * `apache2 -t` (what `apachectl configtest` runs), then started. Resolves true if it started.
 * @param {Scenario} s
 * @param {Example} block
 * @param {[string | RegExp, string][]} pairs
 * @param {{ port: number, modules?: string[] }} o extra modules (e.g. ssl) beside mpm_event, authz_core, mime, alias, wsgi
 */
export async function startApache(s, block, pairs, o) {
  s.need('/usr/sbin/apache2', 'apache2');
  s.need(`${APACHE_MODULES}/mod_wsgi.so`, 'libapache2-mod-wsgi-py3');
  const site = s.write('apache/site.conf', s.substitute(block, pairs));
  const conf = s.write(
    'apache/apache2.conf',
    [
      `ServerRoot ${s.dir}/apache`,
      `DefaultRuntimeDir ${s.dir}/apache`,
      `PidFile ${s.dir}/apache/apache2.pid`,
      `Define APACHE_LOG_DIR ${s.dir}/logs`,
      `ErrorLog ${s.dir}/logs/apache-error.log`,
      'LogLevel warn',
      'ServerName localhost',
      `Listen 127.0.0.1:${o.port}`,
      'User www-data',
      'Group www-data',
      ...['mpm_event', 'authz_core', 'mime', 'alias', 'wsgi', ...(o.modules ?? [])].map(
        (m) => `LoadModule ${m}_module ${APACHE_MODULES}/mod_${m}.so`
      ),
      'TypesConfig /etc/mime.types',
      'LogFormat "%h %l %u %t \\"%r\\" %>s %O \\"%{Referer}i\\" \\"%{User-Agent}i\\"" combined',
      `WSGISocketPrefix ${s.dir}/apache/wsgi`,
      '<Directory />',
      '    Require all denied',
      '</Directory>',
      `Include ${site}`,
      ''
    ].join('\n')
  );
  let ok = false;
  await s.check(`apachectl configtest accepts ${block.title}`, [block], async () => {
    const r = await s.exec('/usr/sbin/apache2', ['-t', '-f', conf]);
    expectThat(
      r.code === 0 && /Syntax OK/.test(r.out),
      `apache2 -t exited ${r.code}: ${r.out.trim()}`
    );
    ok = true;
  });
  if (ok) s.start('apache', '/usr/sbin/apache2', ['-f', conf, '-DFOREGROUND']);
  s.how.push(
    `apache: a minimal apache2.conf of the suite's own includes the site (${o.port}); apache2 -t is what apachectl configtest runs`
  );
  return ok;
}

/**
 * A page's Caddyfile, after `pairs`, run with a global block of the suite's own first
 * (`admin off`: its default port is shared; plus `globals`), state under the scenario folder.
 * @param {Scenario} s
 * @param {Example} block
 * @param {[string | RegExp, string][]} pairs
 * @param {string[]} [globals]
 */
export function startCaddy(s, block, pairs, globals = []) {
  s.need('/usr/bin/caddy', 'caddy');
  const env = caddyEnv(s);
  const file = s.write(
    'caddy/Caddyfile',
    `{\n${['admin off', ...globals].map((g) => `\t${g}\n`).join('')}}\n\n${s.substitute(block, pairs)}`
  );
  s.how.push(
    `caddy: a global { ${['admin off', ...globals].join('; ')} } block added before the site`
  );
  s.start('caddy', '/usr/bin/caddy', ['run', '--adapter', 'caddyfile', '--config', file], { env });
}

/** Caddy keeps its state under XDG folders: keep them in the scenario folder. */
export function caddyEnv(/** @type {Scenario} */ s) {
  return {
    XDG_DATA_HOME: join(s.dir, 'caddy/data'),
    XDG_CONFIG_HOME: join(s.dir, 'caddy/config'),
    HOME: join(s.dir, 'caddy')
  };
}
