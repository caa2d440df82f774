// One row per proposed entry, with one tab stop each: the Keep checkbox. An entity's name and
// context are edited in place: "e" (or F2) on the checkbox, or a click, moves into them; Esc
// goes back. A long review is then ~one stop per entry, not three.
import { useRef } from 'preact/hooks';
import type { ReviewClaim, ReviewEntity, ReviewQuote } from '../../core/extract';
import type { EntityEdit } from './kept-list';

export const EDIT_HINT_ID = 'edit-hint';

export function EntityRow(props: {
  entity: ReviewEntity;
  kept: boolean;
  edit: EntityEdit;
  /** The name the dossier already has it under, if it does. */
  knownAs?: string | undefined;
  onKeep(keep: boolean): void;
  onEdit(edit: EntityEdit): void;
}) {
  const { entity, kept, edit } = props;
  const box = useRef<HTMLInputElement>(null);
  const nameInput = useRef<HTMLInputElement>(null);
  const backToBox = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    box.current?.focus();
  };
  return (
    <li class={`row${kept ? '' : ' dropped'}${props.knownAs !== undefined ? ' known' : ''}`} data-entry={entity.id}>
      <input ref={box} type="checkbox" checked={kept} aria-label={`Keep ${entity.name}`} aria-describedby={EDIT_HINT_ID}
        onChange={(e) => props.onKeep(e.currentTarget.checked)}
        onKeyDown={(e) => {
          if ((e.key === 'e' || e.key === 'F2') && kept) {
            e.preventDefault();
            nameInput.current?.focus();
          }
        }} />
      <div class="fields">
        <span class="kind">
          {entity.kind}
          {props.knownAs !== undefined && (
            <span class="known-badge">
              {' '}· already in your dossier{props.knownAs !== entity.name ? ` as ${props.knownAs}` : ''}
            </span>
          )}
        </span>
        <label>
          Name
          <input ref={nameInput} type="text" tabIndex={-1} value={edit.name} disabled={!kept} onKeyDown={backToBox}
            onInput={(e) => props.onEdit({ ...edit, name: e.currentTarget.value })} />
        </label>
        <label>
          Context
          <input type="text" tabIndex={-1} value={edit.context} disabled={!kept} placeholder="role, title…" onKeyDown={backToBox}
            onInput={(e) => props.onEdit({ ...edit, context: e.currentTarget.value })} />
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

/** A candidate claim is a guess: unticked by default, but shown in full, not as if rejected. */
export function ClaimRow(props: { claim: ReviewClaim; kept: boolean; onKeep(keep: boolean): void }) {
  const { claim } = props;
  return (
    <li class={`row candidate${props.kept ? ' ticked' : ''}`} data-entry={claim.id}>
      <input type="checkbox" checked={props.kept} aria-label={`Keep the claim: ${claim.sentence.slice(0, 80)}`} onChange={(e) => props.onKeep(e.currentTarget.checked)} />
      <div class="fields">
        <span>{claim.sentence}</span>
        <span class="muted">{claim.reasons.join(', ')}</span>
      </div>
    </li>
  );
}
