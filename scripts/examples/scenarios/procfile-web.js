// The Heroku page's Procfile: its web command run as a platform would (with $PORT set)
// for the Flask page's app; the platform page's .python-version names a release line.
import { Scenario, PYTHON, expectThat } from '../Scenario.js';

export const about = 'Procfile web process with $PORT, Debian 12 Gunicorn 20.1 and Flask 2.2';

/** @param {Scenario} s */
export async function run(s) {
  const procfile = s.block('Procfile');
  const version = s.block('.python-version');
  const app = s.blockOf('nginx-gunicorn-flask', 'app.py');
  s.need('/usr/bin/gunicorn', 'gunicorn');
  const processes = Object.fromEntries(
    procfile.code
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => {
        const m = /^([A-Za-z0-9_-]+):\s*(.+)$/.exec(l);
        if (!m) throw new Error(`${Scenario.where(procfile)}: not "type: command": ${l}`);
        return [m[1], m[2]];
      })
  );
  await s.check('the Procfile declares a web process', [procfile], () =>
    expectThat(typeof processes.web === 'string', `process types: ${Object.keys(processes)}`)
  );
  const port = s.port();
  s.write('app/app.py', s.substitute(app, []));
  // The platform's router reaches 0.0.0.0; on a shared CI machine, loopback is enough.
  const web = s.substitute({ ...procfile, code: processes.web }, [['0.0.0.0', '127.0.0.1']]);
  s.start('web', '/bin/sh', ['-c', web], {
    cwd: `${s.dir}/app`,
    env: { PORT: String(port), SECRET_KEY: 'example-suite-only', PATH: `/usr/bin:/bin` }
  });
  await s.check('the web command serves the app on $PORT', [procfile, app], async () => {
    const res = await s.get(`http://127.0.0.1:${port}/`);
    expectThat(
      res.status === 200 && JSON.parse(res.body).app === 'flask',
      `GET / gave ${res.status}: ${res.body.slice(0, 200)}\n${s.log('web')}`
    );
    const log = await s.waitForLog('web', (l) => /"GET \/ HTTP/.test(l), 5000);
    expectThat(
      /"GET \/ HTTP\/1\.1" 200/.test(log),
      `no access log line on standard output:\n${log}`
    );
  });
  await s.check('.python-version names a supported Python release line', [version], async () => {
    const line = version.code.trim();
    expectThat(
      /^3\.(1[2-9])$/.test(line),
      `"${line}" is not a release line of a supported Python 3`
    );
    const debian = (
      await s.exec(PYTHON, ['-c', 'import sys; print(sys.version_info[1])'])
    ).out.trim();
    s.how.push(
      `.python-version: ${line} (Debian 12 itself runs 3.${debian}; the platform installs the line named)`
    );
  });
}
