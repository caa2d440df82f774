// The text of an element with its paragraphs kept apart. Quote attribution needs the breaks
// ("a quote standing as its own paragraph continues the last speaker"), which textContent loses.
import { shownLineText } from '../../core/text/block-separator';

const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE', 'FOOTER',
  'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TD', 'TH', 'TR', 'UL',
]);
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'BUTTON']);

/** Text of `root`, one line per block, whitespace inside a line collapsed; at most `max` characters. */
export function blockText(root: Node, max = 500_000): string {
  const parts: string[] = [];
  let length = 0;
  // A line break of the markup inside a paragraph is drawn as a space: read as a line, it cut a
  // quote wrapped in the page's source in two. Only a <pre>'s are lines.
  let preDepth = 0;
  const walk = (node: Node): void => {
    if (length > max) return;
    if (node.nodeType === 3) {
      const text = shownLineText(node.nodeValue ?? '', preDepth > 0);
      parts.push(text);
      length += text.length;
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 11 && node.nodeType !== 9) return;
    const name = node.nodeType === 1 ? (node as Element).tagName.toUpperCase() : '';
    if (SKIPPED.has(name)) return;
    const block = BLOCKS.has(name);
    const pre = name === 'PRE';
    if (block) parts.push('\n');
    if (pre) preDepth++;
    for (let child = node.firstChild; child; child = child.nextSibling) walk(child);
    if (pre) preDepth--;
    if (block) parts.push('\n');
  };
  walk(root);
  return parts
    .join('')
    .split('\n')
    .map((line) => line.replace(/\s+/gu, ' ').trim())
    .filter((line) => line !== '')
    .join('\n')
    .slice(0, max);
}
