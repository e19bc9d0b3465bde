// Mutation testing of src/lib (`npm run test:mutation`, scripts/mutation.js): StrykerJS
// changes the code one small way at a time (a `<` for a `<=`, a branch removed...) and
// runs the unit tests that cover that spot; a change no test notices "survives" and marks
// behaviour left untested. scripts/mutation.js runs this once per folder of src/lib,
// naming it in MUTATE_FOLDER and the incremental file (bench/mutation/<folder>.json) on
// the command line. Not part of `npm test` or CI: too slow. Scores: bench/mutation/summary.md.
import { mutateGlob } from './scripts/mutation.js';

const folder = process.env.MUTATE_FOLDER;

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  // Only the fast in-process unit tests (see vitest.stryker.config.ts for what is left out).
  // `related`: the dry run runs only the test files that import the folder's code.
  vitest: { configFile: 'vitest.stryker.config.ts', related: true },
  // Each mutant runs only the tests that reached it in the first (dry) run.
  coverageAnalysis: 'perTest',
  mutate: [
    folder ? mutateGlob(folder) : 'src/lib/**/*.{ts,js}',
    // Type declarations only: nothing in them runs, so nothing to mutate.
    '!src/lib/**/*.d.ts'
  ],
  // Rerun only the mutants whose code or covering tests changed since the last run.
  incremental: true,
  // The incremental file is the folder's committed report (mutation-testing-report
  // schema, sources and every mutant's status); the HTML view is for local reading only.
  incrementalFile: `bench/mutation/${folder ?? 'all'}.json`,
  reporters: ['clear-text', 'progress', 'html'],
  htmlReporter: { fileName: `bench/tmp/mutation/${folder ?? 'all'}.html` },
  // Survivors are listed in the reports and summary.md, not printed one by one.
  clearTextReporter: {
    allowColor: false,
    logTests: false,
    reportMutants: false,
    reportScoreTable: true
  },
  // Two shared cores: one or two test processes, never more.
  concurrency: 2,
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
