// The files of a plan: the pages' tested example blocks, exactly as published, put
// where they go and made to fit together by a short list of named substitutions (the
// app server's port in the web server's file, the framework's module in the app
// server's command...). Each substitution must find its text, so a page edit that moves
// it fails the build instead of shipping a plan that no longer fits.
import type { FileChange, PlanBlock, PlanChoices, PlanData, PlanFile } from './planTypes.ts';

/** Every block the planner uses, by a short name: [topic, block title]. */
export const PLAN_BLOCKS = {
  nginxSite: ['nginx', '/etc/nginx/sites-available/app'],
  apacheSite: ['apache-http-server', '/etc/apache2/sites-available/app.conf'],
  caddyfile: ['caddy', '/etc/caddy/Caddyfile'],
  gunicornConf: ['gunicorn', '/srv/app/gunicorn.conf.py'],
  gunicornUnit: ['gunicorn', '/etc/systemd/system/app.service'],
  uwsgiIni: ['uwsgi', '/srv/app/uwsgi.ini'],
  wsgiScript: ['mod-wsgi', '/srv/app/wsgi.py'],
  asgiApp: ['asgi-servers', '/srv/app/asgi.py'],
  asgiUnit: ['asgi-servers', '/etc/systemd/system/asgi.service'],
  djangoSettings: ['django', 'mysite/production.py'],
  flaskApp: ['flask', 'app.py'],
  roles: ['databases', 'roles.sql'],
  tasks: ['task-queues', '/srv/app/tasks.py'],
  celeryUnit: ['task-queues', '/etc/systemd/system/celery.service'],
  procfile: ['heroku', 'Procfile'],
  pythonVersion: ['platform-as-a-service', '.python-version'],
  dockerfile: ['docker', 'Dockerfile'],
  ciWorkflow: ['continuous-integration', '.github/workflows/ci.yml'],
  lambdaHandler: ['aws-lambda', 'handler.py'],
  sqsConsumer: ['serverless', 'consumer.py']
} as const satisfies Record<string, readonly [string, string]>;

export type BlockName = keyof typeof PLAN_BLOCKS;

export const blockKey = (name: BlockName) => PLAN_BLOCKS[name].join(':');

/** Thrown when a published block no longer has the text a substitution needs. */
export class PlanFileError extends Error {
  name = 'PlanFileError';
}

/**
 * Applies the changes in order; every `from` must occur in the text (all occurrences are
 * replaced). Throws a PlanFileError naming the page, line and block otherwise.
 */
export function applyChanges(block: PlanBlock, changes: FileChange[]): string {
  let text = block.code;
  for (const c of changes) {
    if (!text.includes(c.from))
      throw new PlanFileError(
        `${block.file}:${block.line}: plan: the block "${block.title}" no longer contains ${JSON.stringify(c.from)} (needed to ${c.why})`
      );
    text = text.split(c.from).join(c.to);
  }
  return text;
}

const DJANGO_WSGI_IMPORT =
  'from app import app as application  # noqa: E402 (after the environment is set)';
const GUNICORN_EXEC =
  'ExecStart=/srv/app/.venv/bin/python -m gunicorn --config /srv/app/gunicorn.conf.py app:app';
const DOCKER_CMD = 'CMD ["gunicorn", "--bind", "0.0.0.0:8000", "--workers", "2", "app:app"]';
const PROCFILE_WEB = 'web: gunicorn --bind 0.0.0.0:$PORT --workers 2 --access-logfile - app:app';
const CELERY_COMMAND = 'celery --app tasks worker --loglevel INFO --concurrency 2';

/** Where the app's code lives on the target: a server's /srv/app, an image's or a platform's /app. */
const codeRoot = (c: PlanChoices) =>
  c.hosting === 'vps' || c.hosting === 'iaas' ? '/srv/app/' : '';

/** The WSGI (or ASGI) entry point of the chosen framework, as app servers name it. */
function appModule(c: PlanChoices): string {
  if (c.framework === 'django')
    return c.appServer === 'uvicorn' ? 'mysite.asgi:application' : 'mysite.wsgi';
  return c.framework === 'asgi' ? 'asgi:app' : 'app:app';
}

/** The environment file the units and wsgi.py read: the variables the chosen files use. */
export function envFile(c: PlanChoices): string | undefined {
  const lines: string[] = [
    '# Secrets and settings: mode 0640, owner root, group app. Never commit it.'
  ];
  if (c.framework === 'django') {
    lines.push(
      'DJANGO_SETTINGS_MODULE=mysite.production',
      'DJANGO_SECRET_KEY=replace-with-50-random-characters',
      'DJANGO_ALLOWED_HOSTS=example.org'
    );
    if (c.database === 'postgresql')
      lines.push(
        '# The password roles.sql gives the app role:',
        'DB_PASSWORD=replace-with-a-long-random-secret'
      );
    if (c.database === 'managed')
      lines.push(
        'DB_HOST=replace-with-the-provider-host',
        'DB_PORT=5432',
        'DB_NAME=app',
        'DB_USER=app',
        'DB_PASSWORD=replace-with-the-provider-password'
      );
  }
  if (c.framework === 'flask') {
    lines.push('SECRET_KEY=replace-with-50-random-characters');
    if (c.database === 'sqlite') lines.push('DATABASE=/srv/app/data/app.sqlite3');
  }
  if (c.taskQueue === 'celery')
    lines.push(
      'CELERY_BROKER_URL=redis://127.0.0.1:6379/0',
      'CELERY_RESULT_BACKEND=redis://127.0.0.1:6379/1'
    );
  return lines.length > 1 ? `${lines.join('\n')}\n` : undefined;
}

interface FileSpec {
  block: BlockName;
  /** Where it goes; defaults to the block's title under the code root. */
  path?: string;
  why: string;
  changes?: FileChange[];
}

/** The files of a plan as specs: which block, where it goes, what changes. */
function fileSpecs(c: PlanChoices): FileSpec[] {
  const onServer = c.hosting === 'vps' || c.hosting === 'iaas';
  const root = codeRoot(c);
  const django = c.framework === 'django';
  const uvicorn = c.appServer === 'uvicorn';
  const specs: FileSpec[] = [];
  const toAsgiPort: FileChange = {
    from: '127.0.0.1:8000',
    to: '127.0.0.1:8001',
    why: 'proxy to Uvicorn, which the ASGI unit binds to port 8001'
  };

  // The web server in front (servers only).
  if (onServer && c.webServer === 'nginx')
    specs.push({
      block: 'nginxSite',
      why: 'The nginx site: serves /static/ itself and proxies everything else to the app server.',
      changes: uvicorn ? [toAsgiPort] : []
    });
  if (onServer && c.webServer === 'caddy')
    specs.push({
      block: 'caddyfile',
      why: 'The Caddyfile: HTTPS for the domain, /static/ from the folder, the rest proxied to the app server.',
      changes: uvicorn ? [toAsgiPort] : []
    });
  if (onServer && c.webServer === 'apache')
    specs.push({
      block: 'apacheSite',
      why: 'The Apache virtual host: mod_wsgi daemon processes run the app, Apache serves /static/.'
    });

  // The app server and its unit.
  if (onServer && c.appServer === 'gunicorn') {
    specs.push({
      block: 'gunicornConf',
      why: "Gunicorn's settings: the loopback bind the web server proxies to, workers, timeouts, logs."
    });
    specs.push({
      block: 'gunicornUnit',
      why: 'The systemd unit that starts Gunicorn with that file and restarts it if it fails.',
      changes: django
        ? [{ from: 'app:app', to: 'mysite.wsgi', why: "run the Django project's WSGI module" }]
        : []
    });
  }
  if (onServer && (c.appServer === 'uwsgi' || c.appServer === 'mod-wsgi'))
    specs.push({
      block: 'wsgiScript',
      why:
        c.appServer === 'uwsgi'
          ? 'The WSGI entry point uWSGI loads: it reads app.env, then imports the app.'
          : "The WSGI script Apache's daemon processes load: it reads app.env, then imports the app.",
      changes: django
        ? [
            {
              from: DJANGO_WSGI_IMPORT,
              to: 'from mysite.wsgi import application  # noqa: E402 (after the environment is set)',
              why: "import the Django project's WSGI application"
            }
          ]
        : []
    });
  if (onServer && c.appServer === 'uwsgi') {
    specs.push({
      block: 'uwsgiIni',
      why: "uWSGI's settings: strict mode, the loopback socket the web server proxies to, workers, timeouts."
    });
    specs.push({
      block: 'gunicornUnit',
      why: "The Gunicorn page's systemd unit, starting uWSGI instead (uWSGI also tells systemd when it is ready).",
      changes: [
        {
          from: 'Description=Gunicorn serving the example app',
          to: 'Description=uWSGI serving the example app',
          why: 'name the service after what it runs'
        },
        {
          from: GUNICORN_EXEC,
          to: 'ExecStart=/usr/bin/uwsgi --plugin python3 --ini /srv/app/uwsgi.ini',
          why: "start Debian's uWSGI with its Python 3 plugin and the ini file"
        }
      ]
    });
  }
  if (uvicorn && onServer) {
    if (c.framework === 'asgi')
      specs.push({
        block: 'asgiApp',
        why: 'The ASGI app: answers HTTP and the lifespan messages.'
      });
    specs.push({
      block: 'asgiUnit',
      why: 'The systemd unit that starts Uvicorn on loopback, believing the proxy headers of the local web server only.',
      changes: django
        ? [
            {
              from: 'asgi:app',
              to: 'mysite.asgi:application',
              why: "run the Django project's ASGI application"
            },
            {
              from: 'WorkingDirectory=/srv/app\n',
              to: 'WorkingDirectory=/srv/app\nEnvironmentFile=/srv/app/app.env\n',
              why: 'give Django its settings module and secrets'
            }
          ]
        : []
    });
  }

  // Platforms and images start the app server themselves.
  if (c.hosting === 'paas') {
    const web = uvicorn
      ? `web: uvicorn --host 0.0.0.0 --port $PORT --workers 2 ${appModule(c)}`
      : PROCFILE_WEB.replace('app:app', appModule(c));
    const why = [
      web !== PROCFILE_WEB &&
        (uvicorn
          ? "start Uvicorn on the platform's $PORT"
          : "run the Django project's WSGI module"),
      c.taskQueue === 'celery' && 'add a worker process for Celery'
    ]
      .filter(Boolean)
      .join(', and ');
    const to = c.taskQueue === 'celery' ? `${web}\nworker: ${CELERY_COMMAND}` : web;
    const changes: FileChange[] = to === PROCFILE_WEB ? [] : [{ from: PROCFILE_WEB, to, why }];
    specs.push({
      block: 'procfile',
      path: 'Procfile',
      why: 'The Procfile: the command the platform runs for web requests.',
      changes
    });
    specs.push({
      block: 'pythonVersion',
      path: '.python-version',
      why: 'The Python release line the platform builds with.'
    });
  }
  if (c.hosting === 'containers') {
    const cmd = uvicorn
      ? `CMD ["uvicorn", "--host", "0.0.0.0", "--port", "8000", "--workers", "2", "${appModule(c)}"]`
      : DOCKER_CMD.replace('app:app', appModule(c));
    specs.push({
      block: 'dockerfile',
      path: 'Dockerfile',
      why: 'The Dockerfile: a two-stage build with the locked dependencies, running as an unprivileged user.',
      changes:
        cmd === DOCKER_CMD
          ? []
          : [
              {
                from: DOCKER_CMD,
                to: cmd,
                why: uvicorn
                  ? 'start Uvicorn with the ASGI application'
                  : "run the Django project's WSGI module"
              }
            ]
    });
  }

  // The framework's production settings.
  if (django)
    specs.push({
      block: 'djangoSettings',
      path: `${root}mysite/production.py`,
      why: "Django's production settings: secrets and hosts from the environment, PostgreSQL, HTTPS behind the proxy.",
      changes: onServer
        ? []
        : [
            {
              from: 'STATIC_ROOT = "/srv/app/static/"',
              to: 'STATIC_ROOT = "/app/static/"',
              why: 'collect static files where the image or platform keeps the code'
            }
          ]
    });
  if (c.framework === 'flask')
    specs.push({
      block: 'flaskApp',
      path: `${root}app.py`,
      why: 'The Flask app: the secret from the environment, secure cookies, one trusted proxy, a health check that reads SQLite.'
    });
  if (c.framework === 'asgi' && !onServer)
    specs.push({
      block: 'asgiApp',
      path: 'asgi.py',
      why: 'The ASGI app: answers HTTP and the lifespan messages.'
    });
  if (c.framework === 'handler')
    specs.push({
      block: 'lambdaHandler',
      path: 'handler.py',
      why: 'The Lambda handler API Gateway calls with each request.'
    });

  // The database.
  if (onServer && c.database === 'postgresql')
    specs.push({
      block: 'roles',
      path: 'roles.sql',
      why: "Run once as the postgres superuser: the app's own role, database and schema, and nothing more."
    });

  // The task queue.
  if (c.taskQueue === 'celery') {
    specs.push({
      block: 'tasks',
      path: `${root}tasks.py`,
      why: 'The Celery app and a task, with late acknowledgement and time limits.'
    });
    if (onServer)
      specs.push({
        block: 'celeryUnit',
        why: 'The systemd unit for the worker, with time to finish running tasks on a deploy.'
      });
  }
  if (c.taskQueue === 'sqs')
    specs.push({
      block: 'sqsConsumer',
      path: 'consumer.py',
      why: 'The function SQS calls with a batch, reporting only the messages that failed.'
    });

  if (c.ci === 'github-actions')
    specs.push({
      block: 'ciWorkflow',
      why: 'The CI workflow: tests on every push and pull request, then a build.'
    });
  return specs;
}

const lastPart = (path: string) => path.split('/').filter(Boolean).pop() ?? path;

/**
 * The files of a plan, in the order the checklist uses them: each a published block
 * (with the substitutions listed in `changes`), plus the environment file the engine
 * writes for a server. Throws a PlanFileError if a block is missing or has changed.
 */
export function planFiles(c: PlanChoices, data: PlanData): PlanFile[] {
  const files: PlanFile[] = fileSpecs(c).map((spec) => {
    const block = data.blocks[blockKey(spec.block)];
    if (!block)
      throw new PlanFileError(
        `plan: no block titled "${PLAN_BLOCKS[spec.block][1]}" on content/${PLAN_BLOCKS[spec.block][0]}.md`
      );
    const changes = spec.changes ?? [];
    const path = spec.path ?? block.title;
    return {
      path,
      name: lastPart(path),
      lang: block.lang,
      // A file ends with a newline; a block's text has none after its last line.
      content: `${applyChanges(block, changes)}\n`,
      topic: block.topic,
      why: spec.why,
      source: {
        file: block.file,
        line: block.line,
        title: block.title,
        ...(block.test ? { test: block.test } : {}),
        ...(block.untested !== undefined ? { untested: block.untested } : {})
      },
      changes
    };
  });
  const env = c.hosting === 'vps' || c.hosting === 'iaas' ? envFile(c) : undefined;
  if (env)
    files.push({
      path: '/srv/app/app.env',
      name: 'app.env',
      lang: 'dotenv',
      content: env,
      topic:
        c.framework === 'flask' ? 'flask' : c.framework === 'django' ? 'django' : 'task-queues',
      why: 'Written by the planner: the variables the files above read, with placeholders to replace.',
      changes: []
    });
  return files;
}
