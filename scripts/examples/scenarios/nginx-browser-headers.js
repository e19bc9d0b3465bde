// The web browsers page's security headers snippet, included in a server block of the
// suite's own: every header arrives, on a normal page and on an error page alike.
import { Scenario, expectThat } from '../Scenario.js';
import { startNginx } from '../steps.js';

export const about = 'Nginx 1.22 security headers snippet, on pages and error pages';

/** @param {Scenario} s */
export async function run(s) {
  const snippet = s.block('/etc/nginx/snippets/browser-headers.conf');
  const port = s.port();
  s.write('srv/www/index.html', '<!doctype html><title>ok</title>\n');
  const file = s.write('nginx/browser-headers.conf', snippet.code);
  const server = {
    ...snippet,
    code: `server {\n    listen 80;\n    server_name example.org;\n    root /srv/www;\n    include snippets/browser-headers.conf;\n}\n`
  };
  const up = await startNginx(s, server, [
    ['listen 80;', `listen 127.0.0.1:${port};`],
    ['/srv/www', `${s.dir}/srv/www`],
    ['snippets/browser-headers.conf', file]
  ]);
  s.how.push(
    `${Scenario.where(snippet)}: included with "include" in a server block of the suite's own`
  );
  const expected = Object.fromEntries(
    [...snippet.code.matchAll(/^add_header ([\w-]+) "([^"]*)" always;$/gm)].map((m) => [
      m[1].toLowerCase(),
      m[2]
    ])
  );
  for (const [path, status] of [
    ['/', 200],
    ['/missing', 404]
  ]) {
    await s.check(
      `GET ${path} (${status}) carries every header of the snippet`,
      [snippet],
      async () => {
        expectThat(up, 'nginx did not start');
        expectThat(
          Object.keys(expected).length === 5,
          `read ${Object.keys(expected).length} headers from the snippet`
        );
        const res = await s.get(`http://127.0.0.1:${port}${path}`, {
          headers: { Host: 'example.org' }
        });
        expectThat(res.status === status, `GET gave ${res.status}`);
        for (const [name, value] of Object.entries(expected)) {
          expectThat(res.headers.get(name) === value, `${name}: ${res.headers.get(name)}`);
        }
      }
    );
  }
}
