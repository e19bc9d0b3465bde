// @vitest-environment node
// The committed proof record (src/lib/plan/proven.json, written by
// `npm run test:plans -- --record`) covers exactly the stacks the planner offers that can
// run here, and a plan says it was proven only when its stack is in the record.
import { describe, expect, it } from 'vitest';
import { readProvenRecord } from '../../src/lib/plan/planData.ts';
import {
  buildPlan,
  defaultChoices,
  everyPlan,
  filesHash,
  notRunnable,
  stackId
} from '../../src/lib/plan/planModel.ts';
import record from '../../src/lib/plan/proven.json' with { type: 'json' };
import { realPlanData } from '../support/realContent.ts';

const proven = readProvenRecord(record);
// The planner's data for content/, read once per process (tests/support/realContent.ts).
const data = realPlanData();

const runnable = new Set(
  everyPlan()
    .filter((c) => !notRunnable(c))
    .map((c) => stackId(c))
);

describe('the proof record', () => {
  it('names every runnable offered stack once, and nothing else', () => {
    const ids = proven.stacks.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual([...runnable].sort());
  });

  it('refuses a record of the wrong shape, naming the file', () => {
    expect(() => readProvenRecord({ stacks: [] })).toThrow(
      'src/lib/plan/proven.json: expected { ranOn, stacks: [...] }'
    );
    expect(() =>
      readProvenRecord({
        ranOn: 'x',
        stacks: [{ id: 'a', label: 'b', ranOn: 'x', files: '0', versions: { nginx: 1 } }]
      })
    ).toThrow('stacks[0].versions must map each part to a version');
  });

  it('gives each stack the versions it ran with and where', () => {
    expect(proven.ranOn).toMatch(/^Debian \d+(\.\d+)*, \d{4}-\d{2}-\d{2}$/);
    for (const s of proven.stacks) {
      expect(s.ranOn).toBe(proven.ranOn);
      expect(s.label.length).toBeGreaterThan(10);
      expect(Object.keys(s.versions)).toContain('python');
      for (const [part, version] of Object.entries(s.versions))
        expect(version, `${s.id} ${part}`).toMatch(/^\d[\w.+~-]*$/);
    }
  });

  it('was made from the files the planner builds today (else run npm run test:plans -- --record)', () => {
    for (const c of everyPlan().filter((x) => !notRunnable(x))) {
      const plan = buildPlan(c, data);
      expect(
        proven.stacks.find((s) => s.id === plan.stackId)?.files,
        `${plan.stackId}: its files changed since the record`
      ).toBe(filesHash(plan.files));
    }
  });

  it('a record for other files proves nothing', () => {
    const stale = {
      ...data,
      proven: {
        ...data.proven,
        stacks: data.proven.stacks.map((s) => ({ ...s, files: '0000000000000000' }))
      }
    };
    expect(buildPlan(defaultChoices('vps'), stale).proven).toBeUndefined();
    const files = buildPlan(defaultChoices('vps'), data).files;
    expect(filesHash(files)).not.toBe(
      filesHash(
        files.map((f, i) =>
          i === 0 ? { ...f, content: f.content.replace('listen 80;', 'listen 81;') } : f
        )
      )
    );
    expect(filesHash(files)).toBe(filesHash(files.filter((f) => f.name !== 'ci.yml')));
  });

  it("a plan carries its stack's record; hostings that cannot run here carry none", () => {
    const plan = buildPlan(defaultChoices('vps'), data);
    expect(plan.proven?.id).toBe('nginx-gunicorn-django-postgresql');
    expect(plan.proven?.versions).toMatchObject({
      nginx: expect.any(String),
      gunicorn: expect.any(String),
      django: expect.any(String),
      postgresql: expect.any(String)
    });
    expect(buildPlan({ ...defaultChoices('iaas') }, data).proven?.id).toBe(
      'nginx-gunicorn-django-postgresql'
    );
    for (const hosting of ['paas', 'containers', 'serverless'])
      expect(buildPlan(defaultChoices(hosting), data).proven, hosting).toBeUndefined();
    expect(
      buildPlan({ ...defaultChoices('vps'), database: 'managed' }, data).proven
    ).toBeUndefined();
  });
});
