import type { Slug } from '../content/types.ts';
import type { MapLayout } from './MapLayout.ts';
import { neighbourhood, topicRect } from './neighbourhood.ts';

export type Direction = 'left' | 'right' | 'up' | 'down';

const DIRS: Record<Direction, [number, number]> = {
  left: [-1, 0],
  right: [1, 0],
  up: [0, -1],
  down: [0, 1]
};

/**
 * The topic to move to from `from` when an arrow key is pressed: the closest topic in
 * that direction among those joined to it by an edge, or, if none lies that way, the
 * closest topic in that direction on the whole map. Distance favours the axis of travel.
 */
export function nextInDirection(
  layout: MapLayout,
  from: Slug,
  dir: Direction,
  includeRelated: boolean
): Slug | undefined {
  const origin = topicRect(layout, from);
  if (!origin) return undefined;
  const [dx, dy] = DIRS[dir];
  const cx = origin.x + origin.width / 2;
  const cy = origin.y + origin.height / 2;
  const all = [
    ...layout.nodes.map((n) => n.slug),
    ...layout.boxes.flatMap((b) => (b.slug ? [b.slug] : []))
  ];
  const score = (slug: Slug) => {
    const r = topicRect(layout, slug)!;
    const vx = r.x + r.width / 2 - cx;
    const vy = r.y + r.height / 2 - cy;
    const along = vx * dx + vy * dy;
    if (along <= 1) return Infinity;
    const across = Math.abs(vx * dy - vy * dx);
    return along + across * 2;
  };
  const best = (slugs: Slug[]) => {
    let pick: Slug | undefined;
    let bestScore = Infinity;
    for (const s of slugs) {
      if (s === from) continue;
      const v = score(s);
      if (v < bestScore || (v === bestScore && pick !== undefined && s < pick))
        [pick, bestScore] = [s, v];
    }
    return pick;
  };
  const linked = [...neighbourhood(layout, from, includeRelated).connected];
  return best(linked) ?? best(all);
}
