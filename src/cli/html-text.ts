// The visible text of an HTML page, taken the way the content script takes it in the browser:
// no script, style or template, no form fields or editors, nothing hidden; blocks are separated
// so words of different blocks never run together.
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

export function visibleTextOfHtml(html: string): string {
  const parts: string[] = [];
  // Each open element records whether it started a skipped (invisible) region.
  const stack: { name: string; skips: boolean }[] = [];
  let skipDepth = 0;

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        const skips = SKIPPED.has(name) || isHidden(attrs);
        if (BLOCK.has(name) && skipDepth === 0) parts.push('\n');
        if (VOID.has(name)) return;
        stack.push({ name, skips });
        if (skips) skipDepth++;
      },
      ontext(text) {
        if (skipDepth === 0) parts.push(text);
      },
      onclosetag(name) {
        if (VOID.has(name)) return;
        // Pop up to the matching element; htmlparser2 closes implied elements for us.
        while (stack.length > 0) {
          const top = stack.pop()!;
          if (top.skips) skipDepth--;
          if (top.name === name) break;
        }
        if (BLOCK.has(name) && skipDepth === 0) parts.push('\n');
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return parts
    .join('')
    .replace(/[ \t\f\r\u00a0]*\n[\s]*/g, '\n')
    .replace(/[ \t\f\r]{2,}/g, ' ')
    .trim();
}
