import { describe, expect, it } from 'vitest';
import { parseEntityList } from '../../src/core/list/entity-list';

const provenance = { outlet: 'Al Jazeera', title: 'A title', date: '2024-05-16', sentence: 'Putin met Xi.' };

/** A small valid list; each test breaks one thing in a fresh copy. */
function validList() {
  return {
    version: 1,
    entities: [
      { id: 'vladimir-putin', name: 'Vladimir Putin', kind: 'person', aliases: [{ text: 'Putin' }], context: 'Russian President', provenance },
      { id: 'xi-jinping', name: 'Xi Jinping', kind: 'person', aliases: [{ text: 'Xi', exactCase: true, needsContext: true }], context: '', provenance },
    ],
    claims: [
      { id: 'met', statement: 'They met.', entities: ['vladimir-putin', 'xi-jinping'], cues: [['met'], ['Putin', 'Xi']], provenance },
    ],
    quotes: [{ id: 'q1', text: 'old friend', speaker: 'xi-jinping', mentions: ['vladimir-putin'], provenance }],
    distinct: [{ text: 'National Security Council', note: 'US body' }],
  };
}

function errorFor(value: unknown): string {
  const result = parseEntityList(value);
  if (result.ok) throw new Error('expected the list to be refused');
  return result.error;
}

describe('parseEntityList', () => {
  it('accepts a valid list and returns the same data', () => {
    expect(parseEntityList(validList())).toEqual({ ok: true, list: validList() });
  });

  it('accepts a minimal empty list', () => {
    const empty = { version: 1, entities: [], claims: [], quotes: [], distinct: [] };
    expect(parseEntityList(empty)).toEqual({ ok: true, list: empty });
  });

  it('drops fields it does not know, so they cannot ride along into storage', () => {
    const list = validList();
    Object.assign(list.entities[0]!, { extra: '<img onerror=alert(1)>' });
    const result = parseEntityList(list);
    expect(result.ok && Object.keys(result.list.entities[0]!)).not.toContain('extra');
  });

  it.each([
    ['null', null, 'list: expected an object'],
    ['an array of entities', [], 'list: expected an object'],
    ['a string', '{}', 'list: expected an object'],
  ])('refuses %s as the list', (_label, value, error) => {
    expect(errorFor(value)).toBe(error);
  });

  it('refuses an unknown version', () => {
    expect(errorFor({ ...validList(), version: 2 })).toBe('version: expected 1');
  });

  it('refuses a missing collection', () => {
    const { claims: _claims, ...rest } = validList();
    expect(errorFor(rest)).toBe('claims: expected an array');
  });

  it('names the item and field of a wrong alias', () => {
    const list = validList();
    list.entities[1]!.aliases.push({ text: '  ' } as never);
    expect(errorFor(list)).toBe('entities[1].aliases[1].text: expected a non-empty string');
  });

  it('refuses a non-boolean flag', () => {
    const list = validList();
    (list.entities[0]!.aliases[0] as Record<string, unknown>).exactCase = 'yes';
    expect(errorFor(list)).toBe('entities[0].aliases[0].exactCase: expected true or false');
  });

  it('refuses an unknown kind', () => {
    const list = validList();
    list.entities[0]!.kind = 'company';
    expect(errorFor(list)).toBe('entities[0].kind: expected one of person, organisation, place');
  });

  it('refuses duplicate entity ids, naming both', () => {
    const list = validList();
    list.entities[1]!.id = 'vladimir-putin';
    expect(errorFor(list)).toBe('entities[1].id: duplicate id "vladimir-putin" (also entities[0])');
  });

  it('refuses duplicate claim ids', () => {
    const list = validList();
    list.claims.push({ ...list.claims[0]! });
    expect(errorFor(list)).toBe('claims[1].id: duplicate id "met" (also claims[0])');
  });

  it('refuses a claim that involves an unknown entity', () => {
    const list = validList();
    list.claims[0]!.entities.push('nobody');
    expect(errorFor(list)).toBe('claims[0].entities[2]: unknown entity id "nobody"');
  });

  it('takes a claim with its statement only (no cues, no entities), and refuses an empty cue group', () => {
    const list = validList();
    const bare = { id: 'bare', statement: list.claims[0]!.statement, provenance: list.claims[0]!.provenance };
    const parsed = parseEntityList({ ...list, claims: [bare] });
    expect(parsed.ok && parsed.list.claims[0]).toMatchObject({ id: 'bare', cues: [], entities: [] });
    list.claims[0]!.cues = [];
    expect(parseEntityList(list).ok).toBe(true);
    list.claims[0]!.cues = [[]];
    expect(errorFor(list)).toBe('claims[0].cues[0]: expected at least one phrase');
  });

  it('refuses a quote whose speaker or mention is unknown', () => {
    const list = validList();
    list.quotes[0]!.speaker = 'someone';
    expect(errorFor(list)).toBe('quotes[0].speaker: unknown entity id "someone"');
    const other = validList();
    other.quotes[0]!.mentions = ['ghost'];
    expect(errorFor(other)).toBe('quotes[0].mentions[0]: unknown entity id "ghost"');
  });

  it("takes a quote's speakerName (a role speaking for its organisation) and refuses one that is no text", () => {
    const list = validList();
    const quote = { ...list.quotes[0]!, speakerName: 'A spokesman for Xi' };
    const parsed = parseEntityList({ ...list, quotes: [quote] });
    expect(parsed.ok && parsed.list.quotes[0]!.speakerName).toBe('A spokesman for Xi');
    expect(errorFor({ ...list, quotes: [{ ...quote, speakerName: 42 }] })).toBe('quotes[0].speakerName: expected a non-empty string');
  });

  it('refuses a provenance with a bad date or a non-web URL', () => {
    const list = validList();
    list.entities[0]!.provenance = { ...provenance, date: '2024-02-30' };
    expect(errorFor(list)).toBe('entities[0].provenance.date: expected a date as yyyy-mm-dd');
    const other = validList();
    other.quotes[0]!.provenance = { ...provenance, url: 'javascript:alert(1)' } as typeof provenance;
    expect(errorFor(other)).toBe('quotes[0].provenance.url: expected an absolute http(s) URL');
  });

  it('keeps a valid provenance URL', () => {
    const list = validList();
    list.entities[0]!.provenance = { ...provenance, url: 'https://www.aljazeera.com/news/' } as typeof provenance;
    const result = parseEntityList(list);
    expect(result.ok && result.list.entities[0]!.provenance.url).toBe('https://www.aljazeera.com/news/');
  });

  it('refuses a missing provenance sentence', () => {
    const list = validList();
    const { sentence: _sentence, ...rest } = provenance;
    list.claims[0]!.provenance = rest as typeof provenance;
    expect(errorFor(list)).toBe('claims[0].provenance.sentence: expected a non-empty string');
  });

  it.each(['__proto__', 'constructor', 'prototype'])('refuses the key %s anywhere, from parsed JSON', (key) => {
    const json = JSON.stringify(validList()).replace('"context":"Russian President"', `"context":"Russian President","${key}":{"polluted":true}`);
    expect(errorFor(JSON.parse(json))).toBe(`list.entities[0].${key}: forbidden key`);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a forbidden key at the top level', () => {
    expect(errorFor(JSON.parse('{"__proto__":{"version":1}}'))).toBe('list.__proto__: forbidden key');
  });

  it('does not loop on a value that refers to itself', () => {
    const list = validList() as Record<string, unknown>;
    list.self = list;
    expect(parseEntityList(list).ok).toBe(true);
  });

  it('refuses an over-long text', () => {
    const list = validList();
    list.distinct[0]!.text = 'x'.repeat(20_001);
    expect(errorFor(list)).toBe('distinct[0].text: expected at most 20000 characters');
  });
});
