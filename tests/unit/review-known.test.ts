import { describe, expect, it } from 'vitest';
import type { ReviewEntity } from '../../src/core/extract';
import { knownInDossier } from '../../src/ui/review/known';
import { readHiddenKinds, hiddenKindsValue } from '../../src/shared/shown-kinds';

const entity = (id: string, name: string, kind: ReviewEntity['kind'], aliases: string[] = []): ReviewEntity =>
  ({ id, name, kind, aliases, context: '', sentence: '', mentions: 1 });

describe('knownInDossier', () => {
  const dossier = [
    { kind: 'person' as const, name: 'Volodymyr Zelenskyy', aliases: [{ text: 'Zelensky' }] },
    { kind: 'place' as const, name: 'Georgia', aliases: [] },
  ];
  it('finds an entity by its name or an alias, folded, and names what the dossier calls it', () => {
    const known = knownInDossier([entity('z', 'ZELENSKY', 'person'), entity('x', 'Xi Jinping', 'person')], dossier);
    expect([...known]).toEqual([['z', 'Volodymyr Zelenskyy']]);
  });
  it('does not take another kind with the same name for it', () => {
    expect(knownInDossier([entity('g', 'Georgia', 'person')], dossier).size).toBe(0);
    expect(knownInDossier([entity('g', 'Georgia', 'place')], dossier).get('g')).toBe('Georgia');
  });
});

describe('hidden kinds from storage', () => {
  it('keeps known kinds only, and reads anything else as none hidden', () => {
    expect([...readHiddenKinds(['claim', 'bogus', 'place'])]).toEqual(['place', 'claim']);
    expect(readHiddenKinds('claim').size).toBe(0);
    expect(readHiddenKinds(undefined).size).toBe(0);
    expect(hiddenKindsValue(new Set(['claim', 'person']))).toEqual(['person', 'claim']);
  });
});
