// @vitest-environment node
// The deployment planner's engine: choices to parts, request path, checklist and files;
// what a user is told about combinations that do not fit; the address round trip.
import { describe, expect, it } from 'vitest';
import { checklistTopics } from '../../src/lib/plan/planChecklist.ts';
import { loadContent } from '../../src/lib/content/loadContent.ts';
import { loadPlanData } from '../../src/lib/plan/loadPlanData.ts';
import { buildPlanData } from '../../src/lib/plan/planData.ts';
import {
  COMMON_PLANS,
  SLOTS,
  applyChanges,
  buildPlan,
  defaultChoices,
  everyPlan,
  fitChoices,
  optionsFor,
  parsePlanQuery,
  planQuery,
  slotLeftOut,
  slotsFor,
  withChoice,
  type PlanChoices
} from '../../src/lib/plan/planModel.ts';
import { realExamples, realPlanData, realTopics } from '../support/realContent.ts';

// The real content, read once per process (see tests/support/realContent.ts).
const topics = realTopics();
const examples = realExamples();
const slugs = new Set(topics.map((t) => t.slug));
const data = realPlanData();
const vps = (c: Partial<PlanChoices>): PlanChoices => ({ ...defaultChoices('vps'), ...c });

describe('the catalogue', () => {
  it('names only topics that exist, and every option has a short reason to pick it', () => {
    for (const { options } of SLOTS)
      for (const o of options) {
        if (o.topic) expect(slugs.has(o.topic), `${o.slot}/${o.id} → ${o.topic}`).toBe(true);
        expect(o.why.length, o.id).toBeGreaterThan(20);
        expect(o.why.length, o.id).toBeLessThan(140);
        expect(o.id).toMatch(/^[a-z0-9-]+$/);
      }
    for (const t of checklistTopics()) expect(slugs.has(t), t).toBe(true);
  });

  it('offers the five hostings, and each leaves its own slots to you', () => {
    expect(SLOTS[0].options.map((o) => o.id)).toEqual([
      'paas',
      'vps',
      'iaas',
      'containers',
      'serverless'
    ]);
    expect(slotsFor('vps')).toEqual([
      'webServer',
      'appServer',
      'framework',
      'database',
      'taskQueue',
      'ci'
    ]);
    expect(slotsFor('paas')).not.toContain('webServer');
    expect(slotsFor('serverless')).toEqual(['framework', 'database', 'taskQueue', 'ci']);
  });

  it('gives every hosting a default plan that fits, and every offered plan assembles', () => {
    for (const { id } of SLOTS[0].options)
      expect(fitChoices(defaultChoices(id)).notes, id).toEqual([]);
    const plans = everyPlan();
    expect(plans.length).toBeGreaterThan(30);
    for (const c of plans) expect(() => buildPlan(c, data), planQuery(c)).not.toThrow();
    for (const p of COMMON_PLANS) expect(fitChoices(p.choices).choices, p.id).toEqual(p.choices);
  });
});

describe('combinations that do not fit, and what the user is told', () => {
  const table: [
    string,
    PlanChoices,
    'webServer' | 'appServer' | 'framework' | 'database' | 'taskQueue',
    string,
    string
  ][] = [
    [
      'mod_wsgi without Apache',
      vps({ webServer: 'nginx' }),
      'appServer',
      'mod-wsgi',
      'mod_wsgi runs inside Apache: choose Apache as the web server.'
    ],
    [
      'Gunicorn behind Apache',
      vps({ webServer: 'apache' }),
      'appServer',
      'gunicorn',
      "The map's Apache file hosts the app with mod_wsgi; to proxy to Gunicorn, choose nginx or Caddy."
    ],
    [
      'a web server on a PaaS',
      defaultChoices('paas'),
      'webServer',
      'nginx',
      "On a platform-as-a-service the platform's router takes the requests and terminates HTTPS: you run no web server of your own."
    ],
    [
      'a web server on serverless',
      defaultChoices('serverless'),
      'webServer',
      'caddy',
      "On serverless hosting the provider's API gateway takes each request: there is no web server to run."
    ],
    [
      'an app server on serverless',
      defaultChoices('serverless'),
      'appServer',
      'gunicorn',
      'On serverless hosting the provider runs your function: there is no app server to choose.'
    ],
    [
      'mod_wsgi on a PaaS',
      defaultChoices('paas'),
      'appServer',
      'mod-wsgi',
      'mod_wsgi runs inside Apache, and a platform gives you no Apache of your own: choose Gunicorn or Uvicorn.'
    ],
    [
      'uWSGI in a container',
      defaultChoices('containers'),
      'appServer',
      'uwsgi',
      'uWSGI has only been maintained since 2022; on a container, Gunicorn or Uvicorn is the simpler process to run.'
    ],
    [
      'an ASGI app under Gunicorn',
      vps({}),
      'framework',
      'asgi',
      'An ASGI app needs an ASGI server, and Gunicorn runs WSGI apps: choose Uvicorn.'
    ],
    [
      'Flask under Uvicorn',
      vps({ appServer: 'uvicorn' }),
      'framework',
      'flask',
      "Flask speaks WSGI: under Uvicorn it would need an adapter such as asgiref's WsgiToAsgi. Choose Gunicorn, uWSGI or mod_wsgi."
    ],
    [
      'Django on Lambda',
      defaultChoices('serverless'),
      'framework',
      'django',
      "On AWS Lambda the map's tested file is a plain handler; Django there needs an adapter such as Mangum or apig-wsgi."
    ],
    [
      'a Lambda handler on a VPS',
      vps({}),
      'framework',
      'handler',
      'A Lambda handler runs only on serverless hosting.'
    ],
    [
      'SQLite on a PaaS',
      defaultChoices('paas'),
      'database',
      'sqlite',
      'A platform gives each process a throwaway disk, so an SQLite file would be lost on the next deploy.'
    ],
    [
      'PostgreSQL of your own on a PaaS',
      defaultChoices('paas'),
      'database',
      'postgresql',
      'The platform runs PostgreSQL for you: choose its managed database.'
    ],
    [
      'SQLite in a container',
      defaultChoices('containers'),
      'database',
      'sqlite',
      "A container's filesystem is thrown away when it is replaced, and the SQLite file with it."
    ],
    [
      'Django with SQLite',
      vps({}),
      'database',
      'sqlite',
      "The map's tested Django settings connect to PostgreSQL: choose PostgreSQL or a managed one."
    ],
    [
      'Django without a database',
      vps({}),
      'database',
      'none',
      "Django's sessions, admin and migrations need a database."
    ],
    [
      'Flask with PostgreSQL',
      vps({ framework: 'flask' }),
      'database',
      'postgresql',
      "The map's tested Flask app reads SQLite with Python's standard library; PostgreSQL from Flask needs a driver or SQLAlchemy, which no page tests yet."
    ],
    [
      'the ASGI app with a database',
      vps({ appServer: 'uvicorn', framework: 'asgi' }),
      'database',
      'sqlite',
      'The small ASGI app keeps no data: choose no database, or Django to use one.'
    ],
    [
      'Celery on serverless',
      defaultChoices('serverless'),
      'taskQueue',
      'celery',
      'Functions cannot keep a Celery worker running: use an SQS-triggered function.'
    ],
    [
      'a web server in containers',
      defaultChoices('containers'),
      'webServer',
      'nginx',
      "With containers, the container service's load balancer or ingress sits in front: the plan runs no web server of its own."
    ],
    [
      'mod_wsgi in a container',
      defaultChoices('containers'),
      'appServer',
      'mod-wsgi',
      'mod_wsgi runs inside Apache, and a container gives you no Apache of your own: choose Gunicorn or Uvicorn.'
    ],
    [
      'PostgreSQL of your own in a container',
      defaultChoices('containers'),
      'database',
      'postgresql',
      'Keep the database outside the containers you replace on each deploy: choose a managed PostgreSQL.'
    ],
    [
      'Flask with a managed PostgreSQL',
      { ...defaultChoices('paas'), framework: 'flask' },
      'database',
      'managed',
      "The map's tested Flask app reads SQLite with Python's standard library; PostgreSQL from Flask needs a driver or SQLAlchemy, which no page tests yet."
    ],
    [
      'the Lambda handler with a database',
      defaultChoices('serverless'),
      'database',
      'sqlite',
      'The Lambda handler keeps no data: choose no database.'
    ],
    [
      'SQS off serverless',
      vps({}),
      'taskQueue',
      'sqs',
      'The SQS consumer on the map is a Lambda function: it needs serverless hosting.'
    ]
  ];
  it.each(table)('%s', (_, choices, slot, id, reason) => {
    const found = optionsFor(choices, slot).find((o) => o.option.id === id);
    expect(found).toMatchObject({ fits: false, reason });
  });

  it('an option that fits carries no reason, and choosing Apache then mod_wsgi works in that order', () => {
    expect(optionsFor(vps({}), 'webServer').every((o) => o.fits && o.reason === undefined)).toBe(
      true
    );
    const apache = withChoice(vps({}), 'webServer', 'apache');
    expect(apache.choices.appServer).toBe('mod-wsgi');
    expect(apache.notes).toEqual([
      "The map's Apache file hosts the app with mod_wsgi; to proxy to Gunicorn, choose nginx or Caddy. The WSGI or ASGI server is now mod_wsgi."
    ]);
    expect(withChoice(apache.choices, 'appServer', 'mod-wsgi').notes).toEqual([]);
  });

  it('lets every other combination through: each rule names its own slot and option', () => {
    // Flask may keep SQLite; Celery runs off serverless; uWSGI is fine on a VPS; PostgreSQL
    // of your own is fine on a VPS; Django may use a managed database.
    const fits = (choices: PlanChoices, slot: Parameters<typeof optionsFor>[1], id: string) =>
      optionsFor(choices, slot).find((o) => o.option.id === id);
    expect(fits(vps({ framework: 'flask' }), 'database', 'sqlite')).toMatchObject({ fits: true });
    expect(fits(vps({}), 'taskQueue', 'celery')).toMatchObject({ fits: true });
    expect(fits(vps({}), 'appServer', 'uwsgi')).toMatchObject({ fits: true });
    expect(fits(vps({}), 'database', 'managed')).toMatchObject({ fits: true });
    expect(fits(defaultChoices('serverless'), 'taskQueue', 'sqs')).toMatchObject({ fits: true });
    expect(fits(defaultChoices('paas'), 'database', 'managed')).toMatchObject({ fits: true });
    expect(fits(defaultChoices('containers'), 'appServer', 'uvicorn')).toMatchObject({
      fits: true
    });
  });

  it('says nothing about a slot the hosting asks for, and why it leaves one out', () => {
    expect(slotLeftOut('vps', 'webServer')).toBeUndefined();
    expect(slotLeftOut('paas', 'hosting')).toBeUndefined();
    expect(slotLeftOut('paas', 'appServer')).toBeUndefined();
    expect(slotLeftOut('containers', 'appServer')).toBeUndefined();
    expect(slotLeftOut('serverless', 'appServer')).toBe(
      'On serverless hosting the provider runs your function: there is no app server to choose.'
    );
    expect(slotLeftOut('containers', 'webServer')).toMatch(/^With containers/);
  });

  it('fits a plan from choices the catalogue does not know, with notes only for known ones', () => {
    const unknown = fitChoices({ hosting: 'mainframe', webServer: 'iis', framework: 'rails' });
    expect(unknown.choices).toEqual(defaultChoices('vps'));
    expect(unknown.notes).toEqual([]);
    const known = fitChoices({ ...vps({}), database: 'none' });
    expect(known.choices.database).toBe('postgresql');
    expect(known.notes).toEqual([
      "Django's sessions, admin and migrations need a database. Using PostgreSQL on the server."
    ]);
    expect(defaultChoices('mainframe')).toEqual(defaultChoices());
    expect(defaultChoices()).toMatchObject({ hosting: 'vps', webServer: 'nginx' });
  });

  it('a change of hosting keeps what still fits and says what it had to change', () => {
    const paas = withChoice(vps({ framework: 'django', taskQueue: 'celery' }), 'hosting', 'paas');
    expect(paas.choices).toEqual({
      hosting: 'paas',
      appServer: 'gunicorn',
      framework: 'django',
      database: 'managed',
      taskQueue: 'celery',
      ci: 'github-actions'
    });
    expect(paas.notes).toEqual([
      'The platform runs PostgreSQL for you: choose its managed database. The database is now a managed PostgreSQL.'
    ]);
    const lambda = withChoice(paas.choices, 'hosting', 'serverless');
    expect(lambda.choices).toEqual(defaultChoices('serverless'));
  });
});

describe('the address', () => {
  it('round-trips every offered plan', () => {
    for (const c of everyPlan())
      expect(parsePlanQuery(planQuery(c)), planQuery(c)).toEqual({ choices: c, notes: [] });
    expect(planQuery(defaultChoices('vps'))).toBe(
      '?hosting=vps&web=nginx&app=gunicorn&framework=django&db=postgresql&queue=none&ci=github-actions'
    );
    expect(planQuery(defaultChoices('serverless'))).toBe(
      '?hosting=serverless&framework=handler&db=none&queue=none&ci=github-actions'
    );
  });

  const cases: [string, string, Partial<PlanChoices>, string[]][] = [
    ['empty', '', defaultChoices('vps'), []],
    [
      'a typo',
      '?web=ngnix',
      { webServer: 'nginx' },
      ["'ngnix' is not a web server we know; using nginx."]
    ],
    [
      'a case slip and an underscore',
      '?web=Caddy&app=mod_wsgi',
      { webServer: 'caddy', appServer: 'gunicorn' },
      ['mod_wsgi runs inside Apache: choose Apache as the web server. Using Gunicorn.']
    ],
    [
      'an unknown part',
      '?web=lighttpd',
      { webServer: 'nginx' },
      ["'lighttpd' is not a web server we know; using nginx."]
    ],
    [
      'an unknown hosting',
      '?hosting=mainframe',
      defaultChoices('vps'),
      ["'mainframe' is not a kind of hosting we know; using a virtual private server."]
    ],
    [
      'a combination that does not fit',
      '?web=apache&app=gunicorn',
      { webServer: 'apache', appServer: 'mod-wsgi' },
      [
        "The map's Apache file hosts the app with mod_wsgi; to proxy to Gunicorn, choose nginx or Caddy. Using mod_wsgi."
      ]
    ],
    [
      'a slot the hosting leaves out',
      '?hosting=paas&web=nginx',
      defaultChoices('paas'),
      [
        "On a platform-as-a-service the platform's router takes the requests and terminates HTTPS: you run no web server of your own. (web=nginx was left out.)"
      ]
    ],
    [
      'a repeated parameter',
      '?web=caddy&web=apache',
      { webServer: 'caddy' },
      ["'web' was given more than once; using the first, 'caddy'."]
    ],
    [
      'unknown parameters',
      '?utm_source=x&foo=1',
      defaultChoices('vps'),
      ["Ignored what the planner does not know: 'utm_source', 'foo'."]
    ],
    [
      'garbage',
      '?%E0%A4%A&<script>=1&web=%00%FF',
      { webServer: 'nginx' },
      [
        "Ignored what the planner does not know: '?%A', '<script>'.",
        "'??' is not a web server we know; using nginx."
      ]
    ],
    [
      'a framework whose default database does not fit',
      '?framework=flask',
      { framework: 'flask', database: 'sqlite' },
      []
    ]
  ];
  it.each(cases)('%s', (_, search, expected, notes) => {
    const r = parsePlanQuery(search);
    expect(r.choices).toMatchObject(expected);
    expect(r.notes).toEqual(notes);
    expect(fitChoices(r.choices).notes).toEqual([]);
  });

  it('never throws, whatever it is given', () => {
    const samples = [
      '?',
      '&&&',
      '=',
      '?hosting',
      '?hosting=',
      'x'.repeat(100_000),
      '?web=' + '%'.repeat(50),
      '?a=1&'.repeat(500),
      String.fromCharCode(...Array.from({ length: 300 }, (_, i) => i))
    ];
    for (const s of samples) {
      const r = parsePlanQuery(s);
      expect(fitChoices(r.choices).notes).toEqual([]);
      for (const n of r.notes) expect(n.length).toBeLessThan(400);
    }
    expect(parsePlanQuery('x'.repeat(100_000)).notes[0]).toBe(
      'The address was too long; only its first 1000 characters were read.'
    );
  });
});

describe('a plan', () => {
  it('nginx + Gunicorn + Django + PostgreSQL: parts, the lit path, the arrows along it', () => {
    const plan = buildPlan(defaultChoices('vps'), data);
    expect(plan.requestPath).toEqual(['web-browsers', 'nginx', 'gunicorn', 'databases']);
    expect(plan.requestArrows).toEqual([
      { from: 'web-browsers', to: 'web-servers', label: 'access web app' },
      { from: 'web-servers', to: 'wsgi-servers', label: 'handle certain requests' },
      { from: 'wsgi-servers', to: 'databases', label: 'accesses' }
    ]);
    for (const s of [
      'virtual-private-servers',
      'nginx',
      'web-servers',
      'gunicorn',
      'wsgi-servers',
      'django',
      'web-frameworks',
      'databases',
      'continuous-integration'
    ])
      expect(plan.parts).toContain(s);
    expect(plan.parts).not.toContain('flask');
    for (const s of plan.parts) expect(slugs.has(s), s).toBe(true);
    expect(plan.stackId).toBe('nginx-gunicorn-django-postgresql');
  });

  it("every plan's request path follows the map's arrows from the client to the database", () => {
    for (const c of everyPlan().filter((x) => x.hosting === 'vps' || x.hosting === 'iaas')) {
      const plan = buildPlan(c, data);
      expect(plan.requestArrows.length, planQuery(c)).toBe(plan.requestPath.length - 1);
      for (const a of plan.requestArrows)
        expect(
          topics
            .find((t) => t.slug === a.from)
            ?.arrows.some((x) => x.to === a.to && x.label === a.label)
        ).toBe(true);
    }
    expect(
      buildPlan(
        {
          ...vps({ webServer: 'caddy', appServer: 'uvicorn', framework: 'asgi', database: 'none' })
        },
        data
      ).requestPath
    ).toEqual(['web-browsers', 'caddy', 'asgi-servers']);
    expect(buildPlan(defaultChoices('paas'), data).requestPath).toEqual([
      'web-browsers',
      'platform-as-a-service',
      'gunicorn',
      'databases'
    ]);
    expect(buildPlan(defaultChoices('serverless'), data).requestPath).toEqual([
      'web-browsers',
      'aws-lambda'
    ]);
  });

  it('lists its files in order, each from its page, with the changes that fit them together', () => {
    const plan = buildPlan(defaultChoices('vps'), data);
    expect(plan.files.map((f) => f.path)).toEqual([
      '/etc/nginx/sites-available/app',
      '/srv/app/gunicorn.conf.py',
      '/etc/systemd/system/app.service',
      '/srv/app/mysite/production.py',
      'roles.sql',
      '.github/workflows/ci.yml',
      '/srv/app/app.env'
    ]);
    const unit = plan.files.find((f) => f.path === '/etc/systemd/system/app.service');
    expect(unit?.changes).toEqual([
      { from: 'app:app', to: 'mysite.wsgi', why: "run the Django project's WSGI module" }
    ]);
    expect(unit?.content).toContain(
      'ExecStart=/srv/app/.venv/bin/python -m gunicorn --config /srv/app/gunicorn.conf.py mysite.wsgi\n'
    );
    expect(plan.files.find((f) => f.name === 'app.env')?.content).toContain(
      'DB_PASSWORD=replace-with-a-long-random-secret\n'
    );
    // The password the app is given is the one roles.sql sets.
    expect(plan.files.find((f) => f.name === 'roles.sql')?.content).toContain(
      "PASSWORD 'replace-with-a-long-random-secret'"
    );
  });

  it("points the web server at the app server's port: Uvicorn listens on 8001", () => {
    for (const web of ['nginx', 'caddy']) {
      const plan = buildPlan(
        vps({ webServer: web, appServer: 'uvicorn', framework: 'asgi', database: 'none' }),
        data
      );
      const front = plan.files[0];
      expect(front.content, web).toContain('127.0.0.1:8001');
      expect(front.content, web).not.toContain('127.0.0.1:8000');
      expect(plan.files.find((f) => f.name === 'asgi.service')?.content).toContain('--port 8001');
    }
  });

  it('every file is its published block, byte for byte, apart from the changes it lists', () => {
    for (const c of everyPlan()) {
      for (const f of buildPlan(c, data).files) {
        if (!f.source) {
          expect(f.name).toBe('app.env');
          continue;
        }
        const block = examples.find((e) => e.file === f.source?.file && e.line === f.source.line);
        expect(block?.title, `${planQuery(c)} ${f.path}`).toBe(f.source.title);
        expect(f.source.test ?? f.source.untested, f.path).toBe(block?.test ?? block?.untested); // tested, or the page says why not
        let text = block!.code;
        for (const ch of f.changes) {
          expect(text.includes(ch.from), `${f.path}: ${ch.from}`).toBe(true);
          text = text.split(ch.from).join(ch.to);
        }
        expect(f.content).toBe(`${text}\n`);
      }
    }
  });

  it('a page edit that moves a substituted text fails with the page, line and block', () => {
    const edited = examples.map((e) =>
      e.title === '/etc/systemd/system/app.service'
        ? { ...e, code: e.code.replace('app:app', 'wsgi:app') }
        : e
    );
    expect(() => buildPlanData(topics, edited, data.proven)).toThrow(
      /content\/gunicorn\.md:\d+: plan: the block "\/etc\/systemd\/system\/app\.service" no longer contains "app:app"/
    );
    const missing = examples.filter((e) => e.title !== '/etc/caddy/Caddyfile');
    expect(() => buildPlanData(topics, missing, data.proven)).toThrow(
      'content/caddy.md: plan: no block titled "/etc/caddy/Caddyfile"'
    );
    const block = data.blocks['gunicorn:/etc/systemd/system/app.service'];
    expect(() => applyChanges(block, [{ from: 'nothing like this', to: '', why: 'test' }])).toThrow(
      `${block.file}:${block.line}`
    );
  });

  it('Django under uWSGI, mod_wsgi and Uvicorn imports the project, with its environment', () => {
    const uwsgi = buildPlan(vps({ appServer: 'uwsgi' }), data);
    expect(uwsgi.files.find((f) => f.name === 'wsgi.py')?.content).toContain(
      'from mysite.wsgi import application'
    );
    expect(uwsgi.files.find((f) => f.name === 'app.service')?.content).toContain(
      'ExecStart=/usr/bin/uwsgi --plugin python3 --ini /srv/app/uwsgi.ini\n'
    );
    const apache = buildPlan(vps({ webServer: 'apache', appServer: 'mod-wsgi' }), data);
    expect(apache.files.map((f) => f.name)).toEqual([
      'app.conf',
      'wsgi.py',
      'production.py',
      'roles.sql',
      'ci.yml',
      'app.env'
    ]);
    expect(apache.checklist.map((i) => i.id)).toContain('apache-proto');
    const asgi = buildPlan(vps({ appServer: 'uvicorn' }), data).files.find(
      (f) => f.name === 'asgi.service'
    )?.content;
    expect(asgi).toContain('EnvironmentFile=/srv/app/app.env\n');
    expect(asgi).toContain(' mysite.asgi:application ');
  });

  it('a PaaS plan has a Procfile and no web server; a container plan a Dockerfile', () => {
    const paas = buildPlan({ ...defaultChoices('paas'), taskQueue: 'celery' }, data);
    expect(paas.files.map((f) => f.path)).toEqual([
      'Procfile',
      '.python-version',
      'mysite/production.py',
      'tasks.py',
      '.github/workflows/ci.yml'
    ]);
    expect(paas.files[0].content).toBe(
      'web: gunicorn --bind 0.0.0.0:$PORT --workers 2 --access-logfile - mysite.wsgi\nworker: celery --app tasks worker --loglevel INFO --concurrency 2\n'
    );
    expect(paas.stackId).toBeUndefined();
    const box = buildPlan({ ...defaultChoices('containers'), appServer: 'uvicorn' }, data);
    expect(box.files[0].content).toContain(
      'CMD ["uvicorn", "--host", "0.0.0.0", "--port", "8000", "--workers", "2", "mysite.asgi:application"]'
    );
    expect(box.files.find((f) => f.name === 'production.py')?.content).toContain(
      'STATIC_ROOT = "/app/static/"'
    );
  });

  it('orders the checklist as a deployment is built, each item linked to its page', () => {
    const plan = buildPlan(vps({ taskQueue: 'celery' }), data);
    const ids = plan.checklist.map((i) => i.id);
    expect(ids).toEqual([
      'vps-machine',
      'os-updates',
      'db-postgresql',
      'db-backups',
      'code-venv',
      'code-dependencies',
      'env-file',
      'django-settings',
      'django-release',
      'gunicorn-unit',
      'nginx-site',
      'https-certbot',
      'static-files',
      'celery-redis',
      'celery-worker',
      'ci-workflow',
      'deploy-strategy',
      'logs-monitoring'
    ]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(plan.checklist.find((i) => i.id === 'gunicorn-unit')?.text).toBe(
      'Add `/srv/app/gunicorn.conf.py` and `/etc/systemd/system/app.service`, then `systemctl enable --now app`.'
    );
    for (const c of everyPlan())
      for (const i of buildPlan(c, data).checklist) expect(slugs.has(i.topic), i.id).toBe(true);
  });

  const tail = ['ci-workflow', 'deploy-strategy', 'logs-monitoring'];
  const django = ['django-settings', 'django-release'];
  const checklists: [string, Partial<PlanChoices> & { hosting?: string }, string[]][] = [
    [
      'a platform, with Celery',
      { ...defaultChoices('paas'), taskQueue: 'celery' },
      [
        'paas-app',
        'db-managed',
        'db-backups',
        'code-dependencies',
        ...django,
        'paas-procfile',
        'paas-static',
        'celery-redis',
        'celery-worker',
        ...tail
      ]
    ],
    [
      'a cloud machine',
      defaultChoices('iaas'),
      [
        'iaas-machine',
        'os-updates',
        'db-postgresql',
        'db-backups',
        'code-venv',
        'code-dependencies',
        'env-file',
        ...django,
        'gunicorn-unit',
        'nginx-site',
        'https-certbot',
        'static-files',
        ...tail
      ]
    ],
    [
      'containers',
      defaultChoices('containers'),
      [
        'containers-service',
        'db-managed',
        'db-backups',
        'code-dependencies',
        ...django,
        'paas-static',
        'containers-image',
        ...tail
      ]
    ],
    ['serverless', defaultChoices('serverless'), ['serverless-function', ...tail]],
    [
      'serverless with a queue',
      { ...defaultChoices('serverless'), taskQueue: 'sqs' },
      ['serverless-function', 'sqs-consumer', ...tail]
    ],
    [
      'Apache and mod_wsgi',
      vps({ webServer: 'apache', appServer: 'mod-wsgi' }),
      [
        'vps-machine',
        'os-updates',
        'db-postgresql',
        'db-backups',
        'code-venv',
        'code-dependencies',
        'env-file',
        ...django,
        'mod-wsgi-script',
        'apache-site',
        'apache-proto',
        'https-certbot',
        'static-files',
        ...tail
      ]
    ],
    [
      'Caddy and Uvicorn, no database: Caddy does HTTPS, the app no static files',
      vps({ webServer: 'caddy', appServer: 'uvicorn', framework: 'asgi', database: 'none' }),
      [
        'vps-machine',
        'os-updates',
        'code-venv',
        'code-dependencies',
        'asgi-app',
        'uvicorn-unit',
        'caddy-site',
        ...tail
      ]
    ],
    [
      'uWSGI, Flask and SQLite, without CI',
      vps({ appServer: 'uwsgi', framework: 'flask', database: 'sqlite', ci: 'none' }),
      [
        'vps-machine',
        'os-updates',
        'db-sqlite',
        'db-backups',
        'code-venv',
        'code-dependencies',
        'env-file',
        'flask-app',
        'uwsgi-unit',
        'nginx-site',
        'https-certbot',
        'static-files',
        'deploy-strategy',
        'logs-monitoring'
      ]
    ],
    [
      'a managed database and Celery on a server',
      vps({ database: 'managed', taskQueue: 'celery' }),
      [
        'vps-machine',
        'os-updates',
        'db-managed',
        'db-backups',
        'code-venv',
        'code-dependencies',
        'env-file',
        ...django,
        'gunicorn-unit',
        'nginx-site',
        'https-certbot',
        'static-files',
        'celery-redis',
        'celery-worker',
        ...tail
      ]
    ]
  ];
  it.each(checklists)('the checklist for %s', (_, choices, ids) => {
    expect(buildPlan(choices as PlanChoices, data).checklist.map((i) => i.id)).toEqual(ids);
  });

  it('every checklist item of every plan is a sentence, naming files by their path in the plan', () => {
    for (const c of everyPlan()) {
      const plan = buildPlan(c, data);
      for (const item of plan.checklist) {
        expect(item.text, item.id).toMatch(/^[A-Z].{30,}[.)]$/s);
        // A file named in backticks is one the plan lists (or a command).
        for (const [, named] of item.text.matchAll(/`([^`]+)`/g))
          if (/^[\w./-]+\.(py|ini|sql|env|service|conf|yml)$|Caddyfile$/.test(named))
            expect(
              plan.files.map((f) => f.path),
              `${planQuery(c)} ${item.id}`
            ).toContain(named);
      }
    }
    const celery = buildPlan(vps({ taskQueue: 'celery' }), data).checklist;
    expect(celery.find((i) => i.id === 'celery-worker')?.text).toBe(
      'Add `/srv/app/tasks.py` and start the worker with `/etc/systemd/system/celery.service`; restart the workers on every deploy.'
    );
    const paas = buildPlan({ ...defaultChoices('paas'), taskQueue: 'celery' }, data).checklist;
    expect(paas.find((i) => i.id === 'celery-worker')?.text).toBe(
      'Add `tasks.py` and start the worker; restart the workers on every deploy.'
    );
  });

  it('builds the nearest plan from choices that do not fit', () => {
    const plan = buildPlan({ hosting: 'vps', webServer: 'apache', appServer: 'gunicorn' }, data);
    expect(plan.choices.appServer).toBe('mod-wsgi');
  });
});

describe('reading the plan data from a content folder', () => {
  it('reads and checks the topics first: invalid content fails with its own errors', () => {
    expect(() => loadPlanData('tests/fixtures/mini-content')).toThrow(/^Content has \d+ errors:/);
  });

  it('a folder without the blocks the planner needs fails, naming each missing one', () => {
    const midi = 'tests/fixtures/midi-content';
    expect(() => loadPlanData(midi, loadContent(midi, {}).topics)).toThrow(
      /^The planner cannot assemble its files:\n {2}tests\/fixtures\/midi-content\/nginx\.md: plan: no block titled "\/etc\/nginx\/sites-available\/app"/
    );
  });
});

describe('the files of each stack', () => {
  const stacks: [string, Partial<PlanChoices>, [string, string][]][] = [
    [
      'a platform: the Procfile, the Python line, settings, CI',
      defaultChoices('paas'),
      [
        ['Procfile', 'heroku'],
        ['.python-version', 'platform-as-a-service'],
        ['mysite/production.py', 'django'],
        ['.github/workflows/ci.yml', 'continuous-integration']
      ]
    ],
    [
      'serverless with a queue and no CI: the handler and the consumer only',
      { ...defaultChoices('serverless'), taskQueue: 'sqs', ci: 'none' },
      [
        ['handler.py', 'aws-lambda'],
        ['consumer.py', 'serverless']
      ]
    ],
    [
      'Flask on SQLite behind nginx and Gunicorn',
      vps({ framework: 'flask', database: 'sqlite' }),
      [
        ['/etc/nginx/sites-available/app', 'nginx'],
        ['/srv/app/gunicorn.conf.py', 'gunicorn'],
        ['/etc/systemd/system/app.service', 'gunicorn'],
        ['/srv/app/app.py', 'flask'],
        ['.github/workflows/ci.yml', 'continuous-integration'],
        ['/srv/app/app.env', 'flask']
      ]
    ],
    [
      'an ASGI app under Uvicorn with no database: no environment file to fill in',
      vps({ appServer: 'uvicorn', framework: 'asgi', database: 'none' }),
      [
        ['/etc/nginx/sites-available/app', 'nginx'],
        ['/srv/app/asgi.py', 'asgi-servers'],
        ['/etc/systemd/system/asgi.service', 'asgi-servers'],
        ['.github/workflows/ci.yml', 'continuous-integration']
      ]
    ],
    [
      'Flask under uWSGI with Celery',
      vps({ appServer: 'uwsgi', framework: 'flask', database: 'none', taskQueue: 'celery' }),
      [
        ['/etc/nginx/sites-available/app', 'nginx'],
        ['/srv/app/wsgi.py', 'mod-wsgi'],
        ['/srv/app/uwsgi.ini', 'uwsgi'],
        ['/etc/systemd/system/app.service', 'gunicorn'],
        ['/srv/app/app.py', 'flask'],
        ['/srv/app/tasks.py', 'task-queues'],
        ['/etc/systemd/system/celery.service', 'task-queues'],
        ['.github/workflows/ci.yml', 'continuous-integration'],
        ['/srv/app/app.env', 'flask']
      ]
    ],
    [
      "an ASGI app with Celery: the environment file is the task queue's",
      vps({ appServer: 'uvicorn', framework: 'asgi', database: 'none', taskQueue: 'celery' }),
      [
        ['/etc/nginx/sites-available/app', 'nginx'],
        ['/srv/app/asgi.py', 'asgi-servers'],
        ['/etc/systemd/system/asgi.service', 'asgi-servers'],
        ['/srv/app/tasks.py', 'task-queues'],
        ['/etc/systemd/system/celery.service', 'task-queues'],
        ['.github/workflows/ci.yml', 'continuous-integration'],
        ['/srv/app/app.env', 'task-queues']
      ]
    ]
  ];
  it.each(stacks)('%s', (_, choices, expected) => {
    const files = buildPlan(choices as PlanChoices, data).files;
    expect(files.map((f) => [f.path, f.topic])).toEqual(expected);
    for (const f of files) expect(f.path.endsWith(`/${f.name}`) || f.path === f.name).toBe(true);
  });

  it('every file says why it is there, and every change why it was made', () => {
    for (const c of everyPlan())
      for (const f of buildPlan(c, data).files) {
        expect(f.why, `${planQuery(c)} ${f.path}`).toMatch(/^[A-Za-z][^]{20,}\.$/);
        expect(f.lang, f.path).toMatch(/^[a-z]+$/);
        for (const ch of f.changes) {
          expect(ch.why, `${f.path}: ${ch.from}`).toMatch(/^[a-z][^]{10,}[^.]$/);
          expect(ch.from, f.path).not.toBe(ch.to);
        }
      }
  });

  it('the Procfile changes only as far as the stack needs', () => {
    const paas = buildPlan(defaultChoices('paas'), data).files[0];
    expect(paas.changes.map((ch) => ch.why)).toEqual(["run the Django project's WSGI module"]);
    const both = buildPlan(
      { ...defaultChoices('paas'), appServer: 'uvicorn', taskQueue: 'celery' },
      data
    ).files[0];
    expect(both.changes.map((ch) => ch.why)).toEqual([
      "start Uvicorn on the platform's $PORT, and add a worker process for Celery"
    ]);
    expect(both.content).toBe(
      'web: uvicorn --host 0.0.0.0 --port $PORT --workers 2 mysite.asgi:application\nworker: celery --app tasks worker --loglevel INFO --concurrency 2\n'
    );
  });

  it('a container under Uvicorn runs the ASGI application', () => {
    const box = buildPlan({ ...defaultChoices('containers'), appServer: 'uvicorn' }, data);
    expect(box.files[0].changes.map((ch) => ch.why)).toEqual([
      'start Uvicorn with the ASGI application'
    ]);
    const wsgi = buildPlan(defaultChoices('containers'), data).files[0];
    expect(wsgi.changes.map((ch) => ch.why)).toEqual(["run the Django project's WSGI module"]);
    expect(wsgi.content).toContain('"mysite.wsgi"]');
  });

  it('Flask keeps the published app:app; an ASGI app under Uvicorn is asgi:app', () => {
    const flask = buildPlan(vps({ framework: 'flask', database: 'sqlite' }), data);
    const unit = flask.files.find((f) => f.name === 'app.service')!;
    expect(unit.changes).toEqual([]);
    expect(unit.content).toContain('/srv/app/gunicorn.conf.py app:app\n');
    const asgi = buildPlan(
      vps({ appServer: 'uvicorn', framework: 'asgi', database: 'none' }),
      data
    );
    expect(asgi.files.find((f) => f.name === 'asgi.service')?.content).toContain(' asgi:app');
  });

  it('the environment file holds what the chosen files read, and nothing else', () => {
    const env = (c: Partial<PlanChoices>) =>
      buildPlan(vps(c), data)
        .files.find((f) => f.name === 'app.env')
        ?.content.split('\n');
    expect(env({ database: 'managed' })).toEqual([
      '# Secrets and settings: mode 0640, owner root, group app. Never commit it.',
      'DJANGO_SETTINGS_MODULE=mysite.production',
      'DJANGO_SECRET_KEY=replace-with-50-random-characters',
      'DJANGO_ALLOWED_HOSTS=example.org',
      'DB_HOST=replace-with-the-provider-host',
      'DB_PORT=5432',
      'DB_NAME=app',
      'DB_USER=app',
      'DB_PASSWORD=replace-with-the-provider-password',
      ''
    ]);
    expect(env({ framework: 'flask', database: 'sqlite', taskQueue: 'celery' })).toEqual([
      '# Secrets and settings: mode 0640, owner root, group app. Never commit it.',
      'SECRET_KEY=replace-with-50-random-characters',
      'DATABASE=/srv/app/data/app.sqlite3',
      'CELERY_BROKER_URL=redis://127.0.0.1:6379/0',
      'CELERY_RESULT_BACKEND=redis://127.0.0.1:6379/1',
      ''
    ]);
    expect(env({ framework: 'flask', database: 'none' })).toEqual([
      '# Secrets and settings: mode 0640, owner root, group app. Never commit it.',
      'SECRET_KEY=replace-with-50-random-characters',
      ''
    ]);
  });
});
