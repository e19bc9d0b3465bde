// The WSGI servers page's bare callable: PEP 3333 checked by wsgiref.validate, then
// served by Gunicorn and by uWSGI.
import { PYTHON, expectThat } from '../Scenario.js';
/** @import { Scenario } from '../Scenario.js' */

export const about = 'wsgiref.validate, Gunicorn 20.1 and uWSGI 2.0.21 on a plain callable';

const VALIDATE = `
from wsgiref.util import setup_testing_defaults
from wsgiref.validate import validator
from hello import application

environ = {}
setup_testing_defaults(environ)
environ["QUERY_STRING"] = "name=PEP"
seen = []
result = validator(application)(environ, lambda status, headers, exc=None: seen.append(status))
body = b"".join(result)
result.close()  # as a server must; the validator checks it
assert seen == ["200 OK"], seen
print(body.decode(), end="")
`;

/** @param {Scenario} s */
export async function run(s) {
  const hello = s.block('hello.py');
  s.need('/usr/lib/python3/dist-packages/gunicorn', 'gunicorn');
  s.need('/usr/lib/uwsgi/plugins/python3_plugin.so', 'uwsgi-plugin-python3');
  s.write('app/hello.py', s.substitute(hello, []));
  const cwd = `${s.dir}/app`;
  await s.check('wsgiref.validate finds no breach of PEP 3333', [hello], async () => {
    const r = await s.exec(PYTHON, ['-c', VALIDATE], { cwd });
    expectThat(r.code === 0 && r.out === 'Hello, PEP!\n', `validator: exit ${r.code}: ${r.out}`);
  });
  const [g, u] = [s.port(), s.port()];
  s.start('gunicorn', PYTHON, ['-m', 'gunicorn', '--bind', `127.0.0.1:${g}`, 'hello:application'], {
    cwd
  });
  s.start(
    'uwsgi',
    '/usr/bin/uwsgi',
    [
      '--plugin',
      'python3',
      '--http-socket',
      `127.0.0.1:${u}`,
      '--module',
      'hello:application',
      '--need-app'
    ],
    { cwd }
  );
  s.how.push(
    `gunicorn --bind 127.0.0.1:${g} hello:application; uwsgi --plugin python3 --http-socket 127.0.0.1:${u} --module hello:application`
  );
  for (const [name, port] of [
    ['Gunicorn', g],
    ['uWSGI', u]
  ])
    await s.check(`${name} serves the callable`, [hello], async () => {
      const res = await s.get(`http://127.0.0.1:${port}/?name=deployer`);
      expectThat(
        res.status === 200 && res.body === 'Hello, deployer!\n',
        `GET gave ${res.status}: ${res.body.slice(0, 200)}\n${s.log(name === 'Gunicorn' ? 'gunicorn' : 'uwsgi')}`
      );
    });
}
