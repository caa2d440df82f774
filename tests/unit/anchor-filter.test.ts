// The first stage's filter (src/core/matching/anchor-filter.ts): wherever the narrower would keep any part
// of the list, the filter says "anchor seen" (it can never send a page that names someone away),
// and on text naming nobody it says no, but for the odd hash collision.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildAnchorFilter } from '../../src/core/matching/anchor-filter';
import { readAnchorFilter } from '../../src/core/matching/anchor-test';
import { ListNarrower } from '../../src/core/matching/list-narrower';
import { SEED } from '../../src/data/seed';
import { corpusPages, visibleText } from '../bench/lib/corpus';
import { benchAliases } from '../bench/lib/names';

function tableOf(list: Parameters<typeof ListNarrower.create>[0], options: { maxRegexAnchors?: number } = {}) {
  const shape = { entities: list.entities.length, distinct: list.distinct.length };
  const read = readAnchorFilter(JSON.parse(JSON.stringify(buildAnchorFilter(ListNarrower.create(list).exportIndex(), shape))), options);
  if (!read) throw new Error('filter not readable');
  return read;
}

/** Whether the narrower, after seeing `text`, keeps an entity or a whole claim: what a page can show. */
function narrowerKeeps(list: Parameters<typeof ListNarrower.create>[0], text: string): boolean {
  const narrower = ListNarrower.create(list);
  narrower.see(text);
  const kept = narrower.list();
  return kept.entities.length + kept.claims.length > 0;
}

describe('the anchor filter', () => {
  const seed = tableOf(SEED);
  // The same filter read as a Set of words (the way of lists too long for one RegExp).
  const seedAsSet = tableOf(SEED, { maxRegexAnchors: 0 });

  it('sees an anchor in every corpus page the narrower keeps something for', () => {
    const pages = corpusPages();
    if (pages.length === 0) return console.warn('anchor-filter.test.ts: ../shared/corpus is absent; the corpus case is skipped');
    for (const page of pages) {
      const text = visibleText(page);
      // Never a miss; a "seen" where nothing is kept can come from one group of a claim.
      if (narrowerKeeps(SEED, text)) expect(seed.test(text)).toBe(true);
    }
  });

  it('agrees with the narrower on random texts made of the list’s words and others', () => {
    const words = [...SEED.entities.flatMap((e) => [e.name, ...e.aliases.map((a) => a.text)]), 'the', 'weather', 'Zelen\u00adskyy', 'PUTIN’s', 'Xi', 'gardens', 'ſ', 'İstanbul', '北京', 'Zelénskyy', 'PÜTIN', '\u212Aremlin', 'Be\u200bijing', 'Pu\u0301tin', '«Putin»', 'Putin—Xi', '“Xi”'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { maxLength: 12 }), fc.constantFrom(' ', '-', '\u00ad', ''), (parts, glue) => {
        const text = parts.join(glue);
        // Never a miss.
        if (narrowerKeeps(SEED, text)) {
          expect(seed.test(text)).toBe(true);
          expect(seedAsSet.test(text)).toBe(true);
        }
      }),
      { numRuns: 400, seed: 14 },
    );
  });

  it('lets a page of common words through: claim cues such as "met" or "said" do not load the rest', () => {
    expect(seed.always).toBe(false);
    const text = 'The council met on a grey morning; officials said the talks went well, and the weather stayed mild all afternoon.';
    expect(narrowerKeeps(SEED, text)).toBe(false);
    expect(seed.test(text)).toBe(false);
    expect(seedAsSet.test(text)).toBe(false);
  });

  it('reads accented, split and CJK-glued names exactly, in both ways of reading', () => {
    for (const test of [seed, seedAsSet]) {
      for (const text of ['Talks with Zelen\u00adskyy went on.', 'Le président PÚTIN a parlé.', '总统Vladimir Putin抵达。', 'à Pékin, Xi Jinping']) {
        expect(narrowerKeeps(SEED, text)).toBe(true);
        expect(test.test(text)).toBe(true);
      }
      expect(test.test('Le café était calme, à Genève, près du lac.')).toBe(false);
    }
  });

  // The RegExp reads the text lower-cased: U+0130 (İ) and U+212A (Kelvin) lower-case to ASCII letters,
  // so a name beside them is read exactly (their runs), never missed; any case of a name is seen.
  it('reads a name in any case, and beside the two characters that lower-case to ASCII letters', () => {
    for (const test of [seed, seedAsSet]) {
      for (const text of ['pUtIn spoke.', 'PUTIN spoke.', 'Put\u0130n spoke.', 'Vladimir\u0130 Putin', '\u0130 Xi Jinping', 'Kyiv\u212A and Putin', '\u212Aremlin and Beijing']) {
        expect(narrowerKeeps(SEED, text)).toBe(true);
        expect(test.test(text)).toBe(true);
      }
      for (const text of ['Putin\u0130', '\u212APutin', 'Xi\u212A', 'Putin\u212Aabc']) if (narrowerKeeps(SEED, text)) expect(test.test(text)).toBe(true);
      expect(test.test('The \u0130stanbul gardens and the \u212Aelvin scale stayed quiet.')).toBe(false);
    }
  });

  it('says no to a page that names nobody, and yes to one name in it, with 10,000 names', () => {
    const aliases = benchAliases(10_000);
    const big = { ...SEED, entities: aliases.map((name, i) => ({ id: `e${i}`, name, kind: 'person' as const, aliases: [], context: '', provenance: SEED.entities[0]!.provenance })) };
    const bigTest = tableOf(big);
    const quiet = Array.from({ length: 400 }, (_, i) => `Paragraph ${i}: the weather stayed mild and the gardens were quiet all afternoon long.`).join('\n');
    expect(narrowerKeeps(big, quiet)).toBe(false);
    expect(bigTest.test(quiet)).toBe(false);
    expect(bigTest.test(`${quiet}\n${aliases[9_999]} spoke.`)).toBe(true);
  });

  it('refuses a malformed filter (the page then loads everything)', () => {
    expect(readAnchorFilter(null)).toBeNull();
    // Anything but a-z words would be read as a RegExp: refused.
    expect(readAnchorFilter({ anchors: 'putin|.*', maxAnchor: 3, always: false })).toBeNull();
    expect(readAnchorFilter({ anchors: 'putin  xi', maxAnchor: 3, always: false })).toBeNull();
    expect(readAnchorFilter({ anchors: 'Putin', maxAnchor: 3, always: false })).toBeNull();
    expect(readAnchorFilter({ anchors: '', maxAnchor: -1, always: false })).toBeNull();
    expect(readAnchorFilter({ hashes: 'AAAA', maxAnchor: 3, always: false })).toBeNull();
    expect(readAnchorFilter({ anchors: '', maxAnchor: 0, always: false })?.test('Putin')).toBe(false);
  });
});
