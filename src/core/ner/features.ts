// What the recogniser looks at for one word: the word, its case shape, prefixes and suffixes, its
// neighbours, where it stands in the sentence, whether the sentence is an all-capitals headline
// ("RUSSIA SAYS …"), and how the same word is written elsewhere in the document (a headline's
// "LONDON" is "London" in the prose). Training and tagging share this file, so they cannot drift.

/** The sentences of one document, as words, with what the document says about each word's case. */
export interface DocWords {
  sentences: string[][];
}

export type CaseHabit = 'T' | 'L' | 'U' | 'N';

const isUpper = (w: string) => /\p{Lu}/u.test(w) && !/\p{Ll}/u.test(w);
const isTitle = (w: string) => /^\p{Lu}/u.test(w) && /\p{Ll}/u.test(w);
const isLower = (w: string) => /^\p{Ll}/u.test(w);

export function norm(word: string): string {
  return word.toLowerCase().replace(/[’‘]/gu, "'").replace(/\d/gu, '0');
}

/** A sentence written in capitals: a headline, whose case says nothing about names. */
export function isHeadline(words: readonly string[]): boolean {
  let letters = 0;
  let upper = 0;
  for (const w of words) {
    if (!/\p{L}{2}/u.test(w)) continue;
    letters++;
    if (isUpper(w)) upper++;
  }
  return letters >= 2 && upper / letters > 0.7;
}

/** How each word (lowercased) is written mid-sentence in running prose of the document. */
export function caseHabits(doc: DocWords): Map<string, CaseHabit> {
  const counts = new Map<string, [number, number, number]>();
  for (const s of doc.sentences) {
    if (isHeadline(s)) continue;
    for (let i = 1; i < s.length; i++) {
      const w = s[i]!;
      if (!/\p{L}/u.test(w)) continue;
      // After an opening quote or a colon a capital says nothing.
      if (/^["“‘'(:-]$/u.test(s[i - 1]!)) continue;
      const key = norm(w);
      const c = counts.get(key) ?? [0, 0, 0];
      if (isTitle(w)) c[0]++;
      else if (isLower(w)) c[1]++;
      else if (isUpper(w)) c[2]++;
      counts.set(key, c);
    }
  }
  const out = new Map<string, CaseHabit>();
  for (const [k, [t, l, u]] of counts) out.set(k, t > l && t >= u ? 'T' : l >= t && l > 0 ? 'L' : u > 0 ? 'U' : 'N');
  return out;
}

function charClass(ch: string): string {
  const lower = ch.toLowerCase();
  const upper = ch.toUpperCase();
  if (lower !== upper) return ch === upper ? 'X' : 'x';
  return ch >= '0' && ch <= '9' ? 'd' : ch;
}

export function shape(word: string): string {
  let s = '';
  for (const ch of word) {
    if (s.length >= 8) break;
    s += charClass(ch);
  }
  return s;
}

export function shortShape(word: string): string {
  let s = '';
  let last = '';
  for (const ch of word) {
    const c = charClass(ch);
    if (c !== last) s += c;
    last = c;
  }
  return s;
}

const BOS = ['<s>', '<s>'];
const EOS = ['</s>', '</s>'];

/** The features of a word on its own (cached per document: words repeat). */
export function ownFeatures(w: string, headline: boolean, habits: ReadonlyMap<string, CaseHabit>): string[] {
  const l = norm(w);
  const sh = headline ? 'H' : shortShape(w);
  const habit = habits.get(l) ?? 'N';
  const f = [
    'b',
    'l=' + l,
    's=' + sh,
    'S=' + (headline ? 'H' : shape(w)),
    'h=' + habit,
    'hs=' + habit + sh,
    'p1=' + l.slice(0, 1), 'p2=' + l.slice(0, 2), 'p3=' + l.slice(0, 3),
    'x1=' + l.slice(-1), 'x2=' + l.slice(-2), 'x3=' + l.slice(-3), 'x4=' + l.slice(-4),
    'len=' + Math.min(l.length, 8),
  ];
  if (headline) f.push('H|l=' + l);
  return f;
}

/**
 * The features of word i that depend on its neighbours and place. `habits` is the document's
 * case habits; the tag features are added while decoding (see model.ts).
 */
export function contextFeatures(words: readonly string[], i: number, headline: boolean, habits: ReadonlyMap<string, CaseHabit>): string[] {
  const w = words[i]!;
  const l = norm(w);
  const at = (k: number) => (k < 0 ? BOS[-k - 1]! : k >= words.length ? EOS[k - words.length]! : norm(words[k]!));
  const sh = headline ? 'H' : shortShape(w);
  const habit = habits.get(l) ?? 'N';
  const f = [
    'l-1=' + at(i - 1), 'l+1=' + at(i + 1), 'l-2=' + at(i - 2), 'l+2=' + at(i + 2),
    'l-1l=' + at(i - 1) + '|' + l, 'll+1=' + l + '|' + at(i + 1),
    'l-2-1=' + at(i - 2) + '|' + at(i - 1), 'l+1+2=' + at(i + 1) + '|' + at(i + 2),
    's-1=' + (i > 0 ? (headline ? 'H' : shortShape(words[i - 1]!)) : '<s>'),
    's+1=' + (i + 1 < words.length ? (headline ? 'H' : shortShape(words[i + 1]!)) : '</s>'),
    's-1s+1=' + (i > 0 ? shortShape(words[i - 1]!) : '<s>') + '|' + sh + '|' + (i + 1 < words.length ? shortShape(words[i + 1]!) : '</s>'),
    'h-1=' + (i > 0 ? habits.get(norm(words[i - 1]!)) ?? 'N' : '<s>') + habit,
    'h+1=' + habit + (i + 1 < words.length ? habits.get(norm(words[i + 1]!)) ?? 'N' : '</s>'),
  ];
  if (i === 0) f.push('first', 'first|s=' + sh, 'first|h=' + habit);
  if (i === words.length - 1) f.push('last');
  if (words.length === 1 || (words.length <= 3 && i === 0)) f.push('short|s=' + sh);
  return f;
}
