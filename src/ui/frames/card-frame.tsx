// The card's frame: an extension page the content script shows beside a mention. It hears which
// mention over its private channel and asks the background for the card's data itself, so the
// reader's history, quotes and claims never enter the page's document.
import type { CardMention } from '../../shared/frame-messages';
import { toCardQuotes, toClaimCardData, toEntityCardData } from '../card/card-data';
import { mountCard, type CardCallbacks, type CardState } from '../card/index';
import { sendToBackground } from '../shared/send';
import { focusedControlName, refocusControl } from './card-focus';
import { markCardStep } from './card-timings';
import { applyLimits, closeOnEscape, openFrameChannel, reportSize } from './frame-channel';
import { CLICK_REFUSED, guardPointerClicks } from './click-guard';

/** The card fills its frame; the frame's size follows the card (content script, FrameHost). */
const FRAME_CSS = `
html, body { margin: 0; padding: 0; background: transparent; color-scheme: light; overflow: hidden; }
.card { width: var(--frame-max-width, 360px); max-width: none; max-height: min(480px, var(--frame-max-height, 480px));
  box-shadow: none; }
`;

let shown: { mention: CardMention; state: CardState } | null = null;
/** Replies to an older request are ignored. */
let request = 0;
let loadingMore = false;

const channel = openFrameChannel((message) => {
  if (message.type === 'limits') applyLimits(message);
  else if (message.type === 'card') void show(message.mention);
  else if (message.type === 'hide') hide();
});
closeOnEscape(channel);

/**
 * "‹"/"›" pressed: the control is noted now, not when the next mention arrives. Moving to it
 * selects the mention in the page, which can take focus out of this frame (and to <body> in it)
 * before the new mention comes back; by then the pressed control no longer has focus.
 */
function step(direction: 1 | -1): void {
  keptControl = focusedControlName(document, dialog()) ?? keptControl;
  channel.send({ type: 'step', direction });
}

const callbacks: CardCallbacks = {
  onPrevious: () => step(-1),
  onNext: () => step(1),
  onClose: () => channel.send({ type: 'close' }),
  onMoreQuotes: (which) => void moreQuotes(which),
  onForgetPage: (url) => void forgetPage(url),
  onChooseAlternative: (id) => channel.send({ type: 'choose', id }),
};

const BLANK: CardState = { status: 'loading', name: '', kind: 'person' };
// Laid out (so the frame learns its size) but not shown until the content script says which mention.
document.documentElement.style.visibility = 'hidden';
const card = mountCard(document, BLANK, callbacks, FRAME_CSS);
// The card's outer element stays the same through every state (parts.tsx, Shell).
const dialog = (): HTMLElement | null => document.querySelector<HTMLElement>('[role=dialog]');
reportSize(channel, dialog()!);
guardPointerClicks(dialog()!, () => card.setNotice(CLICK_REFUSED));

/** The size of what is drawn now, ahead of the ResizeObserver, so a reused frame is shown at its size. */
function sendSizeNow(): void {
  const box = dialog()?.getBoundingClientRect();
  if (box && box.width > 0) channel.send({ type: 'size', width: Math.ceil(box.width), height: Math.ceil(box.height) });
}

/** Focus goes to the dialog when the card opens, unless the reader is already inside it. */
function focusDialog(): void {
  const active = document.activeElement;
  if (active && active !== document.body && dialog()?.contains(active)) return;
  dialog()?.focus({ preventScroll: true });
}
window.addEventListener('focus', focusDialog);

function render(state: CardState): void {
  if (shown) shown = { ...shown, state };
  card.update(state);
}

/**
 * The card was closed; this frame stays on the page, hidden, for the next open. It forgets the
 * entity it showed (a late reply is dropped by `request`), so the next card never starts from it.
 */
function hide(): void {
  request++;
  shown = null;
  loadingMore = false;
  keptControl = null;
  document.documentElement.style.visibility = 'hidden';
  (document.activeElement as HTMLElement | null)?.blur?.();
  card.setNotice(null);
  card.update(BLANK);
}

async function show(mention: CardMention): Promise<void> {
  const token = ++request;
  markCardStep('asked');
  // "›" pressed: focus goes back to "›" in the new card, not to the dialog (card-focus.ts).
  const kept = focusedControlName(document, dialog()) ?? keptControl;
  keptControl = kept;
  shown = { mention, state: { status: 'loading', name: mention.name, kind: mention.kind } };
  card.setNotice(null);
  card.update(shown.state);
  document.documentElement.style.visibility = 'visible';
  sendSizeNow();
  // A kept frame is shown again only now, with this mention drawn (FrameHost.reveal).
  channel.send({ type: 'shown' });
  // While loading the body (and "›") is gone: focus waits in the frame for the new card.
  if (kept === null) focusDialog();
  const state = await load(mention);
  if (token !== request) return;
  markCardStep('reply');
  render(state);
  // The drawn card's size goes now, not at this frame's next rendering (the ResizeObserver): the
  // page can size the frame without waiting for that (BENCHMARKS part 4).
  sendSizeNow();
  markCardStep('drawn');
  keptControl = null;
  if (kept === null || !refocusControl(document, dialog(), kept)) focusDialog();
}

/** The control that had focus when a change of mention began, until the new card is drawn. */
let keptControl: string | null = null;

async function load(mention: CardMention): Promise<CardState> {
  try {
    if (mention.kind === 'claim') {
      const data = toClaimCardData(await sendToBackground('card/claim', { claimId: mention.id }));
      return { status: 'claim', data, pageSentence: mention.pageSentence, why: mention.why, position: mention.position };
    }
    const data = toEntityCardData(await sendToBackground('card/entity', { entityId: mention.id, url: mention.pageUrl }));
    return { status: 'entity', data, position: mention.position, ...(mention.alternatives ? { alternatives: mention.alternatives } : {}) };
  } catch (error) {
    return { status: 'error', message: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * "Forget" beside a page of "Seen elsewhere": gone from the reader's history (every entity's), and
 * from this card at once; focus moves to the next page's "Forget" (or the one before, or the
 * dialog), never to the frame's body, where the keyboard would lose its place.
 */
async function forgetPage(url: string): Promise<void> {
  const state = shown?.state;
  if (state?.status !== 'entity') return;
  const at = state.data.sightings.findIndex((s) => s.url === url);
  try {
    await sendToBackground('history/forget-page', { url });
  } catch (error) {
    card.setNotice(`Could not forget this page: ${error instanceof Error ? error.message : String(error)}`);
    return;
  }
  if (shown?.state !== state) return;
  render({ ...state, data: { ...state.data, sightings: state.data.sightings.filter((s) => s.url !== url) } });
  const buttons = document.querySelectorAll<HTMLButtonElement>('.sightings .forget-page');
  const next = buttons[Math.min(at, buttons.length - 1)];
  if (next) next.focus();
  else focusDialog();
}

/** "Show more": the next page of one quote section, appended to what the card shows. */
async function moreQuotes(which: 'by' | 'about'): Promise<void> {
  const state = shown?.state;
  if (state?.status !== 'entity' || loadingMore) return;
  const token = request;
  const key = which === 'by' ? 'quotesBy' : 'quotesAbout';
  loadingMore = true;
  try {
    const reply = toCardQuotes(await sendToBackground('card/quotes', { entityId: state.data.entity.id, which, offset: state.data[key].length }));
    if (token !== request || shown?.state !== state) return;
    const seen = new Set(state.data[key].map((q) => q.id));
    const quotes = [...state.data[key], ...reply.quotes.filter((q) => !seen.has(q.id))];
    const totalKey = which === 'by' ? 'quotesByTotal' : 'quotesAboutTotal';
    render({ ...state, data: { ...state.data, [key]: quotes, [totalKey]: reply.total } });
  } catch {
    // The count of the rest stays: the reader may try again.
  } finally {
    loadingMore = false;
  }
}
