// The planner's catalogue: every option of every slot with its topic and a short "why",
// the rules that say which combinations do not fit (and why), the defaults, and the
// repair that turns any set of choices into the nearest plan that fits.
import type { PlanChoices, PlanOption, Slot } from './planTypes.ts';

const opt = (
  slot: Slot,
  id: string,
  label: string,
  topic: string | undefined,
  why: string
): PlanOption => ({ id, slot, label, ...(topic ? { topic } : {}), why });

/** The slots in the order the chooser asks them; a rule only looks at earlier slots. */
export const SLOT_ORDER: Slot[] = [
  'hosting',
  'webServer',
  'appServer',
  'framework',
  'database',
  'taskQueue',
  'ci'
];

export const SLOTS: { slot: Slot; label: string; options: PlanOption[] }[] = [
  {
    slot: 'hosting',
    label: 'Hosting',
    options: [
      opt(
        'hosting',
        'paas',
        'A platform-as-a-service',
        'platform-as-a-service',
        'The quickest way online: push your code and the platform builds, runs and patches everything under it.'
      ),
      opt(
        'hosting',
        'vps',
        'A virtual private server',
        'virtual-private-servers',
        'One rented Linux machine you run yourself: cheap, predictable, and the best way to learn every layer.'
      ),
      opt(
        'hosting',
        'iaas',
        'Infrastructure-as-a-service',
        'infrastructure-as-a-service',
        'Virtual machines in a cloud account, with private networks and managed services next to them.'
      ),
      opt(
        'hosting',
        'containers',
        'Containers',
        'containers',
        'Ship one image that runs the same on your laptop, in CI and on a container service.'
      ),
      opt(
        'hosting',
        'serverless',
        'Serverless functions',
        'serverless',
        'Pay per request and run no server at all, for small APIs and event handlers.'
      )
    ]
  },
  {
    slot: 'webServer',
    label: 'Web server',
    options: [
      opt(
        'webServer',
        'nginx',
        'nginx',
        'nginx',
        'The most common front server for Python: fast with static files and slow clients, with examples for everything.'
      ),
      opt(
        'webServer',
        'apache',
        'Apache HTTP Server',
        'apache-http-server',
        'Already run by many organisations, and with mod_wsgi it hosts the app itself.'
      ),
      opt(
        'webServer',
        'caddy',
        'Caddy',
        'caddy',
        'HTTPS certificates fetched and renewed on its own, in a configuration of a few lines.'
      )
    ]
  },
  {
    slot: 'appServer',
    label: 'WSGI or ASGI server',
    options: [
      opt(
        'appServer',
        'gunicorn',
        'Gunicorn',
        'gunicorn',
        'The usual way to run Django or Flask: simple pre-fork workers and few settings to get wrong.'
      ),
      opt(
        'appServer',
        'uwsgi',
        'uWSGI',
        'uwsgi',
        'Very configurable and still running many sites, though only maintained since 2022.'
      ),
      opt(
        'appServer',
        'mod-wsgi',
        'mod_wsgi',
        'mod-wsgi',
        "Runs the app inside Apache's own managed processes, so one service does both jobs."
      ),
      opt(
        'appServer',
        'uvicorn',
        'Uvicorn',
        'asgi-servers',
        'An ASGI server for async apps, WebSockets and long-lived connections.'
      )
    ]
  },
  {
    slot: 'framework',
    label: 'Framework',
    options: [
      opt(
        'framework',
        'django',
        'Django',
        'django',
        'Batteries included: ORM, migrations, admin and authentication, with a well-trodden production checklist.'
      ),
      opt(
        'framework',
        'flask',
        'Flask',
        'flask',
        'Small and explicit: a good fit for APIs, tools and apps where you pick each part.'
      ),
      opt(
        'framework',
        'asgi',
        'A small ASGI app',
        'asgi-servers',
        'A bare async callable, the smallest thing an ASGI server can run (FastAPI and Starlette apps deploy the same way).'
      ),
      opt(
        'framework',
        'handler',
        'A Lambda handler',
        'aws-lambda',
        'A plain function the provider calls once per request or event.'
      )
    ]
  },
  {
    slot: 'database',
    label: 'Database',
    options: [
      opt(
        'database',
        'postgresql',
        'PostgreSQL on the server',
        'databases',
        'The default for new Python projects, run next to the app with a least-privilege role.'
      ),
      opt(
        'database',
        'sqlite',
        'SQLite',
        'databases',
        'One file and no server: enough for many small sites on a single machine.'
      ),
      opt(
        'database',
        'managed',
        'A managed PostgreSQL',
        'databases',
        'The provider runs backups, failover and upgrades; you get a host name and a password.'
      ),
      opt('database', 'none', 'No database', undefined, 'For an app that keeps no data of its own.')
    ]
  },
  {
    slot: 'taskQueue',
    label: 'Task queue',
    options: [
      opt(
        'taskQueue',
        'celery',
        'Celery with Redis',
        'task-queues',
        'Moves slow work (email, reports) out of the request into workers, with retries.'
      ),
      opt(
        'taskQueue',
        'sqs',
        'An SQS-triggered function',
        'serverless',
        'The serverless way to work through a queue: the provider calls a function per batch.'
      ),
      opt(
        'taskQueue',
        'none',
        'No task queue',
        undefined,
        'Every request does its own work; add a queue when something takes seconds.'
      )
    ]
  },
  {
    slot: 'ci',
    label: 'Continuous integration',
    options: [
      opt(
        'ci',
        'github-actions',
        'GitHub Actions',
        'continuous-integration',
        'Runs the tests on every push and pull request, with a read-only token.'
      ),
      opt(
        'ci',
        'none',
        'No CI yet',
        undefined,
        'Fine for a first experiment; add it before a second person pushes code.'
      )
    ]
  }
];

const bySlot = new Map(SLOTS.map((s) => [s.slot, s]));

/** The option with this id in this slot, if there is one. */
export function findOption(slot: Slot, id: string | undefined): PlanOption | undefined {
  return bySlot.get(slot)?.options.find((o) => o.id === id);
}

const label = (slot: Slot, id: string | undefined) => findOption(slot, id)?.label ?? String(id);

/** An option's label inside a sentence: "using a virtual private server", not "using A …". */
export function labelInSentence(slot: Slot, id: string | undefined): string {
  return label(slot, id).replace(/^(A|An) /, (m) => m.toLowerCase());
}

const NOUNS: Record<Slot, string> = {
  hosting: 'hosting',
  webServer: 'web server',
  appServer: 'WSGI or ASGI server',
  framework: 'framework',
  database: 'database',
  taskQueue: 'task queue',
  ci: 'CI service'
};

/** A slot's name inside a sentence ("the web server", "a WSGI or ASGI server"). */
export function slotNoun(slot: Slot): string {
  return NOUNS[slot];
}

/** The slots this hosting leaves to you, in the order the chooser asks them. */
export function slotsFor(hosting: string): Slot[] {
  switch (hosting) {
    case 'vps':
    case 'iaas':
      return ['webServer', 'appServer', 'framework', 'database', 'taskQueue', 'ci'];
    case 'paas':
    case 'containers':
      return ['appServer', 'framework', 'database', 'taskQueue', 'ci'];
    case 'serverless':
      return ['framework', 'database', 'taskQueue', 'ci'];
    default:
      return [];
  }
}

/** Why the hosting leaves a slot out, said when the address names it anyway. */
export function slotLeftOut(hosting: string, slot: Slot): string | undefined {
  if (slot === 'hosting' || slotsFor(hosting).includes(slot)) return undefined;
  if (slot === 'webServer') {
    if (hosting === 'paas')
      return "On a platform-as-a-service the platform's router takes the requests and terminates HTTPS: you run no web server of your own.";
    if (hosting === 'containers')
      return "With containers, the container service's load balancer or ingress sits in front: the plan runs no web server of its own.";
    if (hosting === 'serverless')
      return "On serverless hosting the provider's API gateway takes each request: there is no web server to run.";
  }
  if (slot === 'appServer' && hosting === 'serverless')
    return 'On serverless hosting the provider runs your function: there is no app server to choose.';
  return undefined;
}

/**
 * Why an option does not fit the choices made in the earlier slots (undefined when it
 * fits). Rules look only at earlier slots, so a choice never blocks the one it depends on:
 * choosing Apache first, then mod_wsgi, always works.
 */
export function unfitReason(choices: PlanChoices, slot: Slot, id: string): string | undefined {
  const { hosting, webServer, appServer, framework } = choices;
  if (slot !== 'hosting') {
    const left = slotLeftOut(hosting, slot);
    if (left) return left;
  }
  const onPlatform = hosting === 'paas' || hosting === 'containers';
  const where = hosting === 'paas' ? 'a platform' : 'a container';
  if (slot === 'appServer') {
    if (id === 'mod-wsgi' && onPlatform)
      return `mod_wsgi runs inside Apache, and ${where} gives you no Apache of your own: choose Gunicorn or Uvicorn.`;
    if (id === 'mod-wsgi' && webServer !== 'apache')
      return 'mod_wsgi runs inside Apache: choose Apache as the web server.';
    if (id !== 'mod-wsgi' && webServer === 'apache')
      return `The map's Apache file hosts the app with mod_wsgi; to proxy to ${label('appServer', id)}, choose nginx or Caddy.`;
    if (id === 'uwsgi' && onPlatform)
      return `uWSGI has only been maintained since 2022; on ${where}, Gunicorn or Uvicorn is the simpler process to run.`;
  }
  if (slot === 'framework') {
    if (hosting === 'serverless' && id !== 'handler')
      return `On AWS Lambda the map's tested file is a plain handler; ${label('framework', id)} there needs an adapter such as Mangum or apig-wsgi.`;
    if (hosting !== 'serverless' && id === 'handler')
      return 'A Lambda handler runs only on serverless hosting.';
    if (id === 'asgi' && appServer !== 'uvicorn')
      return `An ASGI app needs an ASGI server, and ${label('appServer', appServer)} runs WSGI apps: choose Uvicorn.`;
    if (id === 'flask' && appServer === 'uvicorn')
      return "Flask speaks WSGI: under Uvicorn it would need an adapter such as asgiref's WsgiToAsgi. Choose Gunicorn, uWSGI or mod_wsgi.";
  }
  if (slot === 'database') {
    if (hosting === 'paas' && id === 'postgresql')
      return 'The platform runs PostgreSQL for you: choose its managed database.';
    if (hosting === 'paas' && id === 'sqlite')
      return 'A platform gives each process a throwaway disk, so an SQLite file would be lost on the next deploy.';
    if (hosting === 'containers' && id === 'sqlite')
      return "A container's filesystem is thrown away when it is replaced, and the SQLite file with it.";
    if (hosting === 'containers' && id === 'postgresql')
      return 'Keep the database outside the containers you replace on each deploy: choose a managed PostgreSQL.';
    if (framework === 'handler' && id !== 'none')
      return 'The Lambda handler keeps no data: choose no database.';
    if (framework === 'asgi' && id !== 'none')
      return 'The small ASGI app keeps no data: choose no database, or Django to use one.';
    if (framework === 'django' && id === 'sqlite')
      return "The map's tested Django settings connect to PostgreSQL: choose PostgreSQL or a managed one.";
    if (framework === 'django' && id === 'none')
      return "Django's sessions, admin and migrations need a database.";
    if (framework === 'flask' && (id === 'postgresql' || id === 'managed'))
      return "The map's tested Flask app reads SQLite with Python's standard library; PostgreSQL from Flask needs a driver or SQLAlchemy, which no page tests yet.";
  }
  if (slot === 'taskQueue') {
    if (id === 'celery' && hosting === 'serverless')
      return 'Functions cannot keep a Celery worker running: use an SQS-triggered function.';
    if (id === 'sqs' && hosting !== 'serverless')
      return 'The SQS consumer on the map is a Lambda function: it needs serverless hosting.';
  }
  return undefined;
}

/** Every option of a slot given the other choices; unfit ones carry the reason. */
export function optionsFor(
  choices: PlanChoices,
  slot: Slot
): { option: PlanOption; fits: boolean; reason?: string }[] {
  return (bySlot.get(slot)?.options ?? []).map((option) => {
    const reason = unfitReason(choices, slot, option.id);
    return reason ? { option, fits: false, reason } : { option, fits: true };
  });
}

const DEFAULTS: Record<string, Omit<PlanChoices, 'hosting'>> = {
  vps: {
    webServer: 'nginx',
    appServer: 'gunicorn',
    framework: 'django',
    database: 'postgresql',
    taskQueue: 'none',
    ci: 'github-actions'
  },
  iaas: {
    webServer: 'nginx',
    appServer: 'gunicorn',
    framework: 'django',
    database: 'postgresql',
    taskQueue: 'none',
    ci: 'github-actions'
  },
  paas: {
    appServer: 'gunicorn',
    framework: 'django',
    database: 'managed',
    taskQueue: 'none',
    ci: 'github-actions'
  },
  containers: {
    appServer: 'gunicorn',
    framework: 'django',
    database: 'managed',
    taskQueue: 'none',
    ci: 'github-actions'
  },
  serverless: { framework: 'handler', database: 'none', taskQueue: 'none', ci: 'github-actions' }
};

/** The default plan for a hosting (a virtual private server when none or an unknown one). */
export function defaultChoices(hosting?: string): PlanChoices {
  const h = hosting && findOption('hosting', hosting) ? hosting : 'vps';
  return { hosting: h, ...DEFAULTS[h] };
}

/**
 * The nearest plan that fits: slot by slot in order, a choice that fits is kept; one that
 * does not is replaced by the hosting's default for the slot when that fits, else by the
 * first option that does, with a note saying why. Slots the hosting leaves out are dropped.
 */
export function fitChoices(choices: PlanChoices): { choices: PlanChoices; notes: string[] } {
  const notes: string[] = [];
  const hosting = findOption('hosting', choices.hosting) ? choices.hosting : 'vps';
  const defaults = defaultChoices(hosting);
  const out: PlanChoices = { hosting };
  for (const slot of SLOT_ORDER.slice(1) as Exclude<Slot, 'hosting'>[]) {
    const wanted = choices[slot];
    if (!slotsFor(hosting).includes(slot)) continue;
    if (wanted !== undefined && findOption(slot, wanted) && !unfitReason(out, slot, wanted)) {
      out[slot] = wanted;
      continue;
    }
    const fallback = [defaults[slot], ...(bySlot.get(slot)?.options.map((o) => o.id) ?? [])].find(
      (id) => id !== undefined && !unfitReason(out, slot, id)
    );
    if (fallback === undefined) continue; // no option fits: the slot stays empty (no rule does this today)
    out[slot] = fallback;
    if (wanted !== undefined && findOption(slot, wanted))
      notes.push(`${unfitReason(out, slot, wanted)} Using ${labelInSentence(slot, fallback)}.`);
  }
  return { choices: out, notes };
}

/** Sets one choice and repairs the later slots, saying what changed and why. */
export function withChoice(
  choices: PlanChoices,
  slot: Slot,
  id: string
): { choices: PlanChoices; notes: string[] } {
  const next =
    slot === 'hosting'
      ? { ...defaultChoices(id), ...pick(choices, id), hosting: id }
      : { ...choices, [slot]: id };
  const fitted = fitChoices(next);
  // Only changes to slots after the one chosen are news; the chosen one is what was asked.
  const notes = SLOT_ORDER.filter(
    (s) =>
      s !== slot &&
      next[s] !== undefined &&
      fitted.choices[s] !== undefined &&
      next[s] !== fitted.choices[s]
  ).map((s) =>
    `${unfitReason(fitted.choices, s, next[s] as string) ?? ''} The ${slotNoun(s)} is now ${labelInSentence(s, fitted.choices[s])}.`.trim()
  );
  return { choices: fitted.choices, notes };
}

/** On a change of hosting, the choices worth keeping (those the new hosting also asks). */
function pick(choices: PlanChoices, hosting: string): Partial<PlanChoices> {
  const kept: Partial<PlanChoices> = {};
  for (const slot of slotsFor(hosting)) if (choices[slot] !== undefined) kept[slot] = choices[slot];
  return kept;
}

export function slotLabel(slot: Slot): string {
  return bySlot.get(slot)?.label ?? slot;
}

/**
 * The id the proof suite knows a stack by: the parts that run (web server, app server,
 * framework, database, task queue). A VPS and an IaaS machine run the same stack; CI is
 * not part of what runs. Undefined for hostings whose parts the provider runs.
 */
export function stackId(choices: PlanChoices): string | undefined {
  if (choices.hosting !== 'vps' && choices.hosting !== 'iaas') return undefined;
  return [
    choices.webServer,
    choices.appServer,
    choices.framework,
    choices.database === 'none' ? 'nodb' : choices.database,
    choices.taskQueue === 'none' ? undefined : choices.taskQueue
  ]
    .filter(Boolean)
    .join('-');
}

/** Why a stack cannot be brought up here, or undefined when it can. */
export function notRunnable(choices: PlanChoices): string | undefined {
  if (choices.hosting === 'paas')
    return 'the platform provides the build, the router and the database; there is no platform in CI';
  if (choices.hosting === 'containers')
    return 'there is no container runtime in CI, and base images cannot be pulled';
  if (choices.hosting === 'serverless')
    return 'there is no Lambda runtime or API gateway in CI (the examples suite calls the handlers directly)';
  if (choices.database === 'managed') return "the managed database is the provider's";
  return undefined;
}

/** Every plan the chooser offers (each fits), in slot order: the proof suite's universe. */
export function everyPlan(): PlanChoices[] {
  const out: PlanChoices[] = [];
  const grow = (c: PlanChoices, slots: Slot[]) => {
    if (!slots.length) return void out.push(c);
    const [slot, ...rest] = slots;
    for (const { option, fits } of optionsFor(c, slot))
      if (fits) grow({ ...c, [slot]: option.id }, rest);
  };
  for (const h of SLOTS[0].options) grow({ hosting: h.id }, slotsFor(h.id));
  return out;
}

/** Ready-made plans the prerendered /plan/ page lists (the most common stacks). */
export const COMMON_PLANS: { id: string; title: string; choices: PlanChoices }[] = [
  {
    id: 'django-vps',
    title: 'Django on a server: nginx, Gunicorn and PostgreSQL',
    choices: defaultChoices('vps')
  },
  {
    id: 'flask-apache',
    title: 'Flask in Apache with mod_wsgi and SQLite',
    choices: {
      ...defaultChoices('vps'),
      webServer: 'apache',
      appServer: 'mod-wsgi',
      framework: 'flask',
      database: 'sqlite'
    }
  },
  {
    id: 'flask-uwsgi',
    title: 'Flask under uWSGI behind nginx',
    choices: {
      ...defaultChoices('vps'),
      appServer: 'uwsgi',
      framework: 'flask',
      database: 'sqlite'
    }
  },
  {
    id: 'asgi-caddy',
    title: 'An ASGI app under Uvicorn behind Caddy',
    choices: {
      ...defaultChoices('vps'),
      webServer: 'caddy',
      appServer: 'uvicorn',
      framework: 'asgi',
      database: 'none'
    }
  },
  {
    id: 'django-paas',
    title: 'Django on a platform-as-a-service',
    choices: defaultChoices('paas')
  },
  {
    id: 'django-containers',
    title: 'Django in a container',
    choices: defaultChoices('containers')
  },
  { id: 'lambda', title: 'A function on AWS Lambda', choices: defaultChoices('serverless') }
];
