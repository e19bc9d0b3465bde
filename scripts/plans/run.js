// `npm run test:plans`: brings up, on loopback with Debian's packages, every stack the
// planner offers that can run here, from exactly the files buildPlan generates
// (scripts/plans/bringUp.js), and checks a page, a static file and a database read
// through the front server. Prints every stack and its result; stacks that cannot run
// here are listed as not run, with why. With --record, writes src/lib/plan/proven.json
// (the stacks that passed, with the versions they ran with). With --report FILE, writes
// the counts scripts/test-all.js adds to the totals.
//   node scripts/plans/run.js [--only STACK] [--record] [--report FILE]
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runnerImport } from 'vite';
import { PYTHON, Scenario } from '../examples/Scenario.js';
import { makeCertificate } from '../examples/steps.js';
import { bringUp } from './bringUp.js';

const args = process.argv.slice(2);
const opt = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const only = opt('--only');
const reportFile = opt('--report');
const record = args.includes('--record');
const parallel = Number(process.env.EXAMPLES_PARALLEL ?? 2);
const root = resolve(import.meta.dirname, '../..');

// The engine is TypeScript: load it the way the build does.
const load = async (path) =>
  (await runnerImport(join(root, path), { root, logLevel: 'warn' })).module;
const model = await load('src/lib/plan/planModel.ts');
const { loadPlanData } = await load('src/lib/plan/loadPlanData.ts');
// The suite writes the record, so it must not need a valid one to run.
const data = loadPlanData(join(root, 'content'), undefined, { ranOn: '', stacks: [] });

/** A stack's name in words: its parts' labels. */
const labelOf = (c) =>
  ['webServer', 'appServer', 'framework', 'database', 'taskQueue']
    .filter((slot) => c[slot] && c[slot] !== 'none')
    .map((slot) => model.findOption(slot, c[slot]).label)
    .join(' + ');

// Every offered plan: runnable ones grouped by stack (a VPS and an IaaS machine run the
// same stack, CI is not part of what runs), the others by why they cannot run here.
const stacks = new Map();
const notRun = new Map();
for (const c of model.everyPlan()) {
  const why = model.notRunnable(c);
  if (why) {
    const key = `${c.hosting}: ${why}`;
    notRun.set(key, (notRun.get(key) ?? 0) + 1);
  } else {
    const id = model.stackId(c);
    if (!stacks.has(id)) stacks.set(id, { ...c, hosting: 'vps', ci: 'github-actions' });
  }
}

/** The versions of the Debian packages a stack runs with. */
async function versionsOf(s) {
  const v = async (cmd, argv, re) => {
    const r = await s.exec(cmd, argv);
    return re.exec(r.out)?.[1] ?? 'unknown';
  };
  const py = (expr) => v(PYTHON, ['-c', `print(${expr})`], /^(\S+)/m);
  return {
    python: await py('__import__("platform").python_version()'),
    nginx: await v('/usr/sbin/nginx', ['-v'], /nginx\/(\S+)/),
    apache: await v('/usr/sbin/apache2', ['-v'], /Apache\/(\S+)/),
    mod_wsgi: await v(
      '/usr/bin/dpkg-query',
      ['-W', '-f=${Version}', 'libapache2-mod-wsgi-py3'],
      /^([\d.]+)/
    ),
    caddy: await v('/usr/bin/caddy', ['version'], /v?(\d[\w.]*)/),
    gunicorn: await py('__import__("gunicorn").__version__'),
    uwsgi: await v('/usr/bin/uwsgi', ['--version'], /^([\d.]+)/m),
    uvicorn: await py('__import__("uvicorn").__version__'),
    django: await py('__import__("django").get_version()'),
    flask: await py('__import__("importlib.metadata").metadata.version("flask")'),
    postgresql: await v('/usr/lib/postgresql/15/bin/postgres', ['--version'], /(\d+\.\d+)/),
    sqlite: await py('__import__("sqlite3").sqlite_version'),
    celery: await py('__import__("celery").__version__'),
    redis: await v('/usr/bin/redis-server', ['--version'], /v=(\S+)/)
  };
}
const PARTS = {
  nginx: ['nginx'],
  apache: ['apache'],
  caddy: ['caddy'],
  gunicorn: ['gunicorn'],
  uwsgi: ['uwsgi'],
  'mod-wsgi': ['mod_wsgi'],
  uvicorn: ['uvicorn'],
  django: ['django'],
  flask: ['flask'],
  asgi: [],
  postgresql: ['postgresql'],
  sqlite: ['sqlite'],
  celery: ['celery', 'redis']
};

const shared = new Scenario('plans-shared', []);
const tls = await makeCertificate(shared);
const versions = await versionsOf(shared);
const debian = readFileSync('/etc/debian_version', 'utf8').trim();
const ranOn = `Debian ${debian}, ${new Date().toISOString().slice(0, 10)}`;

const ran = [];
async function runOne(id) {
  const choices = stacks.get(id);
  const plan = model.buildPlan(choices, data);
  const s = new Scenario(`plan-${id}`, []);
  const started = Date.now();
  try {
    await bringUp(s, plan, tls);
  } catch (e) {
    s.checks.push({
      name: `stack ${id} comes up`,
      ok: false,
      blocks: [],
      error: /** @type {Error} */ (e).message
    });
  } finally {
    await s.stop();
  }
  if (!s.checks.length)
    s.checks.push({
      name: `stack ${id} checks something`,
      ok: false,
      blocks: [],
      error: 'it ran no check'
    });
  // A passed stack's folder goes; a failed one's stays for its logs, and the report says where.
  if (s.checks.every((c) => c.ok)) rmSync(s.dir, { recursive: true, force: true });
  else s.how.push(`kept ${s.dir} (logs/ has every server's output)`);
  const parts = ['python', ...Object.values(choices).flatMap((o) => PARTS[o] ?? [])];
  ran.push({
    id,
    label: labelOf(choices),
    files: model.filesHash(plan.files),
    query: model.planQuery(choices),
    how: s.how,
    checks: s.checks,
    seconds: (Date.now() - started) / 1000,
    versions: Object.fromEntries(parts.map((p) => [p, versions[p]]))
  });
}

const queue = [...stacks.keys()].filter((id) => (only ? id === only : true));
if (only && !queue.length) {
  console.error(`no runnable stack ${only}; the stacks are: ${[...stacks.keys()].join(', ')}`);
  process.exit(1);
}
await Promise.all(
  Array.from({ length: Math.max(1, parallel) }, async () => {
    while (queue.length) await runOne(queue.shift());
  })
);
await shared.stop();
rmSync(shared.dir, { recursive: true, force: true });

// The report: every stack and its result, then those not run and why.
ran.sort((a, b) => a.id.localeCompare(b.id));
console.log(
  `Plans: ${model.everyPlan().length} offered plans, ${stacks.size} stacks that run here, ${ran.length} run`
);
for (const r of ran) {
  const failed = r.checks.filter((c) => !c.ok);
  console.log(
    `\n${failed.length ? 'FAIL' : 'pass'}  stack ${r.id}: ${r.label} (${r.seconds.toFixed(1)} s)\n      /plan/${r.query}`
  );
  for (const h of r.how) console.log(`  how   ${h.replace(/\n\s*/g, ' ⏎ ')}`);
  for (const c of r.checks) {
    console.log(`  ${c.ok ? 'pass' : 'FAIL'}  ${c.name}`);
    if (!c.ok)
      console.log(
        `        stack ${r.id}, in ${c.blocks.join(', ') || '(no file)'}\n        ${String(c.error).split('\n').join('\n        ')}`
      );
  }
}
console.log('\nNot run here:');
for (const [why, n] of notRun) console.log(`  not run  ${n} plan${n === 1 ? '' : 's'} on ${why}`);

const results = ran.flatMap((r) => r.checks);
const passed = results.filter((c) => c.ok).length;
const failed = results.length - passed;
const proven = ran.filter((r) => r.checks.every((c) => c.ok));
console.log(`\nstacks: ${proven.length} of ${ran.length} proven`);
if (record) {
  if (only) console.log('--record ignored with --only: the record covers every stack');
  else {
    const out = {
      ranOn,
      stacks: proven.map((r) => ({
        id: r.id,
        label: r.label,
        versions: r.versions,
        ranOn,
        files: r.files
      }))
    };
    writeFileSync(join(root, 'src/lib/plan/proven.json'), `${JSON.stringify(out, null, 2)}\n`);
    console.log(`recorded ${proven.length} proven stacks in src/lib/plan/proven.json`);
  }
}
if (reportFile)
  writeFileSync(
    reportFile,
    JSON.stringify(
      {
        passed,
        failed,
        stacks: ran.map(({ id, label, checks, seconds }) => ({
          id,
          label,
          ok: checks.every((c) => c.ok),
          seconds
        })),
        notRun: Object.fromEntries(notRun)
      },
      null,
      2
    )
  );
console.log(`plans: ${passed} passed, ${failed} failed`);
process.exit(failed || !results.length ? 1 : 0);
