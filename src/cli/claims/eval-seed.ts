// `dossier eval`, claims part: the seed claims' restatements read as a page would be (claim finder
// over the seed list, then the scorer): how many are found, and whether any negated or
// changed-figure look-alike is. Two sets: the first (src/data/seed-restatements.ts), which earlier
// work looked at, and a held-out one (seed-restatements-held-out.ts), which nothing is tuned on.
import { createClaimFinder } from '../../core/claims/finder';
import type { ClaimScorer } from '../../core/claims/model';
import type { Claim } from '../../core/types';
import { SEED_LOOKALIKES, SEED_RESTATEMENTS, type SeedCase } from '../../data/seed-restatements';
import {
  HELD_OUT_CHANGED_FIGURES,
  HELD_OUT_LOOKALIKES,
  HELD_OUT_LOOKALIKES_2,
  HELD_OUT_NEGATED,
  HELD_OUT_RESTATEMENTS,
  HELD_OUT_RESTATEMENTS_2,
} from '../../data/seed-restatements-held-out';
import { PREDICATE_LOOKALIKES, PREDICATE_RESTATEMENTS } from '../../data/seed-restatements-predicate';
import { SENSE_LOOKALIKES, SENSE_RESTATEMENTS } from '../../data/seed-restatements-sense';

export interface SeedClaimReport {
  restatements: number;
  found: number;
  missed: SeedCase[];
  lookalikes: number;
  falseAlarms: SeedCase[];
}

/** Whether the page sentence is marked as the claim (the path a page takes). */
export function marksClaim(claims: readonly Claim[], scorer: ClaimScorer, c: SeedCase): boolean {
  const finder = createClaimFinder(claims);
  const statement = new Map(claims.map((claim) => [claim.id, claim.statement]));
  return finder
    .findClaims(c.sentence)
    .some((m) => m.claimId === c.claimId && scorer.judge(statement.get(m.claimId)!, m.sentence, { cuesMatched: m.via === 'cues' }).restates);
}

export interface SeedCaseSet {
  restatements: readonly SeedCase[];
  lookalikes: readonly SeedCase[];
}

export const FIRST_SET: SeedCaseSet = { restatements: SEED_RESTATEMENTS, lookalikes: SEED_LOOKALIKES };
export const HELD_OUT_SET: SeedCaseSet = { restatements: HELD_OUT_RESTATEMENTS, lookalikes: HELD_OUT_LOOKALIKES };
export const HELD_OUT_SET_2: SeedCaseSet = { restatements: HELD_OUT_RESTATEMENTS_2, lookalikes: HELD_OUT_LOOKALIKES_2 };
/** Look-alikes only, of the kinds: negated, and changed figures or dates. */
export const HELD_OUT_NEGATED_SET: SeedCaseSet = { restatements: [], lookalikes: HELD_OUT_NEGATED };
export const HELD_OUT_FIGURES_SET: SeedCaseSet = { restatements: [], lookalikes: HELD_OUT_CHANGED_FIGURES };
/** One content word swapped for one of other sense, and restatements of the same claims (fifth set). */
export const HELD_OUT_SENSE_SET: SeedCaseSet = { restatements: SENSE_RESTATEMENTS, lookalikes: SENSE_LOOKALIKES };
/** The claim's actors with something else said of them, and restatements of the predicate in other words (sixth set). */
export const HELD_OUT_PREDICATE_SET: SeedCaseSet = { restatements: PREDICATE_RESTATEMENTS, lookalikes: PREDICATE_LOOKALIKES };

export function evaluateSeedClaims(claims: readonly Claim[], scorer: ClaimScorer, set: SeedCaseSet = FIRST_SET): SeedClaimReport {
  const missed = set.restatements.filter((c) => !marksClaim(claims, scorer, c));
  const falseAlarms = set.lookalikes.filter((c) => marksClaim(claims, scorer, c));
  return { restatements: set.restatements.length, found: set.restatements.length - missed.length, missed, lookalikes: set.lookalikes.length, falseAlarms };
}

export function formatSeedClaimEval(r: SeedClaimReport, title = 'Seed claim restatements'): string {
  const lines = [
    r.restatements === 0
      ? `${title}: ${r.falseAlarms.length} of ${r.lookalikes} look-alikes marked`
      : `${title}: ${r.found} of ${r.restatements} found (${((100 * r.found) / r.restatements).toFixed(0)}%); look-alikes (negated, other figure, date or actor): ${r.falseAlarms.length} of ${r.lookalikes} marked`,
  ];
  for (const c of r.missed) lines.push(`  missed   ${c.claimId}: ${c.sentence}`);
  for (const c of r.falseAlarms) lines.push(`  marked   ${c.claimId}: ${c.sentence}`);
  return lines.join('\n');
}
