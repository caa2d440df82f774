// The visible text of an HTML page, taken the way the content script takes it in the browser:
// no script, style or template, no form fields or editors, nothing hidden; blocks are separated
// so words of different blocks never run together, and no name runs across two.
import { Parser } from 'htmlparser2';

const SKIPPED = new Set([
  'script', 'style', 'noscript', 'template', 'textarea', 'input', 'select', 'option', 'button',
  'svg', 'math', 'iframe', 'object', 'head', 'title',
]);

const VOID = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr',
]);

const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header',
  'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'td', 'th', 'tr', 'ul',
  'caption', 'body', 'html',
]);

function isHidden(attrs: Record<string, string>): boolean {
  if ('hidden' in attrs) return true;
  if (attrs['aria-hidden'] === 'true') return true;
  if (attrs.contenteditable !== undefined && attrs.contenteditable !== 'false') return true;
  const style = (attrs.style ?? '').replace(/\s+/g, '').toLowerCase();
  return style.includes('display:none') || style.includes('visibility:hidden');
}

/**
 * The visible text of `html`, one block (paragraph, heading, list item, cell) after another with
 * `blockSeparator` between them. Inside a block, white space of the markup, line breaks included,
 * is one space, as the page draws it (a <pre> keeps its lines). With core's BLOCK_SEPARATOR this
 * is the text the content script reads (`dossier scan`); with "\n", one line per block (NER and
 * quotes, which read a line as a paragraph).
 */
export function visibleTextOfHtml(html: string, blockSeparator = '\n'): string {
  const blocks: string[] = [];
  let current: string[] = [];
  // Each open element records whether it started a skipped (invisible) region or a <pre>.
  const stack: { name: string; skips: boolean; pre: boolean }[] = [];
  let skipDepth = 0;
  let preDepth = 0;
  const endBlock = (): void => {
    const text = current
      .join('')
      .replace(/[ \t\f\r\n]+/g, (run) => (preDepth > 0 && run.includes('\n') ? '\n' : ' '))
      .replace(/ ?\n ?/g, '\n')
      .trim();
    if (text !== '') blocks.push(text);
    current = [];
  };

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        const skips = SKIPPED.has(name) || isHidden(attrs);
        if (BLOCK.has(name) && skipDepth === 0) endBlock();
        if (VOID.has(name)) return;
        const pre = name === 'pre';
        stack.push({ name, skips, pre });
        if (skips) skipDepth++;
        if (pre) preDepth++;
      },
      ontext(text) {
        if (skipDepth === 0) current.push(preDepth > 0 ? text : text.replaceAll('\n', ' '));
      },
      onclosetag(name) {
        if (VOID.has(name)) return;
        const block = BLOCK.has(name) && skipDepth === 0;
        if (block) endBlock();
        // Pop up to the matching element; htmlparser2 closes implied elements for us.
        while (stack.length > 0) {
          const top = stack.pop()!;
          if (top.skips) skipDepth--;
          if (top.pre) preDepth--;
          if (top.name === name) break;
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  endBlock();
  return blocks.join(blockSeparator);
}
