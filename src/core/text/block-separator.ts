// What the reading of a page puts between two blocks (paragraphs, headings, list items, cells):
// a line break, U+FFFC (the object replacement character) and a line break. The sentence splitter
// ends a sentence at every line break, and the matcher, which reads a run of white space as one
// space, never runs a name across U+FFFC: with a blank line alone, "…chaired by Vladimir" ending
// one paragraph and "Putin left." starting the next were marked as one name. The content script's
// text model and the CLI's reading of an HTML file both use it, so both find the same things.
export const BLOCK_SEPARATOR = '\n\uFFFC\n';

/**
 * A text node's text as the page shows it inside a block: a line break in the markup ("…oil and
 * gas exports\n      now go to China.") is drawn as a space outside preformatted text, and read as
 * a line break it ended a sentence in the middle, so a claim wrapped in the page's source was
 * never found. Same length, so offsets into it are offsets into the node.
 */
export function shownLineText(data: string, preformatted: boolean): string {
  return preformatted || !data.includes('\n') ? data : data.replaceAll('\n', ' ');
}
