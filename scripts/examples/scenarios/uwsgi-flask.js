// The uWSGI page's ini file serving the mod_wsgi page's script (the Flask app).
import { join } from 'node:path';
import { expectThat } from '../Scenario.js';
/** @import { Scenario } from '../Scenario.js' */
import { makeVenv } from '../steps.js';

export const about = 'uWSGI 2.0.21 (Debian python3 plugin) serving the Flask app';

/** @param {Scenario} s */
export async function run(s) {
  const ini = s.block('/srv/app/uwsgi.ini');
  const script = s.blockOf('apache-mod-wsgi', '/srv/app/wsgi.py');
  const app = s.blockOf('nginx-gunicorn-flask', 'app.py');
  s.need('/usr/bin/uwsgi', 'uwsgi');
  s.need('/usr/lib/uwsgi/plugins/python3_plugin.so', 'uwsgi-plugin-python3');
  const root = join(s.dir, 'srv/app');
  const port = s.port();
  await makeVenv(s, root);
  s.write('srv/app/app.py', s.substitute(app, []));
  s.write('srv/app/wsgi.py', s.substitute(script, []));
  s.write('srv/app/app.env', 'SECRET_KEY=example-suite-only\n', 0o600);
  const file = s.write(
    'srv/app/uwsgi.ini',
    s.substitute(ini, [
      ['127.0.0.1:8000', `127.0.0.1:${port}`],
      ['/srv/app', root]
    ])
  );
  s.start('uwsgi', '/usr/bin/uwsgi', ['--plugin', 'python3', '--ini', file]);
  s.how.push(
    'uwsgi: uwsgi --plugin python3 --ini uwsgi.ini (Debian packages the Python plugin apart)'
  );

  await s.check(
    'uWSGI loads the app and answers on its http-socket',
    [ini, script, app],
    async () => {
      const res = await s.get(`http://127.0.0.1:${port}/`);
      expectThat(
        res.status === 200,
        `GET / gave ${res.status}: ${res.body.slice(0, 200)}\n${s.log('uwsgi')}`
      );
      expectThat(JSON.parse(res.body).app === 'flask', `unexpected body ${res.body}`);
    }
  );
  await s.check(
    'strict mode accepts every option (none misspelt), with 4 workers',
    [ini],
    async () => {
      const log = await s.waitForLog(
        'uwsgi',
        (l) => (l.match(/spawned uWSGI worker \d+/g) ?? []).length >= 4
      );
      expectThat(
        !/unknown config option|is not a valid option/i.test(log),
        `uwsgi refused an option:\n${log}`
      );
      expectThat(
        (log.match(/spawned uWSGI worker \d+/g) ?? []).length === 4,
        `expected 4 workers:\n${log}`
      );
    }
  );
}
