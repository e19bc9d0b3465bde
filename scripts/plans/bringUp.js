// Brings up one planned stack on loopback from exactly the files buildPlan generates,
// changing only what running here needs (ports, the /srv/app prefix, the daemon's user,
// placeholder secrets, and TLS on loopback with a self-signed certificate in place of
// Certbot's), each change listed in the report. Then checks, through the front server
// over HTTPS: a page, a static file and, when the plan has a database, a read from it.
import { chmodSync, chownSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PYTHON, expectThat } from '../examples/Scenario.js';
/** @import { Scenario } from '../examples/Scenario.js' */
import {
  expectCeleryJob,
  makeVenv,
  readEnvFile,
  startApache,
  startCaddy,
  startExec,
  startNginx,
  startPostgres,
  startRedis,
  verifiedUnit
} from '../examples/steps.js';

/** @typedef {import('../../src/lib/plan/planTypes.ts').Plan} Plan */
/** @typedef {import('../../src/lib/plan/planTypes.ts').PlanFile} PlanFile */

/** The user's own code the suite adds to a Django project: a page and a view that reads the database. */
const DJANGO_URLS = `from django.db import connection
from django.http import HttpResponse
from django.urls import path


def page(request):
    return HttpResponse("django page, scheme " + request.scheme)


def whoami(request):
    with connection.cursor() as cursor:
        cursor.execute("select current_user, current_schema()")
        return HttpResponse(" ".join(cursor.fetchone()))


urlpatterns = [path("", page), path("db/", whoami)]
`;
const SUITE_KEY = 'plans-suite-only-5b0e1c7d9a3f4e2b8c6d0a1f3e5b7c9d2a4f6e8b0c1d3e5f';
const CSS = 'main { max-width: 40rem; }\n';

/** A plan file as the examples machinery names a block: its page and line, and where it goes. */
export function asBlock(/** @type {PlanFile} */ f) {
  return {
    file: f.source?.file ?? 'planner',
    line: f.source?.line ?? 0,
    lang: f.lang,
    title: f.path,
    code: f.content
  };
}

/**
 * @param {Scenario} s
 * @param {Plan} plan
 * @param {{ cert: string, key: string }} tls
 */
export async function bringUp(s, plan, tls) {
  const c = plan.choices;
  /** The plan file with this name (each name is unique within a plan). */
  const file = (/** @type {string} */ name) => {
    const found = plan.files.filter((f) => f.name === name);
    if (found.length !== 1) throw new Error(`the plan has ${found.length} files named ${name}`);
    return asBlock(found[0]);
  };
  const has = (/** @type {string} */ name) => plan.files.some((f) => f.name === name);
  chmodSync(s.dir, 0o711); // Apache's children and PostgreSQL run as other users
  const root = join(s.dir, 'srv/app');
  mkdirSync(root, { recursive: true });
  const prefix = /** @type {[string, string]} */ (['/srv/app', root]);
  const withPrefix = (/** @type {{ code: string }} */ b) =>
    b.code.includes('/srv/app') ? [prefix] : [];

  const pg = c.database === 'postgresql' ? await startPostgres(s) : undefined;
  const redisPort = c.taskQueue === 'celery' ? startRedis(s) : undefined;
  const [appPort, webPort] = [s.port(), s.port()];
  await makeVenv(s, root);

  if (pg)
    await s.check(
      'roles.sql runs in psql as the postgres superuser',
      [file('roles.sql')],
      async () => {
        const r = await pg.psqlFile(s.write('pg/roles.sql', s.substitute(file('roles.sql'), [])));
        expectThat(r.code === 0, `psql exited ${r.code}: ${r.out}\n${s.log('postgres')}`);
      }
    );

  // The environment file: placeholders replaced by the suite's values.
  /** @type {Record<string, string>} */
  let env = {};
  if (has('app.env')) {
    const f = file('app.env');
    /** @type {[string, string][]} */
    const pairs = [...withPrefix(f)];
    if (f.code.includes('replace-with-50-random-characters'))
      pairs.push(['replace-with-50-random-characters', SUITE_KEY]);
    if (redisPort) pairs.push(['127.0.0.1:6379', `127.0.0.1:${redisPort}`]);
    if (pg) pairs.push(['DB_PASSWORD=', `DB_PORT=${pg.port}\nDB_PASSWORD=`]);
    const path = s.write('srv/app/app.env', s.substitute(f, pairs), 0o640);
    chownSync(path, 0, 33); // root:www-data, as the checklist says (root and the app group)
    env = readEnvFile(path);
  }

  // The framework: the plan's file, plus the user's own code the plan does not write.
  if (c.framework === 'django') {
    const made = await s.exec(PYTHON, ['-m', 'django', 'startproject', 'mysite', root]);
    if (made.code !== 0) throw new Error(`startproject failed: ${made.out}`);
    s.write('srv/app/mysite/urls.py', DJANGO_URLS);
    s.how.push(
      "mysite/: django-admin startproject (the user's project) with urls.py of the suite's own: a page, and a view reading the database role and schema"
    );
    const settings = file('production.py');
    s.write('srv/app/mysite/production.py', s.substitute(settings, withPrefix(settings)));
    const manage = (/** @type {string[]} */ ...args) =>
      s.exec(join(root, '.venv/bin/python'), ['manage.py', ...args], { cwd: root, env });
    if (pg)
      await s.check(
        'manage.py migrate runs as the app role, with the settings and app.env',
        [settings, file('app.env')],
        async () => {
          const r = await manage('migrate', '--noinput');
          expectThat(r.code === 0, `migrate exited ${r.code}: ${r.out}`);
        }
      );
    const collected = await manage('collectstatic', '--noinput');
    if (collected.code !== 0)
      throw new Error(`collectstatic exited ${collected.code}: ${collected.out}`);
  }
  if (c.framework === 'flask') {
    const app = file('app.py');
    s.write('srv/app/app.py', s.substitute(app, withPrefix(app)));
    s.write('srv/app/static/plan.css', CSS);
    if (c.database === 'sqlite') {
      mkdirSync(join(root, 'data'));
      const made = await s.exec(PYTHON, [
        '-c',
        `import sqlite3; sqlite3.connect(${JSON.stringify(env.DATABASE ?? '')}).execute("create table note (body text)")`
      ]);
      if (made.code !== 0) throw new Error(`could not create the SQLite file: ${made.out}`);
      s.how.push(
        "data/app.sqlite3: made by the suite with one table (the app's own migrations would)"
      );
    }
  }
  if (c.framework === 'asgi') {
    const app = file('asgi.py');
    s.write('srv/app/asgi.py', s.substitute(app, []));
    s.write('srv/app/static/plan.css', CSS);
  }
  if (c.framework !== 'django')
    s.how.push("static/plan.css: a file of the suite's own, for the static check");

  // The app server.
  if (c.appServer === 'gunicorn') {
    const conf = file('gunicorn.conf.py');
    s.write(
      'srv/app/gunicorn.conf.py',
      s.substitute(conf, [['127.0.0.1:8000', `127.0.0.1:${appPort}`]])
    );
    await startExec(s, await verifiedUnit(s, file('app.service'), [prefix]), 'app');
  }
  if (c.appServer === 'uwsgi' || c.appServer === 'mod-wsgi')
    s.write('srv/app/wsgi.py', s.substitute(file('wsgi.py'), []));
  if (c.appServer === 'uwsgi') {
    s.need('/usr/lib/uwsgi/plugins/python3_plugin.so', 'uwsgi-plugin-python3');
    const ini = file('uwsgi.ini');
    s.write(
      'srv/app/uwsgi.ini',
      s.substitute(ini, [['127.0.0.1:8000', `127.0.0.1:${appPort}`], prefix])
    );
    await startExec(s, await verifiedUnit(s, file('app.service'), [prefix]), 'app');
  }
  if (c.appServer === 'uvicorn') {
    const unit = file('asgi.service');
    await startExec(
      s,
      await verifiedUnit(s, unit, [['--port 8001', `--port ${appPort}`], prefix]),
      'app'
    );
  }
  if (c.appServer !== 'mod-wsgi') await s.get(`http://127.0.0.1:${appPort}/`).catch(() => {}); // ready (the checks say if not)

  // The web server in front, over TLS on loopback.
  const upstream = c.appServer === 'uvicorn' ? '127.0.0.1:8001' : '127.0.0.1:8000';
  let up = false;
  if (c.webServer === 'nginx')
    up = await startNginx(s, file('app'), [
      [
        'listen 80;',
        `listen 127.0.0.1:${webPort} ssl;\n    ssl_certificate ${tls.cert};\n    ssl_certificate_key ${tls.key};`
      ],
      [upstream, `127.0.0.1:${appPort}`],
      prefix
    ]);
  if (c.webServer === 'caddy') {
    startCaddy(
      s,
      file('Caddyfile'),
      [
        ['example.org {', `https://example.org:${webPort} {\n\ttls ${tls.cert} ${tls.key}`],
        [upstream, `127.0.0.1:${appPort}`],
        prefix
      ],
      ['auto_https disable_redirects']
    );
    up = true;
  }
  if (c.webServer === 'apache')
    up = await startApache(
      s,
      file('app.conf'),
      [
        ['<VirtualHost *:80>', `<VirtualHost 127.0.0.1:${webPort}>`],
        [
          '    ServerName example.org\n',
          `    ServerName example.org\n    SSLEngine on\n    SSLCertificateFile ${tls.cert}\n    SSLCertificateKeyFile ${tls.key}\n`
        ],
        ['user=app group=app', 'user=www-data group=www-data'],
        prefix
      ],
      { port: webPort, modules: ['ssl', 'socache_shmcb'] }
    );

  const front = (/** @type {string} */ path) =>
    s.get(`https://127.0.0.1:${webPort}${path}`, { headers: { Host: 'example.org' } });
  const logs = () =>
    `\n${s.log('app')}${s.log('apache-error')}${s.log('nginx-error')}${s.log('caddy')}`.slice(
      -1500
    );
  const frontFile = plan.files[0];
  const appFiles = plan.files.filter((f) => f.name !== 'ci.yml').map(asBlock);

  await s.check('a page answers through the front server, over HTTPS', appFiles, async () => {
    expectThat(up, `the ${c.webServer} did not start`);
    const res = await front('/');
    expectThat(res.status === 200, `GET / gave ${res.status}: ${res.body.slice(0, 300)}${logs()}`);
    if (c.framework === 'django')
      expectThat(res.body === 'django page, scheme https', `body ${res.body.slice(0, 200)}`);
    else {
      const json = JSON.parse(res.body);
      expectThat(
        json.app === c.framework && json.scheme === 'https',
        `body ${res.body} (the app must see https from the proxy)`
      );
    }
  });
  await s.check('the front server sends a static file itself', [asBlock(frontFile)], async () => {
    expectThat(up, `the ${c.webServer} did not start`);
    const path = c.framework === 'django' ? '/static/admin/css/base.css' : '/static/plan.css';
    const res = await front(path);
    expectThat(
      res.status === 200 &&
        (c.framework === 'django' ? res.body.includes('DJANGO') : res.body === CSS),
      `GET ${path} gave ${res.status}: ${res.body.slice(0, 200)}`
    );
  });
  if (c.database === 'postgresql')
    await s.check(
      'a view reads PostgreSQL as the app role, through the front server',
      appFiles,
      async () => {
        const res = await front('/db/');
        expectThat(
          res.status === 200 && res.body === 'app app',
          `GET /db/ gave ${res.status}: ${res.body.slice(0, 300)}${logs()}`
        );
      }
    );
  if (c.database === 'sqlite')
    await s.check(
      'the health route reads the SQLite file, through the front server',
      appFiles,
      async () => {
        const res = await front('/health');
        expectThat(
          res.status === 200 && /"status":\s*"ok"/.test(res.body) && /"tables":\s*1/.test(res.body),
          `GET /health gave ${res.status}: ${res.body.slice(0, 300)}${logs()}`
        );
      }
    );
  if (c.taskQueue === 'celery') {
    s.write('srv/app/tasks.py', s.substitute(file('tasks.py'), []));
    await startExec(s, await verifiedUnit(s, file('celery.service'), [prefix]), 'celery');
    await s.check(
      'the Celery worker from its unit runs a job through Redis',
      [file('tasks.py'), file('celery.service'), file('app.env')],
      () => expectCeleryJob(s, root, env)
    );
  }
}
