// Names in a text, by the trained recogniser: the text is cut into blocks (lines) and sentences,
// tagged, and the tagged spans become mentions with a kind (PER, ORG, LOC, MISC).
import { prepareDocument, tagSentence, type Weights } from './model';
import { spansOf } from './conll';
import { tokenize, type Token } from './tokens';
import { furnitureSpans, inFurniture } from '../text/furniture';

export type NerKind = 'PER' | 'ORG' | 'LOC' | 'MISC';

export interface NerMention {
  text: string;
  kind: NerKind;
  start: number;
  end: number;
  /** Index of the sentence the mention stands in (sentences counted over the whole text). */
  sentence: number;
}

const NO_END_BEFORE = /^(?:\p{Ll}|[,;:)\]”’"'])/u;

/** Sentences as token lists: every line is a block of its own, and . ! ? end a sentence before a word that is no lowercase continuation. */
export function tokenSentences(text: string): Token[][] {
  const out: Token[][] = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const tokens = tokenize(text, lineStart, lineEnd);
    let current: Token[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      current.push(t);
      const next = tokens[i + 1];
      const closesQuote = next && /^[”’"')\]]$/u.test(next.text);
      if (/^[.!?…]$/u.test(t.text) && next && !closesQuote && !NO_END_BEFORE.test(next.text)) {
        out.push(current);
        current = [];
      } else if (closesQuote && /^[.!?]$/u.test(t.text) && tokens[i + 2] && !NO_END_BEFORE.test(tokens[i + 2]!.text)) {
        current.push(next);
        i++;
        out.push(current);
        current = [];
      }
      // Very long runs without a full stop (tables, menus) are cut so tagging stays linear.
      if (current.length >= 120) {
        out.push(current);
        current = [];
      }
    }
    if (current.length > 0) out.push(current);
    lineStart = lineEnd + 1;
  }
  return out;
}

export function recognise(text: string, model: Weights): NerMention[] {
  const sentences = tokenSentences(text);
  const prepared = prepareDocument(sentences.map((s) => s.map((t) => t.text)));
  const out: NerMention[] = [];
  const furniture = furnitureSpans(text);
  // Transition scores depend on the previous tag and the word only: shared across the text.
  const cache = new Map<string, Float64Array>();
  prepared.forEach((p, si) => {
    const tokens = sentences[si]!;
    for (const span of spansOf(tagSentence(model, p, cache))) {
      const start = tokens[span.from]!.start;
      const end = tokens[span.to - 1]!.end;
      // Bylines, credits and "Published On" stamps name no one in the story.
      if (!inFurniture(furniture, start, end)) out.push({ text: text.slice(start, end), kind: span.kind as NerKind, start, end, sentence: si });
    }
  });
  return out;
}
