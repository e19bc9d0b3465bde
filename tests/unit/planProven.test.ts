// @vitest-environment node
// The committed proof record (src/lib/plan/proven.json, written by
// `npm run test:plans -- --record`) covers exactly the stacks the planner offers that can
// run here, and a plan says it was proven only when its stack is in the record.
import { describe, expect, it } from 'vitest';
import { loadPlanData } from '../../src/lib/plan/loadPlanData.ts';
import { readProvenRecord } from '../../src/lib/plan/planData.ts';
import { buildPlan, defaultChoices, everyPlan, notRunnable, stackId } from '../../src/lib/plan/planModel.ts';
import record from '../../src/lib/plan/proven.json' with { type: 'json' };

const proven = readProvenRecord(record);

const runnable = new Set(everyPlan().filter((c) => !notRunnable(c)).map((c) => stackId(c)));

describe('the proof record', () => {
  it('names every runnable offered stack once, and nothing else', () => {
    const ids = proven.stacks.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual([...runnable].sort());
  });

  it('refuses a record of the wrong shape, naming the file', () => {
    expect(() => readProvenRecord({ stacks: [] })).toThrow('src/lib/plan/proven.json: expected { ranOn, stacks: [...] }');
    expect(() => readProvenRecord({ ranOn: 'x', stacks: [{ id: 'a', label: 'b', ranOn: 'x', versions: { nginx: 1 } }] })).toThrow('stacks[0].versions must map each part to a version');
  });

  it('gives each stack the versions it ran with and where', () => {
    expect(proven.ranOn).toMatch(/^Debian \d+(\.\d+)*, \d{4}-\d{2}-\d{2}$/);
    for (const s of proven.stacks) {
      expect(s.ranOn).toBe(proven.ranOn);
      expect(s.label.length).toBeGreaterThan(10);
      expect(Object.keys(s.versions)).toContain('python');
      for (const [part, version] of Object.entries(s.versions)) expect(version, `${s.id} ${part}`).toMatch(/^\d[\w.+~-]*$/);
    }
  });

  it('a plan carries its stack\'s record; hostings that cannot run here carry none', () => {
    const data = loadPlanData('content');
    const plan = buildPlan(defaultChoices('vps'), data);
    expect(plan.proven?.id).toBe('nginx-gunicorn-django-postgresql');
    expect(plan.proven?.versions).toMatchObject({ nginx: expect.any(String), gunicorn: expect.any(String), django: expect.any(String), postgresql: expect.any(String) });
    expect(buildPlan({ ...defaultChoices('iaas') }, data).proven?.id).toBe('nginx-gunicorn-django-postgresql');
    for (const hosting of ['paas', 'containers', 'serverless']) expect(buildPlan(defaultChoices(hosting), data).proven, hosting).toBeUndefined();
    expect(buildPlan({ ...defaultChoices('vps'), database: 'managed' }, data).proven).toBeUndefined();
  });
});
