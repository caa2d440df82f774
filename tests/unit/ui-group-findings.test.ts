import { describe, expect, it } from 'vitest';
import { groupFindings } from '../../src/ui/shared/group-findings';
import { KIND_ORDER, KIND_PALETTE } from '../../src/ui/shared/palette';

describe('groupFindings', () => {
  it('groups by kind in palette order, most mentioned first, empty kinds left out', () => {
    const groups = groupFindings([
      { id: 'beijing', name: 'Beijing', kind: 'place', count: 2 },
      { id: 'xi', name: 'Xi Jinping', kind: 'person', count: 2 },
      { id: 'putin', name: 'Vladimir Putin', kind: 'person', count: 5 },
      { id: 'c1', name: 'A new era', kind: 'claim', count: 1 },
      { id: 'lai', name: 'Lai Ching-te', kind: 'person', count: 2 },
    ]);
    expect(groups.map((g) => g.kind)).toEqual(['person', 'place', 'claim']);
    expect(groups[0]!.findings.map((f) => f.id)).toEqual(['putin', 'lai', 'xi']);
    expect(groups[0]!.total).toBe(9);
  });
  it('returns no groups for an empty page', () => {
    expect(groupFindings([])).toEqual([]);
  });
});

describe('palette', () => {
  it('gives every kind a distinct colour', () => {
    const colours = KIND_ORDER.map((k) => KIND_PALETTE[k].background);
    expect(new Set(colours).size).toBe(KIND_ORDER.length);
  });
});
