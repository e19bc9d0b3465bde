// `npm test`: every test runner in turn (Vitest unit + component, the examples suite
// that runs the pages' code blocks on Debian's servers, the plans suite that brings up
// every stack the planner offers from its generated files, then the production build, then Playwright end-to-end in Chromium, behind Vite preview and behind nginx),
// ending with one line of totals.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const results = 'test-results';
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });
const env = { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' };
const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', env }).status ?? 1;

let passed = 0;
let failed = 0;
const problems = [];

const vitest = run('npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${results}/vitest.json`
]);
if (existsSync(`${results}/vitest.json`)) {
  const r = JSON.parse(readFileSync(`${results}/vitest.json`, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  // A file that fails to load has no test results: count it as a failure of its own.
  const broken = r.testResults.filter(
    (f) => f.status === 'failed' && f.assertionResults.length === 0
  );
  if (broken.length) {
    failed += broken.length;
    problems.push(`Vitest could not load: ${broken.map((f) => f.name).join(', ')}`);
  }
} else {
  failed += 1;
  problems.push(`Vitest produced no report (exit ${vitest})`);
}

// The pages' tested code blocks, run on loopback (scripts/examples): one count per check.
const examples = run('node', ['scripts/examples/run.js', '--report', `${results}/examples.json`]);
if (existsSync(`${results}/examples.json`)) {
  const r = JSON.parse(readFileSync(`${results}/examples.json`, 'utf8'));
  passed += r.passed;
  failed += r.failed;
} else {
  failed += 1;
  problems.push(`the examples suite produced no report (exit ${examples})`);
}

// Every stack the planner offers that runs here, up from its generated files (scripts/plans).
const plans = run('node', ['scripts/plans/run.js', '--report', `${results}/plans.json`]);
if (existsSync(`${results}/plans.json`)) {
  const r = JSON.parse(readFileSync(`${results}/plans.json`, 'utf8'));
  passed += r.passed;
  failed += r.failed;
} else {
  failed += 1;
  problems.push(`the plans suite produced no report (exit ${plans})`);
}

const build = run('node', ['scripts/build.js']);
if (build !== 0) {
  failed += 1;
  problems.push('the production build failed, so end-to-end tests could not run');
} else {
  // Size budget of the map route (first-load JS, lazy PDF chunk, map HTML): sizes only.
  if (run('node', ['scripts/bench/budget.js', '--dist', 'dist']) === 0) passed += 1;
  else {
    failed += 1;
    problems.push('the size budget failed (npm run budget)');
  }
  // The built site in Chromium: behind Vite's preview server, then behind Debian's nginx
  // with deploy/nginx.conf (headers, 404s, CSP, and a second build under a sub-path).
  for (const [name, args] of [
    ['e2e', []],
    ['e2e-nginx', ['-c', 'playwright.nginx.config.ts']]
  ]) {
    const status = run('npx', ['playwright', 'test', ...args]);
    if (existsSync(`${results}/${name}.json`)) {
      const s = JSON.parse(readFileSync(`${results}/${name}.json`, 'utf8')).stats;
      passed += s.expected;
      failed += s.unexpected + s.flaky;
      if (s.skipped) problems.push(`${s.skipped} ${name} test(s) skipped (not counted as passed)`);
    } else {
      failed += 1;
      problems.push(`Playwright (${name}) produced no report (exit ${status})`);
    }
  }
}

for (const p of problems) console.log(`note: ${p}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
