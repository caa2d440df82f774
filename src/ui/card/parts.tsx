// Small pieces the entity and claim cards share.
import type { ComponentChildren } from 'preact';
import type { MentionKind, Provenance } from '../../core/types';
import type { QuoteSourceView, QuoteView } from '../../shared/messages';
import { formatIsoDate, positionAnnouncement, positionLine, sourceLine } from '../shared/format';
import { inSources, sourceCountOf, sourcesOfQuote } from '../shared/quote-sources';
import { KIND_PALETTE } from '../shared/palette';
import { safeHttpUrl } from '../shared/safe-url';
import type { CardCallbacks } from './callbacks';

export function Badge({ kind }: { kind: MentionKind }) {
  return <span class={`badge badge-${kind}`}>{KIND_PALETTE[kind].label}</span>;
}

/** The card's frame: dialog semantics, header with badge, title and the close button. */
export function Shell(props: {
  label: string;
  kind?: MentionKind;
  title: string;
  busy?: boolean;
  /** A line from the frame itself (a click it did not take), above the card's body. */
  notice?: string | null;
  onClose(): void;
  children?: ComponentChildren;
}) {
  return (
    <div class="card" role="dialog" tabIndex={-1} aria-label={props.label} aria-busy={props.busy ? 'true' : undefined}>
      <header>
        <div class="titles">
          {props.kind && <Badge kind={props.kind} />}
          <h2>{props.title}</h2>
        </div>
        <button type="button" class="close" aria-label="Close" title="Close" onClick={() => props.onClose()}>
          ×
        </button>
      </header>
      <p class="notice" role="status">
        {props.notice ?? ''}
      </p>
      {props.children}
    </div>
  );
}

/** A link only when the URL is http(s); otherwise the same text, unlinked. */
export function SafeLink(props: { url: string | undefined; title?: string; children: ComponentChildren }) {
  const href = safeHttpUrl(props.url);
  if (href === undefined) return <span title={props.title}>{props.children}</span>;
  return (
    <a href={href} target="_blank" rel="noopener noreferrer" title={props.title}>
      {props.children}
    </a>
  );
}

/** "Al Jazeera, 16 May 2024" linked to the source, with the sentence on hover and in a disclosure. */
export function SourceCite({ provenance, showSentence = true }: { provenance: Provenance; showSentence?: boolean }) {
  return (
    <div class="muted">
      <SafeLink url={provenance.url} title={provenance.sentence}>
        {sourceLine(provenance)}
      </SafeLink>
      {showSentence && provenance.sentence !== '' && (
        <details>
          <summary>Source sentence</summary>
          <blockquote>{provenance.sentence}</blockquote>
        </details>
      )}
    </div>
  );
}

export function PositionNav({ position, callbacks, announce }: {
  position: { index: number; count: number };
  callbacks: CardCallbacks;
  /** The name and kind said before the position, so a move is announced in full. */
  announce?: { name: string; kind: string };
}) {
  const single = position.count <= 1;
  return (
    <div class="nav">
      <span class="count" aria-hidden={announce ? 'true' : undefined} aria-live={announce ? undefined : 'polite'}>{positionLine(position)}</span>
      {announce && (
        <span class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
          {positionAnnouncement(announce.name, announce.kind, position)}
        </span>
      )}
      <button type="button" aria-label="Previous mention" title="Previous mention" disabled={single} onClick={() => callbacks.onPrevious()}>
        ‹
      </button>
      <button type="button" aria-label="Next mention" title="Next mention" disabled={single} onClick={() => callbacks.onNext()}>
        ›
      </button>
    </div>
  );
}

export function QuoteItem({ quote }: { quote: QuoteView }) {
  const [newest, ...older] = sourcesOfQuote(quote);
  const count = sourceCountOf(quote);
  return (
    <li>
      <blockquote>“{quote.text}”</blockquote>
      <div class="muted">
        {'— '}
        {quote.speakerName}
        {newest && <QuoteSourceLine source={newest} />}
        {count > 1 && <span class="sources-count">{` · ${inSources(count)}`}</span>}
      </div>
      {older.length > 0 && (
        <details>
          <summary>Other sources</summary>
          <ul>
            {older.map((s) => (
              <li key={`${s.url ?? ''}|${s.title}|${s.date}`} class="muted">
                <QuoteSourceLine source={s} lead={false} />
              </li>
            ))}
          </ul>
        </details>
      )}
    </li>
  );
}

/** ", Outlet: Title, 16 May 2024" with the outlet and title linked to the page (http(s) only). */
function QuoteSourceLine({ source, lead = true }: { source: QuoteSourceView; lead?: boolean }) {
  const where = [source.outlet, source.title].filter((s) => s.trim() !== '').join(': ');
  const date = formatIsoDate(source.date);
  return (
    <>
      {lead && where !== '' && ', '}
      {where !== '' && <SafeLink url={source.url}>{where}</SafeLink>}
      {date !== '' && `${where !== '' || lead ? ', ' : ''}${date}`}
    </>
  );
}
