// Mutation testing of src/lib (`npm run test:mutation`, scripts/mutation.js): StrykerJS
// changes the code one small way at a time (a `<` for a `<=`, a branch removed...) and
// runs the unit tests that cover that spot; a change no test notices "survives" and marks
// behaviour left untested. scripts/mutation.js runs this once per file of src/lib, naming
// the file in MUTATE_FILE and its report (bench/mutation/<folder>/<file>.json, also the
// incremental file) in MUTATION_REPORT; MUTATE_FOLDER mutates a whole folder instead. Not part of `npm test` or CI: too slow. Scores: bench/mutation/summary.md.
import { mutateGlob } from './scripts/mutation.js';

const folder = process.env.MUTATE_FOLDER;
const file = process.env.MUTATE_FILE;
const report = process.env.MUTATION_REPORT ?? `bench/mutation/${folder ?? 'all'}.json`;

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  // Only the fast in-process unit tests (see vitest.stryker.config.ts for what is left out).
  // `related`: the dry run runs only the test files that import the folder's code.
  vitest: { configFile: 'vitest.stryker.config.ts', related: true },
  // Each mutant runs only the tests that reached it in the first (dry) run.
  coverageAnalysis: 'perTest',
  mutate: [
    file ?? (folder ? mutateGlob(folder) : 'src/lib/**/*.{ts,js}'),
    // Type declarations only: nothing in them runs, so nothing to mutate.
    '!src/lib/**/*.d.ts'
  ],
  // A file no fast unit test reaches still gets a report: every mutant in it not covered.
  allowEmpty: true,
  // Rerun only the mutants whose code or covering tests changed since the last run.
  incremental: true,
  // The incremental file is the folder's committed report (mutation-testing-report
  // schema, sources and every mutant's status); the HTML view is for local reading only.
  incrementalFile: report,
  reporters: ['clear-text', 'progress', 'html'],
  htmlReporter: { fileName: `bench/tmp/${report.replace(/\.json$/, '.html')}` },
  // Survivors are listed in the reports and summary.md, not printed one by one.
  clearTextReporter: {
    allowColor: false,
    logTests: false,
    reportMutants: false,
    reportScoreTable: true
  },
  // Two shared cores: two test processes (MUTATION_CONCURRENCY=1 beside other work).
  concurrency: Number(process.env.MUTATION_CONCURRENCY ?? 2),
  // A mutant that loops forever (a `<` turned into `<=` on an index) times out, and counts
  // as detected; under load a slow test must not be mistaken for that.
  timeoutMS: 20000,
  timeoutFactor: 2,
  // Static mutants (module-level constants) would need every test rerun for each one.
  ignoreStatic: true,
  thresholds: { high: 80, low: 70, break: null },
  tempDirName: '.stryker-tmp',
  // The sandbox copy needs sources, tests, fixtures and content; not the bench output.
  ignorePatterns: ['dist', 'bench', 'test-results', 'playwright-report', '.ssr-*']
};
