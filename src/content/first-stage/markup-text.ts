// The first stage's text of a block of the page, read from its markup (one native serialization
// and two native replaces), the way the second stage reads it (text-model.ts): text under one
// block joined as it is, blocks kept apart, the text of scripts, styles and templates left out.
// `textContent` (what this read replaced) glues blocks together: "<h2>World</h2><p>Putin spoke"
// read "WorldPutin spoke", where no anchor starts a word, and the page was sent away naming
// someone. Its one node-by-node re-read split inline text instead ("<b>P</b>utin" read "P",
// "utin"): a drop cap hid the name. Markup keeps both boundaries, natively.

/** The second stage's block elements (text-model.ts BLOCK_TAGS; a unit test keeps the two lists equal). */
export const BLOCK_NAMES = [
  'address', 'article', 'aside', 'blockquote', 'body', 'br', 'caption', 'dd', 'details', 'dialog',
  'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4',
  'h5', 'h6', 'header', 'hgroup', 'hr', 'html', 'img', 'li', 'main', 'nav', 'ol', 'p', 'pre',
  'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul', 'button',
];
/** Elements whose text is never shown (text-pass.ts SKIPPED, and the head of a whole document). */
const NEVER_SHOWN = 'script|style|noscript|template|head';

/**
 * An element never shown, with its content, a comment, or a block's tag: each becomes a line break.
 * The serializer escapes every `<` of text and attribute values, so each `<` here opens markup; a
 * self-closing `<style/>` (SVG) opens nothing, or its lazy match would run on to a later `</style>`.
 */
const APART = new RegExp(`<(${NEVER_SHOWN})(?:\\s[^>]*)?(?<!/)>[\\s\\S]*?</\\1>|<!--[\\s\\S]*?-->|</?(?:${BLOCK_NAMES.join('|')})(?=[\\s/>])[^>]*>`, 'g');
/** Any other tag (inline: its text joins its neighbours', as in the second stage). */
const TAG = /<[^>]*>/g;

/** The text of serialized markup (XMLSerializer): blocks on lines of their own, inline text joined. */
export function markupText(markup: string): string {
  return markup.replace(APART, '\n').replace(TAG, '');
}

/** Raw text put beside markup (a text node read by itself): a `<` in it must not open a tag. */
export function asMarkup(text: string): string {
  return text.includes('<') ? text.replaceAll('<', ' ') : text;
}
