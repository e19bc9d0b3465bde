import type { Slug } from '../content/types.ts';
import { normaliseBase } from '../routes.ts';

/** What the `/embed/` address may ask for. Anything it does not know is ignored. */
export interface EmbedOptions {
  /** A topic whose neighbourhood is lit and brought into view. */
  focus?: Slug;
  /** The groups shown at full strength (the rest fade); absent: every group. */
  filter?: string[];
  /** A guided tour and its step (1-based), when tours exist. */
  tour?: string;
  step?: number;
  theme?: 'light' | 'dark';
  /** `controls=0` hides the bar around the drawing (the topics stay links). */
  controls: boolean;
}

/** The map's current view as the Embed dialog offers it, with the names it shows. */
export type EmbedView = Partial<EmbedOptions> & { focusTitle?: string; tourTitle?: string };

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Reads the embed options from a query string, keeping only what is well formed: a
 * `focus` that names a known topic, `filter` groups that exist (comma-separated, unknown
 * ones dropped), a slug-shaped `tour`, a positive whole `step`, `theme=light|dark`.
 */
export function parseEmbedOptions(
  search: string,
  slugs: ReadonlySet<Slug>,
  groups?: ReadonlySet<string>
): EmbedOptions {
  const q = new URLSearchParams(search);
  const out: EmbedOptions = { controls: q.get('controls') !== '0' };
  const focus = q.get('focus');
  if (focus && slugs.has(focus)) out.focus = focus;
  const filter = q.get('filter');
  if (filter !== null) {
    const wanted = filter
      .split(',')
      .map((g) => g.trim())
      .filter((g) => SLUG.test(g) && (!groups || groups.has(g)));
    if (wanted.length) out.filter = [...new Set(wanted)];
  }
  const tour = q.get('tour');
  if (tour && SLUG.test(tour) && tour.length <= 80) out.tour = tour;
  const step = q.get('step');
  if (out.tour && step && /^[1-9][0-9]{0,2}$/.test(step)) out.step = Number(step);
  const theme = q.get('theme');
  if (theme === 'light' || theme === 'dark') out.theme = theme;
  return out;
}

/** The `/embed/` address (under the base path) for a set of options, shortest form. */
export function embedHref(base: string, o: Partial<EmbedOptions>): string {
  const q = new URLSearchParams();
  if (o.focus) q.set('focus', o.focus);
  if (o.filter?.length) q.set('filter', o.filter.join(','));
  if (o.tour) q.set('tour', o.tour);
  if (o.tour && o.step) q.set('step', String(o.step));
  if (o.theme) q.set('theme', o.theme);
  if (o.controls === false) q.set('controls', '0');
  const query = q.toString().replaceAll('%2C', ',');
  return `${normaliseBase(base)}embed/${query ? `?${query}` : ''}`;
}

const escapeAttr = (s: string) =>
  s.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');

/**
 * The HTML a page pastes to embed the map: an `<iframe>` of `/embed/` (full width, its
 * height from the drawing's aspect ratio plus the bar, for a column about 800 px wide)
 * and a link to the full site under it, for readers whose page strips iframes.
 */
export function embedCode(
  siteUrl: string,
  base: string,
  o: Partial<EmbedOptions>,
  aspectRatio: number
): string {
  const origin = new URL(siteUrl);
  const src = new URL(embedHref(base, o), origin).href;
  const site = new URL(normaliseBase(base), origin).href;
  const bar = o.controls === false ? 0 : 44;
  const height = Math.round(Math.min(900, Math.max(320, 800 / aspectRatio + bar)));
  return (
    `<iframe src="${escapeAttr(src)}" title="Deployment Map: how a Python web app is deployed" ` +
    `width="100%" height="${height}" style="border:0;max-width:100%" loading="lazy"></iframe>\n` +
    `<p><a href="${escapeAttr(site)}">Open the Deployment Map</a></p>`
  );
}
