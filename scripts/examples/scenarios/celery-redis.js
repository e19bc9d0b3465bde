// The task queues page's Celery app and worker unit, with a real Redis: the worker,
// started from the unit's ExecStart, runs a job and returns its result.
import { join } from 'node:path';
import { PYTHON, expectThat } from '../Scenario.js';
/** @import { Scenario } from '../Scenario.js' */
import { expectCeleryJob, makeVenv, startExec, startRedis, verifiedUnit } from '../steps.js';

export const about =
  "Celery 5.2 worker from the page's unit with Redis 7.0 as broker and result backend";

/** @param {Scenario} s */
export async function run(s) {
  const tasks = s.block('/srv/app/tasks.py');
  const unit = s.block('/etc/systemd/system/celery.service');
  s.need('/usr/lib/python3/dist-packages/celery', 'python3-celery');
  s.need('/usr/lib/python3/dist-packages/redis', 'python3-redis');
  const redisPort = startRedis(s);

  const root = join(s.dir, 'srv/app');
  await makeVenv(s, root);
  s.write('srv/app/tasks.py', s.substitute(tasks, []));
  const env = {
    CELERY_BROKER_URL: `redis://127.0.0.1:${redisPort}/0`,
    CELERY_RESULT_BACKEND: `redis://127.0.0.1:${redisPort}/1`
  };
  s.write(
    'srv/app/app.env',
    Object.entries(env)
      .map(([k, v]) => `${k}=${v}\n`)
      .join(''),
    0o600
  );
  const service = await verifiedUnit(s, unit, [['/srv/app', root]]);
  await startExec(s, service, 'celery');

  await s.check('the worker from the unit runs a job and returns its result', [tasks, unit], () =>
    expectCeleryJob(s, root, env)
  );
  await s.check(
    'the worker reads the settings: concurrency 2, late acknowledgement',
    [tasks, unit],
    async () => {
      const log = await s.waitForLog('celery', (l) => /ready\./.test(l));
      expectThat(
        /concurrency:\s*2/.test(log),
        `no "concurrency: 2" in the worker banner:\n${log.slice(0, 1500)}`
      );
      const r = await s.exec(
        PYTHON,
        [
          '-c',
          'from tasks import app\nprint(app.conf.task_acks_late, app.conf.worker_prefetch_multiplier)'
        ],
        { cwd: root, env }
      );
      expectThat(r.out.trim() === 'True 1', `settings: ${r.out}`);
    }
  );
}
