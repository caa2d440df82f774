// Judges a page's claim candidates with the restatement model. The model (a few hundred KB with
// its synonym table) is fetched from the package the first time a page has candidates, and kept:
// the content script never loads it, and a page without candidates never causes it to load.
import { ClaimScorer, type ClaimModelData } from '../core/claims/model';
import type { ClaimCandidate, ClaimVerdictView } from '../shared/claim-messages';
import type { Store } from './store';

export const CLAIM_MODEL_PATH = 'models/claim-model.json';

type ModelSource = () => Promise<unknown>;
/** The bytes of a file the model names beside it (its word vectors), by its name under models/. */
type FileSource = (file: string) => Promise<Uint8Array>;

// Set by the background's entry (index.ts) to fetch the package's copy; the router stays free of
// browser APIs so it runs in Node's tests.
let source: ModelSource = () => Promise.reject(new Error('no claim model source'));
let files: FileSource = () => Promise.reject(new Error('no claim model file source'));
let scorer: Promise<ClaimScorer> | null = null;

/** Where the model and the files it names come from (tests hand them in from disk). */
export function setClaimModelSource(next: ModelSource, nextFiles?: FileSource): void {
  source = next;
  if (nextFiles) files = nextFiles;
  scorer = null;
}

/** A file the model names must be a plain name under models/, not a path or an address. */
export function modelFileName(file: unknown): string {
  if (typeof file !== 'string' || !/^[\w-]+(?:\.[\w-]+)*$/.test(file)) throw new Error('claim model: bad vectors file name');
  return file;
}

async function readScorer(): Promise<ClaimScorer> {
  const data = (await source()) as ClaimModelData;
  // The word vectors, when the model reads them, come in a file of their own: binary, and only
  // what the model names.
  const vectors = data?.vectors ? await files(modelFileName(data.vectors.file)) : undefined;
  return new ClaimScorer(data, vectors);
}

function loadScorer(): Promise<ClaimScorer> {
  scorer ??= readScorer();
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
