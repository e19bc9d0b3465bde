// The continuous integration page's GitHub Actions workflow: no runner here, so the
// file is parsed and its structure checked against what the page says it does.
import { parse } from 'yaml';
import { Scenario, expectThat } from '../Scenario.js';

export const about = 'workflow YAML parsed and checked (GitHub runners are out of reach)';

/** @param {Scenario} s */
export async function run(s) {
  const wf = s.block('.github/workflows/ci.yml');
  s.how.push(`${Scenario.where(wf)}: parsed with the yaml package, not run`);
  /** @type {any} */
  let doc;
  await s.check('the workflow is valid YAML with triggers and jobs', [wf], () => {
    doc = parse(wf.code, { strict: true, uniqueKeys: true });
    expectThat(
      doc && typeof doc.on === 'object' && doc.on.push && 'pull_request' in doc.on,
      `triggers: ${JSON.stringify(doc?.on)}`
    );
    expectThat(Object.keys(doc.jobs ?? {}).length === 2, `jobs: ${Object.keys(doc.jobs ?? {})}`);
  });
  await s.check('every job runs on a pinned runner with steps, and build needs test', [wf], () => {
    for (const [name, job] of Object.entries(doc.jobs)) {
      const j = /** @type {any} */ (job);
      expectThat(
        /^ubuntu-\d+\.\d+$/.test(j['runs-on']),
        `${name} runs on ${j['runs-on']} (pin a version, not -latest)`
      );
      expectThat(
        Array.isArray(j.steps) &&
          j.steps.every((st) => typeof st.uses === 'string' || typeof st.run === 'string'),
        `${name}: each step needs uses or run`
      );
      for (const st of j.steps)
        if (st.uses)
          expectThat(
            /^[\w.-]+\/[\w.-]+@[\w.-]+$/.test(st.uses),
            `${name}: "${st.uses}" is not owner/repo@ref`
          );
    }
    expectThat(doc.jobs.build.needs === 'test', `build needs ${doc.jobs.build.needs}`);
  });
  await s.check(
    'the token is read-only, the lock is checked, the tests have a time limit',
    [wf],
    () => {
      expectThat(
        JSON.stringify(doc.permissions) === '{"contents":"read"}',
        `permissions ${JSON.stringify(doc.permissions)}`
      );
      const runs = doc.jobs.test.steps.map((st) => st.run).filter(Boolean);
      expectThat(
        runs.includes('uv sync --locked') && !runs.some((r) => /--frozen/.test(r)),
        `test steps: ${runs}`
      );
      expectThat(
        Number.isInteger(doc.jobs.test['timeout-minutes']),
        'no timeout-minutes on the test job'
      );
    }
  );
}
