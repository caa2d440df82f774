// Lists of aliases for the benches: the seed list's names and aliases, topped up with synthetic
// names that look like real ones (syllable-built given names and surnames, two-word people,
// organisations ending in a common noun), so the automaton sees realistic shapes and overlaps.
import { SEED } from '../../../src/data/seed';
import type { Entity, EntityList } from '../../../src/core/types';
import { seededRandom, type Random } from './random';

const ONSETS = ['b', 'br', 'c', 'ch', 'd', 'f', 'g', 'gr', 'h', 'j', 'k', 'kh', 'l', 'm', 'n', 'p', 'r', 's', 'sh', 'st', 't', 'tr', 'v', 'w', 'y', 'z', 'zh', ''];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ei', 'ia', 'ou', 'y'];
const CODAS = ['', '', '', 'n', 'r', 's', 'l', 'k', 'm', 'v', 'ng', 'sk', 'tz'];
const ORG_NOUNS = ['Institute', 'Party', 'Council', 'Agency', 'Group', 'Bank', 'Foundation', 'Ministry', 'Union', 'Front'];

function syllable(random: Random): string {
  return ONSETS[random(ONSETS.length)]! + VOWELS[random(VOWELS.length)]! + CODAS[random(CODAS.length)]!;
}

function nameWord(random: Random): string {
  let word = '';
  for (let n = 2 + random(2); n > 0; n--) word += syllable(random);
  return word[0]!.toUpperCase() + word.slice(1);
}

/** A name-like alias: a surname (40%), given name + surname (50%), or an organisation (10%). */
export function syntheticName(random: Random): string {
  const roll = random(10);
  if (roll < 4) return nameWord(random);
  if (roll < 9) return `${nameWord(random)} ${nameWord(random)}`;
  return `${nameWord(random)} ${ORG_NOUNS[random(ORG_NOUNS.length)]}`;
}

/** Every name and alias of the seed list, as written (the seed's own flags dropped). */
export function seedAliases(): string[] {
  return SEED.entities.flatMap((e) => [e.name, ...e.aliases.map((a) => a.text)]);
}

/**
 * `count` distinct aliases (case-insensitively): the seed's first, then synthetic ones. A word of
 * 1-2 letters is left out: as a case-insensitive alias it would be noise nobody would keep.
 */
export function benchAliases(count: number, seed = 42): string[] {
  const random = seededRandom(seed);
  const seen = new Set<string>();
  const out: string[] = [];
  const add = (alias: string): void => {
    const key = alias.toLowerCase();
    if (alias.length < 3 || seen.has(key) || out.length >= count) return;
    seen.add(key);
    out.push(alias);
  };
  for (const alias of seedAliases()) add(alias);
  while (out.length < count) add(syntheticName(random));
  return out;
}

const provenance = { outlet: 'Bench', title: 'Bench', date: '2024-05-16', sentence: 'Bench.' };

/** One entity per alias, named by it, no flags: the matcher then means "find these words". */
export function listOfAliases(aliases: readonly string[]): EntityList {
  const entities: Entity[] = aliases.map((name, i) => ({
    id: `bench-${i}`,
    name,
    kind: i % 3 === 0 ? 'person' : i % 3 === 1 ? 'organisation' : 'place',
    aliases: [],
    context: '',
    provenance,
  }));
  return { version: 1, entities, claims: [], quotes: [], distinct: [] };
}

const FILLER = (
  'the of and to in a is that for it as was with be by on not he this are or his from at which but ' +
  'have an they you were her she there been one all we their has would when who will more if no out ' +
  'so said what up its about into than them can only other new some could time these two may then do ' +
  'first any my now such like our over man me even most made after also did many before must through ' +
  'years where much your way well down should because each just those people how too little state ' +
  'good very make world still own see men work long get here between both life being under never day ' +
  'same another know while last might us great old year off come since against go came right used take ' +
  'three minister talks summit border election troops treaty economy president government reported'
).split(' ');

/**
 * News-like text of about `chars` characters: filler words in sentences, with one alias of
 * `aliases` every ~`every` words, sometimes in capitals (headlines), sometimes possessive.
 */
export function syntheticText(aliases: readonly string[], chars: number, every = 40, seed = 7): string {
  const random = seededRandom(seed);
  const parts: string[] = [];
  let length = 0;
  let wordsInSentence = 0;
  while (length < chars) {
    let word: string;
    if (random(every) === 0) {
      word = aliases[random(aliases.length)]!;
      if (random(10) === 0) word = word.toUpperCase();
      if (random(8) === 0) word += "'s";
    } else {
      word = FILLER[random(FILLER.length)]!;
      if (wordsInSentence === 0) word = word[0]!.toUpperCase() + word.slice(1);
    }
    wordsInSentence++;
    let sep = ' ';
    if (wordsInSentence > 8 + random(14)) {
      sep = random(6) === 0 ? '.\n\n' : '. ';
      wordsInSentence = 0;
    } else if (random(12) === 0) sep = ', ';
    parts.push(word, sep);
    length += word.length + sep.length;
  }
  return parts.join('');
}
