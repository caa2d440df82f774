// What the text model never reads: code, form fields, editors, hidden content and our own UI.
// Highlighting inside an editor or a field would mislead (the user is writing, not reading), and
// hidden text would give counts the reader cannot see.
import { pageNames } from '../highlight/page-names';

/**
 * Tag name of the element that hosts our card; the page never has one of its own. Random per page
 * (page-names.ts); a live binding, so refreshHostTags() reaches every importer.
 */
export let CARD_HOST_TAG = pageNames().cardTag;
/** Tag name of the element that hosts the annotation toolbar, form and note bubble. */
export let ANNOTATE_HOST_TAG = pageNames().annotateTag;

/** After the page's names changed (useReadableNames): before any host element is made. */
export function refreshHostTags(): void {
  CARD_HOST_TAG = pageNames().cardTag;
  ANNOTATE_HOST_TAG = pageNames().annotateTag;
}

/**
 * Regions found editable by a check that reads the page's style (editor-guard.ts): CSS
 * `-webkit-user-modify: read-write`, which no attribute shows. The text model skips them from then on.
 */
const knownEditors = new WeakSet<Element>();

export function markEditor(el: Element): void {
  knownEditors.add(el);
}

export function unmarkEditor(el: Element): void {
  knownEditors.delete(el);
}

const SKIPPED_TAGS: ReadonlySet<string> = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'HEAD',
  'TITLE', 'IFRAME', 'OBJECT', 'CANVAS', 'SVG', 'MATH',
]);
// Our own hosts (frames/frame-host.ts) have per-page random names and hold no light-DOM text; the
// watcher and the click handler know them by identity. A page's element named like an old host of
// ours ("dossier-card") is the page's, and read like any other.

/** True for an element whose whole subtree is out of the text model. Cheap: no style lookups. */
export function isExcludedElement(el: Element): boolean {
  const tag = el.tagName.toLowerCase();
  if (SKIPPED_TAGS.has(tag.toUpperCase()) || tag === CARD_HOST_TAG || tag === ANNOTATE_HOST_TAG) return true;
  if (knownEditors.has(el)) return true;
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  return isEditingHost(el);
}

/**
 * Whether the element starts an editable region. Read from the attribute, not `isContentEditable`:
 * that getter brings the page's style up to date first, so on a page that just changed it forced
 * a style recalculation inside our task for every element we walked.
 */
function isEditingHost(el: Element): boolean {
  const editable = el.getAttribute('contenteditable')?.toLowerCase();
  // "false", "inherit" and unknown values start nothing: an editable ancestor was skipped already.
  if (editable === '' || editable === 'true' || editable === 'plaintext-only') return true;
  // designMode makes the whole document editable; the walk meets <body> (or <html>) first.
  return (el.tagName === 'BODY' || el.tagName === 'HTML') && el.ownerDocument.designMode === 'on';
}

/** True if the node sits inside an excluded element (used for subtrees a mutation handed us). */
export function isInsideExcluded(node: Node): boolean {
  for (let el = node instanceof Element ? node : node.parentElement; el; el = el.parentElement) {
    if (isExcludedElement(el)) return true;
  }
  return false;
}

/**
 * Rendered visibility of a text node's parent, cached per element for one pass: checkVisibility
 * forces style computation, and a paragraph's many text nodes share a few parents.
 */
export class VisibilityCache {
  private readonly known = new WeakMap<Element, boolean>();
  isVisible(el: Element): boolean {
    let visible = this.known.get(el);
    if (visible === undefined) {
      // Older engines without checkVisibility: treat as visible rather than see nothing.
      visible = typeof el.checkVisibility === 'function' ? el.checkVisibility({ visibilityProperty: true }) : true;
      this.known.set(el, visible);
    }
    return visible;
  }
}
