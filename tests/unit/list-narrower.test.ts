// The content script compiles only the part of the list a page's tokens can match
// (src/core/matching/list-narrower.ts). What must hold: in any text whose tokens were seen, the narrowed
// matcher finds exactly what the whole list finds: the same names, surnames, claims, and the same
// vetoes by distinct names.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ListNarrower, anchorOf, forEachToken } from '../../src/core/matching/list-narrower';
import { createMatcher, type Matcher } from '../../src/core/matching/matcher';
import { NarrowingMatcher } from '../../src/core/matching/narrowing-matcher';
import { selectQuotes } from '../../src/content/harvest/select-quotes';
import { readFileSync } from 'node:fs';
import { normalizePattern } from '../../src/core/text/normalize';
import { claimAnchors } from '../../src/core/claims/anchors';
import type { Alias, Entity, EntityKind, EntityList } from '../../src/core/types';
import { SEED } from '../../src/data/seed';
import { benchAliases, listOfAliases, syntheticText } from '../bench/lib/names';
import { corpusPages, visibleText } from '../bench/lib/corpus';

const provenance = { outlet: 'Test', title: 'Test', date: '2024-05-16', sentence: 'Test.' };
const entity = (id: string, kind: EntityKind, name: string, aliases: Alias[] = []): Entity => ({ id, name, kind, aliases, context: '', provenance });

const LIST: EntityList = {
  version: 1,
  entities: [
    entity('vladimir-putin', 'person', 'Vladimir Putin', [{ text: 'Putin', needsContext: true }]),
    entity('xi-jinping', 'person', 'Xi Jinping', [{ text: 'Xi', exactCase: true, needsContext: true }]),
    entity('conan-obrien', 'person', 'Conan O’Brien', [{ text: "O'Brien", needsContext: true }]),
    entity('volodymyr-zelenskyy', 'person', 'Volodymyr Zelenskyy', [{ text: 'Zelensky' }]),
    entity('jean-claude-juncker', 'person', 'Jean-Claude Juncker'),
    entity('lea-muller', 'person', 'Léa Müller'),
    entity('g7', 'organisation', 'G7'),
    entity('united-nations', 'organisation', 'United Nations', [{ text: 'UN', exactCase: true }]),
    entity('new-york', 'place', 'New York'),
    entity('beijing', 'place', 'Beijing', [{ text: '北京' }]),
  ],
  claims: [
    { id: 'talks', statement: 'Putin and Xi held talks.', entities: ['vladimir-putin', 'xi-jinping'], cues: [['Putin'], ['Xi', 'Chinese leader'], ['talks', 'met']], provenance },
    { id: 'empty', statement: 'No cues.', entities: [], cues: [], provenance },
  ],
  quotes: [],
  distinct: [{ text: 'New York Times', note: 'a newspaper' }, { text: 'Putin Street', note: 'a street' }],
};

const full = createMatcher(LIST);

/** What a matcher finds in `text`, in a comparable form. */
function findings(matcher: Matcher, text: string) {
  const scan = matcher.scan(text);
  return { mentions: scan.mentions, unresolved: scan.unresolved, identified: [...scan.identified].sort(), claims: matcher.findClaims(text) };
}

function narrowedFor(list: EntityList, ...texts: string[]): { narrower: ListNarrower; matcher: Matcher } {
  const narrower = ListNarrower.create(list);
  for (const text of texts) narrower.see(text);
  return { narrower, matcher: createMatcher(narrower.list()) };
}

function tokens(text: string): string[] {
  const out: string[] = [];
  forEachToken(text, 100, (t) => out.push(t));
  return out;
}

describe('anchors and tokens', () => {
  it('anchors a pattern on its longest run of a-z, and has none for a name without one', () => {
    expect(anchorOf(normalizePattern('Vladimir Putin'))).toBe('vladimir');
    expect(anchorOf(normalizePattern('Conan O’Brien'))).toBe('conan');
    expect(anchorOf(normalizePattern('Léa Müller'))).toBe('muller');
    expect(anchorOf(normalizePattern('G7'))).toBe('g');
    expect(anchorOf(normalizePattern('北京'))).toBeNull();
  });

  it('cuts tokens with the matcher’s folding: case, accents, odd letters, soft hyphens', () => {
    expect(tokens('PUTIN met Xi.')).toEqual(['putin', 'met', 'xi']);
    expect(tokens('Léa MÜLLER')).toEqual(['lea', 'muller']);
    // A decomposed accent and a soft hyphen are skipped inside a word: the word and its parts.
    expect(tokens('Mu\u0308ller Zelen\u00adskyy')).toEqual(['mu', 'muller', 'ller', 'zelen', 'zelenskyy', 'skyy']);
    // Letters whose case folds to a-z only through upper case: long s, Kelvin sign.
    expect(tokens('Jeſus \u212Aiev')).toEqual(['jesus', 'kiev']);
    expect(tokens('Jean-Claude O’Brien 2024 北京')).toEqual(['jean', 'claude', 'o', 'brien']);
  });

  it('skips tokens longer than the longest anchor', () => {
    const out: string[] = [];
    forEachToken(`${'a'.repeat(50)} putin ${'é'.repeat(50)}`, 10, (t) => out.push(t));
    expect(out).toEqual(['putin']);
  });
});

describe('the narrowed list', () => {
  it('is empty on a text that names nothing of the list', () => {
    const latinOnly = { ...LIST, entities: LIST.entities.filter((e) => e.id !== 'beijing') };
    const { narrower } = narrowedFor(latinOnly, 'The weather in Lisbon was fine on Tuesday: New Zealand, Putney, Xian, Brienz.');
    expect(narrower.isEmpty).toBe(true);
    expect(narrower.list()).toMatchObject({ entities: [], claims: [], distinct: [] });
  });

  it('keeps what the tokens can match, names without an anchor always, and a claim only with every cue group (or two of its statement’s anchor words)', () => {
    const { narrower } = narrowedFor(LIST, 'Putin spoke about the New York Times.');
    const list = narrower.list();
    // Beijing has an alias without a-z (北京): kept on every page.
    expect(list.entities.map((e) => e.id)).toEqual(['vladimir-putin', 'new-york', 'beijing']);
    expect(list.distinct.map((d) => d.text)).toEqual(['New York Times']);
    expect(list.claims).toEqual([]);
    narrower.see('Xi was there.');
    expect(narrower.list().claims).toEqual([]);
    narrower.see('They met.');
    expect(narrower.grew()).toBe(true);
    expect(narrower.list().claims.map((c) => c.id)).toEqual(['talks']);
    expect(narrower.grew()).toBe(false);
    // Two anchor words of the statement ("Putin and Xi held talks."): a candidate to score.
    const anchored = narrowedFor(LIST, 'Putin held them.').narrower;
    expect(anchored.list().claims.map((c) => c.id)).toEqual(['talks']);
  });

  it('finds what the whole list finds, on texts that test every rule of the matcher', () => {
    const texts = [
      'President Putin met Xi Jinping in Beijing. Putin and Xi held talks.',
      'Putin Street is in Grozny; the New York Times reported it. Vladimir Putin agreed.',
      'Conan O’Brien and O\'Brien; MÜLLER, Léa Müller, Le\u0301a Mu\u0308ller; Zelen\u00adskyy, Zelensky.',
      'Jean‐Claude Juncker (Jean-Claude) at the UN and the un-named G7, G7s, in 北京 and 总统Vladimir Putin抵达.',
      'computing, Xi’an, XI, Putins, Putin’s, PUTIN, Jeſus, New\u00a0York.',
    ];
    for (const text of texts) {
      const { matcher } = narrowedFor(LIST, text);
      expect(findings(matcher, text), text).toEqual(findings(full, text));
    }
  });

  it('never misses a name for any single code unit beside it or inside it (all 65,536)', () => {
    // The guarantee rests on tokens being cut where the matcher sees a word boundary: any unit
    // next to or inside an anchor must not hide the anchor from the tokens.
    const narrower = ListNarrower.create(LIST);
    const missed: string[] = [];
    for (let code = 0; code < 0x10000; code++) {
      const u = String.fromCharCode(code);
      for (const text of [`${u}Putin`, `Putin${u}`, `Pu${u}tin`, `Zelen${u}skyy`, `O${u}Brien met`, `Jean${u}Claude Juncker`, `G${u}7`, `New${u}York Times`]) {
        const scan = full.scan(text);
        const ids = new Set([...scan.mentions, ...scan.unresolved].map((m) => m.entityId));
        if (ids.size === 0) continue;
        const seen = ListNarrower.create(LIST);
        seen.see(text);
        const kept = new Set(seen.list().entities.map((e) => e.id));
        for (const id of ids) if (!kept.has(id)) missed.push(`U+${code.toString(16).padStart(4, '0')} in ${JSON.stringify(text)}: ${id}`);
      }
    }
    expect(narrower.isEmpty).toBe(false); // "G7" has an anchor, 北京 has none: kept from the start
    expect(missed).toEqual([]);
  });

  it('finds what the whole list finds on random texts of names, tricky units and noise', () => {
    const names = ['Vladimir Putin', 'Putin', 'Xi Jinping', 'Xi', 'Conan O’Brien', "O'Brien", 'Zelenskyy', 'Jean-Claude Juncker', 'Léa Müller', 'G7', 'UN', 'New York', 'New York Times', 'Putin Street', 'talks', 'Chinese leader', '北京'];
    const tricky = ['\u00ad', '\u0301', '\u0308', '\u200d', 'ſ', 'ı', 'İ', '\u212a', '‐', '–', '’', '\u00a0', '\n\n', '. ', ' ', '7', '总统', 'é', 'ß', 'President '];
    const piece = fc.oneof(fc.constantFrom(...names), fc.constantFrom(...tricky), fc.string({ maxLength: 4 }));
    const casing = fc.constantFrom<(s: string) => string>((s) => s, (s) => s.toUpperCase(), (s) => s.toLowerCase());
    fc.assert(
      fc.property(fc.array(fc.tuple(piece, casing), { maxLength: 30 }), (parts) => {
        const text = parts.map(([p, c]) => c(p)).join('');
        const { matcher } = narrowedFor(LIST, text);
        expect(findings(matcher, text)).toEqual(findings(full, text));
      }),
      { numRuns: 400, seed: 20261128 },
    );
  });

  it('finds what the whole seed list finds on every corpus page', () => {
    const pages = corpusPages();
    if (pages.length === 0) return void console.warn('list-narrower.test.ts: ../shared/corpus is absent: corpus pages skipped');
    const whole = createMatcher(SEED);
    for (const page of pages) {
      const text = visibleText(page);
      const { matcher } = narrowedFor(SEED, text);
      expect(findings(matcher, text), page.slug).toEqual(findings(whole, text));
      // Raw HTML too: markup, scripts and URLs are the hardest text for word boundaries.
      const raw = narrowedFor(SEED, page.html);
      expect(findings(raw.matcher, page.html), `${page.slug} (raw HTML)`).toEqual(findings(whole, page.html));
    }
  });

  it('finds what a 10,000-name list finds on synthetic text, from a small part of it', () => {
    const aliases = benchAliases(10_000);
    const list = listOfAliases(aliases);
    const text = syntheticText(aliases, 200_000);
    const { narrower, matcher } = narrowedFor(list, text);
    expect(findings(matcher, text)).toEqual(findings(createMatcher(list), text));
    expect(narrower.list().entities.length).toBeLessThan(list.entities.length / 2);
  });

  it('as a plain Matcher (what the quote harvest gets), covers each text it is given, quote by quote', () => {
    // The harvest scans the article, then each quote alone: a quote can end inside a word of the
    // article ("Putin" out of "Putins"), a token the article itself never had.
    const article = readFileSync(new URL('../../src/data/seed-article.txt', import.meta.url), 'utf8');
    const narrowing = new NarrowingMatcher(ListNarrower.create(SEED));
    narrowing.see('The weather in Lisbon was mild.');
    expect(selectQuotes(article, SEED, narrowing)).toEqual(selectQuotes(article, SEED, createMatcher(SEED)));
    const fresh = new NarrowingMatcher(ListNarrower.create(LIST));
    for (const text of ['Putins', 'Putin', 'President Xi said', 'Xi Jinping and Xi']) {
      expect(findings(fresh, text), text).toEqual(findings(full, text));
    }
  });

  it('narrows the same from the index the background sends as from the list itself', () => {
    const index = JSON.parse(JSON.stringify(ListNarrower.create(SEED).exportIndex())) as unknown;
    const texts = ['The weather in Lisbon.', 'Vladimir Putin met Xi Jinping in Beijing on a two-day state visit.', ...corpusPages().map(visibleText)];
    for (const text of texts) {
      const own = ListNarrower.create(SEED);
      const sent = ListNarrower.fromIndex(SEED, index);
      expect(sent).not.toBeNull();
      own.see(text);
      sent!.see(text);
      expect(sent!.list(), text.slice(0, 60)).toEqual(own.list());
      expect(sent!.isEmpty).toBe(own.isEmpty);
    }
  });

  it('sends each claim\'s anchor groups with the index, and a page uses them instead of analysing the statement', () => {
    const index = ListNarrower.create(LIST).exportIndex();
    expect(index.claimAnchors).toEqual(LIST.claims.map((c) => claimAnchors(c.statement)));
    // An index without them (an older background) still narrows the same.
    const { claimAnchors: _, ...older } = index;
    for (const text of ['Putin and Xi talked about a no-limits partnership.', 'The weather in Lisbon.']) {
      const sent = ListNarrower.fromIndex(LIST, JSON.parse(JSON.stringify(index)))!;
      const old = ListNarrower.fromIndex(LIST, older)!;
      sent.see(text);
      old.see(text);
      expect(sent.list()).toEqual(old.list());
    }
  });

  it('refuses an index that does not fit the list, whatever is wrong with it', () => {
    const good = ListNarrower.create(LIST).exportIndex();
    expect(ListNarrower.fromIndex(LIST, good)).not.toBeNull();
    const entities = LIST.entities.length;
    const distinct = LIST.distinct.length;
    const talksGroups = 3; // claim 0 has three cue groups; claim 1 has none
    const bad: [string, unknown][] = [
      ['missing', undefined],
      ['not an object', 'anchors'],
      ['lengths differ', { ...good, owners: good.owners.slice(1) }],
      ['an anchor that is not a-z', { ...good, anchors: ['Putin', ...good.anchors.slice(1)] }],
      ['a __proto__ anchor', { ...good, anchors: ['__proto__', ...good.anchors.slice(1)] }],
      ['an anchor twice', { ...good, anchors: [good.anchors[1], ...good.anchors.slice(1)] }],
      ['a very long anchor', { ...good, anchors: ['a'.repeat(501), ...good.anchors.slice(1)] }],
      ['no owner', { ...good, owners: [[], ...good.owners.slice(1)] }],
      ['an owner past the list', { ...good, owners: [[entities + distinct + 2 * 32], ...good.owners.slice(1)] }],
      ['a cue group the claim lacks', { ...good, owners: [[entities + distinct + talksGroups], ...good.owners.slice(1)] }],
      ['a group of a claim without cues', { ...good, owners: [[entities + distinct + 32], ...good.owners.slice(1)] }],
      ['a negative owner', { ...good, owners: [[-1], ...good.owners.slice(1)] }],
      ['a fractional owner', { ...good, owners: [[0.5], ...good.owners.slice(1)] }],
      ['a string owner', { ...good, owners: [['0'], ...good.owners.slice(1)] }],
      ['a bad owner kept always', { ...good, always: [entities + distinct + 99 * 32] }],
      ['always not an array', { ...good, always: 3 }],
      ['claim anchors for fewer claims', { ...good, claimAnchors: good.claimAnchors!.slice(1) }],
      ['claim anchors not lists of words', { ...good, claimAnchors: good.claimAnchors!.map(() => [[3]]) }],
      ['a claim with too many anchor groups', { ...good, claimAnchors: good.claimAnchors!.map(() => [['a'], ['b'], ['c'], ['d'], ['e'], ['f']]) }],
    ];
    for (const [what, index] of bad) expect(ListNarrower.fromIndex(LIST, index), what).toBeNull();
  });
});

