// @vitest-environment node
// The planner's data, built from the content: which published blocks it takes, what it
// keeps of each topic, how it reports a page that no longer fits, and the check of the
// committed proof record's shape.
import { describe, expect, it } from 'vitest';
import { PLAN_BLOCKS } from '../../src/lib/plan/planFiles.ts';
import { buildPlanData, readProvenRecord } from '../../src/lib/plan/planData.ts';
import { realExamples, realTopics } from '../support/realContent.ts';

// Inputs only: the real topics and blocks, read once per process.
const topics = realTopics();
const examples = realExamples();
const record = { ranOn: 'Debian 13, 2026-12-01', stacks: [] };

describe('building the plan data', () => {
  it('takes each block the planner uses from its page, as published, with the proof record', () => {
    const data = buildPlanData(topics, examples, record);
    expect(data.proven).toBe(record);
    expect(Object.keys(data.blocks).sort()).toEqual(
      Object.values(PLAN_BLOCKS)
        .map(([topic, title]) => `${topic}:${title}`)
        .sort()
    );
    for (const block of Object.values(data.blocks)) {
      const e = examples.find((x) => x.file === block.file && x.line === block.line)!;
      expect(block).toEqual({
        topic: block.topic,
        title: e.title,
        lang: e.lang,
        code: e.code,
        file: e.file,
        line: e.line,
        ...(e.test ? { test: e.test } : {}),
        ...(e.untested !== undefined ? { untested: e.untested } : {})
      });
      expect(e.file).toBe(`content/${block.topic}.md`);
    }
  });

  it('a block the page marks untested carries its reason; a tested one its scenario', () => {
    const marked = examples.map((e) =>
      e.title === '/etc/caddy/Caddyfile' ? { ...e, test: undefined, untested: 'no Caddy here' } : e
    );
    const data = buildPlanData(topics, marked, record);
    expect(data.blocks['caddy:/etc/caddy/Caddyfile']).toMatchObject({ untested: 'no Caddy here' });
    expect(data.blocks['caddy:/etc/caddy/Caddyfile']).not.toHaveProperty('test');
    const nginx = data.blocks['nginx:/etc/nginx/sites-available/app'];
    expect(nginx.test).toEqual(expect.any(String));
    expect(nginx).not.toHaveProperty('untested');
  });

  it('keeps of each topic its title, parent and arrows, and nothing else', () => {
    const data = buildPlanData(topics, examples, record);
    expect(data.topics).toEqual(
      Object.fromEntries(
        topics.map((t) => [t.slug, { title: t.title, parent: t.parent, arrows: t.arrows }])
      )
    );
  });

  it('a block of the same title on another page is not the one the planner means', () => {
    const caddy = examples.find((e) => e.title === '/etc/caddy/Caddyfile')!;
    const copied = [...examples, { ...caddy, file: 'content/nginx.md', line: 999 }];
    const data = buildPlanData(topics, copied, record);
    expect(data.blocks['caddy:/etc/caddy/Caddyfile'].file).toBe('content/caddy.md');
  });

  it('names every missing or doubled block, each once, and assembles nothing', () => {
    const caddy = examples.find((e) => e.title === '/etc/caddy/Caddyfile')!;
    const edited = [
      ...examples.filter((e) => e.title !== '/etc/apache2/sites-available/app.conf'),
      { ...caddy, line: caddy.line + 40 }
    ];
    expect(() => buildPlanData(topics, edited, record)).toThrow(
      new Error(
        'The planner cannot assemble its files:\n' +
          '  content/apache-http-server.md: plan: no block titled "/etc/apache2/sites-available/app.conf" (the planner\'s files use it)\n' +
          '  content/caddy.md: plan: more than one block titled "/etc/caddy/Caddyfile" (the planner\'s files use it)'
      )
    );
  });

  it('a substitution that no longer finds its text is named once, though many plans use it', () => {
    const edited = examples.map((e) =>
      e.title === '/etc/systemd/system/app.service'
        ? { ...e, code: e.code.replace('app:app', 'wsgi:app') }
        : e
    );
    let message = '';
    try {
      buildPlanData(topics, edited, record);
    } catch (e) {
      message = (e as Error).message;
    }
    const lines = message.split('\n');
    expect(lines[0]).toBe('The planner cannot assemble its files:');
    expect(lines.length).toBeGreaterThan(1);
    expect(new Set(lines).size).toBe(lines.length);
    expect(lines.filter((l) => l.includes('no longer contains "app:app"'))).toHaveLength(1);
  });
});

describe('the proof record', () => {
  const stack = {
    id: 'nginx-gunicorn-django-postgresql',
    label: 'nginx, Gunicorn, Django, PostgreSQL',
    ranOn: 'Debian 13, 2026-12-01',
    files: '0123456789abcdef',
    versions: { nginx: '1.26.3', python: '3.13.5' }
  };
  const fix = '(rewrite it with npm run test:plans -- --record)';

  it('a record of the right shape is returned as it is', () => {
    const good = { ranOn: 'Debian 13, 2026-12-01', stacks: [stack] };
    expect(readProvenRecord(good)).toBe(good);
  });

  it.each<[string, unknown, string]>([
    ['nothing', undefined, 'expected { ranOn, stacks: [...] }'],
    ['no ranOn', { stacks: [] }, 'expected { ranOn, stacks: [...] }'],
    ['stacks that are not a list', { ranOn: 'x', stacks: {} }, 'expected { ranOn, stacks: [...] }'],
    [
      'a stack that is null',
      { ranOn: 'x', stacks: [null] },
      'stacks[0] needs an id, a label, ranOn and files'
    ],
    ...(['id', 'label', 'ranOn', 'files'] as const).map(
      (field) =>
        [
          `a stack without ${field}`,
          { ranOn: 'x', stacks: [stack, { ...stack, [field]: 7 }] },
          'stacks[1] needs an id, a label, ranOn and files'
        ] as [string, unknown, string]
    ),
    [
      'no versions',
      { ranOn: 'x', stacks: [{ ...stack, versions: undefined }] },
      'stacks[0].versions must map each part to a version'
    ],
    [
      'versions that are text',
      { ranOn: 'x', stacks: [{ ...stack, versions: 'nginx 1.26' }] },
      'stacks[0].versions must map each part to a version'
    ],
    [
      'one version that is a number',
      { ranOn: 'x', stacks: [{ ...stack, versions: { nginx: '1.26.3', python: 3.13 } }] },
      'stacks[0].versions must map each part to a version'
    ]
  ])('refuses %s, naming the file and how to fix it', (_, value, why) => {
    expect(() => readProvenRecord(value, 'proven.json')).toThrow(
      new Error(`proven.json: ${why} ${fix}`)
    );
  });

  it('names the committed file when no other is given', () => {
    expect(() => readProvenRecord({})).toThrow(
      `src/lib/plan/proven.json: expected { ranOn, stacks: [...] } ${fix}`
    );
  });
});
