// The real content folder as tests read it: its topics, its fenced blocks (as the examples
// suite reads them) and the planner's data. Read once per test process and shared by the
// test files that ask: mutation testing reruns a test file once per mutant, and reading
// and compiling the fifty pages each time cost seconds a run. Each call returns its own
// copy, so no test can change what another sees.
//
// Call these at a test file's top level, not inside a test: the values are computed by the
// code under test, and under mutation testing a mutant is switched on only while a test
// runs, so what is kept is what the unmutated code gives.
import { extractExamples } from '../../scripts/examples/extractExamples.js';
import { loadContent } from '../../src/lib/content/loadContent.ts';
import type { Topic } from '../../src/lib/content/types.ts';
import { buildPlanData, readProvenRecord, type ExampleBlock } from '../../src/lib/plan/planData.ts';
import type { PlanData } from '../../src/lib/plan/planTypes.ts';
import proven from '../../src/lib/plan/proven.json' with { type: 'json' };

interface Real {
  topics: Topic[];
  examples: ExampleBlock[];
  plan: PlanData;
}

// On globalThis: a test runner that loads this module again per run still finds it.
const store = globalThis as { __deploymentMapRealContent?: Real };

function real(): Real {
  if (!store.__deploymentMapRealContent) {
    const topics = loadContent('content').topics;
    const examples = extractExamples('content') as ExampleBlock[];
    const plan = buildPlanData(topics, examples, readProvenRecord(proven));
    store.__deploymentMapRealContent = { topics, examples, plan };
  }
  return store.__deploymentMapRealContent;
}

/** The topics of content/, as loadContent('content') gives them. */
export const realTopics = (): Topic[] => structuredClone(real().topics);

/** The fenced blocks of content/, as extractExamples('content') gives them. */
export const realExamples = (): ExampleBlock[] => structuredClone(real().examples);

/** The planner's data for content/, with the committed proof record. */
export const realPlanData = (): PlanData => structuredClone(real().plan);
