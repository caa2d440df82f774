// The content script compiles a list in resumable steps (createMatcherSteps), giving the page its
// turn between them. The steps must build the same matcher as createMatcher, and a big list must
// really be cut into steps (else a 10,000-name list is one long task in every page).
import { describe, expect, it } from 'vitest';
import { createMatcher, createMatcherSteps, type Matcher } from '../../src/core/matching/matcher';
import type { Entity, EntityList } from '../../src/core/types';
import { SEED } from '../../src/data/seed';
import { readFileSync } from 'node:fs';

const SEED_ARTICLE = readFileSync(new URL('../../src/data/seed-article.txt', import.meta.url), 'utf8');
const provenance = { outlet: 'Test', title: 'Test', date: '2024-05-16', sentence: 'Test.' };

function bigList(size: number): EntityList {
  const entities: Entity[] = [];
  for (let i = 0; i < size; i++) {
    // Distinct made-up names: a base-26 "surname" and a fixed given name.
    let n = i;
    let surname = '';
    do {
      surname += String.fromCharCode(97 + (n % 26));
      n = Math.floor(n / 26);
    } while (n > 0);
    const name = `Ann ${surname[0]!.toUpperCase()}${surname.slice(1)}ovich`;
    entities.push({ id: `e${i}`, name, kind: 'person', aliases: [], context: '', provenance });
  }
  return { version: 1, entities, claims: SEED.claims, quotes: [], distinct: [] };
}

/** Runs the steps to the end, counting the pauses. */
function stepped(list: EntityList): { matcher: Matcher; pauses: number } {
  const steps = createMatcherSteps(list);
  let pauses = 0;
  for (;;) {
    const step = steps.next();
    if (step.done) return { matcher: step.value, pauses };
    pauses++;
  }
}

describe('compiling in steps', () => {
  it('builds the same matcher as createMatcher (seed list, seed article)', () => {
    const { matcher } = stepped(SEED);
    const direct = createMatcher(SEED);
    expect(matcher.scan(SEED_ARTICLE)).toEqual(direct.scan(SEED_ARTICLE));
    expect(matcher.findClaims(SEED_ARTICLE)).toEqual(direct.findClaims(SEED_ARTICLE));
  });

  it('pauses many times for 10,000 names, and still finds them', () => {
    const list = bigList(10_000);
    const { matcher, pauses } = stepped(list);
    expect(pauses).toBeGreaterThan(10);
    const text = `Yesterday ${list.entities[1234]!.name} met ${list.entities[9876]!.name} in Geneva.`;
    expect(matcher.findMentions(text).map((m) => m.entityId)).toEqual(['e1234', 'e9876']);
    expect(matcher.scan(text)).toEqual(createMatcher(list).scan(text));
  });

  it('does not pause for a short list', () => {
    expect(stepped(bigList(20)).pauses).toBe(0);
  });
});
