// The Caddy page's Caddyfile: validated as published, then run over plain HTTP on
// loopback in front of the Flask page's app under Gunicorn.
import { join } from 'node:path';
import { expectThat } from '../Scenario.js';
/** @import { Scenario } from '../Scenario.js' */
import { caddyEnv, makeVenv, startCaddy } from '../steps.js';

export const about = 'Caddy 2.6 reverse_proxy and file_server in front of Flask under Gunicorn';

/** @param {Scenario} s */
export async function run(s) {
  const caddyfile = s.block('/etc/caddy/Caddyfile');
  const app = s.blockOf('nginx-gunicorn-flask', 'app.py');
  s.need('/usr/bin/caddy', 'caddy');
  s.need('/usr/lib/python3/dist-packages/gunicorn', 'gunicorn');
  const env = caddyEnv(s);

  const published = s.write('caddy/Caddyfile.published', caddyfile.code);
  await s.check('caddy validate accepts the Caddyfile as published', [caddyfile], async () => {
    const r = await s.exec(
      '/usr/bin/caddy',
      ['validate', '--adapter', 'caddyfile', '--config', published],
      { env }
    );
    expectThat(
      r.code === 0 && /Valid configuration/.test(r.out),
      `caddy validate exited ${r.code}: ${r.out.trim().slice(-1500)}`
    );
  });

  const root = join(s.dir, 'srv/app');
  const [appPort, webPort] = [s.port(), s.port()];
  await makeVenv(s, root);
  s.write('srv/app/app.py', s.substitute(app, []));
  const css = 'p { line-height: 1.5; }\n';
  s.write('srv/app/static/app.css', css);
  s.start(
    'gunicorn',
    join(root, '.venv/bin/python'),
    ['-m', 'gunicorn', '--bind', `127.0.0.1:${appPort}`, 'app:app'],
    { cwd: root, env: { SECRET_KEY: 'example-suite-only' } }
  );
  s.how.push(`gunicorn: python -m gunicorn --bind 127.0.0.1:${appPort} app:app`);
  // No admin endpoint (its default port is shared), and plain HTTP on loopback.
  startCaddy(s, caddyfile, [
    ['example.org {', `http://example.org:${webPort} {`],
    ['127.0.0.1:8000', `127.0.0.1:${appPort}`],
    ['/srv/app', root]
  ]);
  await s.get(`http://127.0.0.1:${appPort}/`).catch(() => {});

  await s.check(
    "the Flask app answers through Caddy's reverse_proxy",
    [caddyfile, app],
    async () => {
      const res = await s.get(`http://127.0.0.1:${webPort}/`, {
        headers: { Host: `example.org:${webPort}` }
      });
      expectThat(
        res.status === 200,
        `GET / gave ${res.status}: ${res.body.slice(0, 200)}\n${s.log('caddy')}`
      );
      const json = JSON.parse(res.body);
      expectThat(
        json.app === 'flask' && json.client === '127.0.0.1',
        `unexpected body ${res.body}`
      );
    }
  );
  await s.check('Caddy serves /static/ from the folder', [caddyfile], async () => {
    const res = await s.get(`http://127.0.0.1:${webPort}/static/app.css`, {
      headers: { Host: `example.org:${webPort}` }
    });
    expectThat(
      res.status === 200 && res.body === css,
      `GET /static/app.css gave ${res.status}: ${res.body.slice(0, 200)}`
    );
  });
}
