// The card of a claim: what was claimed, by which source, who it involves, and the sentence of
// this page that repeats it.
import type { ClaimCardData } from '../../shared/messages';
import type { CardCallbacks } from './index';
import { Badge, PositionNav, SourceCite } from './parts';

/** What goes inside the card's frame (Shell) for a claim. */
export function ClaimCardBody(props: {
  data: ClaimCardData;
  pageSentence: string;
  position: { index: number; count: number };
  callbacks: CardCallbacks;
}) {
  const { claim, entities } = props.data;
  return (
    <>
      <section>
        <h3>Source</h3>
        {claim.provenance.sentence !== '' && <blockquote>{claim.provenance.sentence}</blockquote>}
        <SourceCite provenance={claim.provenance} showSentence={false} />
      </section>
      {entities.length > 0 && (
        <section>
          <h3>Involves</h3>
          <ul class="chips">
            {entities.map((e) => (
              <li key={e.id} title={e.context}>
                <Badge kind={e.kind} /> {e.name}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section>
        <h3>On this page</h3>
        <blockquote>{props.pageSentence}</blockquote>
      </section>
      <PositionNav position={props.position} callbacks={props.callbacks} announce={{ name: claim.statement, kind: 'claim' }} />
    </>
  );
}
