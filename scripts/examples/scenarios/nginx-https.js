// The HTTPS page's Nginx file with a self-signed certificate standing in for Certbot's:
// the ACME webroot over HTTP, the redirect, and a proxied page over TLS with HSTS.
import { PYTHON, expectThat } from '../Scenario.js';
/** @import { Scenario } from '../Scenario.js' */
import { makeCertificate, startNginx } from '../steps.js';

export const about =
  'Nginx 1.22 TLS server block (self-signed certificate) in front of a WSGI callable';

/** @param {Scenario} s */
export async function run(s) {
  const site = s.block('/etc/nginx/sites-available/app-tls');
  const hello = s.blockOf('wsgi-callable', 'hello.py');
  s.need('/usr/lib/python3/dist-packages/gunicorn', 'gunicorn');
  const [appPort, httpPort, httpsPort] = [s.port(), s.port(), s.port()];
  const tls = await makeCertificate(s);
  s.write('acme/.well-known/acme-challenge/token123', 'token123.thumbprint\n');
  s.write('app/hello.py', s.substitute(hello, []));
  s.start(
    'gunicorn',
    PYTHON,
    ['-m', 'gunicorn', '--bind', `127.0.0.1:${appPort}`, 'hello:application'],
    { cwd: `${s.dir}/app` }
  );
  const up = await startNginx(s, site, [
    ['listen 80;', `listen 127.0.0.1:${httpPort};`],
    ['listen 443 ssl http2;', `listen 127.0.0.1:${httpsPort} ssl http2;`],
    ['/var/www/acme', `${s.dir}/acme`],
    ['/etc/letsencrypt/live/example.org', tls.dir],
    ['127.0.0.1:8000', `127.0.0.1:${appPort}`]
  ]);
  const host = { Host: 'example.org' };
  await s.check(
    'plain HTTP answers the ACME challenge and redirects the rest',
    [site],
    async () => {
      expectThat(up, 'nginx did not start');
      const acme = await s.get(`http://127.0.0.1:${httpPort}/.well-known/acme-challenge/token123`, {
        headers: host
      });
      expectThat(
        acme.status === 200 && acme.body === 'token123.thumbprint\n',
        `challenge gave ${acme.status}`
      );
      const res = await s.get(`http://127.0.0.1:${httpPort}/account?x=1`, { headers: host });
      expectThat(
        res.status === 301 && res.headers.get('location') === 'https://example.org/account?x=1',
        `GET gave ${res.status} to ${res.headers.get('location')}`
      );
    }
  );
  await s.check('over TLS 1.3 the app answers, with HSTS', [site, hello], async () => {
    expectThat(up, 'nginx did not start');
    await s.get(`http://127.0.0.1:${appPort}/`).catch(() => {});
    const res = await s.get(`https://127.0.0.1:${httpsPort}/?name=TLS`, { headers: host });
    expectThat(
      res.status === 200 && res.body === 'Hello, TLS!\n',
      `GET gave ${res.status}: ${res.body.slice(0, 200)}`
    );
    expectThat(res.tls === 'TLSv1.3', `negotiated ${res.tls}`);
    expectThat(
      res.headers.get('strict-transport-security') === 'max-age=63072000',
      `HSTS: ${res.headers.get('strict-transport-security')}`
    );
  });
}
