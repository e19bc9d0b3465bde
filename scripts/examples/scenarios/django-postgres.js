// The Django page's production settings in a fresh startproject, the databases page's
// least-privilege role on a real PostgreSQL, and the Gunicorn and Nginx pages' files in
// front: check --deploy, migrate as the role, the HTTPS redirect, a static file.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PYTHON, expectThat } from '../Scenario.js';
/** @import { Scenario } from '../Scenario.js' */
import { makeVenv, startNginx, startPostgres } from '../steps.js';

export const about =
  'Django 3.2 startproject with the page settings, PostgreSQL 15 role, Gunicorn 20.1, Nginx 1.22';

const URLS = `from django.contrib import admin
from django.db import connection
from django.http import HttpResponse
from django.urls import path


def whoami(request):
    with connection.cursor() as cursor:
        cursor.execute("select current_user, current_schema()")
        return HttpResponse(" ".join(cursor.fetchone()))


urlpatterns = [path("admin/", admin.site.urls), path("", whoami)]
`;

/** @param {Scenario} s */
export async function run(s) {
  const settings = s.block('mysite/production.py');
  const roles = s.block('roles.sql');
  const conf = s.blockOf('nginx-gunicorn-flask', '/srv/app/gunicorn.conf.py');
  const site = s.blockOf('nginx-gunicorn-flask', '/etc/nginx/sites-available/app');
  s.need('/usr/lib/python3/dist-packages/django', 'python3-django');
  s.need('/usr/lib/python3/dist-packages/psycopg2', 'python3-psycopg2');
  s.need('/usr/lib/python3/dist-packages/gunicorn', 'gunicorn');

  const { port: pgPort, psqlFile } = await startPostgres(s);
  const [appPort, webPort] = [s.port(), s.port()];
  const sql = s.write('pg/roles.sql', s.substitute(roles, []));
  await s.check('roles.sql runs in psql as the postgres superuser', [roles], async () => {
    const r = await psqlFile(sql);
    expectThat(r.code === 0, `psql exited ${r.code}: ${r.out}\n${s.log('postgres')}`);
  });
  const password = /PASSWORD '([^']+)'/.exec(roles.code)?.[1] ?? '';
  const asApp = (command) =>
    s.exec(
      '/usr/bin/psql',
      ['-X', '-h', '127.0.0.1', '-p', String(pgPort), '-U', 'app', '-d', 'app', '-c', command],
      { env: { PGPASSWORD: password } }
    );

  const root = join(s.dir, 'srv/app');
  mkdirSync(root, { recursive: true });
  await makeVenv(s, root);
  const made = await s.exec(PYTHON, ['-m', 'django', 'startproject', 'mysite', root]);
  if (made.code !== 0) throw new Error(`startproject failed: ${made.out}`);
  s.write('srv/app/mysite/production.py', s.substitute(settings, [['/srv/app', root]]));
  s.write('srv/app/mysite/urls.py', URLS);
  s.how.push("mysite/urls.py: the suite's own, a view that reports the database role and schema");
  const python = join(root, '.venv/bin/python');
  const env = {
    DJANGO_SETTINGS_MODULE: 'mysite.production',
    DJANGO_SECRET_KEY: 'suite-only-6f1c0e9a7b3d45e2a8c9f0b1d2e3a4b5c6d7e8f9a0b1c2d3e4f5',
    DJANGO_ALLOWED_HOSTS: 'example.org',
    DB_PORT: String(pgPort),
    DB_PASSWORD: password
  };
  const manage = (...args) => s.exec(python, ['manage.py', ...args], { cwd: root, env });

  await s.check('manage.py check --deploy finds no issue', [settings], async () => {
    const r = await manage('check', '--deploy', '--fail-level', 'WARNING');
    expectThat(
      r.code === 0 && /no issues/.test(r.out),
      `check --deploy exited ${r.code}: ${r.out}`
    );
  });
  await s.check(
    'migrate runs as the least-privilege role, into its own schema',
    [settings, roles],
    async () => {
      const r = await manage('migrate', '--noinput');
      expectThat(r.code === 0, `migrate exited ${r.code}: ${r.out}`);
      const t = await asApp(
        "select count(*) from information_schema.tables where table_schema = 'app' and table_name = 'django_migrations'"
      );
      expectThat(/\b1\b/.test(t.out), `no django_migrations table in schema app: ${t.out}`);
    }
  );
  await s.check('the role cannot create a database nor write to public', [roles], async () => {
    const db = await asApp('create database other');
    expectThat(db.code !== 0 && /permission denied/.test(db.out), `create database: ${db.out}`);
    const pub = await asApp('create table public.t (i int)');
    expectThat(
      pub.code !== 0 && /permission denied/.test(pub.out),
      `create table in public: ${pub.out}`
    );
  });

  const collected = await manage('collectstatic', '--noinput');
  s.write(
    'srv/app/gunicorn.conf.py',
    s.substitute(conf, [['127.0.0.1:8000', `127.0.0.1:${appPort}`]])
  );
  s.start(
    'gunicorn',
    python,
    ['-m', 'gunicorn', '--config', join(root, 'gunicorn.conf.py'), 'mysite.wsgi'],
    { cwd: root, env }
  );
  s.how.push("gunicorn: started with the page's config file and mysite.wsgi");
  await s.get(`http://127.0.0.1:${appPort}/`).catch(() => {});
  const up = await startNginx(s, site, [
    ['listen 80;', `listen 127.0.0.1:${webPort};`],
    ['127.0.0.1:8000', `127.0.0.1:${appPort}`],
    ['/srv/app', root]
  ]);

  await s.check('through Nginx, plain HTTP is redirected to HTTPS', [settings, site], async () => {
    expectThat(up, 'nginx did not start');
    const res = await s.get(`http://127.0.0.1:${webPort}/`, { headers: { Host: 'example.org' } });
    expectThat(
      res.status === 301 && res.headers.get('location') === 'https://example.org/',
      `GET / gave ${res.status} to ${res.headers.get('location')}\n${s.log('gunicorn')}`
    );
  });
  await s.check(
    'behind the HTTPS proxy header, a view reads PostgreSQL as the app role',
    [settings, roles, conf],
    async () => {
      const res = await s.get(`http://127.0.0.1:${appPort}/`, {
        headers: { Host: 'example.org', 'X-Forwarded-Proto': 'https' }
      });
      expectThat(
        res.status === 200 && res.body === 'app app',
        `GET / gave ${res.status}: ${res.body.slice(0, 300)}`
      );
      expectThat(
        /max-age=31536000; includeSubDomains/.test(
          res.headers.get('strict-transport-security') ?? ''
        ),
        `HSTS header: ${res.headers.get('strict-transport-security')}`
      );
    }
  );
  await s.check(
    'Nginx serves what collectstatic gathered into STATIC_ROOT',
    [settings, site],
    async () => {
      expectThat(collected.code === 0, `collectstatic exited ${collected.code}: ${collected.out}`);
      const res = await s.get(`http://127.0.0.1:${webPort}/static/admin/css/base.css`, {
        headers: { Host: 'example.org' }
      });
      expectThat(
        res.status === 200 && res.body.includes('DJANGO'),
        `GET /static/admin/css/base.css gave ${res.status}`
      );
    }
  );
}
