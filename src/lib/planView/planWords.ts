// What the chooser, the /plan/ page and the plan PDF say about a plan, in one place so
// the screen and the paper say the same.
import {
  findOption,
  notRunnable,
  slotLabel,
  SLOT_ORDER,
  type Plan,
  type PlanChoices,
  type Slot
} from '../plan/planModel.ts';

/** The choices in words, in the chooser's order: `{ label: 'Web server', value: 'nginx' }`. */
export function choiceRows(choices: PlanChoices): { slot: Slot; label: string; value: string }[] {
  return SLOT_ORDER.flatMap((slot) => {
    const option = findOption(slot, choices[slot]);
    return option ? [{ slot, label: slotLabel(slot), value: option.label }] : [];
  });
}

/**
 * Whether CI proved this exact stack: which one, where and with which versions; else why
 * it cannot run here, or that it has not been proven yet. Never claims more than the
 * engine's record says.
 */
export function provenText(plan: Plan): string {
  const p = plan.proven;
  if (p)
    return `${p.label}, brought up from exactly these files on ${p.ranOn} (${Object.entries(
      p.versions
    )
      .map(([name, v]) => `${name} ${v}`)
      .join(', ')}).`;
  const why = notRunnable(plan.choices);
  return why
    ? `Not proven as a whole stack: CI cannot bring it up here (${why}). Each file comes from a topic page's example.`
    : "Not yet proven as a whole stack in CI. Each file comes from a topic page's example.";
}

/** Text with `code spans` cut into runs, so screen and PDF can set the code in monospace. */
export function codeSpans(text: string): { text: string; code: boolean }[] {
  return text
    .split('`')
    .map((t, i) => ({ text: t, code: i % 2 === 1 }))
    .filter((r) => r.text);
}
