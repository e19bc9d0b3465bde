// `npm run test:examples`: runs every code block the topic pages mark test="scenario",
// exactly as published, on loopback with Debian's packages, and lists every block and
// how it ran. A block marked neither test= nor untested=, a scenario with no blocks or
// a block no scenario uses are failures too. Writes a JSON report (--report FILE) that
// scripts/test-all.js adds to the totals.
//   node scripts/examples/run.js [--content DIR] [--only NAME] [--report FILE]
import { readdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { extractExamples } from './extractExamples.js';
import { Scenario } from './Scenario.js';

const args = process.argv.slice(2);
const opt = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const contentDir = opt('--content') ?? 'content';
const only = opt('--only');
const reportFile = opt('--report');
const parallel = Number(process.env.EXAMPLES_PARALLEL ?? 2);

const here = dirname(fileURLToPath(import.meta.url));
const scenarioNames = readdirSync(join(here, 'scenarios'))
  .filter((f) => f.endsWith('.js'))
  .map((f) => basename(f, '.js'));

const examples = extractExamples(contentDir);
/** @type {{ name: string, ok: boolean, blocks: string[], error?: string }[]} */
const results = [];
const fail = (name, blocks, error) => results.push({ name, ok: false, blocks, error });

for (const ex of examples) {
  if (ex.problem) fail("the block's info string reads", [Scenario.where(ex)], ex.problem);
  else if (ex.test === undefined && ex.untested === undefined)
    fail(
      'the block is marked',
      [Scenario.where(ex)],
      'code block has neither test="scenario" nor untested="why"'
    );
  else if (ex.test !== undefined && !scenarioNames.includes(ex.test))
    fail(
      'the block has a scenario',
      [Scenario.where(ex)],
      `no scenario scripts/examples/scenarios/${ex.test}.js`
    );
}
const byScenario = new Map();
for (const ex of examples)
  if (ex.test && scenarioNames.includes(ex.test))
    byScenario.set(ex.test, [...(byScenario.get(ex.test) ?? []), ex]);
const toRun = scenarioNames.filter((n) => (only ? n === only : true));
if (!only)
  for (const n of toRun)
    if (!byScenario.has(n))
      fail(`scenario ${n} has blocks`, [], `no block in ${contentDir} is marked test="${n}"`);

/** @type {{ name: string, about: string, how: string[], checks: object[], seconds: number, dir: string }[]} */
const ran = [];
async function runOne(name) {
  const blocks = byScenario.get(name);
  if (!blocks) return;
  const s = new Scenario(name, blocks, examples);
  const mod = await import(pathToFileURL(join(here, 'scenarios', `${name}.js`)).href);
  const started = Date.now();
  try {
    await mod.run(s);
  } catch (e) {
    s.checks.push({
      name: `scenario ${name} runs`,
      ok: false,
      blocks: blocks.map(Scenario.where),
      error: /** @type {Error} */ (e).message
    });
  } finally {
    await s.stop();
  }
  if (!s.checks.some((c) => !c.ok))
    for (const b of blocks)
      if (!s.used.has(b))
        s.checks.push({
          name: 'the scenario uses the block',
          ok: false,
          blocks: [Scenario.where(b)],
          error: `scenario ${name} has no use for this block (check its title)`
        });
  if (!s.checks.length)
    s.checks.push({
      name: `scenario ${name} checks something`,
      ok: false,
      blocks: [],
      error: 'it ran no check'
    });
  ran.push({
    name,
    about: mod.about ?? '',
    how: s.how,
    checks: s.checks,
    seconds: (Date.now() - started) / 1000,
    dir: s.dir
  });
}

const queue = toRun.filter((n) => byScenario.has(n));
await Promise.all(
  Array.from({ length: Math.max(1, parallel) }, async () => {
    while (queue.length) await runOne(/** @type {string} */ (queue.shift()));
  })
);

// The report: every block and how it ran, then each check.
console.log(
  `Examples in ${contentDir}: ${examples.length} code blocks, ${examples.filter((e) => e.test).length} tested, ${examples.filter((e) => e.untested !== undefined).length} marked untested`
);
for (const ex of examples.filter((e) => e.untested !== undefined))
  console.log(`  untested  ${Scenario.where(ex)}: ${ex.untested}`);
for (const r of ran.sort((a, b) => a.name.localeCompare(b.name))) {
  console.log(`\nscenario ${r.name} (${r.about}, ${r.seconds.toFixed(1)} s)`);
  for (const h of r.how) console.log(`  how   ${h}`);
  for (const c of r.checks) {
    console.log(`  ${c.ok ? 'pass' : 'FAIL'}  ${c.name}`);
    if (!c.ok)
      console.log(
        `        in ${c.blocks.join(', ') || '(no block)'}\n        ${String(c.error).split('\n').join('\n        ')}`
      );
  }
  results.push(...r.checks);
}
for (const r of results.filter((x) => !ran.some((s) => s.checks.includes(x))))
  console.log(`FAIL  ${r.name}: ${r.blocks.join(', ')}: ${r.error}`);

const passed = results.filter((r) => r.ok).length;
const failed = results.length - passed;
if (reportFile)
  writeFileSync(reportFile, JSON.stringify({ passed, failed, scenarios: ran, results }, null, 2));
console.log(`\nexamples: ${passed} passed, ${failed} failed`);
process.exit(failed || !results.length ? 1 : 0);
