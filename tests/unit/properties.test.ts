// Properties that must hold for any input, checked with fast-check: the matcher's offsets map back
// exactly whatever typographic variant a page uses, and the entity-list validator never throws,
// whatever JSON (or non-JSON value) it is handed. The annotation import/export properties live in
// annotation-import.test.ts and annotation-export.test.ts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseEntityList } from '../../src/core/list/entity-list';
import { createMatcher } from '../../src/core/matching/matcher';
import type { Entity, EntityList } from '../../src/core/types';

const provenance = { outlet: 'Example News', title: 'A story', date: '2024-05-01', sentence: 'S.' };

function person(id: string, name: string, kind: Entity['kind'] = 'person'): Entity {
  return { id, name, kind, aliases: [], context: 'Someone', provenance };
}

/** Names with apostrophes, accents, hyphens and several words: every variant below applies to some. */
const ENTITIES: Entity[] = [
  person('lea-muller', 'Léa Müller'),
  person('sean-oneill', "Seán O'Neill"),
  person('jean-luc-picard', 'Jean-Luc Picard'),
  person('xi-jinping', 'Xi Jinping'),
  person('sao-tome', 'São Tomé', 'place'),
  person('world-health-organization', 'World Health Organization', 'organisation'),
];

const LIST: EntityList = { version: 1, entities: ENTITIES, claims: [], quotes: [], distinct: [] };
const matcher = createMatcher(LIST);

const APOSTROPHES = ["'", '\u2019', '\u02bc'];
const SPACES = [' ', '\u00a0', '  ', '\n', ' \t ', '\u2009', '\u202f'];

/** Strips accents the way a keyboard without them would write the name. */
const stripAccents = (s: string): string => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');

/** One spelling of a name as a page might print it. */
const spelling = (name: string): fc.Arbitrary<string> =>
  fc
    .record({
      apostrophe: fc.constantFrom(...APOSTROPHES),
      spaces: fc.array(fc.constantFrom(...SPACES), { minLength: 4, maxLength: 4 }),
      accents: fc.constantFrom('keep', 'strip', 'decompose'),
      // Not all lowercase: a name written "léa müller" is no mention by default (matcher-case.test.ts).
      letterCase: fc.constantFrom('as-is', 'upper'),
    })
    .map(({ apostrophe, spaces, accents, letterCase }) => {
      let s = accents === 'strip' ? stripAccents(name) : accents === 'decompose' ? name.normalize('NFD') : name;
      s = s.replace(/'/g, apostrophe);
      let i = 0;
      s = s.replace(/ /g, () => spaces[i++ % spaces.length]!);
      return letterCase === 'upper' ? s.toUpperCase() : s;
    });

/** Filler that holds no name and never glues itself to one (every piece is whole words or punctuation). */
const FILLER = fc.array(
  fc.constantFrom('the', 'minister', 'said', 'on', 'Tuesday', '—', '“', '”', '(', ')', '…', 'é', '😀', 'ا', '中文', '42', ',', '.'),
  { maxLength: 6 },
);
const GAP = fc.constantFrom(' ', '\u00a0', '\n\n', ' “', '” ', ' (', ') ', ', ');

const insertion = fc.record({ entity: fc.constantFrom(...ENTITIES), before: FILLER, gap1: GAP, gap2: GAP }).chain((r) =>
  spelling(r.entity.name).map((written) => ({ ...r, written })),
);

describe('matcher offsets (property)', () => {
  it('finds every inserted spelling at exactly the offsets it was put, and every mention is original[start, end)', () => {
    fc.assert(
      fc.property(fc.array(insertion, { minLength: 1, maxLength: 8 }), FILLER, (pieces, tail) => {
        let text = '';
        const expected: { entityId: string; start: number; end: number }[] = [];
        for (const piece of pieces) {
          text += piece.before.join(' ') + piece.gap1;
          expected.push({ entityId: piece.entity.id, start: text.length, end: text.length + piece.written.length });
          text += piece.written + piece.gap2;
        }
        text += tail.join(' ');
        const mentions = matcher.findMentions(text);
        for (const m of mentions) expect(m.text).toBe(text.slice(m.start, m.end));
        const found = mentions.map((m) => ({ entityId: m.entityId, start: m.start, end: m.end }));
        for (const e of expected) expect(found).toContainEqual(e);
      }),
      { numRuns: 400 },
    );
  });
});

describe('parseEntityList (property)', () => {
  const answers = (value: unknown): void => {
    const result = parseEntityList(value);
    expect(typeof result.ok).toBe('boolean');
    if (!result.ok) expect(result.error).toMatch(/\S/);
  };

  it('never throws on arbitrary JSON values, and explains every refusal', () => {
    fc.assert(fc.property(fc.jsonValue(), answers), { numRuns: 2000 });
  });

  it('never throws on JSON text parsed back, including __proto__ and constructor keys', () => {
    const nasty = fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'prototype', 'entities', 'version', 'toString'), fc.jsonValue(), {
      maxKeys: 4,
    });
    fc.assert(
      fc.property(nasty, (value) => answers(JSON.parse(JSON.stringify(value)) as unknown)),
      { numRuns: 1000 },
    );
    // A list whose keys come from JSON.parse can carry an own "__proto__": refused or stripped, never merged into prototypes.
    const parsed = JSON.parse('{"version":1,"entities":[],"claims":[],"quotes":[],"distinct":[],"__proto__":{"polluted":true}}') as unknown;
    answers(parsed);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('never throws on near-valid lists with one field of any value', () => {
    const field = fc.constantFrom('id', 'name', 'kind', 'aliases', 'context', 'provenance');
    fc.assert(
      fc.property(field, fc.anything(), (key, value) => {
        const entity: Record<string, unknown> = { ...person('a', 'Ann Lee') };
        entity[key] = value;
        answers({ version: 1, entities: [entity], claims: [], quotes: [], distinct: [] });
      }),
      { numRuns: 1000 },
    );
  });

  it('accepts the valid list it is built from (the properties above are not vacuous)', () => {
    expect(parseEntityList(LIST).ok).toBe(true);
  });
});
