/**
 * The one table of topic frontmatter fields. Validation (validateContent), the `Topic`
 * type, the browser's `TopicInfo` and every list of field names derive from it: a new
 * field is one row here, one reader if its kind is new, and its place on the page.
 */

/** Slug of a topic: lowercase words joined by hyphens, equal to its file name. */
export type Slug = string;

export interface Arrow {
  to: Slug;
  label: string;
}

/** A named tool or a further reading: its official address and an optional line of our own. */
export interface ExternalLink {
  name: string;
  url: string;
  /** One line in our own words on why it is worth opening (plain text). */
  note?: string;
}

/** What each kind of field holds once validated. */
export interface FieldKinds {
  /** A non-empty string on one line. */
  text: string;
  /** A list of topic slugs. */
  slugs: Slug[];
  /** Labelled flow arrows that start at the topic. */
  arrows: Arrow[];
  /** Named links (`name:` or `title:`, `url:`, optional `note:`). */
  links: ExternalLink[];
  /** An ISO calendar date, `YYYY-MM-DD`, not in the future. */
  date: string;
}

export interface FieldSpec {
  kind: keyof FieldKinds;
  required: boolean;
  /** For `links`: the key the frontmatter names each link by. */
  nameKey?: 'name' | 'title';
}

export const TOPIC_SCHEMA = {
  title: { kind: 'text', required: true },
  summary: { kind: 'text', required: true },
  group: { kind: 'text', required: true },
  parent: { kind: 'text', required: true },
  arrows: { kind: 'arrows', required: false },
  related: { kind: 'slugs', required: true },
  examples: { kind: 'links', required: false, nameKey: 'name' },
  resources: { kind: 'links', required: false, nameKey: 'title' },
  reviewed: { kind: 'date', required: true }
} as const satisfies Record<string, FieldSpec>;

export type TopicFieldName = keyof typeof TOPIC_SCHEMA;

/** The validated frontmatter of a topic, one property per row of TOPIC_SCHEMA. */
export type TopicFields = { [K in TopicFieldName]: FieldKinds[(typeof TOPIC_SCHEMA)[K]['kind']] };

/** Every field name, in table order (the order messages list them in). */
export const TOPIC_FIELD_NAMES = Object.keys(TOPIC_SCHEMA) as TopicFieldName[];

/** The fields a topic file must have. */
export const REQUIRED_TOPIC_FIELDS = TOPIC_FIELD_NAMES.filter((k) => TOPIC_SCHEMA[k].required);

/**
 * What a topic page in the browser gets: the slug, every frontmatter field and, derived
 * by the build, the other topics whose related list or prose links here (by title).
 */
export type TopicInfo = { slug: Slug; linkedFrom: Slug[] } & TopicFields;

/**
 * The browser's data for every topic: the fields of the table, nothing else of the
 * topic, plus `linkedFrom` (pages whose related list or prose links to it), sorted by title.
 */
export function topicInfos(topics: readonly ({ slug: Slug; linksTo: Slug[] } & TopicFields)[]): Record<Slug, TopicInfo> {
  const titles = new Map(topics.map((t) => [t.slug, t.title]));
  const from = new Map<Slug, Set<Slug>>(topics.map((t) => [t.slug, new Set()]));
  for (const t of topics) for (const to of [...t.related, ...t.linksTo]) if (to !== t.slug) from.get(to)?.add(t.slug);
  const out: Record<Slug, TopicInfo> = {};
  for (const t of topics) {
    const info = { slug: t.slug } as Record<string, unknown>;
    for (const key of TOPIC_FIELD_NAMES) info[key] = t[key];
    info.linkedFrom = [...from.get(t.slug)!].sort((a, b) => titles.get(a)!.localeCompare(titles.get(b)!));
    out[t.slug] = info as TopicInfo;
  }
  return out;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A validated `YYYY-MM-DD` date as the page and the PDF print it: "1 December 2026". */
export function longDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS[m - 1]} ${y}`;
}
