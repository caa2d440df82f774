import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createMatcher } from '../../src/core/matching/matcher';
import { SEED } from '../../src/data/seed';

// The hand-counted mentions of seed entities in four real articles (../shared/corpus/dev-gold.json):
// the seed list and the matcher together must find exactly those, no more, no fewer.
const CORPUS = new URL('../../../shared/corpus/', import.meta.url).pathname;
const GOLD_FILE = `${CORPUS}dev-gold.json`;

interface Gold {
  scored_entities: string[];
  pages: Record<string, { article_mentions: Record<string, number> }>;
}

function readGold(): Gold | undefined {
  if (!existsSync(GOLD_FILE)) return undefined;
  const data: unknown = JSON.parse(readFileSync(GOLD_FILE, 'utf8'));
  if (typeof data !== 'object' || data === null || !('pages' in data) || !('scored_entities' in data)) {
    throw new Error(`${GOLD_FILE}: not the expected shape`);
  }
  return data as Gold;
}

const gold = readGold();
if (!gold) console.warn(`skipped: no gold file at ${GOLD_FILE}`);

describe.skipIf(!gold)('seed list on the gold articles', () => {
  const matcher = createMatcher(SEED);
  const nameOf = new Map(SEED.entities.map((e) => [e.id, e.name]));

  it.each(Object.entries(gold?.pages ?? {}))('%s: counts equal the hand counts', (slug, page) => {
    const text = readFileSync(`${CORPUS}${slug}/article.txt`, 'utf8');
    const counts: Record<string, number> = {};
    for (const mention of matcher.findMentions(text)) {
      const name = nameOf.get(mention.entityId);
      if (name && gold!.scored_entities.includes(name)) counts[name] = (counts[name] ?? 0) + 1;
    }
    expect(counts).toEqual(page.article_mentions);
  });
});
