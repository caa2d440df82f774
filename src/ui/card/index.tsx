// The card's entry point: it renders into the card frame's document (src/ui/frames/card-frame.tsx)
// and owns everything inside it, styles included. It never focuses anything; the frame focuses
// `[role=dialog]` when the card opens.
import { render } from 'preact';
import type { ClaimCardData, EntityCardData } from '../../shared/messages';
import type { EntityKind, MentionKind } from '../../core/types';
import { Alternatives, type CardAlternative } from './Alternatives';
import { ClaimCardBody } from './ClaimCard';
import { EntityCardBody } from './EntityCard';
import { Shell } from './parts';
import { CARD_CSS } from './styles';
import type { CardCallbacks } from './callbacks';

export type { CardCallbacks };

export type CardState =
  | { status: 'loading'; name: string; kind: EntityKind | 'claim' }
  | { status: 'error'; message: string }
  | { status: 'entity'; data: EntityCardData; position: { index: number; count: number }; alternatives?: CardAlternative[] }
  | { status: 'claim'; data: ClaimCardData; pageSentence: string; why?: string | undefined; position: { index: number; count: number } };

/**
 * One frame (Shell) for every state, so going from "Loading…" to the data, or to the next mention,
 * keeps the same dialog and Close button: a keyboard user who has tabbed to Close stays there.
 */
export function Card({ state, callbacks, notice }: { state: CardState; callbacks: CardCallbacks; notice?: string | null }) {
  const frame = frameOf(state);
  return (
    <Shell label={frame.label} kind={frame.kind} title={frame.title} busy={state.status === 'loading'} notice={notice} onClose={callbacks.onClose}>
      {state.status === 'entity' && <Alternatives items={state.alternatives ?? []} onChoose={callbacks.onChooseAlternative} />}
      {bodyOf(state, callbacks)}
    </Shell>
  );
}

function frameOf(state: CardState): { label: string; title: string; kind?: MentionKind } {
  switch (state.status) {
    case 'loading':
      return { label: state.name, title: state.name, kind: state.kind };
    case 'error':
      return { label: 'Dossier: error', title: 'Dossier' };
    case 'entity':
      return { label: state.data.entity.name, title: state.data.entity.name, kind: state.data.entity.kind };
    case 'claim':
      return { label: `Claim: ${state.data.claim.statement}`, title: state.data.claim.statement, kind: 'claim' };
  }
}

function bodyOf(state: CardState, callbacks: CardCallbacks) {
  switch (state.status) {
    case 'loading':
      return <p class="muted">Loading…</p>;
    case 'error':
      return (
        <p class="error" role="alert">
          {state.message}
        </p>
      );
    case 'entity':
      return <EntityCardBody data={state.data} position={state.position} callbacks={callbacks} />;
    case 'claim':
      return <ClaimCardBody data={state.data} pageSentence={state.pageSentence} why={state.why} position={state.position} callbacks={callbacks} />;
  }
}

/**
 * Constructed sheets are not subject to the page's CSP `style-src`, which can block a `<style>`
 * element; where they are unavailable (or refused across worlds) a `<style>` element is used.
 */
function installStyles(root: ShadowRoot | Document, css: string): () => void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    return () => {
      root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== sheet);
    };
  } catch {
    const style = document.createElement('style');
    style.textContent = css;
    (root instanceof Document ? root.head : root).appendChild(style);
    return () => style.remove();
  }
}

/**
 * Renders the card into its frame's document (or, in tests, a shadow root), with `extraCss` after
 * the card's own rules. Returns an updater.
 */
export function mountCard(
  root: ShadowRoot | Document,
  state: CardState,
  callbacks: CardCallbacks,
  extraCss = '',
): { update(state: CardState, callbacks?: CardCallbacks): void; setNotice(notice: string | null): void; unmount(): void } {
  const removeStyles = installStyles(root, CARD_CSS + extraCss);
  // Preact gets a container of its own, so it never diffs against other children of the root.
  const container = document.createElement('div');
  (root instanceof Document ? root.body : root).appendChild(container);
  let current = callbacks;
  let shownState = state;
  let notice: string | null = null;
  const draw = (): void => render(<Card state={shownState} callbacks={current} notice={notice} />, container);
  draw();
  return {
    // Optional callbacks: a content script that reuses the card for another mention rebinds them.
    update(next, nextCallbacks) {
      if (nextCallbacks) current = nextCallbacks;
      shownState = next;
      draw();
    },
    setNotice(next) {
      // Called on every show and hide: no render when nothing changes.
      if (next === notice) return;
      notice = next;
      draw();
    },
    unmount() {
      render(null, container);
      container.remove();
      removeStyles();
    },
  };
}
