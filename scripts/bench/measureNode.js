// Child process: prints NodeMeasures for one content folder as JSON on the last line,
// with its own peak RSS. Usage: node scripts/bench/measureNode.js DIR LAYOUT_RUNS PDF_RUNS
import { resolve } from 'node:path';
import { runnerImport } from 'vite';

const root = resolve(import.meta.dirname, '../..');
const [dir, layoutRuns = '3', pdfRuns = '1'] = process.argv.slice(2);
const { module } = await runnerImport(resolve(root, 'scripts/bench/nodeMeasures.ts'), { root, logLevel: 'warn' });
const result = await module.measureNode(resolve(dir), Number(layoutRuns), Number(pdfRuns));
console.log(JSON.stringify({ ...result, maxRssKB: process.resourceUsage().maxRSS }));
process.exit(0);
