declare module 'virtual:deployment-map' {
  import type { Component } from 'svelte';
  import type { MapLayout } from './lib/layout/MapLayout.ts';
  import type { TopicInfo } from './lib/site/siteData.ts';
  /** The layout as the map's first load needs it: `related` is empty (see loadRelated). */
  export const layout: MapLayout;
  export const loadRelated: () => Promise<MapLayout['related']>;
  /** The portrait composition for narrow screens, with its own related links. */
  export const loadPortrait: () => Promise<{ layout: MapLayout; related: MapLayout['related'] }>;
  /** Topic slugs in content order (the order of topic pages in the PDF). */
  export const slugs: string[];
  export const hub: string | null;
  export const pages: Record<string, () => Promise<{ default: Component }>>;
  export const loadTopics: () => Promise<Record<string, TopicInfo>>;
  /** The guided tours' slugs and titles, in list order; the tours themselves load on demand. */
  export const tourList: { slug: string; title: string }[];
  export const loadTours: () => Promise<import('./lib/content/validateTours.ts').TourData[]>;
}

declare module 'virtual:deployment-map/tours' {
  export const tours: import('./lib/content/validateTours.ts').TourData[];
}

declare module 'virtual:deployment-map/topics' {
  import type { TopicInfo } from './lib/site/siteData';
  export const topics: Record<string, TopicInfo>;
}

declare module 'virtual:deployment-map/plan-data' {
  /** The planner's data (src/lib/plan/planData.ts): import it lazily, never from the map's first load. Null for content without the planner's pages (fixtures, benchmarks). */
  export const planData: import('./lib/plan/planTypes.ts').PlanData | null;
}

declare module 'virtual:deployment-map/search' {
  const json: string;
  export default json;
}

declare module '*.md' {
  import type { Component } from 'svelte';
  const component: Component;
  export default component;
  export const metadata: Record<string, unknown>;
}
