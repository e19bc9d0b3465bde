// The Flask page's app, the Gunicorn page's config and unit, and the Nginx page's server
// block, together: the app answers through Nginx (its health route reads SQLite) and Nginx
// serves a static file.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PYTHON, expectThat } from '../Scenario.js';
/** @import { Scenario } from '../Scenario.js' */
import { makeVenv, startExec, startNginx, verifiedUnit } from '../steps.js';

export const about =
  'Flask 2.2 app under Gunicorn 20.1 (config file and systemd unit) behind Nginx 1.22';

/** @param {Scenario} s */
export async function run(s) {
  const app = s.block('app.py');
  const conf = s.block('/srv/app/gunicorn.conf.py');
  const unit = s.block('/etc/systemd/system/app.service');
  const site = s.block('/etc/nginx/sites-available/app');
  s.need('/usr/lib/python3/dist-packages/flask', 'python3-flask');
  s.need('/usr/lib/python3/dist-packages/gunicorn', 'gunicorn');

  const root = join(s.dir, 'srv/app');
  const [appPort, webPort] = [s.port(), s.port()];
  await makeVenv(s, root);
  s.write('srv/app/app.py', s.substitute(app, []));
  s.write(
    'srv/app/gunicorn.conf.py',
    s.substitute(conf, [['127.0.0.1:8000', `127.0.0.1:${appPort}`]])
  );
  s.write(
    'srv/app/app.env',
    `SECRET_KEY=example-suite-only\nDATABASE=${root}/data/app.sqlite3\n`,
    0o600
  );
  mkdirSync(join(root, 'data'), { recursive: true });
  const made = await s.exec(PYTHON, [
    '-c',
    `import sqlite3; sqlite3.connect(${JSON.stringify(`${root}/data/app.sqlite3`)}).execute("create table note (body text)")`
  ]);
  if (made.code !== 0) throw new Error(`could not create the SQLite file: ${made.out}`);
  s.how.push('data/app.sqlite3: made by the suite with one table, for the health route to read');
  const css = 'body { color: #222; }\n';
  s.write('srv/app/static/site.css', css);

  const service = await verifiedUnit(s, unit, [['/srv/app', root]]);
  await startExec(s, service, 'gunicorn');
  await s.get(`http://127.0.0.1:${appPort}/`).catch(() => {}); // ready (a check below says if not)
  const up = await startNginx(s, site, [
    ['listen 80;', `listen 127.0.0.1:${webPort};`],
    ['127.0.0.1:8000', `127.0.0.1:${appPort}`],
    ['/srv/app', root]
  ]);

  await s.check(
    'the Flask app answers through Nginx and Gunicorn',
    [app, conf, unit, site],
    async () => {
      expectThat(up, 'nginx did not start');
      const res = await s.get(`http://127.0.0.1:${webPort}/`, { headers: { Host: 'example.org' } });
      expectThat(
        res.status === 200,
        `GET / gave ${res.status}: ${res.body.slice(0, 300)}\n${s.log('gunicorn')}`
      );
      const json = JSON.parse(res.body);
      expectThat(
        json.app === 'flask' && json.client === '127.0.0.1' && json.scheme === 'http',
        `unexpected body ${res.body}`
      );
    }
  );
  await s.check('the health route reads the SQLite file, through Nginx', [app, site], async () => {
    expectThat(up, 'nginx did not start');
    const res = await s.get(`http://127.0.0.1:${webPort}/health`, {
      headers: { Host: 'example.org' }
    });
    expectThat(
      res.status === 200 && res.body.includes('"status":"ok"') && res.body.includes('"tables":1'),
      `GET /health gave ${res.status}: ${res.body.slice(0, 300)}\n${s.log('gunicorn')}`
    );
  });
  await s.check(
    'Nginx serves /static/ from the alias, with a week of caching',
    [site],
    async () => {
      expectThat(up, 'nginx did not start');
      const res = await s.get(`http://127.0.0.1:${webPort}/static/site.css`, {
        headers: { Host: 'example.org' }
      });
      expectThat(
        res.status === 200 && res.body === css,
        `GET /static/site.css gave ${res.status}: ${res.body.slice(0, 200)}`
      );
      expectThat(
        res.headers.get('cache-control') === 'max-age=604800',
        `Cache-Control was ${res.headers.get('cache-control')}`
      );
    }
  );
  await s.check('Gunicorn reads its settings from the config file', [conf], async () => {
    const direct = await s.get(`http://127.0.0.1:${appPort}/`);
    expectThat(direct.status === 200, `Gunicorn on the configured bind gave ${direct.status}`);
    expectThat(
      /gthread/.test(s.log('gunicorn')) || /Using worker: gthread/.test(s.log('gunicorn')),
      `no gthread worker in the log:\n${s.log('gunicorn')}`
    );
  });
}
