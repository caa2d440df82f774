// The card of a claim: what was claimed, by which source, who it involves, and the sentence of
// this page that repeats it beside the claim, with what the two share.
import type { ClaimCardData } from '../../shared/messages';
import type { CardCallbacks } from './callbacks';
import { Badge, PositionNav, SourceCite } from './parts';

/** What goes inside the card's frame (Shell) for a claim. */
export function ClaimCardBody(props: {
  data: ClaimCardData;
  pageSentence: string;
  /** What the scorer found the sentence shares with the claim ("same actors: Putin, Xi; same figure: 42"). */
  why?: string | undefined;
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
      <section class="claim-match">
        <h3>On this page</h3>
        <blockquote>{props.pageSentence}</blockquote>
        <h3>The claim</h3>
        <blockquote>{claim.statement}</blockquote>
        {props.why !== undefined && props.why !== '' && <p class="why">Matched by meaning: {props.why}</p>}
      </section>
      <PositionNav position={props.position} callbacks={props.callbacks} announce={{ name: claim.statement, kind: 'claim' }} />
    </>
  );
}
