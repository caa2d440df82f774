// The popup's list of this page's annotations: the quote, the note and tags, and orphans (whose
// passage the page no longer has) marked but kept; with export of this page.
import { useEffect, useState } from 'preact/hooks';
import { quoteOf } from '../../core/annotations/model';
import type { PageAnnotation } from '../../shared/annotation-messages';
import { ExportButtons } from '../shared/ExportButtons';
import { sendToTab } from '../shared/send';
import { toPageAnnotations } from '../shared/validate-annotations';

type State = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; url: string; items: PageAnnotation[] };

export function PageAnnotations(props: { tabId: number }) {
  const [state, setState] = useState<State>({ status: 'loading' });

  useEffect(() => {
    sendToTab(props.tabId, 'page/annotations', {})
      .then((reply) => {
        const { url, annotations } = toPageAnnotations(reply);
        setState({ status: 'ready', url, items: annotations });
      })
      .catch((err: unknown) => setState({ status: 'error', message: err instanceof Error ? err.message : String(err) }));
  }, [props.tabId]);

  if (state.status === 'loading') return null;
  if (state.status === 'error') return <p class="error" role="alert">{state.message}</p>;
  return (
    <section class="annotations" aria-labelledby="page-annotations">
      <h2 id="page-annotations">Your annotations here</h2>
      {state.items.length === 0 ? (
        <p class="muted">None yet. Select text on the page and choose “Annotate”.</p>
      ) : (
        <ul>
          {state.items.map(({ annotation, orphan }) => (
            <li key={annotation.id} class={orphan ? 'orphan' : undefined} data-orphan={orphan ? 'true' : 'false'}>
              <q>{quoteOf(annotation)}</q>
              {orphan && <p class="warning">Could not find this passage on the page now.</p>}
              {annotation.body.note && <p class="note">{annotation.body.note}</p>}
              {annotation.body.tags.length > 0 && <p class="muted">Tags: {annotation.body.tags.join(', ')}</p>}
            </li>
          ))}
        </ul>
      )}
      {state.url !== '' && state.items.length > 0 && <ExportButtons url={state.url} withEntities={false} />}
    </section>
  );
}
