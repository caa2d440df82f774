// The "lists people make" test of `dossier eval` (issue 17): how it reads CoNLL, builds the list,
// scores mentions, and names the cause of each error for the next person.
import { describe, expect, it } from 'vitest';
import { listFromGold, readCoNLL, scoreDocuments } from '../../src/cli/eval/eval-case';

/** Two-column CoNLL (token, tag), as ../shared/data/ner holds it. */
function conll(...docs: string[][]): string {
  return docs.map((lines) => ['-DOCSTART- O', '', ...lines].join('\n')).join('\n\n') + '\n';
}

const SPORT = [
  'Leeds B-ORG', 'beat O', 'Wigan B-ORG', 'in O', 'the O', 'U.S. B-MISC', 'Open I-MISC', '. O',
  '',
  'John B-PER', 'Major I-PER', 'watched O', 'in O', 'Leeds B-LOC', '. O',
  '',
  'Major B-PER', 'said O', 'the O', 'U.S. B-LOC', 'team O', 'lost O', '. O',
];

describe('reading CoNLL-2003', () => {
  it('joins tokens by spaces and sentences by lines; gold spans of persons, organisations and places; MISC kept apart', () => {
    const [doc] = readCoNLL(conll(SPORT));
    expect(doc!.text.split('\n')[0]).toBe('Leeds beat Wigan in the U.S. Open .');
    expect(doc!.mentions.map((m) => [m.text, m.kind])).toEqual([
      ['Leeds', 'organisation'],
      ['Wigan', 'organisation'],
      ['John Major', 'person'],
      ['Leeds', 'place'],
      ['Major', 'person'],
      ['U.S.', 'place'],
    ]);
    expect(doc!.misc.map((m) => doc!.text.slice(m.start, m.end))).toEqual(['U.S. Open']);
  });

  it('the list: one unflagged entity per name and kind, persons with their surname', () => {
    const list = listFromGold(readCoNLL(conll(SPORT)));
    const major = list.entities.find((e) => e.name === 'John Major');
    expect(major?.aliases).toEqual([{ text: 'Major' }]);
    expect(list.entities.filter((e) => e.name === 'Leeds').map((e) => e.kind).sort()).toEqual(['organisation', 'place']);
    expect(list.entities.every((e) => e.aliases.every((a) => a.exactCase === undefined && a.needsContext === undefined))).toBe(true);
  });
});

describe('scoring and the causes of errors', () => {
  it('a mention is right when span and kind equal a gold mention; each error has a cause', () => {
    // The gold calls this Wigan the place; its plural verb makes it the team for the matcher.
    const docs = readCoNLL(conll([...SPORT, '', 'Wigan B-LOC', 'have O', 'snow O', '. O']));
    const score = scoreDocuments(docs);
    expect(score.gold).toBe(7);
    expect(score.falseMentions.map((g) => [g.cause, g.examples])).toEqual([
      ['the gold name, another kind (a city as its team)', [['Wigan/organisation', 1]]],
    ]);
    expect(score.missed.map((g) => [g.cause, g.examples])).toEqual([['found as another kind', [['Wigan/place', 1]]]]);
    expect(score.right).toBe(6);
    expect(score.found).toBe(7);
    expect(score.precision).toBeCloseTo(6 / 7);
  });
});
