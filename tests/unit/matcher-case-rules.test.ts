// Lists people make (issue 17), the rules that took precision past 0.98 on CoNLL-2003 dev: names
// inside longer words and names, the words that tell a city from its team and a place from a
// person, one reading per page where the page chose, and list entries that are no names.
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

/** Each mention as [text, kind, the kinds it also offers]. */
function namer(list: EntityList): (text: string) => string[][] {
  const matcher = createMatcher(list);
  return (text) => matcher.findMentions(text).map((m) => [m.text, m.kind, ...(m.alternatives ?? []).map((a) => a.kind)]);
}

describe('a name inside a longer word or name is not a mention', () => {
  const named = namer(
    listOf(
      entity('tripoli', 'Tripoli', 'place'),
      entity('england', 'England', 'place'),
      entity('us', 'U.S.', 'place'),
      entity('castro', 'Fidel Castro', 'person', ['Castro']),
      entity('hp', 'Hewlett-Packard', 'organisation'),
      entity('hewlett', 'William Hewlett', 'person', ['Hewlett']),
      entity('paris', 'Paris', 'place'),
      entity('berlin', 'Berlin', 'place'),
      entity('hong-kong', 'Hong Kong', 'place'),
      entity('milwaukee', 'Milwaukee', 'place'),
      entity('netherlands', 'Netherlands', 'place'),
      entity('fed', 'FED', 'organisation'),
    ),
  );

  it('joined by a hyphen to another word: "Tripoli-based", "ex-England", "U.S.-led", "pre-Castro"', () => {
    expect(named('Tripoli-based diplomats, an ex-England bowler and U.S.-led planes in pre-Castro Cuba.')).toEqual([]);
    // A prefix joined to it makes a modifier in any case: "Pro-Moscow" opening a sentence.
    expect(named('Pro-Tripoli leaders spoke. EX-ENGLAND BOWLER RETIRES .')).toEqual([]);
    expect(named('Diplomats in Tripoli met England and U.S. officials; Fidel Castro spoke.')).toEqual([
      ['Tripoli', 'place'],
      ['England', 'place'],
      ['U.S.', 'place'],
      ['Fidel Castro', 'person'],
    ]);
  });

  it('joined to a capitalised word it is still a mention: "U.S.-Israeli", "Canadian-US", "US-Ukraine", "US-Bundesstaat"', () => {
    const pair = namer(listOf(entity('us', 'US', 'place', ['U.S.']), entity('ukraine', 'Ukraine', 'place')));
    expect(pair('Strained U.S.-Israeli relations; a Canadian-US company; US-Ukraine talks; ein US-Bundesstaat.').map(([t]) => t)).toEqual([
      'U.S.',
      'US',
      'US',
      'Ukraine',
      'US',
    ]);
  });

  it('a name the list writes with its hyphen matches whole; a spaced dash is no joint', () => {
    expect(named('William Hewlett founded Hewlett-Packard.')).toEqual([
      ['William Hewlett', 'person'],
      ['Hewlett-Packard', 'organisation'],
    ]);
    expect(named('The Paris - Berlin train.')).toEqual([
      ['Paris', 'place'],
      ['Berlin', 'place'],
    ]);
  });

  it('an event named after a place, in a headline\'s capitals too: "HONG KONG OPEN", "BERLIN GRAND PRIX", "FED CUP"', () => {
    expect(named('SQUASH - HONG KONG OPEN RESULTS .')).toEqual([]);
    expect(named('ATHLETICS - BERLIN GRAND PRIX RESULTS .')).toEqual([]);
    expect(named('GOLF - LEADING SCORES AT GREATER MILWAUKEE OPEN .')).toEqual([]);
    expect(named('TENNIS - DRAW FOR 1997 FED CUP .')).toEqual([]);
    expect(named('HONG KONG 1996-08-30')).toEqual([['HONG KONG', 'place']]);
  });

  it('an event "of" a place: "Tour of the Netherlands", not "a tour of the Netherlands"', () => {
    expect(named('the final stage of the Tour of the Netherlands .')).toEqual([]);
    expect(named('CYCLING - TOUR OF NETHERLANDS FINAL RESULTS .')).toEqual([]);
    expect(named('She began a tour of the Netherlands .')).toEqual([['Netherlands', 'place']]);
  });
});

describe('a city and its team: the words around it decide', () => {
  const cities = ['Detroit', 'Leeds', 'Northampton', 'Wigan', 'Bradford', 'Milwaukee', 'Nice', 'Essex', 'Surrey'];
  const named = namer(
    listOf(
      ...cities.flatMap((city) => [
        entity(`${city}-place`, city, 'place'),
        entity(`${city}-team`, city, 'organisation'),
      ]),
      entity('netherlands-place', 'Netherlands', 'place'),
      entity('netherlands-team', 'Netherlands', 'organisation'),
    ),
  );

  it('"at" before it is the place: "KANSAS CITY AT DETROIT"', () => {
    expect(named('KANSAS CITY AT DETROIT')).toEqual([['DETROIT', 'place']]);
  });

  it('the sides of a fixture: "Leeds v Northampton"', () => {
    expect(named('May 17 Leeds v Northampton')).toEqual([
      ['Leeds', 'organisation'],
      ['Northampton', 'organisation'],
    ]);
  });

  it('a contest verb: "WIGAN BEAT BRADFORD", "Milwaukee has won 10 of its last 15"', () => {
    expect(named('RUGBY LEAGUE - WIGAN BEAT BRADFORD 42-36 IN SEMIFINAL .')).toEqual([
      ['WIGAN', 'organisation'],
      ['BRADFORD', 'organisation'],
    ]);
    expect(named('Milwaukee has won 10 of its last 15 .')).toEqual([['Milwaukee', 'organisation']]);
  });

  it('a plural verb after a singular name: "Nice have been unable to win"; not "the Netherlands are"', () => {
    expect(named('Nice have been unable to win .')).toEqual([['Nice', 'organisation']]);
    expect(named('The dikes of the Netherlands are high .')).toEqual([['Netherlands', 'place', 'organisation']]);
  });

  it('a cricket score: "Essex 194-0", "Surrey 128-4"', () => {
    expect(named('Essex 194-0 ( G. Gooch 105 not out )\nSurrey 128-4')).toEqual([
      ['Essex', 'organisation'],
      ['Surrey', 'organisation'],
    ]);
  });

  it('nothing decides: the place first, the team offered', () => {
    expect(named('He was born in 1970 and lived near the old mill; Leeds grew.')).toEqual([['Leeds', 'place', 'organisation']]);
  });

  it('the page\'s choice holds for its undecided mentions; a dateline\'s does not', () => {
    expect(named('NICE , France 1996-08-30\nNice have been unable to win .\nBaratelli played for Nice .')).toEqual([
      ['NICE', 'place'],
      ['Nice', 'organisation'],
      ['Nice', 'organisation', 'place'],
    ]);
  });
});

describe('a place and a person of one name', () => {
  const named = namer(
    listOf(
      entity('jordan-place', 'Jordan', 'place'),
      entity('jordan-person', 'Jordan', 'person'),
      entity('washington-place', 'Washington', 'place'),
      entity('washington-person', 'Washington', 'person'),
    ),
  );

  it('"who", "whose" or an age after it is the person', () => {
    expect(named('Jordan , whose 1992 film came under fire , spoke .')).toEqual([['Jordan', 'person']]);
    expect(named('Washington , who climbed back from a 1-5 deficit , won .')).toEqual([['Washington', 'person']]);
    expect(named('" It was awful , " Jordan , 29 , told Reuters .')).toEqual([['Jordan', 'person']]);
  });

  it('", which" rules the person out', () => {
    expect(named('He said Jordan , which has blamed Iraq , will act .')).toEqual([['Jordan', 'place']]);
  });

  it('a dateline needs a date, a dash or "(" after its comma: "Jordan, whose film" opens a sentence', () => {
    expect(named('BIRMINGHAM , England 1996-08-31\nWASHINGTON , Aug 30 (Reuters) -')).toEqual([['WASHINGTON', 'place']]);
    expect(named('JORDAN , Montana ( AP ) -')).toEqual([['JORDAN', 'place']]);
    expect(named('Jordan , whose film opened , smiled .')).toEqual([['Jordan', 'person']]);
  });

  it('nothing decides: the place first, then the person the list knows by this one word', () => {
    expect(named('Markets expect that Washington will balance the budget .')).toEqual([['Washington', 'place', 'person']]);
  });

  it('a person chosen elsewhere on the page does not make another name a person', () => {
    expect(named('Mr Jordan arrived .\nMarkets expect that Washington will balance the budget .')).toEqual([
      ['Jordan', 'person'],
      ['Washington', 'place', 'person'],
    ]);
  });
});

describe('list entries that are no names on a page', () => {
  it('a day of the week is the day, unless the page reads it as a team', () => {
    const named = namer(listOf(entity('wednesday', 'Wednesday', 'organisation'), entity('leeds', 'Leeds', 'organisation')));
    expect(named('The minister said on Wednesday that Leeds would pay .')).toEqual([['Leeds', 'organisation']]);
    expect(named('Wednesday beat Leeds on Saturday .')).toEqual([
      ['Wednesday', 'organisation'],
      ['Leeds', 'organisation'],
    ]);
    expect(named('Leeds 1 Wednesday 2')).toEqual([
      ['Leeds', 'organisation'],
      ['Wednesday', 'organisation'],
    ]);
  });

  it('a day of the week the list asks for as written (exactCase) matches as written', () => {
    const named = namer(listOf(entity('wednesday', 'Wednesday Addams', 'person', [{ text: 'Wednesday', exactCase: true, needsContext: false }])));
    expect(named('On Wednesday it rained .')).toEqual([['Wednesday', 'person']]);
  });

  it('an article alone ("The") matches nothing, mid-sentence or after a quote', () => {
    const named = namer(listOf(entity('the', 'The', 'place'), entity('hague', 'The Hague', 'place')));
    expect(named('He said " The end is near " in The Hague .')).toEqual([['The Hague', 'place']]);
    const asWritten = namer(listOf(entity('the', 'The', 'organisation', [{ text: 'The', exactCase: true }])));
    expect(asWritten('He said " The end is near " .')).toEqual([['The', 'organisation']]);
  });
});
