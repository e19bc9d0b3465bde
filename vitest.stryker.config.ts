// The unit tests Stryker runs for each mutant of src/lib (stryker.config.mjs). Only tests
// that run src/lib in this process and finish in about a second: Stryker reruns the tests
// covering a mutant once per mutant, thousands of times.
//
// Left out, and why:
// - build, budget, examples, hostileProse: they run `scripts/build.js` or the examples in a
//   child process, where a mutant is never switched on, so they cannot kill one.
// - layout, mapQuality, pdf, customisePdfReal, budgetSyntheticContent: they lay out or print
//   the real (or a large synthetic) content, 5 to 40 s a run; the same behaviour is
//   checked on small fixtures by the files below (layoutMini, quality, ...).
// - nginxConf, precompress: they test deploy/ and scripts/, not src/lib.
// - pathologicalMarkdown: one input that takes the prose parser 5 to 20 s; a mutant it
//   would catch breaks parsing for the ordinary inputs the content tests give too.
import { defineConfig } from 'vitest/config';
import { contentPlugin } from './scripts/contentPlugin.ts';

const slowOrOutOfProcess = [
  'build',
  'budget',
  'examples',
  'hostileProse',
  'layout',
  'mapQuality',
  'pdf',
  'customisePdfReal',
  'budgetSyntheticContent',
  'nginxConf',
  'precompress',
  'pathologicalMarkdown'
];

export default defineConfig({
  plugins: [contentPlugin()],
  test: {
    include: ['tests/unit/**/*.test.ts'],
    exclude: slowOrOutOfProcess.map((name) => `tests/unit/${name}.test.ts`),
    environment: 'node',
    // Keep imported modules between runs: Stryker switches mutants on at run time, so the
    // code need not be loaded again for each one (most of a run's time was imports).
    isolate: false,
    testTimeout: 60_000
  }
});
