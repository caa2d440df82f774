// `dossier eval`, claims part: the seed claims' restatements (src/data/seed-restatements.ts) read
// as a page would be (claim finder over the seed list, then the scorer): how many are found, and
// whether any negated or changed-figure look-alike is.
import { createClaimFinder } from '../../core/claims';
import type { ClaimScorer } from '../../core/claims/model';
import type { Claim } from '../../core/types';
import { SEED_LOOKALIKES, SEED_RESTATEMENTS, type SeedCase } from '../../data/seed-restatements';

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

export function evaluateSeedClaims(claims: readonly Claim[], scorer: ClaimScorer): SeedClaimReport {
  const missed = SEED_RESTATEMENTS.filter((c) => !marksClaim(claims, scorer, c));
  const falseAlarms = SEED_LOOKALIKES.filter((c) => marksClaim(claims, scorer, c));
  return { restatements: SEED_RESTATEMENTS.length, found: SEED_RESTATEMENTS.length - missed.length, missed, lookalikes: SEED_LOOKALIKES.length, falseAlarms };
}

export function formatSeedClaimEval(r: SeedClaimReport): string {
  const lines = [
    `Seed claim restatements: ${r.found} of ${r.restatements} found (${((100 * r.found) / r.restatements).toFixed(0)}%); look-alikes (negated, other figure, date or actor): ${r.falseAlarms.length} of ${r.lookalikes} marked`,
  ];
  for (const c of r.missed) lines.push(`  missed   ${c.claimId}: ${c.sentence}`);
  for (const c of r.falseAlarms) lines.push(`  marked   ${c.claimId}: ${c.sentence}`);
  return lines.join('\n');
}
