// Every annotation in the dossier, searchable and filterable by tag, entity, site and date, with
// export of all of it and import of W3C JSON-LD files.
import { useEffect, useState } from 'preact/hooks';
import { quoteOf } from '../../core/annotations/model';
import { LISTING_MAX, LISTING_PAGE, type AnnotationFilter, type AnnotationListing } from '../../shared/annotation-messages';
import { ExportButtons } from '../shared/ExportButtons';
import { safeHttpUrl } from '../shared/safe-url';
import { sendToBackground } from '../shared/send';
import { useDebounced } from '../shared/use-debounced';
import { toListing } from '../shared/validate-annotations';
import { ImportAnnotations } from './ImportAnnotations';

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

export function AnnotationsSection() {
  const [filter, setFilter] = useState<AnnotationFilter>({});
  const [listing, setListing] = useState<AnnotationListing | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [version, setVersion] = useState(0);
  // The newest LISTING_PAGE matches first; "Show more" asks for the next page with them.
  const [limit, setLimit] = useState(LISTING_PAGE);
  const query = useDebounced(filter.query ?? '', 200);

  useEffect(() => {
    const request: AnnotationFilter = { ...filter, query, limit };
    sendToBackground('annotations/list', request)
      .then((reply) => {
        setListing(toListing(reply));
        setError(undefined);
      })
      .catch((err: unknown) => setError(message(err)));
  }, [query, filter.tag, filter.entity, filter.site, filter.from, filter.to, version, limit]);

  const set = (field: keyof AnnotationFilter) => (e: { currentTarget: { value: string } }) => {
    setFilter({ ...filter, [field]: e.currentTarget.value });
    setLimit(LISTING_PAGE);
  };
  const hidden = listing ? listing.matched - listing.annotations.length : 0;

  async function remove(id: string) {
    try {
      await sendToBackground('annotations/delete', { id });
      setVersion((v) => v + 1);
    } catch (err) {
      setError(message(err));
    }
  }

  return (
    <section aria-labelledby="annotations">
      <h2 id="annotations">Annotations</h2>
      <div class="filters">
        <input type="search" aria-label="Search annotations" placeholder="Search quotes, notes, pages" value={filter.query ?? ''} onInput={set('query')} />
        <select aria-label="Tag" value={filter.tag ?? ''} onChange={set('tag')}>
          <option value="">Any tag</option>
          {listing?.tags.map((t) => <option key={t} value={t}>{t}</option>)}
        </select>
        <select aria-label="Entity" value={filter.entity ?? ''} onChange={set('entity')}>
          <option value="">Any entity</option>
          {listing?.entities.map((e) => <option key={e.id} value={e.id}>{e.name}</option>)}
        </select>
        <select aria-label="Site" value={filter.site ?? ''} onChange={set('site')}>
          <option value="">Any site</option>
          {listing?.sites.map((s) => <option key={s} value={s}>{s}</option>)}
        </select>
        <label class="inline">From <input type="date" aria-label="From" value={filter.from ?? ''} onChange={set('from')} /></label>
        <label class="inline">To <input type="date" aria-label="To" value={filter.to ?? ''} onChange={set('to')} /></label>
      </div>
      {error !== undefined && <p class="error" role="alert">{error}</p>}
      {listing && (
        <p class="muted" data-testid="annotation-count">
          {listing.matched} of {listing.total} annotations
        </p>
      )}
      <ul class="annotation-list">
        {listing?.annotations.map((a) => {
          const href = safeHttpUrl(a.url);
          return (
            <li key={a.id} data-id={a.id} data-orphan={a.orphan ? 'true' : 'false'}>
              <q>{quoteOf(a)}</q>
              {a.orphan && <p class="warning">Could not find this passage when the page was last read.</p>}
              {a.body.note && <p class="note">{a.body.note}</p>}
              <p class="muted">
                {a.body.tags.length > 0 && <>Tags: {a.body.tags.join(', ')} · </>}
                {href ? <a href={href} target="_blank" rel="noopener noreferrer">{a.title || a.url}</a> : a.title || a.url} · {a.created.slice(0, 10)}
              </p>
              <button type="button" class="link" onClick={() => void remove(a.id)}>Delete</button>
            </li>
          );
        })}
      </ul>
      {hidden > 0 && (
        <p class="muted">
          Showing the newest {listing!.annotations.length.toLocaleString('en')}; {hidden.toLocaleString('en')} more match.{' '}
          {limit < LISTING_MAX && (
            <button type="button" class="link" onClick={() => setLimit((n) => Math.min(n + LISTING_PAGE, LISTING_MAX))}>
              Show more
            </button>
          )}
        </p>
      )}
      <ExportButtons disabled={listing?.total === 0} />
      <ImportAnnotations onImported={() => setVersion((v) => v + 1)} />
    </section>
  );
}
