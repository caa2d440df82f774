// The first stage's text of a block of the page, read from its serialized markup (one native
// serialization and one native replace): every tag becomes a line break, so the text of two
// elements never runs together. `textContent` (what this read replaced) glued blocks together:
// "<h2>World</h2><p>Putin spoke" read "WorldPutin spoke", where no anchor starts a word, and the
// page was sent away naming someone. The text of scripts and styles is still in it (a block whose
// text has an anchor is re-read node by node, text-pass.ts, which skips them).
//
// Not done: inline markup inside a word ("<b>P</b>utin", a drop cap) splits it here and in the
// node-by-node re-read, where the second stage joins it. Joining inline text takes the second
// stage's list of block elements in one more RegExp, whose first run cost ~0.75 ms a page.

/**
 * Any tag or comment. Serializers escape every `<` of shown text. A `<` in the raw text of a
 * script or style (innerHTML) may open a false tag here, which ends at the latest with that
 * element's closing tag: no shown text is lost, some script text may be left (read for nothing).
 */
const TAG = /<[^>]*>/g;

/** The text of serialized markup (XMLSerializer, innerHTML), each tag a line break. */
export function markupText(markup: string): string {
  return markup.replace(TAG, '\n');
}

/** Raw text put beside markup (a text node read by itself): a `<` in it must not open a tag. */
export function asMarkup(text: string): string {
  return text.includes('<') ? text.replaceAll('<', ' ') : text;
}

/**
 * What a serialization shows, as far as one RegExp can tell: comments, the head and the elements
 * whose text is never shown (text-pass.ts's SKIPPED) go whole, then every tag and character
 * reference. Used only to say yes early: an anchor here is in shown text (or, on markup no
 * serializer writes, a page's own trick, in text we then load the rest for: never a name lost).
 * Where it says no, the block is read node by node as before. `<style />` (an empty SVG style,
 * XMLSerializer) opens nothing: the lookbehind keeps it from reaching a later `</style>`.
 *
 * The other elements whose text serializers leave raw (xmp, iframe, noembed, noframes) go whole
 * too. Left in, a page could write "<script>" thousands of times as their text: each would start a
 * search for a `</script>` that never comes, to the end of the markup, which took 0.3 s for 128 KB
 * (quadratic). Their text is then only read node by node, never missed.
 */
const HIDDEN_OR_TAG =
  /<!--[\s\S]*?-->|<(script|style|noscript|template|head|xmp|iframe|noembed|noframes)(?:>|\s[^>]*(?<!\/)>)[\s\S]*?<\/\1\s*>|<[^>]*>|&#?[a-z0-9]+;/gi;

/** `<plaintext>` has no end: what follows it is raw text to the end, the case above without a way out. */
const PLAINTEXT = /<plaintext[\s>]/i;

/**
 * The shown text of serialized markup (innerHTML, XMLSerializer): see HIDDEN_OR_TAG. Empty for
 * markup holding a `<plaintext>` (that block is then read node by node).
 */
export function shownMarkupText(markup: string): string {
  if (PLAINTEXT.test(markup)) return '';
  return markup.replace(HIDDEN_OR_TAG, '\n');
}
