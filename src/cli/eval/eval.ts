// `dossier eval`: matching quality against the hand-counted gold of ../shared/corpus, and the
// number of mentions found inside words over every corpus page.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createMatcher } from '../../core/matching/matcher';
import type { EntityList } from '../../core/types';
import { CliError } from '../errors';
import { BLOCK_SEPARATOR } from '../../core/text/block-separator';
import { visibleTextOfHtml } from '../html-text';
import { isInsideWord } from '../word-check';

interface Gold {
  scored_entities: string[];
  pages: Record<string, { article_mentions: Record<string, number> }>;
}

export interface EntityScore { entity: string; gold: number; found: number; tp: number; precision: number; recall: number }
export interface EvalReport {
  corpus: string;
  perPage: Record<string, Record<string, { gold: number; found: number }>>;
  perEntity: EntityScore[];
  overall: { gold: number; found: number; tp: number; precision: number; recall: number };
  insideWords: { pages: number; texts: number; mentions: number; insideWord: number; examples: string[] };
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

function readGold(corpus: string): Gold {
  const path = join(corpus, 'dev-gold.json');
  if (!existsSync(path)) throw new CliError(`${path}: not found (the corpus lives in ../shared/corpus; set --corpus DIR)`);
  return JSON.parse(readFileSync(path, 'utf8')) as Gold;
}

export function evaluate(corpus: string, list: EntityList): EvalReport {
  const gold = readGold(corpus);
  const matcher = createMatcher(list);
  const nameOf = new Map(list.entities.map((e) => [e.id, e.name]));
  const scored = new Set(gold.scored_entities);
  const missingFromList = gold.scored_entities.filter((n) => !list.entities.some((e) => e.name === n));
  if (missingFromList.length > 0) throw new CliError(`gold entities missing from the list: ${missingFromList.join(', ')}`);

  const perPage: EvalReport['perPage'] = {};
  const totals = new Map<string, { gold: number; found: number; tp: number }>();
  for (const name of scored) totals.set(name, { gold: 0, found: 0, tp: 0 });
  for (const [page, { article_mentions }] of Object.entries(gold.pages)) {
    const text = readFileSync(join(corpus, page, 'article.txt'), 'utf8');
    const found = new Map<string, number>();
    for (const m of matcher.findMentions(text)) {
      const name = nameOf.get(m.entityId) ?? m.entityId;
      found.set(name, (found.get(name) ?? 0) + 1);
    }
    perPage[page] = {};
    for (const name of scored) {
      const g = article_mentions[name] ?? 0;
      const f = found.get(name) ?? 0;
      if (g > 0 || f > 0) perPage[page]![name] = { gold: g, found: f };
      const t = totals.get(name)!;
      t.gold += g;
      t.found += f;
      t.tp += Math.min(g, f);
    }
  }
  const perEntity = [...totals].map(([entity, t]) => ({
    entity, ...t, precision: ratio(t.tp, t.found), recall: ratio(t.tp, t.gold),
  }));
  const sum = (k: 'gold' | 'found' | 'tp') => perEntity.reduce((s, e) => s + e[k], 0);
  const overall = { gold: sum('gold'), found: sum('found'), tp: sum('tp'), precision: ratio(sum('tp'), sum('found')), recall: ratio(sum('tp'), sum('gold')) };
  return { corpus, perPage, perEntity, overall, insideWords: insideWordCheck(corpus, matcher) };
}

function insideWordCheck(corpus: string, matcher: ReturnType<typeof createMatcher>): EvalReport['insideWords'] {
  const result = { pages: 0, texts: 0, mentions: 0, insideWord: 0, examples: [] as string[] };
  for (const page of readdirSync(corpus, { withFileTypes: true })) {
    if (!page.isDirectory()) continue;
    result.pages++;
    const texts: [string, string][] = [];
    const article = join(corpus, page.name, 'article.txt');
    const source = join(corpus, page.name, 'source.html');
    if (existsSync(article)) texts.push(['article.txt', readFileSync(article, 'utf8')]);
    if (existsSync(source)) {
      const html = readFileSync(source, 'utf8');
      // Both the visible text and the raw markup: the raw file is the harsher test of word edges.
      texts.push(['source.html (visible text)', visibleTextOfHtml(html, BLOCK_SEPARATOR)], ['source.html (raw)', html]);
    }
    for (const [label, text] of texts) {
      result.texts++;
      for (const m of matcher.findMentions(text)) {
        result.mentions++;
        if (isInsideWord(text, m)) {
          result.insideWord++;
          if (result.examples.length < 10) result.examples.push(`${page.name}/${label} @${m.start}: …${text.slice(Math.max(0, m.start - 12), m.end + 12)}…`);
        }
      }
    }
  }
  return result;
}

const pct = (x: number) => x.toFixed(3);

export function formatEval(r: EvalReport): string {
  const lines = [`Matching quality against ${join(r.corpus, 'dev-gold.json')}`, ''];
  lines.push('entity'.padEnd(34) + 'gold'.padStart(6) + 'found'.padStart(7) + 'precision'.padStart(11) + 'recall'.padStart(8));
  for (const e of r.perEntity) {
    if (e.gold === 0 && e.found === 0) continue;
    lines.push(e.entity.padEnd(34) + String(e.gold).padStart(6) + String(e.found).padStart(7) + pct(e.precision).padStart(11) + pct(e.recall).padStart(8));
  }
  const o = r.overall;
  lines.push('overall'.padEnd(34) + String(o.gold).padStart(6) + String(o.found).padStart(7) + pct(o.precision).padStart(11) + pct(o.recall).padStart(8));
  lines.push('', 'per page (gold/found):');
  for (const [page, counts] of Object.entries(r.perPage)) {
    lines.push(`  ${page}: ${Object.entries(counts).map(([n, c]) => `${n} ${c.gold}/${c.found}`).join(', ')}`);
  }
  const w = r.insideWords;
  lines.push('', `mentions inside words: ${w.insideWord} of ${w.mentions} mentions in ${w.texts} texts of ${w.pages} corpus pages`);
  for (const ex of w.examples) lines.push(`  ${ex}`);
  return lines.join('\n');
}
