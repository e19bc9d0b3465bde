import { buildSiteData, type SiteData } from '../../src/lib/site/siteData.ts';

const cache = new Map<string, Promise<SiteData>>();

/** Site data for a content folder, built once per test run (layout takes a moment). */
export function siteFor(dir: string, relaxed = true): Promise<SiteData> {
  const key = `${dir}:${relaxed}`;
  if (!cache.has(key)) cache.set(key, buildSiteData(dir, relaxed ? { rules: {} } : {}));
  return cache.get(key)!;
}
