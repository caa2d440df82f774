// The form that adds or edits one entity: name, kind, context and aliases, each alias with its
// two matching flags (see Alias in core/types.ts for what they mean).
import { useEffect, useRef, useState } from 'preact/hooks';
import { isPartOfPersonName } from '../../core/matching/name-readings';
import { ENTITY_KINDS, type Alias, type EntityKind } from '../../core/types';
import type { AdminEntity, EntityDraft } from '../../shared/dossier-messages';
import { KIND_PALETTE } from '../shared/palette';
import { sendToBackground } from '../shared/send';

const blankDraft = (): EntityDraft => ({ name: '', kind: 'person', aliases: [], context: '' });

function draftOf(entity: AdminEntity | undefined): EntityDraft {
  if (!entity) return blankDraft();
  return { id: entity.id, name: entity.name, kind: entity.kind, aliases: entity.aliases.map((a) => ({ ...a })), context: entity.context };
}

/**
 * Empty alias rows are dropped, and unset flags are not sent. needsContext is kept when set either
 * way: a one-word alias of a person waits for the full name unless it says false (the matcher's
 * default), so "false" is the user's choice to count it everywhere.
 */
function cleanAliases(aliases: readonly Alias[]): Alias[] {
  return aliases
    .filter((a) => a.text.trim() !== '')
    .map((a) => ({
      text: a.text.trim(),
      ...(a.exactCase ? { exactCase: true } : {}),
      ...(a.needsContext !== undefined ? { needsContext: a.needsContext } : {}),
    }));
}

export function EntityForm(props: { entity?: AdminEntity; onSaved(entity: AdminEntity): void; onCancel(): void }) {
  const [draft, setDraft] = useState<EntityDraft>(() => draftOf(props.entity));
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const nameInput = useRef<HTMLInputElement>(null);
  // Opened by a button: the keyboard follows into the form, where the reader's eyes go.
  useEffect(() => {
    nameInput.current?.focus();
    nameInput.current?.scrollIntoView({ block: 'nearest' });
  }, []);

  const setAlias = (index: number, change: Partial<Alias>) =>
    setDraft({ ...draft, aliases: draft.aliases.map((a, i) => (i === index ? { ...a, ...change } : a)) });

  async function save(event: Event) {
    event.preventDefault();
    setBusy(true);
    try {
      const { entity } = await sendToBackground('entities/save', { entity: { ...draft, aliases: cleanAliases(draft.aliases) } });
      props.onSaved(entity);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="entity-form" onSubmit={(e) => void save(e)}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.preventDefault();
        props.onCancel();
      }}
      aria-label={props.entity ? `Edit ${props.entity.name}` : 'New entity'}>
      <label>
        Name <input ref={nameInput} required value={draft.name} onInput={(e) => setDraft({ ...draft, name: e.currentTarget.value })} />
      </label>
      <label>
        Kind{' '}
        <select value={draft.kind} onChange={(e) => setDraft({ ...draft, kind: e.currentTarget.value as EntityKind })}>
          {ENTITY_KINDS.map((k) => <option key={k} value={k}>{KIND_PALETTE[k].label}</option>)}
        </select>
      </label>
      <label>
        Context <input value={draft.context} placeholder="Role, title, age" onInput={(e) => setDraft({ ...draft, context: e.currentTarget.value })} />
      </label>
      <fieldset>
        <legend>Aliases</legend>
        {draft.aliases.map((alias, i) => (
          <div class="alias-row" key={i}>
            <input aria-label={`Alias ${i + 1}`} value={alias.text} onInput={(e) => setAlias(i, { text: e.currentTarget.value })} />
            <label class="inline" title="Match only as written, e.g. short forms such as “UN”">
              <input type="checkbox" checked={alias.exactCase === true} onChange={(e) => setAlias(i, { exactCase: e.currentTarget.checked })} /> exact case
            </label>
            <label class="inline" title="A surname: counts only where the page names the person in full or with a title (the default for a person's one-word alias)">
              <input type="checkbox" checked={alias.needsContext ?? isPartOfPersonName(draft, alias.text)} onChange={(e) => setAlias(i, { needsContext: e.currentTarget.checked })} /> needs context
            </label>
            <button type="button" class="link" onClick={() => setDraft({ ...draft, aliases: draft.aliases.filter((_, j) => j !== i) })}>Remove</button>
          </div>
        ))}
        <button type="button" onClick={() => setDraft({ ...draft, aliases: [...draft.aliases, { text: '' }] })}>Add alias</button>
      </fieldset>
      {error !== undefined && <p class="error" role="alert">{error}</p>}
      <div class="form-buttons">
        <button type="submit" disabled={busy}>Save entity</button>
        <button type="button" onClick={props.onCancel}>Cancel</button>
      </div>
    </form>
  );
}
