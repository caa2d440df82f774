// A role's quote ("A Kremlin spokesman said: “…”") is its organisation's: stored under the
// organisation's id with the role beside it, shown among its quotes ("By Kremlin") with the role
// as the speaker. A page's words may name a role for an organisation only: sent for a person, the
// quote is not kept, so no page puts a name of its choosing under a person's quotes.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Router } from '../../src/background/routes/router';
import type { Store } from '../../src/background/store';
import type { EntityList } from '../../src/core/types';
import type { EntityCardData, HarvestedQuote } from '../../src/shared/messages';
import { contentAt, ID, openStoreRouter, ORIGIN, type StoreRouter } from './store-router';

const PAGE = 'https://news.example/world/kremlin';
const provenance = { outlet: 'Seed News', title: 'Seed story', date: '2024-05-16', url: 'https://seed.example/story', sentence: 'S.' };
const list: EntityList = {
  version: 1,
  entities: [
    { id: 'vladimir-putin', name: 'Vladimir Putin', kind: 'person', aliases: [{ text: 'Putin' }], context: 'President of Russia', provenance },
    { id: 'kremlin', name: 'Kremlin', kind: 'organisation', aliases: [], context: 'The Russian presidency', provenance },
  ],
  claims: [],
  quotes: [],
  distinct: [],
};
const harvest = (quotes: HarvestedQuote[]) => ({ url: PAGE, title: 'Kremlin on the visit', outlet: 'News', date: '2024-06-02', quotes });
const role = (speakerId: string, speakerName: string, text: string): HarvestedQuote => ({ text, speakerId, speakerName, speakerIsRole: true, sentence: `${speakerName} said: “${text}”`, mentions: [] });

let store: Store;
let router: Router;
let send: StoreRouter['send'];

async function card(entityId: string): Promise<EntityCardData> {
  const reply = await send('card/entity', { entityId, url: 'https://other.example/' });
  if (!reply?.ok) throw new Error(JSON.stringify(reply));
  return reply.value as EntityCardData;
}

beforeEach(async () => {
  ({ store, router, send } = await openStoreRouter({ now: Date.parse('2024-06-03T00:00:00Z'), sender: contentAt(PAGE) }));
  await store.syncSeed(list);
});

describe("a role's quote", () => {
  it("is the organisation's, with the role named as its speaker", async () => {
    expect(await send('quotes/harvest', harvest([role('kremlin', 'A Kremlin spokesman', 'The talks opened a new chapter')]))).toMatchObject({ ok: true, value: { added: 1 } });
    const kremlin = await card('kremlin');
    expect(kremlin.quotesBy.map((q) => [q.text, q.speakerName])).toEqual([['The talks opened a new chapter', 'A Kremlin spokesman']]);
    expect(kremlin.quotesAbout).toEqual([]);
  });

  it('is not kept when the page names a role for a person', async () => {
    expect(await send('quotes/harvest', harvest([role('vladimir-putin', 'Vladimir Putin, in his own words', 'We will withdraw')]))).toMatchObject({ ok: true, value: { added: 0 } });
    expect((await card('vladimir-putin')).quotesBy).toEqual([]);
  });

  it('is added from "Add this article" with the role, and shown so', async () => {
    const reviewPage = { id: ID, url: `${ORIGIN}review/review.html?tab=4` };
    const added = { version: 1, entities: [list.entities[1]!], claims: [], distinct: [], quotes: [{ id: 'q-role', text: 'The visit was a success', speaker: 'kremlin', speakerName: 'A Kremlin spokesman', mentions: [], provenance }] };
    expect(await router.handle({ type: 'list/add', payload: added }, reviewPage)).toMatchObject({ ok: true });
    expect((await card('kremlin')).quotesBy.map((q) => [q.text, q.speakerName])).toEqual([['The visit was a success', 'A Kremlin spokesman']]);
  });

  it("leaves a named speaker's quote under the list's name for them, not the page's", async () => {
    const said: HarvestedQuote = { text: 'We are ready', speakerId: 'vladimir-putin', speakerName: 'Putin', sentence: 'Putin said: “We are ready.”', mentions: [] };
    await send('quotes/harvest', harvest([said]));
    expect((await card('vladimir-putin')).quotesBy.map((q) => q.speakerName)).toEqual(['Vladimir Putin']);
  });
});
