// The Apache page's virtual host with mod_wsgi in daemon mode, loading the mod_wsgi
// page's script, which serves the Flask page's app: configtest, a page and a static file.
import { chmodSync, chownSync } from 'node:fs';
import { join } from 'node:path';
import { expectThat } from '../Scenario.js';
/** @import { Scenario } from '../Scenario.js' */
import { makeVenv, startApache } from '../steps.js';

export const about = 'Apache 2.4 with mod_wsgi 4.9 in daemon mode serving the Flask app';

/** @param {Scenario} s */
export async function run(s) {
  const vhost = s.block('/etc/apache2/sites-available/app.conf');
  const script = s.block('/srv/app/wsgi.py');
  const app = s.blockOf('nginx-gunicorn-flask', 'app.py');
  s.need('/usr/lib/python3/dist-packages/flask', 'python3-flask');

  // Apache's children and the daemon run as www-data: they must reach the folder.
  chmodSync(s.dir, 0o711);
  const root = join(s.dir, 'srv/app');
  const port = s.port();
  await makeVenv(s, root);
  s.write('srv/app/app.py', s.substitute(app, []));
  s.write('srv/app/wsgi.py', s.substitute(script, []));
  const env = s.write('srv/app/app.env', 'SECRET_KEY=example-suite-only\n', 0o640);
  chownSync(env, 0, 33); // root:www-data, readable by the daemon only
  const css = 'h1 { margin: 0; }\n';
  s.write('srv/app/static/app.css', css);
  const ok = await startApache(
    s,
    vhost,
    [
      ['<VirtualHost *:80>', `<VirtualHost 127.0.0.1:${port}>`],
      ['user=app group=app', 'user=www-data group=www-data'],
      ['/srv/app', root]
    ],
    { port }
  );

  await s.check(
    "the Flask app answers through mod_wsgi's daemon processes",
    [vhost, script, app],
    async () => {
      expectThat(ok, 'apache did not start');
      const res = await s.get(`http://127.0.0.1:${port}/`, { headers: { Host: 'example.org' } });
      expectThat(
        res.status === 200,
        `GET / gave ${res.status}: ${res.body.slice(0, 200)}\n${s.log('apache-error')}\n${s.log('app-error')}`
      );
      const json = JSON.parse(res.body);
      expectThat(
        json.app === 'flask' && json.client === '127.0.0.1',
        `unexpected body ${res.body}`
      );
    }
  );
  await s.check('Apache serves /static/ itself', [vhost], async () => {
    expectThat(ok, 'apache did not start');
    const res = await s.get(`http://127.0.0.1:${port}/static/app.css`, {
      headers: { Host: 'example.org' }
    });
    expectThat(
      res.status === 200 && res.body === css,
      `GET /static/app.css gave ${res.status}: ${res.body.slice(0, 200)}`
    );
  });
  await s.check('only wsgi.py is exposed from the code folder', [vhost], async () => {
    expectThat(ok, 'apache did not start');
    const res = await s.get(`http://127.0.0.1:${port}/app.env`, {
      headers: { Host: 'example.org' }
    });
    expectThat(
      !res.body.includes('SECRET_KEY'),
      `GET /app.env leaked the environment file (${res.status})`
    );
  });
}
