// Clicks on highlighted text. Highlights get no events, so the click is hit-tested. A name inside
// a link, button or other control is left to the control: the reader clicked to navigate or to
// act, and a card on top of that (or one that vanishes with the page) helps nobody. The popup and
// the keyboard commands still reach that mention's card.
import type { Highlighter, Mark } from '../highlight/highlighter';
import { isKindHidden } from '../highlight/highlight-styles';
import { caretPointAt, markAtPoint, shadowRootsOf } from './hit-test';

/** Elements whose click does something of the page's own. */
const PAGE_CONTROLS = 'a[href], button, summary, label, [role=button], [role=link], [role=tab], [role=menuitem], [role=option]';

export interface ClickHooks {
  isOurs(node: Node): boolean;
  /** Whether the node is inside an editor now (drops our marks there): a click there opens nothing. */
  inEditor(node: Node): boolean;
  onMark(mark: Mark): void;
  /** The reader pressed on this highlight (the click may follow): a chance to load the card early. */
  onPress?(mark: Mark): void;
  /** A click elsewhere on the page while the card is open. */
  onMiss(): void;
  /** Where claims take clicks: their visible lead (calm-claims.ts), not the whole sentence. */
  claimTargets?: { claimLeads(): readonly Mark[]; claimOf(lead: Mark): Mark | undefined };
}

export function markForClick(doc: Document, highlighter: Highlighter, x: number, y: number, claimTargets?: ClickHooks['claimTargets'], shadowRoots: readonly ShadowRoot[] = []): Mark | null {
  if (highlighter.size === 0) return null;
  const point = caretPointAt(doc, x, y, shadowRoots);
  if (!point) return null;
  // Names first: they lie inside claim sentences and are what the reader aimed at.
  const name = markAtPoint(highlighter.group('names'), point, x, y);
  if (name && !isKindHidden(name.kind)) return name;
  if (isKindHidden('claim')) return null;
  if (!claimTargets) return markAtPoint(highlighter.group('claims'), point, x, y);
  const lead = markAtPoint(claimTargets.claimLeads(), point, x, y);
  return lead ? (claimTargets.claimOf(lead) ?? null) : null;
}

export function listenForClicks(doc: Document, highlighter: Highlighter, hooks: ClickHooks, signal: AbortSignal): void {
  if (hooks.onPress) {
    const onPress = hooks.onPress;
    doc.addEventListener(
      'pointerdown',
      (event) => {
        if (!event.isTrusted || event.button !== 0 || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
        if (event.target instanceof Node && (hooks.isOurs(event.target) || hooks.inEditor(event.target))) return;
        const mark = markForClick(doc, highlighter, event.clientX, event.clientY, hooks.claimTargets, shadowRootsOf(event));
        if (mark) onPress(mark);
      },
      { capture: true, passive: true, signal },
    );
  }
  doc.addEventListener(
    'click',
    (event) => {
      // Only the reader opens a card: a page's dispatchEvent(new MouseEvent('click')) is not trusted.
      if (!event.isTrusted) return;
      if (event.button !== 0 || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      const target = event.target;
      if (target instanceof Node && hooks.isOurs(target)) return;
      if (target instanceof Node && hooks.inEditor(target)) return hooks.onMiss(); // the reader is writing
      const selection = doc.getSelection();
      if (selection && !selection.isCollapsed && selection.toString().trim() !== '') return; // the reader is selecting text
      const mark = markForClick(doc, highlighter, event.clientX, event.clientY, hooks.claimTargets, shadowRootsOf(event));
      if (!mark) return hooks.onMiss();
      if (mark.range.startContainer.parentElement?.closest(PAGE_CONTROLS)) return;
      if (hooks.inEditor(mark.range.startContainer)) return hooks.onMiss();
      hooks.onMark(mark);
    },
    { capture: true, signal },
  );
}
