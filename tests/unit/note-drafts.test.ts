// Note drafts (src/core/drafts/drafts.ts, the background's keeper and the frame's port messages):
// one draft per passage of one page, bounded in size, count and age, and nothing a sender makes up
// (a bad key, a stored book from elsewhere, a message of the wrong shape) gets in.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import {
  DRAFT_TTL_MS,
  DRAFTS_MAX,
  NOTE_MAX,
  draftKey,
  findDraft,
  originOfKey,
  putDraft,
  readDraft,
  readDraftBook,
  removeDraft,
  storedDraftBook,
  type Draft,
  type DraftBook,
} from '../../src/core/drafts/drafts';
import { readDraftToBackground, readDraftToFrame } from '../../src/shared/draft-port';
import { createDraftKeeper, DRAFTS_STORAGE_KEY, type DraftStorage } from '../../src/background/drafts/draft-keeper';
import { DRAFT_ROUTES, setDraftServices } from '../../src/background/drafts/draft-routes';
import { draftDatabase, withFallback } from '../../src/background/drafts/draft-database';
import { DRAFT_PAYLOAD_PARSERS } from '../../src/background/payloads/draft-payloads';
import type { Store } from '../../src/background/store';

const PAGE = 'https://news.example/story?id=1';
const QUOTE = 'a new offensive in the Kharkiv region';
const DRAFT: Draft = { note: 'my doubts', tags: 'war, sources', colour: 'green' };
const NOW = Date.UTC(2026, 11, 7);
const empty: DraftBook = new Map();

describe('draftKey', () => {
  it('is one per page and passage, and the #fragment (which a page changes freely) does not count', () => {
    expect(draftKey(PAGE, QUOTE)).toBe(draftKey(`${PAGE}#comments`, QUOTE));
    expect(draftKey(PAGE, QUOTE)).not.toBe(draftKey('https://evil.example/story?id=1', QUOTE));
    expect(draftKey(PAGE, QUOTE)).not.toBe(draftKey('https://news.example/story?id=2', QUOTE));
    expect(draftKey(PAGE, QUOTE)).not.toBe(draftKey(PAGE, `${QUOTE}.`));
    expect(originOfKey(draftKey(PAGE, QUOTE)!)).toBe('https://news.example');
  });

  it('refuses what is not a web page or not a passage', () => {
    for (const page of ['javascript:alert(1)', 'chrome-extension://abc/note/note.html', 'file:///etc/passwd', 'not a url', `https://a.example/${'x'.repeat(5000)}`]) {
      expect(draftKey(page, QUOTE)).toBeNull();
    }
    expect(draftKey(PAGE, '   ')).toBeNull();
    expect(draftKey(PAGE, 'x'.repeat(301))).toBeNull();
  });
});

describe('the book of drafts', () => {
  const key = draftKey(PAGE, QUOTE)!;

  it('keeps a draft, gives it back, and drops it when emptied or removed', () => {
    const book = putDraft(empty, key, DRAFT, NOW);
    expect(findDraft(book, key, NOW)).toEqual({ ...DRAFT, at: NOW });
    expect(findDraft(putDraft(book, key, { note: ' ', tags: '', colour: 'yellow' }, NOW), key, NOW)).toBeNull();
    expect(findDraft(removeDraft(book, key), key, NOW)).toBeNull();
  });

  it(`keeps the newest ${DRAFTS_MAX} and lets a draft expire after ${DRAFT_TTL_MS / 86_400_000} days`, () => {
    let book: DraftBook = empty;
    for (let i = 0; i < DRAFTS_MAX + 10; i++) book = putDraft(book, draftKey(`${PAGE}&n=${i}`, QUOTE)!, DRAFT, NOW + i);
    expect(book.size).toBe(DRAFTS_MAX);
    expect(book.has(draftKey(`${PAGE}&n=0`, QUOTE)!)).toBe(false);
    expect(book.has(draftKey(`${PAGE}&n=${DRAFTS_MAX + 9}`, QUOTE)!)).toBe(true);
    const old = putDraft(empty, key, DRAFT, NOW);
    expect(findDraft(old, key, NOW + DRAFT_TTL_MS - 1)).not.toBeNull();
    expect(findDraft(old, key, NOW + DRAFT_TTL_MS)).toBeNull();
    expect(readDraftBook(storedDraftBook(old), NOW + DRAFT_TTL_MS).size).toBe(0);
  });

  it('reads back what it stored, and only valid, bounded drafts from anything else, without throwing', () => {
    const book = putDraft(empty, key, DRAFT, NOW);
    expect(readDraftBook(JSON.parse(JSON.stringify(storedDraftBook(book))), NOW)).toEqual(book);
    const junk = [null, 1, 'x', [], { drafts: 'x' }, { drafts: [[1, {}], ['k', null], [key, { note: 1, tags: '', at: NOW }]] }];
    for (const stored of junk) expect(readDraftBook(stored, NOW).size).toBe(0);
    // A key that is not one draftKey makes (another scheme, a forged shape) is dropped.
    const forged = { drafts: [['javascript:x\nq', { ...DRAFT, at: NOW }], ['__proto__', { ...DRAFT, at: NOW }]] };
    expect(readDraftBook(forged, NOW).size).toBe(0);
    const long = readDraftBook({ drafts: [[key, { note: 'n'.repeat(NOTE_MAX + 50), tags: '', colour: 'nope', at: NOW }]] }, NOW);
    expect(long.get(key)?.note.length).toBe(NOTE_MAX);
    expect(long.get(key)?.colour).toBe('yellow');
  });

  it('reads a draft from a message cut to its bounds, or refuses it', () => {
    expect(readDraft({ note: 'a', tags: 'b', colour: 'blue' })).toEqual({ note: 'a', tags: 'b', colour: 'blue' });
    expect(readDraft({ note: 'a' })).toBeNull();
    expect(readDraft('a')).toBeNull();
  });
});

describe('the draft port messages', () => {
  it('takes the protocol and nothing else', () => {
    expect(readDraftToBackground({ kind: 'open', page: PAGE, quote: QUOTE })).toEqual({ kind: 'open', page: PAGE, quote: QUOTE });
    expect(readDraftToBackground({ kind: 'edit', draft: DRAFT })).toEqual({ kind: 'edit', draft: DRAFT });
    for (const bad of [null, {}, { kind: 'open', page: 1, quote: QUOTE }, { kind: 'open', page: PAGE, quote: 'q'.repeat(301) }, { kind: 'edit', draft: {} }, { kind: 'read' }]) {
      expect(readDraftToBackground(bad)).toBeNull();
    }
    expect(readDraftToFrame({ kind: 'restored', draft: null })).toEqual({ kind: 'restored', draft: null });
    expect(readDraftToFrame({ kind: 'restored', draft: DRAFT })).toEqual({ kind: 'restored', draft: DRAFT });
    expect(readDraftToFrame({ kind: 'restored', draft: 'x' })).toBeNull();
  });
});

function memoryStorage(): DraftStorage & { data: Record<string, unknown> } {
  const data: Record<string, unknown> = {};
  return {
    data,
    get: async (key) => (key in data ? { [key]: data[key] } : {}),
    set: async (items) => void Object.assign(data, JSON.parse(JSON.stringify(items)) as Record<string, unknown>),
  };
}

describe('the background keeper', () => {
  const key = draftKey(PAGE, QUOTE)!;

  it('gives back the latest edit at once, writes it on flush, and clears it', async () => {
    const storage = memoryStorage();
    const keeper = createDraftKeeper(storage, () => NOW);
    keeper.edit(key, { ...DRAFT, note: 'my' });
    keeper.edit(key, DRAFT);
    expect(await keeper.find(key)).toEqual(DRAFT);
    expect(storage.data[DRAFTS_STORAGE_KEY]).toBeUndefined();
    await keeper.flush();
    expect(await createDraftKeeper(storage, () => NOW).find(key)).toEqual(DRAFT);
    await keeper.clear(key);
    expect(await createDraftKeeper(storage, () => NOW).find(key)).toBeNull();
  });

  it('lets a content script clear drafts of its own origin only', async () => {
    const storage = memoryStorage();
    const keeper = createDraftKeeper(storage, () => NOW);
    const privateKeeper = createDraftKeeper(memoryStorage(), () => NOW);
    setDraftServices({ keeper, privateKeeper, tellFormTaken: async () => undefined });
    keeper.edit(key, DRAFT);
    await keeper.flush();
    const clear = (senderUrl: string) =>
      DRAFT_ROUTES['notes/draft-clear'].run({} as Store, DRAFT_PAYLOAD_PARSERS['notes/draft-clear']({ page: PAGE, quote: QUOTE }), { now: NOW, kind: 'content', senderUrl });
    expect(await clear('https://evil.example/story?id=1')).toEqual({ cleared: false });
    expect(await keeper.find(key)).toEqual(DRAFT);
    expect(await clear('https://news.example/other')).toEqual({ cleared: true });
    expect(await keeper.find(key)).toBeNull();
    expect(() => DRAFT_PAYLOAD_PARSERS['notes/draft-clear']({ page: 'javascript:1', quote: QUOTE })).toThrow();
    expect(() => DRAFT_PAYLOAD_PARSERS['notes/draft-clear']({ page: PAGE, quote: QUOTE, note: 'x' })).toThrow();
  });
});

describe('where drafts are kept', () => {
  const key = draftKey(PAGE, QUOTE)!;
  const failing = (what: string): DraftStorage => ({
    get: () => Promise.reject(new Error(`${what}: cannot read`)),
    set: () => Promise.reject(new Error(`${what}: QuotaExceededError`)),
  });

  it('keeps them in a database of their own, which a keeper started afresh (a browser restart) reads back', async () => {
    const keeper = createDraftKeeper(draftDatabase(), () => NOW);
    keeper.edit(key, DRAFT);
    await keeper.flush();
    expect(await createDraftKeeper(draftDatabase(), () => NOW).find(key)).toEqual(DRAFT);
    await keeper.clear(key);
    expect(await createDraftKeeper(draftDatabase(), () => NOW).find(key)).toBeNull();
  });

  it('writes to the fallback, and reads from it, what the database refuses (a full disk), and loses no draft', async () => {
    const session = memoryStorage();
    const warnings: unknown[] = [];
    const keeper = createDraftKeeper(withFallback(failing('database'), session, (e) => warnings.push(e)), () => NOW);
    keeper.edit(key, DRAFT);
    await keeper.flush();
    expect(await keeper.find(key)).toEqual(DRAFT);
    expect(readDraftBook(session.data[DRAFTS_STORAGE_KEY], NOW).size).toBe(1);
    expect(warnings.length).toBeGreaterThan(0);
  });

  it('drops an abandoned draft from disk when the background starts, 14 days on, keeping the live ones', async () => {
    const old = draftKey(PAGE, 'an old passage')!;
    const writer = createDraftKeeper(draftDatabase(), () => NOW);
    writer.edit(old, DRAFT);
    await writer.flush();
    const later = NOW + DRAFT_TTL_MS / 2;
    const second = createDraftKeeper(draftDatabase(), () => later);
    second.edit(key, DRAFT);
    await second.flush();
    const database = draftDatabase();
    const stored = async () => (readDraftBook((await database.get(DRAFTS_STORAGE_KEY))[DRAFTS_STORAGE_KEY], 0) as Map<string, unknown>).size;
    expect(await stored()).toBe(2);
    // The worker starts again after the first draft's 14 days.
    await createDraftKeeper(draftDatabase(), () => NOW + DRAFT_TTL_MS + 1).prune();
    expect(await stored()).toBe(1);
    expect(await createDraftKeeper(draftDatabase(), () => NOW + DRAFT_TTL_MS + 1).find(key)).toEqual(DRAFT);
  });

  it('reads the newer copy from the fallback until the database takes a write again', async () => {
    const primary = memoryStorage();
    const session = memoryStorage();
    let refuse = false;
    const flaky: DraftStorage = { get: (k) => primary.get(k), set: (items) => (refuse ? Promise.reject(new Error('full')) : primary.set(items)) };
    const storage = withFallback(flaky, session);
    await storage.set({ a: 1 });
    refuse = true;
    await storage.set({ a: 2 });
    expect(await storage.get('a')).toEqual({ a: 2 });
    refuse = false;
    await storage.set({ a: 3 });
    expect(await storage.get('a')).toEqual({ a: 3 });
  });
});
