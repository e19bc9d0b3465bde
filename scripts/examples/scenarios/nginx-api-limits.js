// The API clients page's front door: a rate limit answered with 429, Retry-After and
// JSON, and a JSON 503 when the app behind it is down. A small Python server stands in
// for the app.
import { Scenario, expectThat } from '../Scenario.js';
import { startNginx } from '../steps.js';

export const about = 'Nginx 1.22 limit_req with JSON errors, in front of a Python http.server';

/** @param {Scenario} s */
export async function run(s) {
  const conf = s.block('/etc/nginx/conf.d/api.conf');
  const port = s.port();
  const appPort = s.port();
  s.write('app/v1/index.html', 'ok from the app\n');
  const up = await startNginx(s, conf, [
    ['listen 80;', `listen 127.0.0.1:${port};`],
    ['127.0.0.1:8000', `127.0.0.1:${appPort}`]
  ]);
  s.how.push(
    `${Scenario.where(conf)}: included in the http block; the app's port moved to a free one`
  );
  const host = { Host: 'api.example.com' };
  const url = `http://127.0.0.1:${port}/v1/`;

  await s.check('with the app down, a client gets a JSON 503', [conf], async () => {
    expectThat(up, 'nginx did not start');
    const res = await s.get(url, { headers: host });
    expectThat(res.status === 503, `GET gave ${res.status}`);
    expectThat(
      res.headers.get('content-type') === 'application/problem+json',
      `Content-Type: ${res.headers.get('content-type')}`
    );
    expectThat(JSON.parse(res.body).status === 503, `body: ${res.body}`);
  });

  s.start('app', 'python3', [
    '-m',
    'http.server',
    String(appPort),
    '--bind',
    '127.0.0.1',
    '--directory',
    `${s.dir}/app`
  ]);
  await s.check('with the app up, a request reaches it', [conf], async () => {
    expectThat(up, 'nginx did not start');
    let res = await s.get(url, { headers: host });
    // http.server takes a moment: until then nginx answers 503 itself.
    for (let i = 0; i < 50 && res.status === 503; i++) {
      await new Promise((r) => setTimeout(r, 200));
      res = await s.get(url, { headers: host });
    }
    expectThat(
      res.status === 200 && res.body === 'ok from the app\n',
      `GET gave ${res.status}: ${res.body.slice(0, 80)}`
    );
  });

  await s.check('a burst past the limit gets 429 with Retry-After and JSON', [conf], async () => {
    expectThat(up, 'nginx did not start');
    const answers = await Promise.all(
      Array.from({ length: 40 }, () => s.get(url, { headers: host }))
    );
    const refused = answers.filter((r) => r.status === 429);
    expectThat(refused.length > 0, `no 429 among ${answers.map((r) => r.status).join(' ')}`);
    const r = refused[0];
    expectThat(
      r.headers.get('retry-after') === '1',
      `Retry-After: ${r.headers.get('retry-after')}`
    );
    expectThat(
      r.headers.get('content-type') === 'application/problem+json',
      `Content-Type: ${r.headers.get('content-type')}`
    );
    expectThat(JSON.parse(r.body).status === 429, `body: ${r.body}`);
    // burst=20 nodelay: the first requests of the burst all pass.
    expectThat(
      answers.filter((a) => a.status === 200).length >= 20,
      `only ${answers.filter((a) => a.status === 200).length} passed`
    );
  });
}
