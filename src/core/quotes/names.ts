// Names as news prose writes them: runs of capitalised words ("Foreign Minister Sergey Lavrov",
// "Royal United Services Institute", "William Lai Ching-te"), and the bare name inside them once
// the titles, possessive owners and a leading "The" are taken off.
import { TITLES } from '../matching/titles';

export interface NameRun {
  start: number;
  end: number;
  text: string;
}

// A capitalised word, with inner apostrophes, hyphens and dots ("O’Brien", "Ching-te", "U.S.").
const WORD = String.raw`\p{Lu}[\p{L}\p{M}\p{N}]*(?:[’'.-][\p{L}\p{M}\p{N}]+)*\.?(?:[’']s)?`;
const CONNECTOR = String.raw`(?:of|de|del|da|van|von|bin|al|du)`;
const RUN = new RegExp(String.raw`${WORD}(?:[ \u00a0](?:${CONNECTOR}[ \u00a0])?${WORD})*`, 'gu');

/** Capitalised-word runs of `text`, with offsets (relative to `text`). */
export function nameRuns(text: string): NameRun[] {
  const runs: NameRun[] = [];
  for (const m of text.matchAll(RUN)) {
    let value = m[0];
    // A connector at the end belongs to the prose, not the name.
    value = value.replace(/\s+$/u, '');
    runs.push({ start: m.index, end: m.index + value.length, text: value });
  }
  return runs;
}

const DETERMINERS = new Set(['the', 'a', 'an']);
// Words that sit before a title without being part of the name ("Foreign Minister", "Vice President").
const TITLE_PREFIXES = new Set(['foreign', 'prime', 'vice', 'deputy', 'defence', 'defense', 'finance', 'interior', 'state', 'former', 'acting', 'chief', 'senior', 'first', 'grand', 'supreme', 'crown', 'executive', 'general', 'attorney', 'press', 'white', 'house']);

export function isTitleWord(word: string): boolean {
  return TITLES.has(word.toLowerCase().replace(/\.$/u, ''));
}

export function isPossessive(word: string): boolean {
  return /[’']s$/u.test(word) || /s[’']$/u.test(word);
}

export interface BareName {
  /** The name alone, e.g. "Sergey Lavrov". Empty when the run held only a title or an owner. */
  name: string;
  /** Offset of the bare name inside the run's text. */
  offset: number;
  hadTitle: boolean;
  hadDeterminer: boolean;
  /** The run ends in a possessive ("Putin’s visit"): an owner, not a speaker. */
  possessive: boolean;
}

/** Takes off what precedes a name inside a run: owners ("Russia’s"), "The", titles and their qualifiers. */
export function bareName(run: string): BareName {
  const words = run.split(/[ \u00a0]+/u);
  let from = 0;
  for (let i = 0; i < words.length - 1; i++) if (isPossessive(words[i]!)) from = i + 1;
  let hadDeterminer = false;
  if (from < words.length && DETERMINERS.has(words[from]!.toLowerCase())) {
    hadDeterminer = true;
    from++;
  }
  let lastTitle = -1;
  for (let i = from; i < words.length - 1; i++) {
    if (isTitleWord(words[i]!)) lastTitle = i;
  }
  let hadTitle = false;
  if (lastTitle >= 0) {
    // Everything up to the title must be title words, qualifiers or demonyms ("Chinese President").
    hadTitle = true;
    from = lastTitle + 1;
  }
  while (from < words.length - 1 && TITLE_PREFIXES.has(words[from]!.toLowerCase()) && isTitleWord(words[from + 1]!)) from += 2;
  const kept = words.slice(from);
  const possessive = kept.length > 0 && isPossessive(kept[kept.length - 1]!);
  if (possessive) kept[kept.length - 1] = kept[kept.length - 1]!.replace(/[’']s?$/u, '');
  const prefix = words.slice(0, from).join(' ');
  return {
    name: kept.join(' '),
    offset: from === 0 ? 0 : prefix.length + 1,
    hadTitle,
    hadDeterminer,
    possessive,
  };
}

/** Case, accent and apostrophe folded key for comparing names. */
export function nameKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/gu, '')
    .replace(/[’‘`´]/gu, "'")
    .replace(/[‐-―]/gu, '-')
    .replace(/\s+/gu, ' ')
    .trim()
    .toLowerCase();
}
