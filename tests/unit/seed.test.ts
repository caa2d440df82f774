import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseEntityList } from '../../src/core/list/entity-list';
import type { Claim, Entity, EntityKind } from '../../src/core/types';
import { SEED } from '../../src/data/seed';
import { SEED_DATE, SEED_OUTLET, SEED_TITLE, SENTENCES } from '../../src/data/seed-source';
import {
  SEED_ARTICLE_DOUBLE_QUOTE_COUNT,
  SEED_ARTICLE_NAMES,
  SEED_ARTICLE_NON_NAMES,
} from '../fixtures/seed-names';

const ARTICLE_PATH = fileURLToPath(new URL('../../../shared/seed/article.txt', import.meta.url));
const article = existsSync(ARTICLE_PATH) ? readFileSync(ARTICLE_PATH, 'utf8') : undefined;
if (article === undefined) console.warn(`seed article tests skipped: ${ARTICLE_PATH} is absent`);

const entityById = new Map(SEED.entities.map((e) => [e.id, e]));

function namesOf(entity: Entity): string[] {
  return [entity.name, ...entity.aliases.map((a) => a.text)];
}

function allProvenance() {
  return [
    ...SEED.entities.map((e) => ({ item: `entity ${e.id}`, provenance: e.provenance })),
    ...SEED.claims.map((c) => ({ item: `claim ${c.id}`, provenance: c.provenance })),
    ...SEED.quotes.map((q) => ({ item: `quote ${q.id}`, provenance: q.provenance })),
  ];
}

/** Folds what typography varies (curly quotes, case) so cue checks see words, not glyphs. */
function fold(s: string): string {
  return s.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').toLowerCase();
}

function containsWords(sentence: string, phrase: string): boolean {
  const escaped = fold(phrase).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'u').test(fold(sentence));
}

/** Our own reading of the cue rule in types.ts: every group matched by one of its phrases. */
function restates(sentence: string, claim: Claim): boolean {
  return claim.cues.every((group) => group.some((phrase) => containsWords(sentence, phrase)));
}

function claim(id: string): Claim {
  const found = SEED.claims.find((c) => c.id === id);
  if (!found) throw new Error(`no claim ${id}`);
  return found;
}

describe.skipIf(article === undefined)('seed list against the article text', () => {
  const text = article ?? '';

  it('cites every item with a sentence that stands verbatim in the article', () => {
    const missing = allProvenance()
      .filter(({ provenance }) => !text.includes(provenance.sentence))
      .map(({ item }) => item);
    expect(missing).toEqual([]);
  });

  it('holds only sentences that stand verbatim in the article', () => {
    expect(Object.entries(SENTENCES).filter(([, sentence]) => !text.includes(sentence)).map(([key]) => key)).toEqual([]);
  });

  it('credits every item to the article itself', () => {
    expect(text.startsWith(SEED_TITLE)).toBe(true);
    for (const { item, provenance } of allProvenance()) {
      expect({ item, outlet: provenance.outlet, title: provenance.title, date: provenance.date }).toEqual({
        item,
        outlet: SEED_OUTLET,
        title: SEED_TITLE,
        date: SEED_DATE,
      });
    }
  });

  it('keeps every quote verbatim, inside the sentence it cites', () => {
    for (const quote of SEED.quotes) {
      expect(text, quote.id).toContain(quote.text);
      expect(quote.provenance.sentence, quote.id).toContain(quote.text);
    }
  });

  it('covers every passage the article puts inside “ ”', () => {
    const spans = [...text.matchAll(/“([^”]*)”/g)].map((m) => (m[1] ?? '').replace(/[,.]$/, ''));
    expect(spans).toHaveLength(SEED_ARTICLE_DOUBLE_QUOTE_COUNT);
    const quoted = new Set(SEED.quotes.map((q) => q.text));
    expect(spans.filter((span) => !quoted.has(span))).toEqual([]);
    expect(SEED.quotes).toHaveLength(SEED_ARTICLE_DOUBLE_QUOTE_COUNT);
  });

  it('restates each claim in the sentence it cites, by the claim’s own cues', () => {
    const unmatched = SEED.claims.filter((c) => !restates(c.provenance.sentence, c)).map((c) => c.id);
    expect(unmatched).toEqual([]);
  });

  it('finds every entity’s name or an alias in the sentence it cites', () => {
    const unnamed = SEED.entities
      .filter((e) => !namesOf(e).some((name) => e.provenance.sentence.includes(name)))
      .map((e) => e.id);
    expect(unnamed).toEqual([]);
  });
});

describe('seed list against the independent checklist', () => {
  const kindOf: Record<keyof typeof SEED_ARTICLE_NAMES, EntityKind> = {
    people: 'person',
    organisations: 'organisation',
    places: 'place',
  };

  it('knows every name the article mentions, as the right kind of thing', () => {
    const missing: string[] = [];
    for (const [group, names] of Object.entries(SEED_ARTICLE_NAMES) as Array<[keyof typeof SEED_ARTICLE_NAMES, readonly string[]]>) {
      for (const name of names) {
        const known = SEED.entities.some((e) => e.kind === kindOf[group] && namesOf(e).includes(name));
        if (!known) missing.push(`${group}: ${name}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('never treats an adjective or demonym as a name', () => {
    const all = SEED.entities.flatMap(namesOf);
    expect(all.filter((n) => (SEED_ARTICLE_NON_NAMES as readonly string[]).includes(n))).toEqual([]);
  });

  it('holds each person’s context and marks shared surnames as needing context', () => {
    expect(entityById.get('vladimir-putin')?.context).toMatch(/Russian President; 71/);
    expect(entityById.get('xi-jinping')?.context).toMatch(/Chinese President; 70/);
    for (const [id, surname] of [['xi-jinping', 'Xi'], ['william-lai', 'Lai'], ['mao-zedong', 'Mao'], ['erin-hale', 'Hale']]) {
      const alias = entityById.get(id ?? '')?.aliases.find((a) => a.text === surname);
      expect(alias, `${id} ${surname}`).toMatchObject({ needsContext: true, exactCase: true });
    }
  });

  it('knows the spellings other outlets use for the names', () => {
    const expectations: Array<[string, string[]]> = [
      ['volodymyr-zelenskyy', ['Zelensky', 'Zelenskiy', 'Zelenskyy', 'Zelenski']],
      ['sergey-lavrov', ['Sergei Lavrov']],
      ['vladimir-putin', ['Vladimir Vladimirovich Putin']],
      ['xi-jinping', ['Xi Jin-ping']],
      ['kyiv', ['Kiev']],
      ['kharkiv', ['Kharkov']],
      ['united-nations-security-council', ['Security Council', 'UN Security Council', 'U.N. Security Council', 'UNSC']],
      ['xinhua', ['Xinhua News Agency']],
      ['united-states', ['U.S.', 'United States of America', 'USA']],
    ];
    for (const [id, spellings] of expectations) {
      const entity = entityById.get(id);
      expect(entity, id).toBeDefined();
      expect(namesOf(entity!), id).toEqual(expect.arrayContaining(spellings));
    }
  });

  it('gives no name to two entities, and makes no distinct name also an entity name', () => {
    const owners = new Map<string, string>();
    const clashes: string[] = [];
    for (const e of SEED.entities) {
      for (const name of namesOf(e)) {
        const owner = owners.get(name.toLowerCase());
        if (owner && owner !== e.id) clashes.push(`${name}: ${owner} / ${e.id}`);
        owners.set(name.toLowerCase(), e.id);
      }
    }
    for (const d of SEED.distinct) {
      const owner = owners.get(d.text.toLowerCase());
      if (owner) clashes.push(`distinct ${d.text}: ${owner}`);
    }
    expect(clashes).toEqual([]);
  });

  it('blocks the US National Security Council from counting as the UN one', () => {
    expect(SEED.distinct.map((d) => d.text)).toContain('National Security Council');
  });
});

describe('seed list integrity', () => {
  it('passes the entity-list validator unchanged', () => {
    const result = parseEntityList(JSON.parse(JSON.stringify(SEED)));
    expect(result).toEqual({ ok: true, list: SEED });
  });

  it('uses each id once across entities, claims and quotes', () => {
    const ids = [...SEED.entities, ...SEED.claims, ...SEED.quotes].map((item) => item.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('lists in a quote’s mentions exactly the entities its words name', () => {
    for (const quote of SEED.quotes) {
      const named = SEED.entities
        .filter((e) => namesOf(e).some((n) => containsWords(quote.text, n) && quote.text.includes(n)))
        .map((e) => e.id);
      expect([...quote.mentions].sort(), quote.id).toEqual(named.sort());
    }
  });

  it('cites each claim for the entities its statement involves', () => {
    for (const c of SEED.claims) {
      expect(c.entities.length, c.id).toBeGreaterThan(0);
      expect(c.entities.every((id) => entityById.has(id)), c.id).toBe(true);
    }
  });
});

describe('claim cues recognise paraphrases and ignore look-alikes', () => {
  const paraphrases: Array<[string, string]> = [
    ['met-42-times', 'Xi Jinping and Vladimir Putin have held 42 meetings in the past ten years.'],
    ['lavrov-balancing-role', 'Sergei Lavrov said Moscow and Beijing were a balancing force in world affairs.'],
    ['zelenskyy-peace-conditions', 'Zelensky has demanded security guarantees as part of any peace talks.'],
    ['no-limits-partnership', 'Beijing and Moscow announced a no-limits partnership in 2022.'],
    ['russia-not-invited', 'Moscow was not invited to the conference in Switzerland.'],
    ['veto-holding-unsc-members', 'China and Russia are permanent members of the UN Security Council.'],
    ['force-not-ruled-out-taiwan', 'Beijing refuses to rule out the use of force against Taiwan.'],
    ['kharkiv-offensive', 'Russian troops pushed a fresh offensive near Kharkov this month.'],
  ];
  it.each(paraphrases)('%s matches "%s"', (id, sentence) => {
    expect(restates(sentence, claim(id))).toBe(true);
  });

  const lookAlikes: Array<[string, string]> = [
    ['met-42-times', 'Putin spoke for 42 minutes after he met Xi.'],
    ['no-limits-partnership', 'There are no speed limits on this road.'],
    ['putin-state-visit-china', 'Putin met Xi in Beijing.'],
    ['veto-holding-unsc-members', 'The National Security Council met on Tuesday.'],
    ['xi-new-era-moscow-2023', 'Moscow enters a new era of urban planning.'],
    ['swiss-peace-summit', 'The summit in Brussels ended without a deal.'],
  ];
  it.each(lookAlikes)('%s ignores "%s"', (id, sentence) => {
    expect(restates(sentence, claim(id))).toBe(false);
  });
});
