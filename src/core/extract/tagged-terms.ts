// compromise's part-of-speech and entity tags, looked up by text offset, so our own name runs
// (which split "Ralston/Pool" and keep "Ching-te" whole) can ask what a word is.
import nlp from 'compromise';

export interface TaggedTerm {
  start: number;
  end: number;
  tags: ReadonlySet<string>;
}

interface CompromiseTerm {
  offset?: { start: number; length: number };
  tags?: string[];
}

export function tagTerms(text: string): TaggedTerm[] {
  const sentences = nlp(text).json({ offset: true }) as { terms?: CompromiseTerm[] }[];
  const terms: TaggedTerm[] = [];
  for (const sentence of sentences) {
    for (const term of sentence.terms ?? []) {
      if (!term.offset) continue;
      terms.push({ start: term.offset.start, end: term.offset.start + term.offset.length, tags: new Set(term.tags ?? []) });
    }
  }
  return terms.sort((a, b) => a.start - b.start);
}

/** Tags of the term covering `offset`, by binary search over the sorted terms. */
export function tagsAt(terms: readonly TaggedTerm[], offset: number): ReadonlySet<string> {
  let lo = 0;
  let hi = terms.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const term = terms[mid]!;
    if (offset < term.start) hi = mid - 1;
    else if (offset >= term.end) lo = mid + 1;
    else return term.tags;
  }
  return new Set();
}
