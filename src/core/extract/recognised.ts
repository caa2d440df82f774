// Entities by the trained recogniser (src/core/ner), in the shape the review list uses.
import type { Weights } from '../ner/model';
import { recognise } from '../ner/recognise';
import { groupMentions } from '../ner/group';
import type { FoundEntity } from './entities';

export function recogniseEntities(text: string, model: Weights): FoundEntity[] {
  return groupMentions(recognise(text, model)).map((e) => ({
    name: e.name,
    kind: e.kind,
    aliases: e.aliases,
    contexts: [],
    firstOffset: e.firstOffset,
    mentions: e.mentions,
  }));
}
