// The deployment planner (issue 15): choose a stack, get the parts it lights on the map,
// the path a request takes, an ordered checklist and the tested files assembled for it.
// Pure TypeScript: the chooser, the /plan/ page, the PDF and scripts/plans all use it.
import type { Slug } from '../content/types.ts';
import { findOption, fitChoices, slotsFor, stackId } from './planOptions.ts';
import { planChecklist } from './planChecklist.ts';
import { planFiles } from './planFiles.ts';
import type { Plan, PlanArrow, PlanChoices, PlanData, PlanFile, Slot } from './planTypes.ts';

export type * from './planTypes.ts';
export {
  COMMON_PLANS,
  SLOTS,
  SLOT_ORDER,
  defaultChoices,
  everyPlan,
  findOption,
  fitChoices,
  labelInSentence,
  notRunnable,
  optionsFor,
  slotLabel,
  slotLeftOut,
  slotNoun,
  slotsFor,
  stackId,
  unfitReason,
  withChoice
} from './planOptions.ts';
export { QUERY_KEYS, parsePlanQuery, planQuery } from './planQuery.ts';
export { applyChanges, envFile, PLAN_BLOCKS, PlanFileError } from './planFiles.ts';

/** Topics standing in for another on the map's arrows (its page says so). */
const ARROWS_OF: Record<Slug, Slug> = { 'asgi-servers': 'wsgi-servers' };

/** A topic and the topics around it, innermost first. */
function ancestry(slug: Slug, data: PlanData): Slug[] {
  const out: Slug[] = [];
  for (
    let s: Slug | undefined = slug;
    s && data.topics[s] && !out.includes(s);
    s = data.topics[s].parent
  )
    out.push(s);
  return out;
}

/** The flow arrow the map draws from `a` (or a topic around it) to `b` (or one around it). */
function arrowBetween(a: Slug, b: Slug, data: PlanData): PlanArrow | undefined {
  const from = ancestry(a, data).flatMap((s) => (ARROWS_OF[s] ? [s, ARROWS_OF[s]] : [s]));
  const to = new Set(ancestry(b, data).flatMap((s) => (ARROWS_OF[s] ? [s, ARROWS_OF[s]] : [s])));
  for (const f of from)
    for (const arrow of data.topics[f]?.arrows ?? [])
      if (to.has(arrow.to)) return { from: f, to: arrow.to, label: arrow.label };
  return undefined;
}

/**
 * A short fingerprint of the files a stack runs (every file but the CI workflow, which CI
 * does not run), so a record made before a page's block changed does not vouch for it.
 * FNV-1a, twice with different seeds: not for security, only to notice a change.
 */
export function filesHash(files: PlanFile[]): string {
  const text = files
    .filter((f) => f.path !== '.github/workflows/ci.yml')
    .map((f) => `${f.path}\n${f.content}`)
    .join('\u0000');
  const fnv = (seed: number) => {
    let h = seed >>> 0;
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
    return h.toString(16).padStart(8, '0');
  };
  return `${fnv(0x811c9dc5)}${fnv(0x01000193)}`;
}

const topicOf = (c: PlanChoices, slot: Slot) =>
  c[slot] ? findOption(slot, c[slot])?.topic : undefined;

/** The request's path: client, front, app server, database (the parts the plan has). */
function requestPath(c: PlanChoices): Slug[] {
  const front =
    c.hosting === 'paas'
      ? 'platform-as-a-service'
      : c.hosting === 'containers'
        ? 'containers'
        : topicOf(c, 'webServer');
  const app = c.hosting === 'serverless' ? 'aws-lambda' : topicOf(c, 'appServer');
  return [
    'web-browsers',
    front,
    app,
    c.database !== 'none' ? topicOf(c, 'database') : undefined
  ].filter((s, i, all): s is Slug => !!s && all.indexOf(s) === i);
}

/**
 * The plan for these choices: the nearest plan that fits (so any input gives one), its
 * parts (every chosen option's topic and the topics around it on the map, with the
 * request path), the request path and the map arrows along it, the checklist and the
 * files. `data` comes from `virtual:deployment-map/plan-data` (or buildPlanData in Node).
 */
export function buildPlan(choices: PlanChoices, data: PlanData): Plan {
  const c = fitChoices(choices).choices;
  const path = requestPath(c);
  const chosen = (['hosting', ...slotsFor(c.hosting)] as Slot[])
    .map((slot) => topicOf(c, slot))
    .filter((s): s is Slug => !!s);
  const extra: Slug[] = c.taskQueue === 'celery' ? ['nosql-data-stores'] : [];
  const parts = [...new Set([...path, ...chosen, ...extra].flatMap((s) => ancestry(s, data)))];
  const requestArrows = path.slice(1).flatMap((to, i) => arrowBetween(path[i], to, data) ?? []);
  const files = planFiles(c, data);
  const id = stackId(c);
  const record = id ? data.proven.stacks.find((s) => s.id === id) : undefined;
  const proven = record && record.files === filesHash(files) ? record : undefined;
  return {
    choices: c,
    parts,
    requestPath: path,
    requestArrows,
    checklist: planChecklist(c, files),
    files,
    ...(id ? { stackId: id } : {}),
    ...(proven ? { proven } : {})
  };
}
