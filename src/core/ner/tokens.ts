// Words and punctuation of a text with their offsets, cut the way CoNLL-2003 cuts Reuters text
// ("U.S." one token, "Putin's" two, "1996-08-22" one), so the recogniser sees pages as it saw
// its training data.

export interface Token {
  text: string;
  start: number;
  end: number;
}

const TOKEN = new RegExp(
  [
    String.raw`(?:\p{L}\.){2,}`, // U.S., U.N.
    String.raw`\p{Lu}\.(?=\s|$)`, // an initial: "C. Lewis"
    String.raw`(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Sen|Rep|Gov|Lt|Col|Capt|Sgt|Prof|Rev|Inc|Ltd|Co|Corp|No|Jan|Feb|Mar|Apr|Aug|Sept|Sep|Oct|Nov|Dec)\.(?=\s)`,
    String.raw`[\p{L}\p{M}\p{N}]+(?:(?:[.,&/:-]|[’'](?![sS]\b))[\p{L}\p{M}\p{N}]+)*`,
    String.raw`[’'][sS]\b`,
    String.raw`\S`,
  ].join('|'),
  'gu',
);

export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const out: Token[] = [];
  const slice = text.slice(from, to);
  for (const m of slice.matchAll(TOKEN)) out.push({ text: m[0], start: from + m.index, end: from + m.index + m[0].length });
  return out;
}
