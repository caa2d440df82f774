// The card of a person, body or place: who it is, where that comes from, its claims, quotes by and
// about it, and the other pages where the reader met it.
import type { EntityCardData, QuoteView } from '../../shared/messages';
import { formatTime, sourceLine, times } from '../shared/format';
import { newestQuotesFirst } from '../shared/quote-sources';
import type { CardCallbacks } from './index';
import { PositionNav, QuoteItem, SafeLink, Shell, SourceCite } from './parts';

function QuoteSection({ heading, quotes }: { heading: string; quotes: QuoteView[] }) {
  if (quotes.length === 0) return null;
  return (
    <section>
      <h3>{heading}</h3>
      <ul>
        {newestQuotesFirst(quotes).map((q) => (
          <QuoteItem key={q.id} quote={q} />
        ))}
      </ul>
    </section>
  );
}

export function EntityCard(props: {
  data: EntityCardData;
  position: { index: number; count: number };
  callbacks: CardCallbacks;
}) {
  const { entity, claims, quotesBy, quotesAbout, sightings } = props.data;
  return (
    <Shell label={entity.name} kind={entity.kind} title={entity.name} onClose={props.callbacks.onClose}>
      {entity.context !== '' && <p class="context">{entity.context}</p>}
      <SourceCite provenance={entity.provenance} />
      <PositionNav position={props.position} callbacks={props.callbacks} />
      {claims.length > 0 && (
        <section>
          <h3>Claims</h3>
          <ul>
            {claims.map((c) => (
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
        </section>
      )}
      <QuoteSection heading={`By ${entity.name}`} quotes={quotesBy} />
      <QuoteSection heading={`Mentioning ${entity.name}`} quotes={quotesAbout} />
      <section>
        <h3>Seen elsewhere</h3>
        {sightings.length === 0 ? (
          <p class="empty">You have not met {entity.name} on other pages yet.</p>
        ) : (
          <ul>
            {sightings.map((s) => (
              <li key={s.url}>
                <SafeLink url={s.url}>{s.title.trim() !== '' ? s.title : s.url}</SafeLink>
                <div class="muted">
                  {[formatTime(s.time), times(s.count)].filter((x) => x !== '').join(' · ')}
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
    </Shell>
  );
}
