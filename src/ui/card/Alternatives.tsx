// "Or: Jordan (place)": the same words on the page may name another entity of the list, and the
// page did not say which (issue 17: the card offers both rather than guessing). One button each;
// choosing one opens its card on the same mention.
import type { EntityKind } from '../../core/types';
import { KIND_PALETTE } from '../shared/palette';

export interface CardAlternative {
  id: string;
  name: string;
  kind: EntityKind;
}

export function Alternatives({ items, onChoose }: { items: readonly CardAlternative[]; onChoose?(id: string): void }) {
  if (items.length === 0 || !onChoose) return null;
  return (
    <div class="alternatives muted" role="group" aria-label="This mention may also name">
      <span>These words may also name: </span>
      {items.map((item) => (
        <button type="button" class="alternative" key={item.id} onClick={() => onChoose(item.id)}>
          {item.name} ({KIND_PALETTE[item.kind].label.toLowerCase()})
        </button>
      ))}
    </div>
  );
}
