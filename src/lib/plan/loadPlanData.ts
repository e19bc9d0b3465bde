// The plan data in Node (the content plugin, prerendering, scripts/plans, unit tests):
// the content folder's topics and blocks, read the way the examples suite reads them.
import { relative } from 'node:path';
import { loadContent } from '../content/loadContent.ts';
import type { Topic } from '../content/types.ts';
import { extractExamples } from '../../../scripts/examples/extractExamples.js';
import { buildPlanData, readProvenRecord } from './planData.ts';
import type { PlanData, ProvenRecord } from './planTypes.ts';
import proven from './proven.json' with { type: 'json' };

/**
 * The plan data of a content folder (its topics already loaded, or loaded here), with the
 * committed proof record or, for the suite that writes it, `record` (which may be empty).
 */
export function loadPlanData(
  contentDir: string,
  topics?: Topic[],
  record?: ProvenRecord
): PlanData {
  return buildPlanData(
    topics ?? loadContent(contentDir).topics,
    extractExamples(contentDir),
    record ?? readProvenRecord(proven),
    // As extractExamples names the blocks: from the working directory.
    relative(process.cwd(), contentDir) || '.'
  );
}
