// Build-time highlighting of fenced code in prose with Shiki. The output is plain markup
// that compileProse's allow-list accepts: spans whose only attribute is a colour pair,
// escaped text (braces included), and no expression of any kind, so a highlighted block
// is as inert as an unhighlighted one. Nothing of Shiki reaches the browser.
import { createHighlighter } from 'shiki';
import { parseFenceMeta } from './fenceMeta.js';

/**
 * Fence languages we highlight, with the Shiki grammar each is read with.
 * @type {Record<string, import('shiki').BundledLanguage>}
 */
export const CODE_LANGUAGES = {
  nginx: 'nginx', apache: 'apache', ini: 'ini', python: 'python', py: 'python', toml: 'toml',
  yaml: 'yaml', yml: 'yaml', dockerfile: 'dockerfile', docker: 'dockerfile', sh: 'shellscript',
  bash: 'shellscript', shell: 'shellscript', console: 'shellscript', systemd: 'systemd',
  sql: 'sql', json: 'json', dotenv: 'dotenv', html: 'html', css: 'css', js: 'javascript',
  javascript: 'javascript', ts: 'typescript', typescript: 'typescript', svelte: 'svelte',
  markdown: 'markdown', md: 'markdown', diff: 'diff'
};
/** Languages shown as plain text (no grammar in Shiki, or none wanted). */
export const PLAIN_LANGUAGES = ['text', 'caddyfile', 'procfile'];

const THEMES = { light: 'github-light-default', dark: 'github-dark-default' };

/** @type {Promise<import('shiki').Highlighter> | undefined} */
let highlighter;
const getHighlighter = () =>
  (highlighter ??= createHighlighter({ themes: Object.values(THEMES), langs: [...new Set(Object.values(CODE_LANGUAGES))] }));

/** Escapes text for Svelte markup: `<`, `>`, `&`, `"` and braces become character references. */
export const escapeMarkup = (/** @type {string} */ text) =>
  text.replace(/[&<>"{}]/g, (c) => `&#${c.charCodeAt(0)};`);

/** A colour from Shiki's themes, as the only thing a span's style may hold. */
const colour = (/** @type {unknown} */ c) => (typeof c === 'string' && /^#[0-9a-f]{3,8}$/i.test(c) ? c.toLowerCase() : undefined);

/**
 * A fenced code block as markup: a figure-like `div.code-block` with an optional title
 * line and a "tested" or "untested" note, then `<pre><code>` of highlighted spans. The
 * text inside is exactly the block's text.
 * @param {string} code
 * @param {string | null | undefined} lang
 * @param {string | null | undefined} meta
 */
export async function highlightCode(code, lang, meta) {
  const info = parseFenceMeta(meta);
  // Any language we do not know is refused, however it is spelt (`c$`, a 40-letter
  // word), rather than shown as plain text: a typo must not pass unnoticed.
  const language = lang ? lang.toLowerCase() : '';
  const grammar = Object.hasOwn(CODE_LANGUAGES, language) ? CODE_LANGUAGES[/** @type {keyof typeof CODE_LANGUAGES} */ (language)] : undefined;
  if (language && !grammar && !PLAIN_LANGUAGES.includes(language))
    throw new Error(`code fence: unknown language ${language.slice(0, 40)} (${[...Object.keys(CODE_LANGUAGES), ...PLAIN_LANGUAGES].join(', ')})`);
  let body;
  if (grammar) {
    const { tokens } = (await getHighlighter()).codeToTokens(code, { lang: grammar, themes: THEMES });
    body = tokens
      .map((line) =>
        line
          .map((t) => {
            const style = /** @type {Record<string, unknown>} */ (t.htmlStyle ?? {});
            const l = colour(style.color);
            const d = colour(style['--shiki-dark']);
            const text = escapeMarkup(t.content);
            return l && d ? `<span style="--l:${l};--d:${d}">${text}</span>` : text;
          })
          .join('')
      )
      .join('\n');
  } else body = escapeMarkup(code);
  const cls = language ? ` class="language-${language}"` : '';
  const note = info.test !== undefined
    ? `<span class="code-note">Tested in CI</span>`
    : info.untested !== undefined
      ? `<span class="code-note">Not tested: ${escapeMarkup(info.untested)}</span>`
      : '';
  const head = info.title !== undefined || note
    ? `<p class="code-title">${info.title !== undefined ? `<span>${escapeMarkup(info.title)}</span>` : ''}${note}</p>`
    : '';
  // tabindex: a long line scrolls the block sideways, and keyboard users must reach it.
  return `<div class="code-block">${head}<pre tabindex="0"><code${cls}>${body}</code></pre></div>`;
}
