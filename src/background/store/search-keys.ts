// Keys for the entity search index. Folded here, not in the query code, so the index and the
// query can never disagree on what "the same" text is.
import { foldForSearch } from '../../core/text/search-fold';
import type { Entity } from '../../core/types';

export { foldForSearch };

/**
 * Every name and alias, each also from each later word on, so "putin" and "vlad" both find
 * "Vladimir Putin" with a plain prefix range over the index.
 */
export function searchKeysOf(entity: Pick<Entity, 'name' | 'aliases'>): string[] {
  const keys = new Set<string>();
  for (const text of [entity.name, ...entity.aliases.map((a) => a.text)]) {
    const words = foldForSearch(text).split(' ').filter(Boolean);
    for (let i = 0; i < words.length; i++) keys.add(words.slice(i).join(' '));
  }
  return [...keys];
}
