// Search across the whole dossier (entities and quotes), asked of the background after a pause in
// typing. Answers that arrive after a newer query was sent are dropped.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { SearchResults } from '../../shared/messages';
import { sourceLine } from '../shared/format';
import { KIND_PALETTE } from '../shared/palette';
import { sendToBackground } from '../shared/send';
import { useDebounced } from '../shared/use-debounced';
import { toSearchResults } from '../shared/validate';

const MIN_QUERY = 2;

export function SearchPanel() {
  const [query, setQuery] = useState('');
  const settled = useDebounced(query.trim(), 250);
  const [results, setResults] = useState<SearchResults | undefined>();
  const [error, setError] = useState<string | undefined>();
  const latest = useRef(0);

  useEffect(() => {
    const seq = ++latest.current;
    if (settled.length < MIN_QUERY) {
      setResults(undefined);
      setError(undefined);
      return;
    }
    sendToBackground('search', { query: settled, limit: 20 })
      .then((r) => {
        if (seq !== latest.current) return;
        setResults(toSearchResults(r));
        setError(undefined);
      })
      .catch((err: unknown) => {
        if (seq !== latest.current) return;
        setError(err instanceof Error ? err.message : String(err));
      });
  }, [settled]);

  const empty = results !== undefined && results.entities.length === 0 && results.quotes.length === 0;
  return (
    <section class="search">
      <label for="search">Search your dossier</label>
      <input id="search" type="search" placeholder="Name, body, place or quote" autocomplete="off"
        value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
      <div aria-live="polite">
        {error !== undefined && <p class="error">{error}</p>}
        {empty && <p class="empty">Nothing in your dossier matches “{settled}”.</p>}
        {results !== undefined && results.entities.length > 0 && (
          <ul class="results">
            {results.entities.map((e) => (
              <li key={e.id}>
                <span class="badge" style={{ background: KIND_PALETTE[e.kind].background }}>{KIND_PALETTE[e.kind].label}</span>{' '}
                <strong>{e.name}</strong>
                {e.context !== '' && <div class="muted">{e.context}</div>}
              </li>
            ))}
          </ul>
        )}
        {results !== undefined && results.quotes.length > 0 && (
          <ul class="results">
            {results.quotes.map((q) => (
              <li key={q.id}>
                <div>“{q.text}”</div>
                <div class="muted">— {q.speakerName}, {sourceLine(q.provenance)}</div>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
