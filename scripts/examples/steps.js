// Steps several scenarios share: a virtual environment on Debian's Python, a page's
// systemd unit (verified, then its ExecStart run by hand: systemd is not PID 1 here),
// and a page's Nginx server block inside a minimal nginx.conf of the suite's own.
import { join } from 'node:path';
import { PYTHON, expectThat } from './Scenario.js';
/** @import { Scenario } from './Scenario.js' */

/** @typedef {import('./extractExamples.js').Example} Example */

/** A virtual environment at `<root>/.venv` that sees Debian's python3-* packages. */
export async function makeVenv(/** @type {Scenario} */ s, /** @type {string} */ root) {
  s.need(PYTHON, 'python3');
  const r = await s.exec(PYTHON, ['-m', 'venv', '--without-pip', '--system-site-packages', join(root, '.venv')]);
  if (r.code !== 0) throw new Error(`python3 -m venv failed: ${r.out}`);
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
  });
  /** @type {Record<string, string[]>} */
  const service = {};
  let section = '';
  for (const line of text.split('\n')) {
    const head = /^\[(.+)\]$/.exec(line.trim());
    if (head) section = head[1];
    const kv = /^([A-Za-z]+)=(.*)$/.exec(line.trim());
    if (kv && section === 'Service') (service[kv[1]] ??= []).push(kv[2]);
  }
  return service;
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
  for (const file of service.EnvironmentFile ?? []) {
    const { readFileSync } = await import('node:fs');
    for (const line of readFileSync(file.replace(/^-/, ''), 'utf8').split('\n')) {
      const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line.trim());
      if (m) env[m[1]] = m[2].replace(/^"(.*)"$/, '$1');
    }
  }
  for (const e of service.Environment ?? []) for (const m of e.matchAll(/"?([A-Za-z_][A-Za-z0-9_]*)=([^"\s]*)"?/g)) env[m[1]] = m[2];
  const [cmd, ...args] = (service.ExecStart?.[0] ?? '').split(/\s+/).filter(Boolean);
  if (!cmd) throw new Error('the unit has no ExecStart');
  s.how.push(`${label}: ExecStart run as root in ${service.WorkingDirectory?.[0]?.replace(s.dir, '$TMP') ?? '$TMP'} (systemd is not PID 1 in CI)`);
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
      ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `    ${t}_temp_path ${s.dir}/nginx/${t};`),
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
