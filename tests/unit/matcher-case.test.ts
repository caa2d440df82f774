// Lists people make: thousands of names with no exactCase or needsContext flag (issue 17). Names
// are proper nouns by default, one-word person aliases wait for the full name, and one string for
// two entities is decided by the page or offered both.
import { describe, expect, it } from 'vitest';
import { createMatcher } from '../../src/core/matching/matcher';
import type { Alias, Entity, EntityKind, EntityList } from '../../src/core/types';

const provenance = { outlet: 'Test', title: 'Test', date: '1996-08-30', sentence: 'Test.' };

function entity(id: string, name: string, kind: EntityKind, aliases: (string | Alias)[] = []): Entity {
  return { id, name, kind, aliases: aliases.map((a) => (typeof a === 'string' ? { text: a } : a)), context: '', provenance };
}

function listOf(...entities: Entity[]): EntityList {
  return { version: 1, entities, claims: [], quotes: [], distinct: [] };
}

/** The list: every alias as a user writes it, no flag anywhere. */
const USER_LIST = listOf(
  entity('an', 'National Alliance', 'organisation', ['AN']),
  entity('john-major', 'John Major', 'person', ['Major']),
  entity('northern-league', 'Northern League', 'organisation', ['League']),
  entity('united-states', 'United States', 'place', ['US']),
  entity('real-madrid', 'Real Madrid', 'organisation', ['Real']),
  entity('european-commission', 'European Commission', 'organisation', ['Commission']),
  entity('jon-snow', 'Jon Snow', 'person', ['Snow']),
  entity('ilja-let', 'Ilja Let', 'person', ['Let']),
  entity('cabinet', 'Cabinet', 'organisation'),
  entity('peter-pace', 'Peter Pace', 'person', ['Pace']),
  entity('note', 'Note', 'organisation'),
  entity('allan-little', 'Allan Little', 'person', ['Little']),
  entity('finance-ministry', 'Finance Ministry', 'organisation', ['Finance']),
  entity('derby', 'Derby', 'place'),
  entity('chamber', 'Chamber of Deputies', 'organisation', ['Chamber']),
  entity('umar-said', 'Umar Said', 'person'),
);
const userMatcher = createMatcher(USER_LIST);
const found = (text: string) => userMatcher.findMentions(text).map((m) => [m.entityId, m.text]);

describe('names are proper nouns (no flags)', () => {
  // Each: the ordinary word is no mention, the name written as a name is.
  it.each([
    ['an', 'It was an error, said AN leader Gianfranco Fini.', ['an', 'AN']],
    ['us', 'He told us the US would act.', ['united-states', 'US']],
    ['league', 'A league of their own; the League won in Lombardy.', ['northern-league', 'League']],
    ['real', 'A real chance for Real to win.', ['real-madrid', 'Real']],
    ['commission', 'He took a commission; the Commission fined Microsoft.', ['european-commission', 'Commission']],
    ['cabinet', 'The kitchen cabinet was empty; the Cabinet met at noon.', ['cabinet', 'Cabinet']],
    ['note', 'Please note the date; Note shares rose.', ['note', 'Note']],
    ['finance', 'They finance it; the Finance spokesman declined.', ['finance-ministry', 'Finance']],
    ['derby', 'The local derby ended 1-1 in Derby.', ['derby', 'Derby']],
    ['chamber', 'The chamber music stopped; the Chamber voted.', ['chamber', 'Chamber']],
  ])('"%s" in lowercase is no mention', (_word, text, expected) => {
    expect(found(text)).toEqual([expected]);
  });

  it.each([
    ['major', 'John Major spoke. A major change, Major said.', ['John Major', 'Major']],
    ['snow', 'Jon Snow reported. Heavy snow fell, Snow said.', ['Jon Snow', 'Snow']],
    ['let', 'Ilja Let arrived. They let him in, Let said.', ['Ilja Let', 'Let']],
    ['pace', 'Peter Pace testified. The pace slowed, Pace said.', ['Peter Pace', 'Pace']],
    ['little', 'Allan Little reported. Very little was said, Little wrote.', ['Allan Little', 'Little']],
  ])('the surname "%s" in lowercase is no mention; capitalised, after the full name, it is', (_word, text, expected) => {
    expect(userMatcher.findMentions(text).map((m) => m.text)).toEqual(expected);
  });

  it('"Little is known" at a sentence start is no mention without Allan Little on the page', () => {
    expect(found('Little is known about the talks.')).toEqual([]);
    expect(found('Let me see.')).toEqual([]);
  });

  it('a one-word name the text also writes as a lowercase word is that word at a sentence start', () => {
    const matcher = createMatcher(listOf(entity('the', 'The', 'place'), entity('little', 'Little', 'organisation')));
    const texts = (text: string) => matcher.findMentions(text).map((m) => [m.text, m.start]);
    expect(texts('The talks ended. "Little is known," said the man; little changed.')).toEqual([]);
    // Mid-sentence it is the name; and a lowercase form inside a URL or a tag says nothing.
    expect(texts('They met Little in Rome. Little agreed; see little.com and #little')).toEqual([
      ['Little', 9],
      ['Little', 25],
    ]);
    // Without the lowercase word in the text, the capitalised one at a sentence start still counts.
    expect(texts('Little agreed.')).toEqual([['Little', 0]]);
  });

  it('"Umar said" is not the person Umar Said; "Umar Said" and "UMAR SAID" are', () => {
    expect(found('Umar said the talks failed.')).toEqual([]);
    expect(found('Umar Said, a lawyer, spoke.')).toEqual([['umar-said', 'Umar Said']]);
    expect(found('UMAR SAID TO RUN')).toEqual([['umar-said', 'UMAR SAID']]);
  });

  it('a short all-caps name matches only in capitals: "AN", not "an" or "An"', () => {
    expect(found('An AN official; an idea')).toEqual([['an', 'AN']]);
    expect(found('Us and US')).toEqual([['united-states', 'US']]);
  });

  it('headlines and datelines in capitals still match', () => {
    expect(found('MAJOR QUITS AS JOHN MAJOR RESIGNS')).toEqual([
      ['john-major', 'MAJOR'],
      ['john-major', 'JOHN MAJOR'],
    ]);
    expect(found('DERBY 1996-08-30')).toEqual([['derby', 'DERBY']]);
  });
});

describe('names written in lowercase or mixed case on purpose match as written', () => {
  const matcher = createMatcher(
    listOf(
      entity('ebay', 'eBay', 'organisation'),
      entity('de-gaulle', 'Charles de Gaulle', 'person', ['de Gaulle']),
      entity('assad', 'Bashar al-Assad', 'person', ['al-Assad']),
      entity('van-boxmeer', 'Jean-François van Boxmeer', 'person', ['van Boxmeer']),
      entity('nato', 'NATO', 'organisation'),
    ),
  );
  const texts = (text: string) => matcher.findMentions(text).map((m) => m.text);

  it('eBay: as written or in capitals, not "ebay"', () => {
    expect(texts('eBay shares; ebay.com; EBAY RISES')).toEqual(['eBay', 'EBAY']);
  });

  it('de Gaulle and van Boxmeer: as written, capitalised at a sentence start, in capitals', () => {
    expect(texts('Under de Gaulle, France left. De Gaulle said no. DE GAULLE DIES. de gaulle')).toEqual([
      'de Gaulle',
      'De Gaulle',
      'DE GAULLE',
    ]);
    expect(texts('Heineken chief van Boxmeer. Van Boxmeer said. van boxmeer')).toEqual(['van Boxmeer', 'Van Boxmeer']);
  });

  it('al-Assad: as written once the full name is on the page, not "al-assad"', () => {
    expect(texts('Bashar al-Assad spoke; al-Assad said; al-assad; AL-ASSAD')).toEqual([
      'Bashar al-Assad',
      'al-Assad',
      'AL-ASSAD',
    ]);
  });

  it('a longer all-caps name may be written capitalised (Nato), not in lowercase', () => {
    expect(texts('NATO and Nato, not nato')).toEqual(['NATO', 'Nato']);
  });
});

describe('flags stay overrides', () => {
  it('exactCase: false matches any case; needsContext: false counts a surname everywhere', () => {
    const matcher = createMatcher(
      listOf(entity('putin', 'Vladimir Putin', 'person', [{ text: 'Putin', exactCase: false, needsContext: false }])),
    );
    expect(matcher.findMentions('putin and Putin').map((m) => m.text)).toEqual(['putin', 'Putin']);
  });

  it('a one-word person alias without a flag waits for the full name or a title', () => {
    const matcher = createMatcher(listOf(entity('major', 'John Major', 'person', ['Major'])));
    expect(matcher.scan('Major said no.').mentions).toEqual([]);
    expect(matcher.scan('Major said no.').unresolved.map((m) => m.text)).toEqual(['Major']);
    expect(matcher.findMentions('Mr Major said no.').map((m) => m.text)).toEqual(['Major']);
  });
});

describe('one string, two kinds', () => {
  const matcher = createMatcher(
    listOf(
      entity('washington-dc', 'Washington', 'place'),
      entity('denzel-washington', 'Denzel Washington', 'person', ['Washington']),
      entity('jordan', 'Jordan', 'place'),
      entity('michael-jordan', 'Michael Jordan', 'person', ['Jordan']),
    ),
  );
  const named = (text: string) =>
    matcher.findMentions(text).map((m) => [m.text, m.kind, ...(m.alternatives ?? []).map((a) => a.kind)]);

  it('a title before it means the person', () => {
    expect(named('President Washington spoke.')).toEqual([['Washington', 'person']]);
    expect(named('Mr Washington spoke.')).toEqual([['Washington', 'person']]);
  });

  it('"in", "from", "to" before it, or a dateline, mean the place', () => {
    expect(named('Michael Jordan flew in from Jordan to Washington.')).toEqual([
      ['Michael Jordan', 'person'],
      ['Jordan', 'place'],
      ['Washington', 'place'],
    ]);
    expect(named('WASHINGTON (Reuters) - Denzel Washington said')).toEqual([
      ['WASHINGTON', 'place'],
      ['Denzel Washington', 'person'],
    ]);
    expect(named('Michael Jordan arrived.\nJORDAN 1996-08-30')).toEqual([
      ['Michael Jordan', 'person'],
      ['JORDAN', 'place'],
    ]);
  });

  it('where the page named the person and nothing decides, the mention offers both, the person first', () => {
    expect(named('Michael Jordan scored 30. Jordan said it was easy.')).toEqual([
      ['Michael Jordan', 'person'],
      ['Jordan', 'person', 'place'],
    ]);
    const [, jordan] = matcher.findMentions('Michael Jordan scored. Jordan said so.');
    expect(jordan).toMatchObject({ entityId: 'michael-jordan', alternatives: [{ entityId: 'jordan', kind: 'place' }] });
  });

  it('without the person on the page, the place alone', () => {
    expect(named("Jordan's king met Washington officials.")).toEqual([
      ['Jordan', 'place'],
      ['Washington', 'place'],
    ]);
  });
});
