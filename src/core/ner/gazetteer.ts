// Names the recogniser may know before it reads: compromise's lexicon of cities, countries,
// organisations, sports teams, given names and surnames (some 5,000 entries, kept well by the
// compromise project). It fires as features, so the model learns how far to trust each list; on
// today's pages it knows "Kyiv" or "Al Jazeera", which 1996 Reuters text never wrote.
import nlp from 'compromise';

export type GazClass = 'LOC' | 'ORG' | 'FN' | 'LN' | 'PER' | 'DEM';

const CLASSES: Record<string, GazClass> = {
  City: 'LOC', Country: 'LOC', Region: 'LOC', Place: 'LOC', State: 'LOC',
  Organization: 'ORG', SportsTeam: 'ORG', Company: 'ORG',
  FirstName: 'FN', MaleName: 'FN', FemaleName: 'FN',
  LastName: 'LN', Person: 'PER', Demonym: 'DEM',
};

let table: Map<string, GazClass> | undefined;
let longest = 1;

/** Lowercased phrase → class. */
export function gazetteer(): Map<string, GazClass> {
  if (!table) {
    table = new Map();
    const lexicon = (nlp as unknown as { model(): { one: { lexicon: Record<string, string | string[]> } } }).model().one.lexicon;
    for (const [phrase, tag] of Object.entries(lexicon)) {
      const tags = Array.isArray(tag) ? tag : [tag];
      const cls = tags.map((t) => CLASSES[t]).find((c) => c !== undefined);
      if (!cls) continue;
      table.set(phrase, cls);
      longest = Math.max(longest, Math.min(4, phrase.split(' ').length));
    }
  }
  return table;
}

/** Gazetteer features of every word: for each listed phrase of up to four words covering it, its class and the word's place in it. */
export function gazetteerFeatures(lowers: readonly string[]): string[][] {
  const gaz = gazetteer();
  const out: string[][] = lowers.map(() => []);
  for (let i = 0; i < lowers.length; i++) {
    for (let n = Math.min(longest, lowers.length - i); n >= 1; n--) {
      const cls = gaz.get(n === 1 ? lowers[i]! : lowers.slice(i, i + n).join(' '));
      if (!cls) continue;
      for (let k = 0; k < n; k++) out[i + k]!.push(`g=${cls}`, `g${n === 1 ? 'U' : k === 0 ? 'B' : k === n - 1 ? 'L' : 'I'}=${cls}`);
      break;
    }
  }
  return out;
}
