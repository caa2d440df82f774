// "Add this article to my dossier": the tab's article, run through the extraction here (the
// heavy NLP stays out of the content script and the background), shown for review. Nothing is
// saved until the user confirms; then only the kept entries go to the background.
import { useEffect, useState } from 'preact/hooks';
import { extractArticle, quoteOwner, type ReviewList, type ReviewQuote } from '../../core/extract';
import { sendToBackground, sendToTab } from '../shared/send';
import { tabFromQuery } from '../shared/target-tab';
import { initiallyKept, keptList, type EntityEdit } from './kept-list';
import { loadNerModel } from './ner-model';
import { knownInDossier } from './known';
import { ClaimRow, EDIT_HINT_ID, EntityRow, QuoteRow } from './Rows';
import { ShowAll } from './ShowAll';
import { toPageArticle } from './validate-article';
import { outletLabel } from '../shared/quote-sources';

type State =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'review'; review: ReviewList }
  | { status: 'saving'; review: ReviewList }
  | { status: 'saved'; review: ReviewList; summary: string };

/** Lists longer than this show their first entries and a "Show all" button. */
const QUOTES_SHOWN = 8;
const CLAIMS_SHOWN = 5;

/** The dossier's entities, to mark those already known; without them nothing is marked. */
async function knownNames(review: ReviewList): Promise<Map<string, string>> {
  try {
    const { entities } = await sendToBackground('entities/list', {});
    return knownInDossier(review.entities, Array.isArray(entities) ? entities : []);
  } catch {
    return new Map();
  }
}

const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));

async function loadReview(): Promise<{ review: ReviewList; siteName?: string }> {
  const tabId = tabFromQuery(location.search);
  if (tabId === undefined) throw new Error('Open this page from the Dossier popup or the page’s context menu.');
  const [raw, model] = await Promise.all([sendToTab(tabId, 'page/article', {}), loadNerModel()]);
  const article = toPageArticle(raw);
  document.title = `Add to my dossier: ${article.title}`;
  const review = extractArticle(article.text, { url: article.url, title: article.title, outlet: article.outlet, date: article.date }, { model });
  return article.siteName ? { review, siteName: article.siteName } : { review };
}

export function Review() {
  const [state, setState] = useState<State>({ status: 'loading' });
  const [kept, setKept] = useState<Set<string>>(new Set());
  const [edits, setEdits] = useState<Map<string, EntityEdit>>(new Map());
  const [error, alertError] = useState<string | undefined>();
  const [known, setKnown] = useState<Map<string, string>>(new Map());
  /** What the page calls itself, shown as its claim beside the host (ui/shared/quote-sources.ts). */
  const [siteName, setSiteName] = useState<string | undefined>();
  const [showAll, setShowAll] = useState<{ quotes: boolean; claims: boolean; known: boolean }>({ quotes: false, claims: false, known: false });

  useEffect(() => {
    loadReview().then(
      ({ review, siteName }) => {
        setSiteName(siteName);
        setKept(initiallyKept(review));
        setEdits(new Map(review.entities.map((e) => [e.id, { name: e.name, context: e.context }])));
        setState({ status: 'review', review });
        void knownNames(review).then(setKnown);
      },
      (err: unknown) => setState({ status: 'error', message: messageOf(err) }),
    );
  }, []);

  // A role's quote is kept with the organisation it speaks for (review-list.ts).
  const ownerKept = (q: ReviewQuote): boolean => {
    const owner = quoteOwner(q);
    return owner !== undefined && kept.has(owner);
  };

  const keep = (id: string, yes: boolean) => {
    const next = new Set(kept);
    if (yes) next.add(id);
    else next.delete(id);
    setKept(next);
  };

  async function confirm(review: ReviewList) {
    setState({ status: 'saving', review });
    alertError(undefined);
    try {
      const list = keptList(review, kept, edits);
      const saved = await sendToBackground('list/add', list);
      const summary = `Added to your dossier: ${saved.added} new, ${saved.merged} already known (names added), ${saved.quotes} quotes, ${saved.claims} claims. Open pages highlight them now, without a reload.`;
      setState({ status: 'saved', review, summary });
    } catch (err) {
      setState({ status: 'review', review });
      alertError(messageOf(err));
    }
  }

  if (state.status === 'loading') return <main aria-busy="true"><p class="muted">Reading the article…</p></main>;
  if (state.status === 'error') return <main><h1>Add this article to my dossier</h1><p class="error" role="alert">{state.message}</p></main>;

  const { review } = state;
  const entityRow = (e: ReviewList['entities'][number]) => (
    <EntityRow key={e.id} entity={e} kept={kept.has(e.id)} edit={edits.get(e.id) ?? { name: e.name, context: e.context }}
      knownAs={known.get(e.id)}
      onKeep={(yes) => keep(e.id, yes)} onEdit={(edit) => setEdits(new Map(edits).set(e.id, edit))} />
  );
  const keptCount = review.entities.filter((e) => kept.has(e.id)).length;
  return (
    <main>
      <h1>Add this article to my dossier</h1>
      <p class="muted">{[outletLabel({ outlet: review.source.outlet, ...(siteName ? { siteName } : {}) }), review.source.title, review.source.date].filter(Boolean).join(' · ')}</p>
      {review.otherLanguage && (
        <p class="notice" role="status">Dossier proposes entities for English articles; this page looks like {review.otherLanguage.name}. Names already in your dossier are still highlighted on it.</p>
      )}
      <p id={EDIT_HINT_ID} class="muted">Press E on a ticked name to edit its name and context; Esc goes back.</p>
      <h2>People, organisations and places ({review.entities.length})</h2>
      {review.entities.length === 0 && <p class="muted">No names found.</p>}
      <ul>
        {review.entities.filter((e) => !known.has(e.id)).map(entityRow)}
      </ul>
      {/* Names the dossier has already: kept (adding merges their new names), out of the way. */}
      {known.size > 0 && (
        <>
          <p class="muted">{known.size} of them already in your dossier: adding them adds only new names.</p>
          <ShowAll total={known.size} shown={0} what="already in your dossier" controls="known-list" open={showAll.known}
            onToggle={() => setShowAll({ ...showAll, known: !showAll.known })} />
          {showAll.known && <ul id="known-list">{review.entities.filter((e) => known.has(e.id)).map(entityRow)}</ul>}
        </>
      )}
      <h2>Quotes ({review.quotes.length})</h2>
      <ul id="quote-list">
        {(showAll.quotes ? review.quotes : review.quotes.slice(0, QUOTES_SHOWN)).map((q) => (
          <QuoteRow key={q.id} quote={q} kept={kept.has(q.id)} speakerKept={ownerKept(q)} onKeep={(yes) => keep(q.id, yes)} />
        ))}
      </ul>
      <ShowAll total={review.quotes.length} shown={QUOTES_SHOWN} what="quotes" controls="quote-list" open={showAll.quotes}
        onToggle={() => setShowAll({ ...showAll, quotes: !showAll.quotes })} />
      <h2>Candidate claims ({review.claims.length})</h2>
      <p class="muted">Sentences that read like claims: none is kept unless you tick it.</p>
      <ul id="claim-list">
        {(showAll.claims ? review.claims : review.claims.slice(0, CLAIMS_SHOWN)).map((c) => (
          <ClaimRow key={c.id} claim={c} kept={kept.has(c.id)} onKeep={(yes) => keep(c.id, yes)} />
        ))}
      </ul>
      <ShowAll total={review.claims.length} shown={CLAIMS_SHOWN} what="claims" controls="claim-list" open={showAll.claims}
        onToggle={() => setShowAll({ ...showAll, claims: !showAll.claims })} />
      <div class="actions">
        <button type="button" class="primary" disabled={state.status !== 'review' || keptCount === 0} onClick={() => void confirm(review)}>
          Add to my dossier
        </button>
        {state.status === 'saving' && <span class="muted" aria-busy="true">Saving…</span>}
        {state.status === 'saved' && <span class="done" role="status">{state.summary}</span>}
        {error !== undefined && <span class="error" role="alert">{error}</span>}
      </div>
    </main>
  );
}
