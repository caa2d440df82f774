// The card of a person, body or place: who it is, where that comes from, its claims, quotes by and
// about it, and the other pages where the reader met it.
import type { EntityCardData, QuoteView } from '../../shared/messages';
import { formatTime, sourceLine, times } from '../shared/format';
import { newestQuotesFirst } from '../shared/quote-sources';
import { hostOf } from '../../core/web/site-claim';
import type { CardCallbacks } from './callbacks';
import { useState } from 'preact/hooks';
import { KIND_PALETTE } from '../shared/palette';
import { PositionNav, QuoteItem, SafeLink, SourceCite } from './parts';

/** A long card shows its first claims and a "Show all" button: 19 claims do not fit a 480 px box. */
const CLAIMS_SHOWN = 4;

/** The background sends a page of the newest quotes and the total; the rest come on demand. */
function QuoteSection({ heading, quotes, total, onMore }: { heading: string; quotes: QuoteView[]; total?: number | undefined; onMore?: (() => void) | undefined }) {
  if (quotes.length === 0) return null;
  const more = Math.max(0, (total ?? quotes.length) - quotes.length);
  return (
    <section>
      <h3>{heading}</h3>
      <ul>
        {newestQuotesFirst(quotes).map((q) => (
          <QuoteItem key={q.id} quote={q} />
        ))}
      </ul>
      {more > 0 && (
        <div class="more muted">
          {moreQuotesLine(more)}
          {onMore && (
            <>
              {' '}
              <button type="button" class="show-more" onClick={() => onMore()}>
                Show more
              </button>
            </>
          )}
        </div>
      )}
    </section>
  );
}

export function moreQuotesLine(count: number): string {
  return `${count.toLocaleString('en')} more ${count === 1 ? 'quote' : 'quotes'}`;
}

/** What goes inside the card's frame (Shell) for a person, body or place. */
export function EntityCardBody(props: {
  data: EntityCardData;
  position: { index: number; count: number };
  callbacks: CardCallbacks;
}) {
  const { entity, claims, quotesBy, quotesAbout, sightings } = props.data;
  const more = props.callbacks.onMoreQuotes?.bind(props.callbacks);
  const forget = props.callbacks.onForgetPage?.bind(props.callbacks);
  const [allClaims, setAllClaims] = useState(false);
  return (
    <>
      {entity.context !== '' && <p class="context">{entity.context}</p>}
      <SourceCite provenance={entity.provenance} />
      <PositionNav position={props.position} callbacks={props.callbacks}
        announce={{ name: entity.name, kind: KIND_PALETTE[entity.kind].label.toLowerCase() }} />
      {claims.length > 0 && (
        <section>
          <h3>Claims ({claims.length})</h3>
          <ul id="card-claims">
            {(allClaims ? claims : claims.slice(0, CLAIMS_SHOWN)).map((c) => (
              <li key={c.id}>
                <div>{c.statement}</div>
                <div class="muted">
                  <SafeLink url={c.provenance.url} title={c.provenance.sentence}>
                    {sourceLine(c.provenance)}
                  </SafeLink>
                </div>
              </li>
            ))}
          </ul>
          {claims.length > CLAIMS_SHOWN && (
            <button type="button" class="show-all-claims" aria-expanded={allClaims} aria-controls="card-claims" onClick={() => setAllClaims(!allClaims)}>
              {allClaims ? 'Show fewer claims' : `Show all ${claims.length} claims`}
            </button>
          )}
        </section>
      )}
      <QuoteSection heading={`By ${entity.name}`} quotes={quotesBy} total={props.data.quotesByTotal} onMore={more && (() => more('by'))} />
      <QuoteSection heading={`Mentioning ${entity.name}`} quotes={quotesAbout} total={props.data.quotesAboutTotal} onMore={more && (() => more('about'))} />
      <section>
        <h3>Seen elsewhere</h3>
        {sightings.length === 0 ? (
          <p class="empty">You have not met {entity.name} on other pages yet.</p>
        ) : (
          <ul class="sightings">
            {sightings.map((s) => (
              <li key={s.url}>
                <SafeLink url={s.url}>{s.title.trim() !== '' ? s.title : s.url}</SafeLink>
                {/* The title is what the page called itself; the host is where the browser was. */}
                <div class="muted">
                  {[hostOf(s.url), formatTime(s.time), times(s.count)].filter((x) => x !== '').join(' · ')}
                </div>
                {forget && (
                  <button type="button" class="forget-page" aria-label={`Forget “${s.title.trim() !== '' ? s.title : s.url}” from your reading history`} onClick={() => forget(s.url)}>
                    Forget
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
