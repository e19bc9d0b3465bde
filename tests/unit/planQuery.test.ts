// Reading a plan from its address, in detail: values written another way, typos near one
// option and far from all, repeats, unknown keys, and how a note quotes what it was given.
import { describe, expect, it } from 'vitest';
import { defaultChoices } from '../../src/lib/plan/planModel.ts';
import { parsePlanQuery, planQuery } from '../../src/lib/plan/planQuery.ts';

describe('reading a plan from the address', () => {
  it.each([
    [
      'another case, and a space for the hyphen: read without a note',
      '?web=NGINX&app=Mod WSGI',
      { webServer: 'nginx', appServer: 'gunicorn' },
      ['mod_wsgi runs inside Apache: choose Apache as the web server. Using Gunicorn.']
    ],
    [
      'an id without its hyphen: read without a note',
      '?app=modwsgi&web=apache',
      { webServer: 'apache', appServer: 'mod-wsgi' },
      []
    ],
    [
      'a typo one edit from an option: that option, with a note',
      '?web=cady',
      { webServer: 'caddy' },
      ["'cady' is not a web server we know; using Caddy."]
    ],
    [
      'a typo two edits away',
      '?framework=flsk&queue=celry',
      { framework: 'flask', taskQueue: 'celery' },
      [
        "'flsk' is not a framework we know; using Flask.",
        "'celry' is not a task queue we know; using Celery with Redis."
      ]
    ],
    [
      'a value far from every option: the default',
      '?web=cxdxyz',
      { webServer: 'nginx' },
      ["'cxdxyz' is not a web server we know; using nginx."]
    ],
    [
      'a value too short to guess from: the default',
      '?web=ca',
      { webServer: 'nginx' },
      ["'ca' is not a web server we know; using nginx."]
    ],
    [
      'a hosting typo: that hosting and its slots',
      '?hosting=pass',
      { hosting: 'paas', database: 'managed' },
      ["'pass' is not a kind of hosting we know; using a platform-as-a-service."]
    ],
    ['a hosting in another case: no note', '?hosting=Serverless', { hosting: 'serverless' }, []],
    ['the same value twice: no note', '?web=caddy&web=caddy', { webServer: 'caddy' }, []],
    ['an empty key: nothing to say', '?=x&web=caddy', { webServer: 'caddy' }, []],
    [
      'six unknown keys: the first five named',
      '?a=1&b=2&c=3&d=4&e=5&f=6',
      {},
      ["Ignored what the planner does not know: 'a', 'b', 'c', 'd', 'e'…."]
    ],
    [
      'an unknown key twice: named once',
      '?a=1&a=2',
      {},
      ["Ignored what the planner does not know: 'a'."]
    ],
    [
      'a long value: quoted to 30 characters',
      `?web=${'y'.repeat(40)}`,
      { webServer: 'nginx' },
      [`'${'y'.repeat(30)}…' is not a web server we know; using nginx.`]
    ],
    [
      'a control character: quoted as ?',
      '?web=caddy%01',
      { webServer: 'caddy' },
      ["'caddy?' is not a web server we know; using Caddy."]
    ],
    ['no question mark', 'web=caddy', { webServer: 'caddy' }, []]
  ])('%s', (_, search, expected, notes) => {
    const r = parsePlanQuery(search);
    expect(r.choices).toMatchObject(expected);
    expect(r.notes).toEqual(notes);
  });

  it('a repeated key keeps the first value and says so', () => {
    expect(parsePlanQuery('?db=sqlite&db=postgresql&framework=flask')).toEqual({
      choices: { ...defaultChoices('vps'), framework: 'flask', database: 'sqlite' },
      notes: ["'db' was given more than once; using the first, 'sqlite'."]
    });
  });
});

describe('writing a plan into the address', () => {
  it('writes the hosting, then only the slots that hosting has, in order', () => {
    expect(planQuery(defaultChoices('paas'))).toBe(
      '?hosting=paas&app=gunicorn&framework=django&db=managed&queue=none&ci=github-actions'
    );
    expect(planQuery({ ...defaultChoices('serverless'), webServer: 'nginx' })).toBe(
      '?hosting=serverless&framework=handler&db=none&queue=none&ci=github-actions'
    );
  });

  it('leaves out a slot with no choice', () => {
    expect(planQuery({ hosting: 'vps', webServer: 'caddy' })).toBe('?hosting=vps&web=caddy');
  });
});
