// A plan in the address: `/plan/?hosting=vps&web=nginx&app=gunicorn&…`. Reading never
// throws: unknown parts, unfit combinations, repeats and garbage give the nearest plan
// that fits and notes the chooser shows.
import {
  SLOTS,
  defaultChoices,
  fitChoices,
  labelInSentence,
  slotLeftOut,
  slotNoun,
  slotsFor
} from './planOptions.ts';
import type { PlanChoices, Slot } from './planTypes.ts';

/** The address parameter of each slot, in the order planQuery writes them. */
export const QUERY_KEYS: Record<Slot, string> = {
  hosting: 'hosting',
  webServer: 'web',
  appServer: 'app',
  framework: 'framework',
  database: 'db',
  taskQueue: 'queue',
  ci: 'ci'
};
const SLOT_OF_KEY = new Map(Object.entries(QUERY_KEYS).map(([slot, key]) => [key, slot as Slot]));

/** Longer addresses are cut before reading: no plan needs more. */
const MAX_QUERY = 1000;

/** A value as a note may quote it: printable, short, in quotes. */
function quote(value: string): string {
  const clean = value.replace(/[^\x20-\x7e]/g, '?');
  return `'${clean.length > 30 ? `${clean.slice(0, 30)}…` : clean}'`;
}

/** Edit distance, for "did you mean" (ids are short: a plain table is enough). */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const keep = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = keep;
    }
  }
  return row[b.length];
}

/**
 * The known id a value means: the same id written another way (case, `_` or spaces for
 * `-`: not worth a note), or the one a typo most likely meant (at most two edits away and
 * nearer than any other: `guessed`, said in a note), or none.
 */
function readId(slot: Slot, value: string): { id?: string; guessed: boolean } {
  const v = value
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
  const ids = SLOTS.find((s) => s.slot === slot)?.options.map((o) => o.id) ?? [];
  const same = ids.find((id) => id === v || id.replace(/-/g, '') === v.replace(/-/g, ''));
  if (same) return { id: same, guessed: false };
  if (v.length < 3) return { guessed: false };
  const scored = ids.map((id) => ({ id, d: distance(v, id) })).sort((a, b) => a.d - b.d);
  return scored[0] && scored[0].d <= 2 && scored[0].d < (scored[1]?.d ?? Infinity)
    ? { id: scored[0].id, guessed: true }
    : { guessed: false };
}

const article = (slot: Slot) => (slot === 'hosting' ? 'a kind of hosting' : `a ${slotNoun(slot)}`);

/**
 * Reads a plan from an address's query (`?hosting=vps&web=nginx…`, with or without the
 * `?`). Never throws: an unknown value is read as the option it most likely meant or
 * replaced by the default, a combination that does not fit by the nearest that does, and
 * every change comes with a note ("'ngnix' is not a web server we know; using nginx.").
 */
export function parsePlanQuery(search: string): { choices: PlanChoices; notes: string[] } {
  const notes: string[] = [];
  let params: [string, string][] = [];
  try {
    const text = String(search ?? '');
    if (text.length > MAX_QUERY)
      notes.push(`The address was too long; only its first ${MAX_QUERY} characters were read.`);
    params = [...new URLSearchParams(text.slice(0, MAX_QUERY).replace(/^\?/, '')).entries()];
  } catch {
    notes.push('The address could not be read; showing the default plan.');
  }
  const given: Partial<Record<Slot, string>> = {};
  const ignored: string[] = [];
  for (const [key, value] of params) {
    const slot = SLOT_OF_KEY.get(key);
    if (!slot) {
      if (key !== '' && !ignored.includes(key)) ignored.push(key);
      continue;
    }
    if (slot in given) {
      if (given[slot] !== value)
        notes.push(
          `${quote(key)} was given more than once; using the first, ${quote(given[slot] as string)}.`
        );
      continue;
    }
    given[slot] = value;
  }
  if (ignored.length)
    notes.push(
      `Ignored what the planner does not know: ${ignored.slice(0, 5).map(quote).join(', ')}${ignored.length > 5 ? '…' : ''}.`
    );

  // The hosting first: it decides which slots there are.
  let hosting = 'vps';
  if (given.hosting !== undefined) {
    const { id, guessed } = readId('hosting', given.hosting);
    if (id) {
      hosting = id;
      if (guessed)
        notes.push(
          `${quote(given.hosting)} is not ${article('hosting')} we know; using ${labelInSentence('hosting', id)}.`
        );
    } else
      notes.push(
        `${quote(given.hosting)} is not ${article('hosting')} we know; using ${labelInSentence('hosting', hosting)}.`
      );
  }
  const wanted: PlanChoices = { hosting };
  const defaults = defaultChoices(hosting);
  for (const slot of Object.keys(QUERY_KEYS) as Slot[]) {
    const value = given[slot];
    if (slot === 'hosting' || value === undefined) continue;
    if (!slotsFor(hosting).includes(slot)) {
      notes.push(
        `${slotLeftOut(hosting, slot)} (${QUERY_KEYS[slot]}=${quote(value).slice(1, -1)} was left out.)`
      );
      continue;
    }
    const { id, guessed } = readId(slot, value);
    if (id === undefined) {
      notes.push(
        `${quote(value)} is not ${article(slot)} we know; using ${labelInSentence(slot, defaults[slot])}.`
      );
      continue;
    }
    if (guessed)
      notes.push(
        `${quote(value)} is not ${article(slot)} we know; using ${labelInSentence(slot, id)}.`
      );
    wanted[slot] = id;
  }
  // Only what was asked is checked against the rules: a default that does not fit the
  // rest is replaced quietly, as the chooser would.
  const fitted = fitChoices(wanted);
  return { choices: fitted.choices, notes: [...notes, ...fitted.notes] };
}

/** The address query of a plan: `?hosting=vps&web=nginx&app=gunicorn&…`, slots in order. */
export function planQuery(choices: PlanChoices): string {
  const params = new URLSearchParams();
  params.set('hosting', choices.hosting);
  for (const slot of slotsFor(choices.hosting)) {
    const value = choices[slot];
    if (value !== undefined) params.set(QUERY_KEYS[slot], value);
  }
  return `?${params.toString()}`;
}
