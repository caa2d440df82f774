import { expect, it } from 'vitest';
import { createMatcher } from '../../src/core/matching/matcher';
import type { Entity, EntityList } from '../../src/core/types';

const provenance = { outlet: 'Test', title: 'Test', date: '2024-05-16', sentence: 'Test.' };

it('finds exactly the inserted names among 10,000 aliases', () => {
  let seed = 7;
  const random = (n: number): number => {
    // mulberry32: the low bits of a plain LCG repeat too soon for `% n`
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
  const letters = 'abcdefghijklmnopqrstuvwxyzéø';
  const word = (): string => {
    let w = '';
    for (let n = 3 + random(8); n > 0; n--) w += letters[random(letters.length)];
    return w[0]!.toUpperCase() + w.slice(1);
  };
  const seen = new Set<string>();
  const entities: Entity[] = [];
  while (entities.length < 10_000) {
    const name = random(3) === 0 ? `${word()} ${word()}` : word();
    if (seen.has(name.toLowerCase())) continue;
    seen.add(name.toLowerCase());
    const exactCase = random(10) === 0;
    entities.push({
      id: `e${entities.length}`,
      name: `Entity ${entities.length}`,
      kind: 'organisation',
      aliases: [{ text: name, exactCase }],
      context: '',
      provenance,
    });
  }
  const list: EntityList = { version: 1, entities, claims: [], quotes: [], distinct: [] };
  const matcher = createMatcher(list);

  let text = '';
  const expected: [string, number][] = [];
  for (let k = 0; k < 500; k++) {
    let filler = word();
    while (seen.has(filler.toLowerCase())) filler = word();
    text += `${filler} ${random(100)}, `;
    const e = entities[random(entities.length)]!;
    const alias = e.aliases[0]!;
    const shouting = random(2) === 0;
    const written = shouting ? alias.text.toUpperCase() : alias.text;
    if (!(shouting && alias.exactCase && written !== alias.text)) expected.push([e.id, text.length]);
    text += `${written}, `;
  }
  const found = matcher.findMentions(text).map((m): [string, number] => [m.entityId, m.start]);
  expect(found).toEqual(expected);
});
