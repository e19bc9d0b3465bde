import type { Slug } from '../content/types.ts';
import { arrowId, type TourStep } from '../content/validateTours.ts';
import type { MapLayout, Rect } from '../layout/MapLayout.ts';
import { familyOf, topicRect } from '../layout/neighbourhood.ts';

/** What a tour step lights on a map: the same marks a hover uses, plus travel and breakage. */
export interface StepLighting {
  /** Topics at full strength: the step's topics, the ends of its arrows, their family boxes. */
  slugs: Set<Slug>;
  /** The step's topics and the ends of its arrows (not the family boxes around them). */
  named: Set<Slug>;
  /** Flow arrow ids lit (`flow:<from>><to>`). */
  edges: Set<string>;
  /** Arrow ids that show their direction of travel (a moving dash). */
  travel: Set<string>;
  /** Topics drawn as failed ("break it"). */
  broken: Set<Slug>;
  /** The topics the view should frame: the step's, the failed ones, the ends of lit arrows. */
  focus: Slug[];
}

/**
 * The lighting of one tour step on a layout. With `breakIt` (and a step that says what
 * breaks), the failed parts are added and marked broken, and the lit arrows are those the
 * symptom travels back to the client on. Arrows the layout does not draw are left out.
 */
export function stepLighting(layout: MapLayout, step: TourStep, breakIt = false): StepLighting {
  const drawn = new Set(layout.flows.map((e) => e.id));
  const failure = breakIt ? step.breaks : undefined;
  const arrows = (failure ? failure.symptom : step.arrows).filter((a) => drawn.has(a.id));
  return lighting(
    layout,
    [...step.topics, ...(failure?.broken ?? [])],
    arrows,
    arrows,
    failure?.broken ?? []
  );
}

/**
 * The lighting of a deployment plan: its parts, and the arrows a request travels on
 * through them (the plan's `requestArrows`), lit and showing their direction as a tour
 * step's do. Topics and arrows the layout does not draw are left out.
 */
export function planLighting(
  layout: MapLayout,
  parts: readonly Slug[],
  arrows: readonly { from: Slug; to: Slug }[]
): StepLighting {
  const drawn = new Set([
    ...layout.nodes.map((n) => n.slug),
    ...layout.boxes.flatMap((b) => (b.slug ? [b.slug] : []))
  ]);
  const flows = new Set(layout.flows.map((e) => e.id));
  const lit = arrows
    .map((a) => ({ ...a, id: arrowId(a.from, a.to) }))
    .filter((a) => flows.has(a.id));
  return lighting(
    layout,
    parts.filter((s) => drawn.has(s)),
    lit,
    lit,
    []
  );
}

/** The marks shared by a tour step and a plan: named topics and arrow ends, their family boxes, the arrows. */
function lighting(
  layout: MapLayout,
  topics: readonly Slug[],
  arrows: readonly { id: string; from: Slug; to: Slug }[],
  travel: readonly { id: string }[],
  broken: readonly Slug[]
): StepLighting {
  const named = new Set<Slug>(topics);
  for (const a of arrows) named.add(a.from).add(a.to);
  const focus = [...named];
  const slugs = new Set(named);
  for (const s of named) for (const f of familyOf(layout, s)) slugs.add(f);
  return {
    slugs,
    named,
    edges: new Set(arrows.map((a) => a.id)),
    travel: new Set(travel.map((a) => a.id)),
    broken: new Set(broken),
    focus
  };
}

/** The smallest rectangle around the given topics on a layout, with a margin; undefined for none. */
export function boundsOf(layout: MapLayout, slugs: readonly Slug[], margin = 40): Rect | undefined {
  const rects = slugs.map((s) => topicRect(layout, s)).filter((r): r is Rect => r !== undefined);
  if (!rects.length) return undefined;
  const x0 = Math.min(...rects.map((r) => r.x)) - margin;
  const y0 = Math.min(...rects.map((r) => r.y)) - margin;
  const x1 = Math.max(...rects.map((r) => r.x + r.width)) + margin;
  const y1 = Math.max(...rects.map((r) => r.y + r.height)) + margin;
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}
