// The ASGI servers page's app and unit: verified, then its ExecStart run; the proxy
// header is believed from loopback.
import { join } from 'node:path';
import { expectThat } from '../Scenario.js';
/** @import { Scenario } from '../Scenario.js' */
import { makeVenv, startExec, verifiedUnit } from '../steps.js';

export const about = "Uvicorn 0.17 with two workers, from the page's systemd unit";

/** @param {Scenario} s */
export async function run(s) {
  const app = s.block('/srv/app/asgi.py');
  const unit = s.block('/etc/systemd/system/asgi.service');
  s.need('/usr/lib/python3/dist-packages/uvicorn', 'uvicorn');
  const root = join(s.dir, 'srv/app');
  const port = s.port();
  await makeVenv(s, root);
  s.write('srv/app/asgi.py', s.substitute(app, []));
  const service = await verifiedUnit(s, unit, [
    ['--port 8001', `--port ${port}`],
    ['/srv/app', root]
  ]);
  await startExec(s, service, 'uvicorn');

  await s.check("Uvicorn serves the ASGI app from the unit's command", [app, unit], async () => {
    const res = await s.get(`http://127.0.0.1:${port}/`);
    expectThat(
      res.status === 200,
      `GET / gave ${res.status}: ${res.body.slice(0, 200)}\n${s.log('uvicorn')}`
    );
    const json = JSON.parse(res.body);
    expectThat(json.app === 'asgi' && json.scheme === 'http', `unexpected body ${res.body}`);
    expectThat(
      res.headers.get('server') === null,
      `--no-server-header, yet Server: ${res.headers.get('server')}`
    );
  });
  await s.check('X-Forwarded-Proto from the local proxy is believed', [unit], async () => {
    const res = await s.get(`http://127.0.0.1:${port}/`, {
      headers: { 'X-Forwarded-Proto': 'https', 'X-Forwarded-For': '203.0.113.9' }
    });
    expectThat(JSON.parse(res.body).scheme === 'https', `scheme stayed ${res.body}`);
  });
  await s.check('the app completes the lifespan start-up in each worker', [app], async () => {
    const count = (log) => (log.match(/Application startup complete/g) ?? []).length;
    const log = await s.waitForLog('uvicorn', (l) => count(l) >= 2);
    expectThat(count(log) === 2, `expected 2 start-ups:\n${log}`);
  });
}
