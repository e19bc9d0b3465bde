// The static content page's location block inside a server block of the suite's own:
// a year and immutable for hashed names, an hour otherwise, the prepared gzip file.
import { gzipSync } from 'node:zlib';
import { Scenario, expectThat } from '../Scenario.js';
import { startNginx } from '../steps.js';

export const about = 'Nginx 1.22 static files: hashed-name caching and gzip_static';

/** @param {Scenario} s */
export async function run(s) {
  const snippet = s.block('/etc/nginx/snippets/static.conf');
  const port = s.port();
  const root = `${s.dir}/srv/app`;
  const css = 'body { margin: 0; }\n'.repeat(20);
  s.write('srv/app/static/app.55e7cbb9ba48.css', css);
  s.write('srv/app/static/robots.txt', 'User-agent: *\n');
  const { writeFileSync } = await import('node:fs');
  writeFileSync(`${root}/static/app.55e7cbb9ba48.css.gz`, gzipSync(css));
  // The snippet is a location block: the suite wraps it in a server of its own.
  const wrapped = {
    ...snippet,
    code: `server {\n    listen 80;\n    server_name example.org;\n${snippet.code.replace(/^/gm, '    ')}\n}\n`
  };
  const up = await startNginx(s, wrapped, [
    ['listen 80;', `listen 127.0.0.1:${port};`],
    ['/srv/app', root]
  ]);
  s.how.push(
    `${Scenario.where(snippet)}: included in "server { listen; server_name; … }" of the suite's own`
  );
  const host = { Host: 'example.org' };
  await s.check('a hashed file is cached for a year, immutable', [snippet], async () => {
    expectThat(up, 'nginx did not start');
    const res = await s.get(`http://127.0.0.1:${port}/static/app.55e7cbb9ba48.css`, {
      headers: host
    });
    expectThat(res.status === 200 && res.body === css, `GET gave ${res.status}`);
    expectThat(
      res.headers.get('cache-control') === 'public, max-age=31536000, immutable',
      `Cache-Control: ${res.headers.get('cache-control')}`
    );
  });
  await s.check('an unhashed file is cached for an hour', [snippet], async () => {
    expectThat(up, 'nginx did not start');
    const res = await s.get(`http://127.0.0.1:${port}/static/robots.txt`, { headers: host });
    expectThat(
      res.status === 200 && res.headers.get('cache-control') === 'public, max-age=3600',
      `GET gave ${res.status}, Cache-Control: ${res.headers.get('cache-control')}`
    );
  });
  await s.check('a browser accepting gzip gets the prepared .gz file', [snippet], async () => {
    expectThat(up, 'nginx did not start');
    const res = await s.get(`http://127.0.0.1:${port}/static/app.55e7cbb9ba48.css`, {
      headers: { ...host, 'Accept-Encoding': 'gzip' }
    });
    expectThat(
      res.headers.get('content-encoding') === 'gzip' &&
        Number(res.headers.get('content-length')) === gzipSync(css).length,
      `Content-Encoding ${res.headers.get('content-encoding')}, length ${res.headers.get('content-length')}`
    );
  });
}
