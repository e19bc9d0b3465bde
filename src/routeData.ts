import type { Component, ComponentProps } from 'svelte';
import { loadTopics, loadTours, pages } from 'virtual:deployment-map';
import type { Route } from './lib/routes.ts';
import type { TopicInfo } from './lib/site/siteData.ts';
import type TopicRouteComponent from './components/topic/TopicRoute.svelte';
import type NotFoundComponent from './components/ui/NotFound.svelte';
import type EmbedViewComponent from './components/map/EmbedView.svelte';
import type TourRouteComponent from './components/tours/TourRoute.svelte';
import type { TourData } from './lib/content/validateTours.ts';
import type PlanRouteComponent from './components/plan/PlanRoute.svelte';
import type { PlanData } from './lib/plan/planTypes.ts';

type TopicRouteProps = ComponentProps<typeof TopicRouteComponent>;

/** What a route needs beyond the map: a topic page's prose and the topics' metadata. */
export interface RouteData {
  Prose?: Component;
  topics?: Record<string, TopicInfo>;
  /** The topic route's component (its own chunk: the map's first load does not need it). */
  TopicRoute?: Component<TopicRouteProps>;
  /** The not-found page's component (its own chunk too). */
  NotFound?: Component<ComponentProps<typeof NotFoundComponent>>;
  /** The embedded map (`/embed/`), its own chunk too. */
  Embed?: Component<ComponentProps<typeof EmbedViewComponent>>;
  /** The tour pages' component and the tours (their own chunks). */
  TourRoute?: Component<ComponentProps<typeof TourRouteComponent>>;
  tours?: TourData[];
  /** "Plan my deployment" and the plan data it builds plans from (their own chunks). */
  PlanRoute?: Component<ComponentProps<typeof PlanRouteComponent>>;
  planData?: PlanData | null;
}

/** Loads a route's data (code-split chunks) before it is rendered, hydrated or shown. */
export async function loadRouteData(route: Route): Promise<RouteData> {
  if (route.kind === 'notFound')
    return { NotFound: (await import('./components/ui/NotFound.svelte')).default };
  if (route.kind === 'embed')
    return { Embed: (await import('./components/map/EmbedView.svelte')).default };
  if (route.kind === 'tours' || route.kind === 'tour') {
    const [tours, view] = await Promise.all([
      loadTours(),
      import('./components/tours/TourRoute.svelte')
    ]);
    return { tours, TourRoute: view.default };
  }
  if (route.kind === 'plan') {
    const [view, plan] = await Promise.all([
      import('./components/plan/PlanRoute.svelte'),
      import('virtual:deployment-map/plan-data')
    ]);
    return { PlanRoute: view.default, planData: plan.planData };
  }
  if (route.kind !== 'topic') return {};
  const [page, topics, view] = await Promise.all([
    pages[route.slug](),
    loadTopics(),
    import('./components/topic/TopicRoute.svelte')
  ]);
  return { Prose: page.default, topics, TopicRoute: view.default };
}
