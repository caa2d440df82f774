// Watches the page for text that appears or changes after the first scan and reports, once per
// batch, the smallest set of block elements to rescan. Batches run never closer than MIN_GAP_MS,
// and ever further apart (up to MAX_GAP_MS) while the page keeps changing (batch-pacer.ts), so a
// page that mutates forever costs bounded CPU. A visible page is flushed from a timer: a
// requestAnimationFrame would ask the browser for one more frame per batch (style, layout, paint of
// the whole page) on top of the one the page's own change causes. A hidden page waits for its next
// frame, which comes only when it is shown again, so background tabs do not scan.
// Our own nodes (card host, fallback style element) are ignored, and highlights change no DOM,
// so our work can never feed back into the observer.
import { isExcludedElement } from './exclusions';
import { closestBlock, isBlockElement } from './text-model';
import { BatchPacer } from './batch-pacer';
import { composedParent } from '../dom/shadow-roots';

export interface ChangeBatch {
  /** Elements (or text nodes without a block around them) whose text must be rescanned. */
  roots: Node[];
  /** Whether text may have left the page (removals, edits): stale marks must be dropped. */
  textRemoved: boolean;
  /**
   * Where text may have left: removed nodes, edited text, and the blocks they were in (a mark
   * can span an inline element that went). Only marks filed there need a staleness check.
   */
  touched: Node[];
  /**
   * The nodes removed from where they were (outermost only), wherever they are now: a page may
   * have moved them, into an editor say. A live Range in them collapsed; a lazy mark's did not.
   */
  removed: Node[];
}

const OBSERVED: MutationObserverInit = { childList: true, subtree: true, characterData: true };

export class PageWatcher {
  private readonly observer: MutationObserver;
  private records: MutationRecord[] = [];
  private scheduled = false;
  private readonly pacer = new BatchPacer();

  constructor(
    private readonly doc: Document,
    private readonly isOurs: (node: Node) => boolean,
    private readonly onBatch: (batch: ChangeBatch) => void,
  ) {
    this.observer = new MutationObserver((records) => {
      this.records.push(...records);
      this.schedule();
    });
  }

  private readonly shadowRoots = new Set<ShadowRoot>();
  private started = false;

  start(): void {
    this.started = true;
    this.observer.observe(this.doc.documentElement, OBSERVED);
    for (const root of this.shadowRoots) {
      if (root.host.isConnected) this.observer.observe(root, OBSERVED);
      else this.shadowRoots.delete(root);
    }
  }

  /**
   * Watches an open shadow root the text model read: the document's observer does not see into
   * shadow trees, and web components fill and change theirs after load.
   */
  observeShadowRoot(root: ShadowRoot): void {
    if (this.shadowRoots.has(root)) return;
    this.shadowRoots.add(root);
    if (this.started) this.observer.observe(root, OBSERVED);
  }

  stop(): void {
    this.started = false;
    this.observer.disconnect();
    this.records = [];
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    const wait = this.pacer.delay(performance.now());
    setTimeout(() => {
      if (this.doc.visibilityState === 'hidden') requestAnimationFrame(() => this.flush());
      else this.flush();
    }, wait);
  }

  private flush(): void {
    this.scheduled = false;
    this.pacer.flushed(performance.now());
    const records = this.records.concat(this.observer.takeRecords());
    this.records = [];
    const batch = summarise(records, this.isOurs);
    if (batch.roots.length > 0 || batch.textRemoved) this.onBatch(batch);
  }
}

function rootFor(node: Node): Node | null {
  if (!node.isConnected) return null;
  // A shadow tree's top level changed: the whole tree is read again (it is one component's).
  if (node instanceof ShadowRoot || (node instanceof Element && isBlockElement(node))) return node;
  return closestBlock(node) ?? node.parentNode;
}

/** Elements that carry no text a reader sees, beside those the text model skips (exclusions.ts). */
const NO_READER_TEXT: ReadonlySet<string> = new Set(['META', 'LINK', 'BASE']);

/**
 * Whether a node added or removed can change the text we read. News pages add <script>, <meta> and
 * <link> elements and retitle themselves all the time; taking them for text changes made the block
 * around them (often <body>) a rescan root, which re-made every mark and closed the open card.
 */
function carriesText(node: Node): boolean {
  if (node instanceof Text) return true;
  if (!(node instanceof Element)) return false;
  return !NO_READER_TEXT.has(node.tagName.toUpperCase()) && !isExcludedElement(node);
}

/** The rescan roots of a batch of records: deduplicated, outermost only, none inside excluded or our own nodes. */
export function summarise(records: readonly MutationRecord[], isOurs: (node: Node) => boolean): ChangeBatch {
  const isInsideExcluded = insideExcludedMemo();
  const candidates = new Set<Node>();
  const touched = new Set<Node>();
  const removedNodes = new Set<Node>();
  let textRemoved = false;
  for (const record of records) {
    if (isOurs(record.target)) continue;
    // Inside <head>, <title>, <script>, an editor…: nothing there is read (the title's text included).
    if (isInsideExcluded(record.target)) continue;
    if (record.type === 'characterData') {
      textRemoved = true;
      touched.add(record.target);
      const root = rootFor(record.target);
      if (root) candidates.add(root);
      continue;
    }
    const removed = [...record.removedNodes].filter(carriesText);
    if (removed.length > 0) {
      textRemoved = true;
      for (const node of removed) {
        touched.add(node);
        removedNodes.add(node);
      }
      touched.add(rootFor(record.target) ?? record.target);
    }
    for (const added of record.addedNodes) {
      if (isOurs(added) || !carriesText(added)) continue;
      const root = rootFor(added);
      if (root) candidates.add(root);
    }
  }
  const roots: Node[] = [];
  for (const root of candidates) {
    if (!root.isConnected || isOurs(root) || isInsideExcluded(root)) continue;
    let outer = false;
    // Across shadow boundaries: the rescan of a block holding a component reads its tree too.
    for (let up = composedParent(root); up; up = composedParent(up)) {
      if (candidates.has(up)) {
        outer = true;
        break;
      }
    }
    if (!outer) roots.push(root);
  }
  return { roots, textRemoved, touched: outermost(touched), removed: outermost(removedNodes) };
}

/**
 * isInsideExcluded (exclusions.ts) for one batch, each element's answer kept: the 50 paragraphs a
 * page appends share their ancestors, which were otherwise checked again for each.
 */
function insideExcludedMemo(): (node: Node) => boolean {
  const known = new Map<Element, boolean>();
  return (node) => {
    const path: Element[] = [];
    let el = node instanceof Element ? node : node.parentElement;
    for (; el && !known.has(el); el = el.parentElement) path.push(el);
    let inside = el ? known.get(el)! : false;
    for (let i = path.length - 1; i >= 0; i--) {
      inside ||= isExcludedElement(path[i]!);
      known.set(path[i]!, inside);
    }
    return inside;
  };
}

/** The nodes of a set that have no ancestor in it (their subtrees cover the rest). */
function outermost(nodes: ReadonlySet<Node>): Node[] {
  return [...nodes].filter((node) => {
    for (let up = node.parentNode; up; up = up.parentNode) if (nodes.has(up)) return false;
    return true;
  });
}
