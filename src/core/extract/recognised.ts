// Entities by the trained recogniser (src/core/ner), in the shape the review list uses, with the
// roles the article gives them read from the words around each mention: the title before a
// person ("Russia’s Foreign Minister"), an age ("71-year-old"), an appositive (", a senior fellow at …,").
import type { Weights } from '../ner/model';
import { recognise } from '../ner/recognise';
import { groupMentions } from '../ner/group';
import { isTitleWord } from '../quotes/names';
import type { FoundEntity } from './found-entity';

const MAX_CONTEXTS = 3;

function titleBefore(text: string, start: number): string | undefined {
  const before = text.slice(Math.max(0, start - 80), start);
  const m = /((?:\p{Lu}[\p{L}\p{M}.-]*[’']s\s+)?(?:\p{Lu}[\p{L}\p{M}-]*\s+){0,3}\p{Lu}[\p{L}\p{M}-]*)\s+$/u.exec(before);
  if (!m) return undefined;
  const words = m[1]!.split(/\s+/u);
  const last = words[words.length - 1]!;
  return isTitleWord(last) ? m[1] : undefined;
}

function contextsOf(text: string, spans: readonly { start: number; end: number }[]): string[] {
  const out: string[] = [];
  const add = (c: string | undefined) => {
    if (c && !out.includes(c) && out.length < MAX_CONTEXTS) out.push(c);
  };
  for (const { start, end } of spans) {
    add(titleBefore(text, start));
    add(/(\d{1,3}-year-old)\s+$/u.exec(text.slice(Math.max(0, start - 20), start))?.[1]);
    add(/^,\s+((?:a|an|the)\s[^,.;“”"\n]{3,120}?)(?=[,.;]|\s+(?:told|said|says)\b)/u.exec(text.slice(end, end + 160))?.[1]);
    if (out.length >= MAX_CONTEXTS) break;
  }
  return out;
}

export function recogniseEntities(text: string, model: Weights): FoundEntity[] {
  return groupMentions(recognise(text, model)).map((e) => ({
    name: e.name,
    kind: e.kind,
    aliases: e.aliases,
    contexts: e.kind === 'person' ? contextsOf(text, e.spans) : [],
    firstOffset: e.firstOffset,
    mentions: e.mentions,
  }));
}
