// Reading CoNLL-2003 files (one "token tag" a line, blank lines between sentences, -DOCSTART-
// between documents): for training and for the dev-split evaluation.

export interface ConllDocument {
  sentences: { words: string[]; tags: string[] }[];
}

export function parseConll(text: string): ConllDocument[] {
  const docs: ConllDocument[] = [];
  let doc: ConllDocument | undefined;
  let sentence: { words: string[]; tags: string[] } = { words: [], tags: [] };
  const flush = () => {
    if (sentence.words.length > 0) {
      if (!doc) docs.push((doc = { sentences: [] }));
      doc.sentences.push(sentence);
    }
    sentence = { words: [], tags: [] };
  };
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '') {
      flush();
      continue;
    }
    const parts = line.split(/\s+/u);
    if (parts[0] === '-DOCSTART-') {
      flush();
      docs.push((doc = { sentences: [] }));
      continue;
    }
    sentence.words.push(parts[0]!);
    sentence.tags.push(parts[parts.length - 1]!);
  }
  flush();
  return docs.filter((d) => d.sentences.length > 0);
}

/** Entity spans of a BIO tag sequence: [kind, from, to) with kind PER/ORG/LOC/MISC. */
export function spansOf(tags: readonly string[]): { kind: string; from: number; to: number }[] {
  const out: { kind: string; from: number; to: number }[] = [];
  for (let i = 0; i < tags.length; i++) {
    const t = tags[i]!;
    if (t === 'O') continue;
    const kind = t.slice(2);
    let j = i + 1;
    while (j < tags.length && tags[j] === 'I-' + kind) j++;
    out.push({ kind, from: i, to: j });
    i = j - 1;
  }
  return out;
}
