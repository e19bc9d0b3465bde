// `npm run test:mutation [-- folder...]`: StrykerJS over src/lib, one module folder at a
// time (files at the top of src/lib count as the folder `lib`). Each folder keeps its
// own result in bench/mutation/<folder>.json, which is both the committed report and
// Stryker's incremental file: the next run retests only the mutants whose code or
// covering tests changed. One folder at a time keeps each run short and lets a change to
// one folder rerun only its own mutants. Ends by writing bench/mutation/summary.md (the
// scores per folder and the surviving mutants per file) from every folder's report.
//
//   node scripts/mutation.js            every folder, then the summary
//   node scripts/mutation.js pdf site   only these folders, then the summary
//   node scripts/mutation.js --summary  only the summary, from the reports there are
//   node scripts/mutation.js --force    retest every mutant, ignoring earlier results
//
// Not run by `npm test` or CI: a run from scratch takes over an hour on two cores.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const LIB = 'src/lib';
const OUT = 'bench/mutation';
/** Lowest score per folder and for src/lib as a whole (issue 17). */
export const TARGETS = { folder: 70, total: 80 };

/** The module folders of src/lib, plus `lib` for the files at its top. */
export function mutationFolders(lib = LIB) {
  const folders = readdirSync(lib)
    .filter((name) => statSync(join(lib, name)).isDirectory())
    .sort();
  const topFiles = readdirSync(lib).some(
    (name) => /\.(ts|js)$/.test(name) && !name.endsWith('.d.ts')
  );
  return topFiles ? [...folders, 'lib'] : folders;
}

/** The glob Stryker mutates for a folder (see stryker.config.mjs, which reads it). */
export function mutateGlob(folder) {
  return folder === 'lib' ? `${LIB}/*.{ts,js}` : `${LIB}/${folder}/**/*.{ts,js}`;
}

/**
 * Counts a report's mutants by status, and the score as Stryker defines it: detected
 * (killed or timed out) over all valid mutants (detected, survived, not covered).
 * Mutants that do not compile or crash the runner count for neither.
 */
export function scoreOf(report) {
  const counts = { killed: 0, timeout: 0, survived: 0, noCoverage: 0, errors: 0 };
  const survivors = {};
  for (const [file, { mutants }] of Object.entries(report.files)) {
    for (const m of mutants) {
      if (m.status === 'Killed') counts.killed++;
      else if (m.status === 'Timeout') counts.timeout++;
      else if (m.status === 'Survived' || m.status === 'NoCoverage') {
        counts[m.status === 'Survived' ? 'survived' : 'noCoverage']++;
        survivors[file] = (survivors[file] ?? 0) + 1;
      } else if (m.status !== 'Ignored') counts.errors++;
    }
  }
  const detected = counts.killed + counts.timeout;
  const valid = detected + counts.survived + counts.noCoverage;
  return { ...counts, valid, score: valid ? (100 * detected) / valid : 100, survivors };
}

const pct = (n) => `${n.toFixed(1)}%`;

/** The markdown summary of the folders' reports (the scores table first). */
export function summarise(rows, totalLabel = 'src/lib') {
  const total = rows.reduce(
    (t, r) => {
      for (const k of ['killed', 'timeout', 'survived', 'noCoverage', 'errors', 'valid'])
        t[k] += r[k];
      return t;
    },
    { killed: 0, timeout: 0, survived: 0, noCoverage: 0, errors: 0, valid: 0 }
  );
  const totalScore = total.valid ? (100 * (total.killed + total.timeout)) / total.valid : 100;
  const mark = (score, target) => (score >= target ? '' : ` (below ${target}%)`);
  const lines = [
    '| folder | score | killed | timeout | survived | no coverage | mutants |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map(
      (r) =>
        `| ${r.folder} | ${pct(r.score)}${mark(r.score, TARGETS.folder)} | ${r.killed} | ${r.timeout} | ${r.survived} | ${r.noCoverage} | ${r.valid} |`
    ),
    `| **${totalLabel}** | **${pct(totalScore)}**${mark(totalScore, TARGETS.total)} | ${total.killed} | ${total.timeout} | ${total.survived} | ${total.noCoverage} | ${total.valid} |`
  ];
  const survivors = rows
    .flatMap((r) => Object.entries(r.survivors))
    .sort((a, b) => b[1] - a[1])
    .map(([file, n]) => `| ${file} | ${n} |`);
  return {
    table: lines.join('\n'),
    survivors: ['| file | undetected mutants |', '| --- | --- |', ...survivors].join('\n'),
    totalScore
  };
}

function run(folders, force) {
  for (const folder of folders) {
    console.log(`\n== mutation testing ${mutateGlob(folder)}`);
    const args = ['stryker', 'run', ...(force ? ['--force'] : [])];
    const env = {
      ...process.env,
      MUTATE_FOLDER: folder,
      VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true'
    };
    const status = spawnSync('npx', args, { stdio: 'inherit', env }).status;
    if (status !== 0) {
      console.error(`Stryker failed on ${folder} (exit ${status})`);
      process.exit(status ?? 1);
    }
  }
}

function writeSummary() {
  const rows = mutationFolders()
    .filter((folder) => existsSync(join(OUT, `${folder}.json`)))
    .map((folder) => ({
      folder,
      ...scoreOf(JSON.parse(readFileSync(join(OUT, `${folder}.json`), 'utf8')))
    }));
  const missing = mutationFolders().filter((folder) => !rows.some((r) => r.folder === folder));
  // Until every folder has a report, the total is only of those that have one.
  const { table, survivors } = summarise(rows, missing.length ? 'folders run' : 'src/lib');
  const file = join(OUT, 'summary.md');
  const old = existsSync(file) ? readFileSync(file, 'utf8') : '';
  // Everything from the first heading after the tables on (hand-written notes) is kept.
  const notes = old.includes('\n## Breaks') ? old.slice(old.indexOf('\n## Breaks')) : '';
  writeFileSync(
    file,
    `# Mutation testing of src/lib\n\nWritten by \`npm run test:mutation\` (scripts/mutation.js) on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC.\n` +
      `Score: killed or timed-out mutants over all valid ones. Targets: ${TARGETS.total}% for src/lib, ${TARGETS.folder}% per folder.\n` +
      (missing.length ? `\nNot run yet: ${missing.join(', ')}.\n` : '') +
      `\n${table}\n\n## Undetected mutants per file\n\n${survivors}\n${notes}`
  );
  console.log(`\n${table}\n\n${file}`);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const asked = args.filter((a) => !a.startsWith('--'));
  const unknown = asked.filter((f) => !mutationFolders().includes(f));
  if (unknown.length) {
    console.error(
      `No such folder in ${LIB}: ${unknown.join(', ')} (folders: ${mutationFolders().join(', ')})`
    );
    process.exit(2);
  }
  if (!args.includes('--summary'))
    run(asked.length ? asked : mutationFolders(), args.includes('--force'));
  writeSummary();
}
