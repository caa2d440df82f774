// `dossier scan FILE`: the mentions and claim mentions the extension would highlight in a page.
import { createMatcher } from '../core/matching/matcher';
import type { EntityList } from '../core/types';
import { repoClaimScorer } from './claims/model-file';

export interface ScanReport {
  file: string;
  html: boolean;
  textLength: number;
  mentions: { entity: string; id: string; type: string; text: string; start: number; end: number }[];
  claims: { claim: string; id: string; sentence: string; start: number; end: number; why: string }[];
  /** Mentions per entity name, most frequent first. */
  counts: Record<string, number>;
}

export function scanText(file: string, text: string, html: boolean, list: EntityList): ScanReport {
  const matcher = createMatcher(list);
  const byId = new Map(list.entities.map((e) => [e.id, e]));
  const claimsById = new Map(list.claims.map((c) => [c.id, c]));
  const mentions = matcher.findMentions(text).map((m) => ({
    entity: byId.get(m.entityId)?.name ?? m.entityId,
    id: m.entityId,
    type: m.kind,
    text: m.text,
    start: m.start,
    end: m.end,
  }));
  // Candidates of the one pass, judged as the background judges a page's (core/claims/model.ts).
  const scorer = repoClaimScorer();
  const claims = matcher.findClaims(text).flatMap((c) => {
    const statement = claimsById.get(c.claimId)?.statement;
    if (statement === undefined) return [];
    const verdict = scorer.judge(statement, c.sentence, { cuesMatched: c.via === 'cues' });
    if (!verdict.restates) return [];
    return [{ claim: statement, id: c.claimId, sentence: c.sentence, start: c.start, end: c.end, why: verdict.why }];
  });
  const tally = new Map<string, number>();
  for (const m of mentions) tally.set(m.entity, (tally.get(m.entity) ?? 0) + 1);
  const counts = Object.fromEntries([...tally].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])));
  return { file, html, textLength: text.length, mentions, claims, counts };
}

export function formatScan(report: ScanReport): string {
  const lines: string[] = [];
  lines.push(`${report.file}: ${report.mentions.length} mentions of ${Object.keys(report.counts).length} entities, ${report.claims.length} claim mentions`);
  if (report.mentions.length > 0) {
    lines.push('', 'entity'.padEnd(34) + 'type'.padEnd(14) + 'text'.padEnd(30) + 'start'.padStart(8) + 'end'.padStart(8));
    for (const m of report.mentions) {
      lines.push(m.entity.padEnd(34) + m.type.padEnd(14) + JSON.stringify(m.text).padEnd(30) + String(m.start).padStart(8) + String(m.end).padStart(8));
    }
  }
  if (report.claims.length > 0) {
    lines.push('', 'claims:');
    for (const c of report.claims) lines.push(`- ${c.claim}\n    [${c.start}-${c.end}] ${c.sentence}`);
  }
  return lines.join('\n');
}
