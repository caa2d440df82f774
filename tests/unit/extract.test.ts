import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractArticle, reviewListToEntityList } from '../../src/core/extract';
import { evaluateExtraction } from '../../src/cli/eval/eval-extract';
import { formatExtract } from '../../src/cli/extract';
import { SEED } from '../../src/data/seed';

const SEED_ARTICLE = new URL('../../../shared/seed/article.txt', import.meta.url);
const source = { title: 'T', outlet: 'O', date: '2024-05-16', url: 'https://example.org/a' };

const TEXT = [
  'Russia’s Foreign Minister Sergey Lavrov met Jane Doe, an associate fellow at the Royal Institute of Studies (RIS), in Paris on Monday.',
  '',
  '“The talks were useful,” Lavrov told the state news agency Tass. Ahead of the trip, 71-year-old Lavrov said prices would rise by 5% in 2025.',
  '',
  'Chinese officials and Western diplomats were not present.',
].join('\n');

describe('extractArticle', () => {
  const review = extractArticle(TEXT, source);
  const byName = (name: string) => review.entities.find((e) => e.name === name);

  it('finds people without titles or owners, merges the surname, keeps the context', () => {
    const lavrov = byName('Sergey Lavrov');
    expect(lavrov?.kind).toBe('person');
    expect(lavrov?.aliases).toContain('Lavrov');
    expect(lavrov?.context).toContain('Russia’s Foreign Minister');
    expect(lavrov?.context).toContain('71-year-old');
    expect(byName('Jane Doe')?.context).toContain('an associate fellow at the Royal Institute of Studies');
    expect(byName('Lavrov')).toBeUndefined();
  });
  it('joins an acronym with its expansion and reads organisations from descriptors', () => {
    expect(byName('Royal Institute of Studies')?.aliases).toContain('RIS');
    expect(byName('Tass')?.kind).toBe('organisation');
    expect(byName('Paris')?.kind).toBe('place');
  });
  it('drops demonyms', () => {
    expect(review.entities.map((e) => e.name)).not.toContain('Chinese');
    expect(review.entities.map((e) => e.name)).not.toContain('Western');
  });
  it('attributes quotes to extracted entities and shortlists claims with figures', () => {
    expect(review.quotes.map((q) => [q.text, q.speakerId])).toEqual([['The talks were useful', byName('Sergey Lavrov')?.id]]);
    const claim = review.claims.find((c) => c.sentence.includes('5%'));
    expect(claim?.reasons).toContain('figure');
    expect(claim?.entities).toContain(byName('Sergey Lavrov')?.id);
  });
  it('converts only the kept entries to list items with provenance', () => {
    const lavrov = byName('Sergey Lavrov')!;
    const quote = review.quotes[0]!;
    const list = reviewListToEntityList(review, new Set([lavrov.id, quote.id]));
    expect(list.entities.map((e) => e.id)).toEqual(['sergey-lavrov']);
    expect(list.entities[0]?.provenance).toMatchObject({ outlet: 'O', url: 'https://example.org/a' });
    expect(TEXT).toContain(list.entities[0]!.provenance.sentence);
    expect(list.quotes).toHaveLength(1);
    expect(list.quotes[0]?.speaker).toBe('sergey-lavrov');
    expect(list.quotes[0]?.provenance.sentence).toBe('“The talks were useful,” Lavrov told the state news agency Tass.');
    // Without its speaker a quote cannot be saved.
    expect(reviewListToEntityList(review, new Set([quote.id])).quotes).toEqual([]);
  });
  it("keeps a role's quote with the organisation it speaks for, the role as its speaker", () => {
    const text = 'The Kremlin said on Monday that the visit would go ahead.\n\nA Kremlin spokesman told reporters: “The talks will open a new chapter.”';
    const roles = extractArticle(text, source);
    const kremlin = roles.entities.find((e) => e.name === 'Kremlin')!;
    expect(kremlin.kind).toBe('organisation');
    const quote = roles.quotes.find((q) => q.text === 'The talks will open a new chapter.' || q.text === 'The talks will open a new chapter')!;
    expect(quote.speakerForId).toBe(kremlin.id);
    const list = reviewListToEntityList(roles, new Set([kremlin.id, quote.id]));
    expect(list.quotes.map((q) => [q.speaker, q.speakerName])).toEqual([[kremlin.id, 'A Kremlin spokesman']]);
    // Without the organisation it speaks for, it cannot be saved.
    expect(reviewListToEntityList(roles, new Set([quote.id])).quotes).toEqual([]);
  });
  it('formats entities, quotes and claims for the CLI', () => {
    const out = formatExtract(review);
    expect(out).toContain('person       Sergey Lavrov');
    expect(out).toContain('Lavrov [sergey-lavrov]: “The talks were useful”');
    expect(out).toContain('candidate claims:');
  });
});

describe.skipIf(!existsSync(SEED_ARTICLE))('extraction on the seed article (targets of the issue)', () => {
  // The list names the photographer of the caption's credit ("[File: Mark Ralston/Pool via AFP]"):
  // credits are page furniture, never proposed (issue 13), so he is no target here.
  const targets = { ...SEED, entities: SEED.entities.filter((e) => e.name !== 'Mark Ralston') };
  const report = evaluateExtraction(existsSync(SEED_ARTICLE) ? readFileSync(SEED_ARTICLE, 'utf8') : '', targets);
  it('finds the people: recall ≥ 0.9, precision ≥ 0.8', () => {
    expect(report.kinds.person.recall).toBeGreaterThanOrEqual(0.9);
    expect(report.kinds.person.precision).toBeGreaterThanOrEqual(0.8);
  });
  it('finds the quotes with the right speaker: recall ≥ 0.8, precision ≥ 0.8', () => {
    expect(report.quotes.recall).toBeGreaterThanOrEqual(0.8);
    expect(report.quotes.precision).toBeGreaterThanOrEqual(0.8);
  });
});
