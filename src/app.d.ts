declare module 'virtual:deployment-map' {
  import type { Component } from 'svelte';
  import type { MapLayout } from './lib/layout/MapLayout.ts';
  import type { TopicInfo } from './lib/site/siteData.ts';
  export const layout: MapLayout;
  export const topics: Record<string, TopicInfo>;
  export const hub: string | null;
  export const pages: Record<string, () => Promise<{ default: Component }>>;
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
