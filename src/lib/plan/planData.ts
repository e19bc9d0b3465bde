// The planner's data, built once at build time from the content: the published blocks
// the catalogue uses (exactly as the examples suite reads them) and every topic's title,
// parent and arrows. Served to the browser by `virtual:deployment-map/plan-data`, loaded
// only when the planner opens, and checked here: every offered plan must assemble.
import type { Topic } from '../content/types.ts';
import { everyPlan } from './planOptions.ts';
import { PLAN_BLOCKS, planFiles } from './planFiles.ts';
import type { PlanBlock, PlanData, ProvenRecord } from './planTypes.ts';

/** A fenced block as scripts/examples/extractExamples.js reads it. */
export interface ExampleBlock {
  file: string;
  line: number;
  lang: string;
  title?: string;
  test?: string;
  untested?: string;
  code: string;
}

/**
 * The committed proof record, checked: it is written by a script, but read by the build,
 * so a hand edit that breaks its shape fails with the file named rather than a blank plan.
 */
export function readProvenRecord(value: unknown, file = 'src/lib/plan/proven.json'): ProvenRecord {
  const fail = (why: string): never => {
    throw new Error(`${file}: ${why} (rewrite it with npm run test:plans -- --record)`);
  };
  const v = value as { ranOn?: unknown; stacks?: unknown };
  if (!v || typeof v.ranOn !== 'string' || !Array.isArray(v.stacks))
    return fail('expected { ranOn, stacks: [...] }');
  for (const [i, st] of (v.stacks as Record<string, unknown>[]).entries()) {
    if (
      typeof st?.id !== 'string' ||
      typeof st.label !== 'string' ||
      typeof st.ranOn !== 'string' ||
      typeof st.files !== 'string'
    )
      fail(`stacks[${i}] needs an id, a label, ranOn and files`);
    const versions = st.versions as Record<string, unknown> | undefined;
    if (
      !versions ||
      typeof versions !== 'object' ||
      Object.values(versions).some((x) => typeof x !== 'string')
    )
      fail(`stacks[${i}].versions must map each part to a version`);
  }
  return value as ProvenRecord;
}

const slugOf = (file: string) => file.split('/').pop()?.replace(/\.md$/, '') ?? file;

/**
 * The plan data for these topics and blocks, read from `contentDir` (which names the page
 * of a missing block). Throws an Error listing every problem (a block the catalogue needs
 * is missing or twice on its page, a substitution no longer finds its text) so the build
 * fails naming the page and line.
 */
export function buildPlanData(
  topics: Topic[],
  examples: ExampleBlock[],
  proven: ProvenRecord,
  contentDir = 'content'
): PlanData {
  const problems: string[] = [];
  const blocks: Record<string, PlanBlock> = {};
  for (const [topic, title] of Object.values(PLAN_BLOCKS)) {
    const found = examples.filter((e) => slugOf(e.file) === topic && e.title === title);
    if (found.length !== 1) {
      const page = topics.find((t) => t.slug === topic)?.file ?? `${topic}.md`;
      problems.push(
        `${contentDir}/${page}: plan: ${found.length ? 'more than one block' : 'no block'} titled "${title}" (the planner's files use it)`
      );
      continue;
    }
    const e = found[0];
    blocks[`${topic}:${title}`] = {
      topic,
      title,
      lang: e.lang,
      code: e.code,
      file: e.file,
      line: e.line,
      ...(e.test ? { test: e.test } : {}),
      ...(e.untested !== undefined ? { untested: e.untested } : {})
    };
  }
  const data: PlanData = {
    blocks,
    topics: Object.fromEntries(
      topics.map((t) => [t.slug, { title: t.title, parent: t.parent, arrows: t.arrows }])
    ),
    proven
  };
  if (!problems.length)
    for (const choices of everyPlan()) {
      try {
        planFiles(choices, data);
      } catch (e) {
        const message = (e as Error).message;
        if (!problems.includes(message)) problems.push(message);
      }
    }
  if (problems.length)
    throw new Error(`The planner cannot assemble its files:\n  ${problems.join('\n  ')}`);
  return data;
}
