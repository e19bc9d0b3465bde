// The smallest content a test can load: a _map.yaml with one group, one box and the hub
// "a", and topic files that fit it.

/** A frame whose hub is topic "a", in group "g" and box "r". */
export const FRAME =
  'hub: a\ngroups:\n  - id: g\n    label: G\nboxes:\n  - id: r\n    label: R\nlearningPath:\n  - [a]\n';

/** A topic file for FRAME: `related` as written in YAML, `extra` more frontmatter lines. */
export const topicFile = (slug: string, { related = '[]', extra = '' } = {}) =>
  `---\ntitle: ${slug}\nsummary: S\ngroup: g\nparent: r\nrelated: ${related}\nreviewed: 2026-11-01\n${extra}---\n\nProse.\n`;
