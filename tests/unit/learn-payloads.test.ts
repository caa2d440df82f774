// The two "learn as you read" messages at the router: who may send them and what payload passes.
// A harvest comes from beside an arbitrary page, so every field is bounded and checked.
import { describe, expect, it, vi } from 'vitest';
import { parseHarvest, parseListAdd, HARVEST_QUOTES_MAX } from '../../src/background/payloads/learn-payloads';
import { createRouter } from '../../src/background/routes/router';
import type { Store } from '../../src/background/store';
import { parseWith } from '../../src/shared/validate';
import { createMatcher } from '../../src/core/matching/matcher';
import { SEED } from '../../src/data/seed';
import { selectQuotes } from '../../src/content/harvest/select-quotes';

const ORIGIN = 'chrome-extension://abcdefghijklmnop/';
const ID = 'abcdefghijklmnop';
const content = { id: ID, url: 'https://news.example/story', tab: { id: 4, url: 'https://news.example/story' } };
const reviewPage = { id: ID, url: `${ORIGIN}review/review.html?tab=4` };

const quote = { text: 'We are ready.', speakerId: 'vladimir-putin', speakerName: 'Putin', sentence: '"We are ready," Putin said.', mentions: [] };
const harvest = { url: 'https://news.example/story', title: 'A story', outlet: 'Example', date: '2024-06-01', quotes: [quote] };
const provenance = { outlet: 'Tech Daily', title: 'Engines', date: '2024-07-01', url: 'https://tech.example/e', sentence: 'Ada Lovelace wrote.' };
const list = { version: 1, entities: [{ id: 'ada-lovelace', name: 'Ada Lovelace', kind: 'person', aliases: [], context: '', provenance }], claims: [], quotes: [], distinct: [] };

describe('quotes/harvest payload', () => {
  it('accepts a well-formed harvest', () => {
    expect(parseHarvest(structuredClone(harvest))).toEqual(harvest);
    const role = { ...harvest, quotes: [{ ...quote, speakerId: 'kremlin', speakerName: 'A Kremlin spokesman', speakerIsRole: true }] };
    expect(parseHarvest(structuredClone(role))).toEqual(role);
  });

  it.each([
    ['a javascript: URL', { ...harvest, url: 'javascript:alert(1)' }, /url/],
    ['a date that is no date', { ...harvest, date: '2024-13-45' }, /date/],
    ['an extra field', { ...harvest, extra: 1 }, /extra is not an allowed field/],
    ['a quote without speaker name', { ...harvest, quotes: [{ ...quote, speakerName: '' }] }, /speakerName/],
    ['a huge quote', { ...harvest, quotes: [{ ...quote, text: 'x'.repeat(5000) }] }, /text is longer/],
    ['mentions that are not ids', { ...harvest, quotes: [{ ...quote, mentions: [42] }] }, /mentions\[0\]/],
    ['too many quotes', { ...harvest, quotes: Array(HARVEST_QUOTES_MAX + 1).fill(quote) }, /more than/],
    ['a role with no speakerId', { ...harvest, quotes: [{ ...quote, speakerId: undefined, speakerIsRole: true }] }, /speakerIsRole/],
    ['a role flag that is not true', { ...harvest, quotes: [{ ...quote, speakerIsRole: 'yes' }] }, /speakerIsRole/],
    ['a __proto__ key', JSON.parse('{"__proto__": {"x": 1}, "url": "https://a.example/"}'), /forbidden key/],
  ])('refuses %s', (_what, payload, error) => {
    const parsed = parseWith(() => parseHarvest(payload));
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.error).toMatch(error);
  });
});

describe('list/add payload', () => {
  it('accepts an entity list and refuses an invalid or empty one', () => {
    expect(parseListAdd(structuredClone(list)).entities[0]!.name).toBe('Ada Lovelace');
    expect(parseWith(() => parseListAdd({ ...list, entities: [{ ...list.entities[0], kind: 'robot' }] }))).toMatchObject({ ok: false });
    expect(parseWith(() => parseListAdd({ ...list, entities: [] }))).toMatchObject({ ok: false, error: expect.stringMatching(/empty/) });
  });
});

describe('router: who may learn', () => {
  const stub = (): Store =>
    ({
      harvestQuotes: vi.fn(async () => ({ added: 1, merged: 0 })),
      addList: vi.fn(async () => ({ added: 1, merged: 0, claims: 0, quotes: 0 })),
    }) as unknown as Store;

  it('takes harvests only from the content script and lists only from extension pages', async () => {
    const store = stub();
    const router = createRouter(store, ORIGIN, ID, () => 5);
    expect(await router.handle({ type: 'quotes/harvest', payload: harvest }, content)).toEqual({ ok: true, value: { added: 1, merged: 0 } });
    expect(await router.handle({ type: 'quotes/harvest', payload: harvest }, reviewPage)).toMatchObject({ ok: false });
    expect(await router.handle({ type: 'list/add', payload: list }, content)).toMatchObject({ ok: false, error: expect.stringMatching(/content script/) });
    expect(await router.handle({ type: 'list/add', payload: list }, reviewPage)).toMatchObject({ ok: true });
    expect(store.addList).toHaveBeenCalledTimes(1);
    expect(store.harvestQuotes).toHaveBeenCalledTimes(1);
  });
});

describe('which quotes the content script harvests', () => {
  it('keeps quotes by or naming a known entity, with the speaker resolved, and leaves the rest', () => {
    const text = [
      'Russian President Vladimir Putin spoke in Moscow on Friday.',
      '“We will never give up our interests,” Putin said.',
      '“The talks went well for Xi Jinping,” said Jane Roe, a local analyst.',
      '“Nice weather today,” said John Doe.',
    ].join('\n');
    const found = selectQuotes(text, SEED, createMatcher(SEED));
    expect(found.map((q) => [q.text, q.speakerId ?? null, q.speakerName, q.mentions])).toEqual([
      ['We will never give up our interests', 'vladimir-putin', 'Putin', []],
      ['The talks went well for Xi Jinping', null, 'Jane Roe', ['xi-jinping']],
    ]);
  });
});
