// Claims' cost per corpus page (issue 12), with the 47 seed claims and with 10,000 claims: the
// content script's share (the list narrowed from the background's anchor index, the page's tokens
// read, the claim automaton compiled and run over the text: the candidates of the one pass) and
// the background's (scoring the candidates with the model). Run with `node tests/bench/run.mjs claims`.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ListNarrower } from '../../src/core/matching/list-narrower';
import { createMatcher } from '../../src/core/matching/matcher';
import { readClaimScorer } from '../../src/cli/claims/model-file';
import type { Claim, EntityList } from '../../src/core/types';
import { SEED_CLAIMS } from '../../src/data/seed-claims';
import { corpusPages, visibleText } from './lib/corpus';
import { cpuMs, formatNumber, median, table } from './lib/stats';

const root = resolve(import.meta.dirname, '..', '..');
const scorer = readClaimScorer(resolve(root, 'src/data/claim-model/model.json'));
const pages = corpusPages().map(visibleText).filter((t) => t.length > 0);
if (pages.length === 0) {
  console.log('claims bench: no corpus at ../shared/corpus, skipped');
  process.exit(0);
}

/** 10,000 statement-only claims: the seed's, then news sentences of the MSRP training split. */
function manyClaims(count: number): Claim[] {
  const claims: Claim[] = SEED_CLAIMS.map((c) => ({ ...c }));
  const msrp = resolve(root, '../shared/data/paraphrase/msrp-train.tsv');
  const sentences = existsSync(msrp) ? readFileSync(msrp, 'utf8').split('\n').slice(1).flatMap((l) => l.split('\t').slice(3, 5)) : [];
  const provenance = SEED_CLAIMS[0]!.provenance;
  for (let i = 0; claims.length < count && sentences.length > 0; i++) {
    // Past the corpus's sentences, the same sentences again under another id (same anchors, as a real list's near duplicates).
    claims.push({ id: `c${i}`, statement: sentences[i % sentences.length]!.trim(), entities: [], cues: [], provenance });
  }
  return claims;
}

function listOf(claims: Claim[]): EntityList {
  return { version: 1, entities: [], claims, quotes: [], distinct: [] };
}

const rows: (string | number)[][] = [];
for (const [label, claims] of [['47 (seed, with cues)', SEED_CLAIMS], ['10,000 (statements only)', manyClaims(10_000)]] as const) {
  const list = listOf([...claims]);
  let cpu = cpuMs();
  const index = ListNarrower.create(list).exportIndex();
  const indexMs = cpuMs() - cpu;
  const passMs: number[] = [];
  const scoreMs: number[] = [];
  const candidates: number[] = [];
  const marked: number[] = [];
  for (const [n, text] of [pages[0]!, ...pages].entries()) {
    cpu = cpuMs();
    const narrower = ListNarrower.fromIndex(list, index)!;
    narrower.see(text);
    const found = narrower.isEmpty ? [] : createMatcher(narrower.list()).findClaims(text);
    const pass = cpuMs() - cpu;
    const statements = new Map(list.claims.map((c) => [c.id, c.statement]));
    cpu = cpuMs();
    const verdicts = found.map((m) => scorer.judge(statements.get(m.claimId)!, m.sentence, { cuesMatched: m.via === 'cues' }));
    const score = cpuMs() - cpu;
    if (n === 0) continue; // warm-up
    passMs.push(pass);
    scoreMs.push(score);
    candidates.push(found.length);
    marked.push(verdicts.filter((v) => v.restates).length);
  }
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  rows.push([
    label,
    index.anchors.length,
    formatNumber(indexMs),
    `${formatNumber(median(passMs))} / ${formatNumber(Math.max(...passMs))}`,
    `${median(candidates)} / ${Math.max(...candidates)}`,
    candidates.filter((c) => c === 0).length,
    `${formatNumber(median(scoreMs))} / ${formatNumber(Math.max(...scoreMs))}`,
    sum(marked),
  ]);
}
console.log(`Claims per corpus page (${pages.length} pages, CPU ms, median / max)\n`);
console.log(
  table(
    ['claims', 'anchors', 'index ms (background, once)', 'page pass ms (content script)', 'candidates per page', 'pages without a candidate', 'scoring ms per page (background)', 'sentences marked (all pages)'],
    rows,
  ),
);
