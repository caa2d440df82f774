// The claims part of `dossier eval`: MSRP cross-validation (when ../shared/data is there) and the
// seed claims' restatements and look-alikes (the first set and the held-out one), with the shipped model.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { ClaimScorer } from '../../core/claims/model';
import { SEED_CLAIMS } from '../../data/seed-claims';
import { evaluateClaimsMsrp, formatClaimEval } from './eval-claims';
import { FIRST_SET, HELD_OUT_FIGURES_SET, HELD_OUT_NEGATED_SET, HELD_OUT_SET, HELD_OUT_PREDICATE_SET, HELD_OUT_SENSE_SET, HELD_OUT_SET_2, evaluateSeedClaims, formatSeedClaimEval } from './eval-seed';
import { readClaimModel } from './model-file';

export function claimEvalSection(root: string): string {
  const modelPath = resolve(root, 'src/data/claim-model/model.json');
  if (!existsSync(modelPath)) return 'Claims: no model (run npm run train:claims)';
  const { model, vectors } = readClaimModel(modelPath);
  const scorer = new ClaimScorer(model, vectors);
  const msrp = resolve(root, '../shared/data/paraphrase/msrp-train.tsv');
  const lines = [
    existsSync(msrp) ? formatClaimEval(evaluateClaimsMsrp(msrp, model, vectors)) : `Claims: MSRP cross-validation skipped (no ${msrp})`,
    formatSeedClaimEval(evaluateSeedClaims(SEED_CLAIMS, scorer, FIRST_SET)),
    formatSeedClaimEval(evaluateSeedClaims(SEED_CLAIMS, scorer, HELD_OUT_SET), 'Second set of seed claim restatements (written held out; its look-alikes fixed two rules)'),
    formatSeedClaimEval(evaluateSeedClaims(SEED_CLAIMS, scorer, HELD_OUT_SET_2), 'Third set of seed claim restatements (written held out; its changed figure fixed one rule, its opposite-sense swaps another)'),
    formatSeedClaimEval(evaluateSeedClaims(SEED_CLAIMS, scorer, HELD_OUT_NEGATED_SET), 'Held-out negated look-alikes of the seed claims (fourth set)'),
    formatSeedClaimEval(evaluateSeedClaims(SEED_CLAIMS, scorer, HELD_OUT_FIGURES_SET), 'Held-out changed-figure or date look-alikes of the seed claims (fourth set)'),
    formatSeedClaimEval(evaluateSeedClaims(SEED_CLAIMS, scorer, HELD_OUT_SENSE_SET), 'Fifth set: one word of other sense, and restatements of the same claims (seen: its first run showed the swapped-word rule barely generalises)'),
    formatSeedClaimEval(evaluateSeedClaims(SEED_CLAIMS, scorer, HELD_OUT_PREDICATE_SET), 'Sixth set: the claim’s actors with something else said of them, and restatements of its predicate in other words (held out; first run 12 of 12 found, 5 of 12 marked)'),
  ];
  return lines.join('\n');
}
