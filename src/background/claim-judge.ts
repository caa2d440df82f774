// Judges a page's claim candidates with the restatement model. The model (a few hundred KB with
// its synonym table) is fetched from the package the first time a page has candidates, and kept:
// the content script never loads it, and a page without candidates never causes it to load.
import { ClaimScorer, type ClaimModelData } from '../core/claims/model';
import type { ClaimCandidate, ClaimVerdictView } from '../shared/claim-messages';
import type { Store } from './store';

export const CLAIM_MODEL_PATH = 'models/claim-model.json';

type ModelSource = () => Promise<unknown>;

// Set by the background's entry (index.ts) to fetch the package's copy; the router stays free of
// browser APIs so it runs in Node's tests.
let source: ModelSource = () => Promise.reject(new Error('no claim model source'));
let scorer: Promise<ClaimScorer> | null = null;

/** Where the model comes from (tests hand it in from disk). */
export function setClaimModelSource(next: ModelSource): void {
  source = next;
  scorer = null;
}

function loadScorer(): Promise<ClaimScorer> {
  scorer ??= source().then((data) => new ClaimScorer(data as ClaimModelData));
  // A failed load is tried again by the next page, not remembered.
  scorer.catch(() => (scorer = null));
  return scorer;
}

export async function judgeClaims(store: Store, candidates: readonly ClaimCandidate[]): Promise<{ verdicts: ClaimVerdictView[] }> {
  if (candidates.length === 0) return { verdicts: [] };
  const [model, list] = await Promise.all([loadScorer(), store.getMatchList()]);
  const statements = new Map(list.claims.map((c) => [c.id, c.statement]));
  const verdicts = candidates.map((candidate): ClaimVerdictView => {
    const statement = statements.get(candidate.claimId);
    if (statement === undefined) return { restates: false, why: '' };
    const verdict = model.judge(statement, candidate.sentence, { cuesMatched: candidate.via === 'cues' });
    return { restates: verdict.restates, why: verdict.why };
  });
  return { verdicts };
}
