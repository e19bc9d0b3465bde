import { describe, expect, it } from 'vitest';
import { defaultChoices, type Plan } from '../../src/lib/plan/planModel.ts';
import { choiceRows, codeSpans, provenText } from '../../src/lib/planView/planWords.ts';

const plan = (extra: Partial<Plan>): Plan => ({
  choices: defaultChoices('vps'),
  parts: [],
  requestPath: [],
  requestArrows: [],
  checklist: [],
  files: [],
  ...extra
});

describe('planWords', () => {
  it('names the choices in the chooser order, with the slots the hosting leaves out absent', () => {
    expect(choiceRows(defaultChoices('paas')).map((r) => r.label)).toEqual([
      'Hosting',
      'WSGI or ASGI server',
      'Framework',
      'Database',
      'Task queue',
      'Continuous integration'
    ]);
    expect(choiceRows(defaultChoices('vps'))[1]).toEqual({
      slot: 'webServer',
      label: 'Web server',
      value: 'nginx'
    });
  });

  it.each([
    [
      'a proven stack names where and with which versions',
      plan({
        proven: {
          id: 's',
          label: 'nginx + Gunicorn',
          versions: { nginx: '1.22.1', gunicorn: '20.1.0' },
          ranOn: 'Debian 12'
        }
      }),
      'nginx + Gunicorn, brought up from exactly these files on Debian 12 (nginx 1.22.1, gunicorn 20.1.0).'
    ],
    [
      'a platform stack says why CI cannot run it',
      plan({ choices: defaultChoices('paas') }),
      /^Not proven as a whole stack: CI cannot bring it up here \(the platform provides/
    ],
    [
      'a runnable stack without a record claims nothing',
      plan({}),
      /^Not yet proven as a whole stack in CI\./
    ]
  ])('%s', (_, p, expected) => {
    if (typeof expected === 'string') expect(provenText(p)).toBe(expected);
    else expect(provenText(p)).toMatch(expected);
  });

  it.each([
    [
      'Run `nginx -t`, then reload.',
      [
        { text: 'Run ', code: false },
        { text: 'nginx -t', code: true },
        { text: ', then reload.', code: false }
      ]
    ],
    [
      '`a` and `b`',
      [
        { text: 'a', code: true },
        { text: ' and ', code: false },
        { text: 'b', code: true }
      ]
    ],
    ['no code', [{ text: 'no code', code: false }]]
  ])('cuts %j into code spans', (text, runs) => {
    expect(codeSpans(text)).toEqual(runs);
  });
});
