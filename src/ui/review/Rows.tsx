// One row per proposed entry: a Keep checkbox, and for entities their editable name and context.
import type { ReviewClaim, ReviewEntity, ReviewQuote } from '../../core/extract';
import type { EntityEdit } from './kept-list';

export function EntityRow(props: { entity: ReviewEntity; kept: boolean; edit: EntityEdit; onKeep(keep: boolean): void; onEdit(edit: EntityEdit): void }) {
  const { entity, kept, edit } = props;
  return (
    <li class={`row${kept ? '' : ' dropped'}`} data-entry={entity.id}>
      <input type="checkbox" checked={kept} aria-label={`Keep ${entity.name}`} onChange={(e) => props.onKeep(e.currentTarget.checked)} />
      <div class="fields">
        <span class="kind">{entity.kind}</span>
        <label>
          Name
          <input type="text" value={edit.name} disabled={!kept} onInput={(e) => props.onEdit({ ...edit, name: e.currentTarget.value })} />
        </label>
        <label>
          Context
          <input type="text" value={edit.context} disabled={!kept} placeholder="role, title…" onInput={(e) => props.onEdit({ ...edit, context: e.currentTarget.value })} />
        </label>
        <span class="muted">{entity.sentence}</span>
      </div>
    </li>
  );
}

export function QuoteRow(props: { quote: ReviewQuote; speakerKept: boolean; kept: boolean; onKeep(keep: boolean): void }) {
  const { quote } = props;
  const speaker = quote.speaker ?? 'speaker not named';
  return (
    <li class={`row${props.kept ? '' : ' dropped'}`} data-entry={quote.id}>
      <input type="checkbox" checked={props.kept} aria-label={`Keep the quote by ${speaker}`} onChange={(e) => props.onKeep(e.currentTarget.checked)} />
      <div class="fields">
        <blockquote>“{quote.text}”</blockquote>
        <span class="muted">
          — {speaker}
          {!props.speakerKept && ' (kept only if the speaker is kept)'}
        </span>
      </div>
    </li>
  );
}

export function ClaimRow(props: { claim: ReviewClaim; kept: boolean; onKeep(keep: boolean): void }) {
  const { claim } = props;
  return (
    <li class={`row${props.kept ? '' : ' dropped'}`} data-entry={claim.id}>
      <input type="checkbox" checked={props.kept} aria-label="Keep this claim" onChange={(e) => props.onKeep(e.currentTarget.checked)} />
      <div class="fields">
        <span>{claim.sentence}</span>
        <span class="muted">{claim.reasons.join(', ')}</span>
      </div>
    </li>
  );
}
