// Maps a speaker's name as written to a known entity: full name, alias, or (for people) the
// surname or a given name standing alone, which news prose uses after the first mention.
import type { EntityKind, EntityList } from '../types';
import { nameKey } from './names';

export interface KnownSpeaker {
  id: string;
  kind: EntityKind;
}

export type ResolveSpeaker = (name: string) => KnownSpeaker | undefined;

export interface NamedThing {
  id: string;
  kind: EntityKind;
  names: readonly string[];
}

export function speakerResolver(things: readonly NamedThing[]): ResolveSpeaker {
  const exact = new Map<string, KnownSpeaker>();
  const partial = new Map<string, KnownSpeaker | null>(); // null: shared by two people, ambiguous
  for (const thing of things) {
    const ref = { id: thing.id, kind: thing.kind };
    for (const name of thing.names) {
      exact.set(nameKey(name), ref);
      if (thing.kind !== 'person') continue;
      for (const word of nameKey(name).split(' ')) {
        if (word.length < 2) continue;
        const seen = partial.get(word);
        partial.set(word, seen === undefined || seen?.id === ref.id ? ref : null);
      }
    }
  }
  return (name) => {
    const key = nameKey(name);
    return exact.get(key) ?? (key.includes(' ') ? undefined : partial.get(key) ?? undefined);
  };
}

export function speakerResolverFromList(list: EntityList): ResolveSpeaker {
  return speakerResolver(list.entities.map((e) => ({ id: e.id, kind: e.kind, names: [e.name, ...e.aliases.map((a) => a.text)] })));
}
