// The types of the deployment planner (issue 15), shared by the engine, the chooser and
// the proof suite (scripts/plans). The contract is /work/plan-interface.md.
import type { Slug } from '../content/types.ts';

export type Slot =
  'hosting' | 'webServer' | 'appServer' | 'framework' | 'database' | 'taskQueue' | 'ci';

export interface PlanOption {
  /** Short and address-safe: 'vps', 'nginx', 'gunicorn', 'django', 'postgresql', 'none'. */
  id: string;
  slot: Slot;
  /** 'nginx', 'Gunicorn', 'A virtual private server'. */
  label: string;
  /** The topic page it links to and lights on the map. */
  topic?: Slug;
  /** One short sentence: why pick this. */
  why: string;
}

/** One choice per slot, by option id. Slots the hosting does not leave to you are absent. */
export type PlanChoices = Partial<Record<Slot, string>> & { hosting: string };

export interface ChecklistItem {
  /** Stable across builds (progress marks may be kept against it). */
  id: string;
  text: string;
  topic: Slug;
}

/** One change the engine made to a published block so the files fit together. */
export interface FileChange {
  from: string;
  to: string;
  why: string;
}

export interface PlanFile {
  /** Where the file goes on the machine or in the repository. */
  path: string;
  /** The download name (the last part of the path). */
  name: string;
  lang: string;
  content: string;
  /** The page the file comes from (or, for a generated file, the page that explains it). */
  topic: Slug;
  why: string;
  /** The published block it is made from; absent for a file the engine writes itself. */
  source?: { file: string; line: number; title: string; test?: string; untested?: string };
  /** The substitutions made to the published block, in order (empty: used as published). */
  changes: FileChange[];
}

export interface ProvenStack {
  id: string;
  label: string;
  /** Package versions the stack ran with, e.g. { nginx: '1.22.1', gunicorn: '20.1.0' }. */
  versions: Record<string, string>;
  /** The machine and date it last ran on, e.g. 'Debian 12, 2026-12-01'. */
  ranOn: string;
  /** filesHash of the files it ran: a plan whose files have changed since is not proven
   *  (the committed record always has it; optional so a plan can be shown without one). */
  files?: string;
}

/** The committed record of the proof suite (src/lib/plan/proven.json). */
export interface ProvenRecord {
  ranOn: string;
  stacks: ProvenStack[];
}

/** A published code block the planner can use, exactly as the page shows it. */
export interface PlanBlock {
  topic: Slug;
  title: string;
  lang: string;
  code: string;
  /** `content/x.md` and the line of the opening fence, as the examples suite names it. */
  file: string;
  line: number;
  test?: string;
  /** Why the examples suite cannot run it (the page says so too). */
  untested?: string;
}

/** What the planner needs from the content, built at build time (see planData.ts). */
export interface PlanData {
  /** The blocks the catalogue uses, keyed `topic:title`. */
  blocks: Record<string, PlanBlock>;
  /** Every topic's title, parent and flow arrows (for parts and the lit request path). */
  topics: Record<Slug, { title: string; parent: string; arrows: { to: Slug; label: string }[] }>;
  /** The committed proof record. */
  proven: ProvenRecord;
}

export interface PlanArrow {
  from: Slug;
  to: Slug;
  label: string;
}

export interface Plan {
  choices: PlanChoices;
  /** Every topic the plan uses (lit on the map), ordered by slot. */
  parts: Slug[];
  /** Client → … → database, in order (the lit path). */
  requestPath: Slug[];
  /** The map's flow arrows the request travels on, one per hop that has one. */
  requestArrows: PlanArrow[];
  checklist: ChecklistItem[];
  /** The tested example files for the chosen parts, assembled for this stack. */
  files: PlanFile[];
  /** The id the proof suite knows this stack by, when it can run here. */
  stackId?: string;
  /** Present when CI proved exactly this stack. */
  proven?: ProvenStack;
}
