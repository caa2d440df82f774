// Word weights (inverse document frequency) learnt from the training sentences: a rare shared word
// says more than a common one. Words seen once or never get the weight of a word seen once.

/** As stored: "word weight" lines, weight to two decimals; `rare` for any other word. */
export interface WeightData {
  words: string;
  rare: number;
}

export function weightFunction(data: WeightData): (word: string) => number {
  const map = new Map<string, number>();
  for (const line of data.words.split('\n')) {
    const [word, value] = line.split(' ');
    if (word && value) map.set(word, Number(value));
  }
  return (word) => map.get(word) ?? data.rare;
}

/** Weights from the content words of these sentences (one document each). */
export function learnWeights(documents: readonly (readonly string[])[]): WeightData {
  const df = new Map<string, number>();
  for (const words of documents) for (const w of new Set(words)) df.set(w, (df.get(w) ?? 0) + 1);
  const n = documents.length;
  const idf = (d: number) => Math.round(Math.log((n + 1) / (d + 1)) * 100) / 100;
  const lines = [...df].filter(([, d]) => d >= 2).sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([w, d]) => `${w} ${idf(d)}`);
  return { words: lines.join('\n'), rare: idf(1) };
}
