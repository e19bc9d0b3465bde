// The ordered checklist of a plan: what to do, in the order a deployment is built
// (machine, database, code, framework, app server, web server, HTTPS, queue, CI,
// watching it), each step linked to the topic page that explains it. The wording is
// the planner's own; the facts are the pages'.
import type { ChecklistItem, PlanChoices, PlanFile } from './planTypes.ts';

type Step = ChecklistItem & { when: (c: PlanChoices) => boolean };

const server = (c: PlanChoices) => c.hosting === 'vps' || c.hosting === 'iaas';
const file = (files: PlanFile[], name: string) => files.find((f) => f.name === name)?.path ?? name;

/** The steps, in order; each applies when `when` says so. Ids never change once published. */
function steps(files: PlanFile[]): Step[] {
  const f = (name: string) => `\`${file(files, name)}\``;
  return [
    {
      id: 'vps-machine',
      topic: 'virtual-private-servers',
      when: (c) => c.hosting === 'vps',
      text: 'Rent a small server with a current Debian or Ubuntu LTS release, log in with an SSH key and turn off password logins.'
    },
    {
      id: 'iaas-machine',
      topic: 'infrastructure-as-a-service',
      when: (c) => c.hosting === 'iaas',
      text: 'Create a virtual machine in a private network, with a security group that lets in only SSH, HTTP and HTTPS.'
    },
    {
      id: 'os-updates',
      topic: 'operating-systems',
      when: server,
      text: 'Turn on automatic security updates and a firewall that allows only SSH, HTTP and HTTPS.'
    },
    {
      id: 'paas-app',
      topic: 'platform-as-a-service',
      when: (c) => c.hosting === 'paas',
      text: 'Create the app on the platform, connect it to your repository, and commit `.python-version` so it builds on the Python line you test with.'
    },
    {
      id: 'containers-service',
      topic: 'containers',
      when: (c) => c.hosting === 'containers',
      text: 'Choose where the containers run (a managed container service or a Kubernetes cluster) and a private registry for the image.'
    },
    {
      id: 'serverless-function',
      topic: 'aws-lambda',
      when: (c) => c.hosting === 'serverless',
      text: 'Create the function on a current Python runtime, with an HTTP API in front of it and its settings in environment variables.'
    },

    {
      id: 'db-postgresql',
      topic: 'databases',
      when: (c) => server(c) && c.database === 'postgresql',
      text: `Install PostgreSQL, then run ${f('roles.sql')} once as the postgres superuser: the app gets its own role, database and schema.`
    },
    {
      id: 'db-sqlite',
      topic: 'databases',
      when: (c) => c.database === 'sqlite',
      text: 'Create /srv/app/data owned by the app user for the SQLite file, outside any folder the web server serves.'
    },
    {
      id: 'db-managed',
      topic: 'databases',
      when: (c) => c.database === 'managed',
      text: 'Create a managed PostgreSQL in the same region and give the app its host, user and password as environment variables.'
    },
    {
      id: 'db-backups',
      topic: 'databases',
      when: (c) => c.database !== undefined && c.database !== 'none',
      text: 'Schedule backups, then restore one to prove they work.'
    },

    {
      id: 'code-venv',
      topic: 'virtual-environments',
      when: server,
      text: 'Create the app user and /srv/app, put the code there, and create its virtual environment in /srv/app/.venv.'
    },
    {
      id: 'code-dependencies',
      topic: 'application-dependencies',
      when: (c) => c.hosting !== 'serverless',
      text: 'Pin the dependencies in a lock file and install exactly those on every deploy.'
    },
    {
      id: 'env-file',
      topic: 'web-application-security',
      when: (c) => server(c) && files.some((x) => x.name === 'app.env'),
      text: `Fill in ${f('app.env')} with real secrets; make it readable by root and the app group only.`
    },

    {
      id: 'django-settings',
      topic: 'django',
      when: (c) => c.framework === 'django',
      text: `Add ${f('production.py')} and run the app with DJANGO_SETTINGS_MODULE=mysite.production.`
    },
    {
      id: 'django-release',
      topic: 'django',
      when: (c) => c.framework === 'django',
      text: 'On every release run `manage.py check --deploy`, `migrate` and `collectstatic` before the new code takes traffic.'
    },
    {
      id: 'flask-app',
      topic: 'flask',
      when: (c) => c.framework === 'flask',
      text: `Start from ${f('app.py')}: the secret from the environment, secure cookies, exactly one trusted proxy, and /health for uptime checks.`
    },
    {
      id: 'asgi-app',
      topic: 'asgi-servers',
      when: (c) => c.framework === 'asgi',
      text: `Add ${f('asgi.py')}; never block its event loop with synchronous database or network calls.`
    },

    {
      id: 'gunicorn-unit',
      topic: 'gunicorn',
      when: (c) => server(c) && c.appServer === 'gunicorn',
      text: `Add ${f('gunicorn.conf.py')} and ${f('app.service')}, then \`systemctl enable --now app\`.`
    },
    {
      id: 'uwsgi-unit',
      topic: 'uwsgi',
      when: (c) => server(c) && c.appServer === 'uwsgi',
      text: `Install Debian's uwsgi and uwsgi-plugin-python3, add ${f('uwsgi.ini')}, ${f('wsgi.py')} and ${f('app.service')}, then \`systemctl enable --now app\`.`
    },
    {
      id: 'mod-wsgi-script',
      topic: 'mod-wsgi',
      when: (c) => c.appServer === 'mod-wsgi',
      text: `Install libapache2-mod-wsgi-py3 (built for the same Python as the virtual environment) and add ${f('wsgi.py')}.`
    },
    {
      id: 'uvicorn-unit',
      topic: 'asgi-servers',
      when: (c) => server(c) && c.appServer === 'uvicorn',
      text: `Add ${f('asgi.service')}, then \`systemctl enable --now asgi\`; leave --reload off in production.`
    },
    {
      id: 'paas-procfile',
      topic: 'heroku',
      when: (c) => c.hosting === 'paas',
      text: 'Commit the Procfile: the platform runs its web command with $PORT set.'
    },
    {
      id: 'paas-static',
      topic: 'static-content',
      when: (c) => c.hosting !== 'vps' && c.hosting !== 'iaas' && c.framework === 'django',
      text: 'With no web server of your own, serve static files from the app (WhiteNoise) or from object storage behind a CDN.'
    },
    {
      id: 'containers-image',
      topic: 'docker',
      when: (c) => c.hosting === 'containers',
      text: 'Build the image from the Dockerfile in CI, tag it with the commit, and run it read-only as its unprivileged user.'
    },

    {
      id: 'nginx-site',
      topic: 'nginx',
      when: (c) => server(c) && c.webServer === 'nginx',
      text: `Add the site as ${f('app')}, link it into sites-enabled, check it with \`nginx -t\`, then reload nginx.`
    },
    {
      id: 'apache-site',
      topic: 'apache-http-server',
      when: (c) => server(c) && c.webServer === 'apache',
      text: `Add ${f('app.conf')}, run \`a2ensite app\` and \`apachectl configtest\`, then reload Apache.`
    },
    {
      id: 'apache-proto',
      topic: 'apache-http-server',
      when: (c) => c.webServer === 'apache' && c.framework === 'django',
      text: 'In the HTTPS virtual host add `RequestHeader set X-Forwarded-Proto https`: Django believes that header, so Apache must set it.'
    },
    {
      id: 'caddy-site',
      topic: 'caddy',
      when: (c) => server(c) && c.webServer === 'caddy',
      text: `Put the ${f('Caddyfile')} in place with your domain and reload Caddy: it fetches and renews the certificate itself.`
    },
    {
      id: 'https-certbot',
      topic: 'https',
      when: (c) => server(c) && (c.webServer === 'nginx' || c.webServer === 'apache'),
      text: "Get a certificate from Let's Encrypt with Certbot, redirect plain HTTP to HTTPS, and check that renewal runs."
    },
    {
      id: 'static-files',
      topic: 'static-content',
      when: (c) => server(c) && c.framework !== 'asgi',
      text: 'Let the web server send /static/ itself, with long cache lifetimes for hashed file names.'
    },

    {
      id: 'celery-redis',
      topic: 'nosql-data-stores',
      when: (c) => c.taskQueue === 'celery',
      text: 'Run Redis as the broker on a private address (127.0.0.1 on a single server, or a managed Redis), never open to the internet.'
    },
    {
      id: 'celery-worker',
      topic: 'task-queues',
      when: (c) => c.taskQueue === 'celery',
      text: `Add ${f('tasks.py')} and start the worker${files.some((x) => x.name === 'celery.service') ? ` with ${f('celery.service')}` : ''}; restart the workers on every deploy.`
    },
    {
      id: 'sqs-consumer',
      topic: 'serverless',
      when: (c) => c.taskQueue === 'sqs',
      text: 'Connect the queue to the consumer function with partial batch responses, and a dead-letter queue for messages that keep failing.'
    },

    {
      id: 'ci-workflow',
      topic: 'continuous-integration',
      when: (c) => c.ci === 'github-actions',
      text: 'Commit `.github/workflows/ci.yml` so every push and pull request runs the tests.'
    },
    {
      id: 'deploy-strategy',
      topic: 'deployment-strategies',
      when: () => true,
      text: 'Decide how a release goes out and how you roll it back, before the first real deploy.'
    },
    {
      id: 'logs-monitoring',
      topic: 'monitoring',
      when: () => true,
      text: 'Send the logs to one place and alert on errors and slow responses.'
    }
  ];
}

/** The checklist for these choices and files, in deployment order. */
export function planChecklist(choices: PlanChoices, files: PlanFile[]): ChecklistItem[] {
  return steps(files)
    .filter((s) => s.when(choices))
    .map(({ id, text, topic }) => ({ id, text, topic }));
}

/** Every topic any checklist step links to (a unit test checks each exists). */
export function checklistTopics(): string[] {
  return [...new Set(steps([]).map((s) => s.topic))];
}
