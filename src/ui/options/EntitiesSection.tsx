// The entity list the highlights come from: every entity with where it came from (the seed
// article or the user), searchable and filterable by kind, with add, edit, delete and import.
import { useEffect, useRef, useState } from 'preact/hooks';
import { ENTITY_KINDS, type EntityKind } from '../../core/types';
import type { AdminEntity } from '../../shared/dossier-messages';
import { KIND_PALETTE } from '../shared/palette';
import { sendToBackground } from '../shared/send';
import { EntitiesImport } from './EntitiesImport';
import { EntityForm } from './EntityForm';

/** A long list is cut here; the search box finds the rest. */
const SHOWN_MAX = 200;

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

function matches(entity: AdminEntity, query: string, kind: EntityKind | ''): boolean {
  if (kind !== '' && entity.kind !== kind) return false;
  if (query === '') return true;
  const q = query.toLocaleLowerCase();
  return [entity.name, entity.context, ...entity.aliases.map((a) => a.text)].some((text) => text.toLocaleLowerCase().includes(q));
}

export function EntitiesSection() {
  const [entities, setEntities] = useState<AdminEntity[] | undefined>();
  const [query, setQuery] = useState('');
  const [kind, setKind] = useState<EntityKind | ''>('');
  /** The entity being edited, 'new' for the add form, undefined when no form is open. */
  const [editing, setEditing] = useState<AdminEntity | 'new' | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [version, setVersion] = useState(0);
  /** The button that opened the form: focus goes back to it when the form closes. */
  const opener = useRef<HTMLElement | null>(null);

  function open(what: AdminEntity | 'new', button: EventTarget | null) {
    opener.current = button instanceof HTMLElement ? button : null;
    setEditing(what);
  }
  function close() {
    setEditing(undefined);
    const back = opener.current;
    // After the re-render: the opener stays in place (the form opens beside it, not instead).
    requestAnimationFrame(() => back?.isConnected && back.focus());
  }

  useEffect(() => {
    sendToBackground('entities/list', {})
      .then((reply) => {
        setEntities(reply.entities);
        setError(undefined);
      })
      .catch((err: unknown) => setError(message(err)));
  }, [version]);

  const reload = () => setVersion((v) => v + 1);

  async function remove(entity: AdminEntity) {
    const what = entity.origin === 'seed' ? ' It will not come back with updates of the built-in list.' : '';
    if (!confirm(`Delete “${entity.name}” from your dossier?${what}`)) return;
    try {
      await sendToBackground('entities/delete', { id: entity.id });
      reload();
    } catch (err) {
      setError(message(err));
    }
  }

  const shown = (entities ?? []).filter((e) => matches(e, query.trim(), kind));
  return (
    <section aria-labelledby="entities">
      <h2 id="entities">Entity list</h2>
      <div class="filters">
        <input type="search" aria-label="Search entities" placeholder="Find an entity: type a name, alias or context" value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
        <select aria-label="Kind filter" value={kind} onChange={(e) => setKind(e.currentTarget.value as EntityKind | '')}>
          <option value="">All kinds</option>
          {ENTITY_KINDS.map((k) => <option key={k} value={k}>{KIND_PALETTE[k].plural}</option>)}
        </select>
        <button type="button" aria-expanded={editing === 'new'} onClick={(e) => open('new', e.currentTarget)}>Add entity</button>
      </div>
      {editing === 'new' && (
        <EntityForm key="new" onSaved={() => { close(); reload(); }} onCancel={close} />
      )}
      {error !== undefined && <p class="error" role="alert">{error}</p>}
      {entities && (
        <p class="muted" data-testid="entity-count">
          {shown.length} of {entities.length} entities
        </p>
      )}
      <ul class="entity-list">
        {shown.slice(0, SHOWN_MAX).map((e) => (
          <li key={e.id} data-id={e.id}>
            <span class="kind-dot" style={{ background: KIND_PALETTE[e.kind].background }} title={KIND_PALETTE[e.kind].label} />
            <strong>{e.name}</strong>{' '}
            <span class={`badge origin-${e.origin}`}>{e.origin === 'seed' ? (e.editedAt !== undefined ? 'seed, edited' : 'seed') : 'yours'}</span>
            {e.aliases.length > 0 && <span class="muted"> · also {e.aliases.map((a) => a.text).join(', ')}</span>}
            {e.context !== '' && <p class="muted">{e.context}</p>}
            <button type="button" class="link" aria-expanded={editing !== 'new' && editing?.id === e.id} onClick={(ev) => open(e, ev.currentTarget)}>
              Edit<span class="visually-hidden"> {e.name}</span>
            </button>{' '}
            <button type="button" class="link" onClick={() => void remove(e)}>Delete<span class="visually-hidden"> {e.name}</span></button>
            {/* In place, under the entity it edits: not at the top of a list thousands of pixels away. */}
            {editing !== undefined && editing !== 'new' && editing.id === e.id && (
              <EntityForm key={e.id} entity={e} onSaved={() => { close(); reload(); }} onCancel={close} />
            )}
          </li>
        ))}
      </ul>
      {shown.length > SHOWN_MAX && <p class="muted">{shown.length - SHOWN_MAX} more: narrow the search to see them.</p>}
      <EntitiesImport onImported={reload} />
    </section>
  );
}
