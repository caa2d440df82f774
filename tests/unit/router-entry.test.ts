// The worker entry from a cold start: listeners exist as soon as the script ran, the install
// event loads the seed, and a message is answered by opening the database on demand.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeAll, describe, expect, it, vi } from 'vitest';

type Listener = (...args: unknown[]) => unknown;
const listeners: { installed?: Listener; message?: Listener; command?: Listener; menu?: Listener } = {};
const menus: { id?: unknown; title?: unknown }[] = [];
const openedTabs: { url?: unknown; index?: unknown }[] = [];
/** Every contextMenus.onClicked listener: each menu item's owner registers its own. */
const menuListeners: Listener[] = [];
const ORIGIN = 'chrome-extension://abc/';

vi.mock('webextension-polyfill', () => ({
  default: {
    runtime: {
      id: 'abc',
      getURL: (path: string) => `${ORIGIN}${path}`,
      onInstalled: { addListener: (l: Listener) => (listeners.installed = l) },
      onMessage: { addListener: (l: Listener) => (listeners.message = l) },
      onConnect: { addListener: () => undefined },
    },
    commands: { onCommand: { addListener: (l: Listener) => (listeners.command = l) } },
    contextMenus: {
      removeAll: async () => void menus.splice(0),
      create: (item: { id?: unknown; title?: unknown }) => void menus.push(item),
      onClicked: { addListener: (l: Listener) => menuListeners.push((listeners.menu = l)) },
    },
    tabs: { create: async (props: { url?: unknown; index?: unknown }) => void openedTabs.push(props) },
    // The first stage's record (first-stage/publisher.ts).
    storage: { local: { get: async () => ({}), set: async () => undefined, remove: async () => undefined }, onChanged: { addListener: () => undefined } },
  },
}));

beforeAll(async () => {
  globalThis.indexedDB = new IDBFactory();
  await import('../../src/background/index');
});

describe('background entry', () => {
  it('registers its listeners at top level', () => {
    expect(listeners.installed).toBeTypeOf('function');
    expect(listeners.message).toBeTypeOf('function');
    expect(listeners.command).toBeTypeOf('function');
    expect(listeners.menu).toBeTypeOf('function');
  });

  it('creates "Add this article to my dossier" on install; a click opens the review page for that tab', async () => {
    listeners.installed?.({ reason: 'install' });
    await vi.waitFor(() => expect(menus.map((m) => m.title)).toContain('Add this article to my dossier'));
    const item = menus.find((m) => m.title === 'Add this article to my dossier')!;
    for (const listener of menuListeners) listener({ menuItemId: item.id }, { id: 17, index: 2 });
    await vi.waitFor(() => expect(openedTabs).toEqual([{ url: `${ORIGIN}review/review.html?tab=17`, index: 3 }]));
  });

  it('leaves foreign messages to other listeners', () => {
    expect(listeners.message?.({ type: 'something/else' }, { id: 'abc', url: `${ORIGIN}popup.html` })).toBeUndefined();
  });

  it('answers list/get with the seed after install', async () => {
    const { SEED } = await import('../../src/data/seed');
    listeners.installed?.({ reason: 'install' });
    const reply = (await listeners.message?.({ type: 'list/get', payload: {} }, { id: 'abc', url: `${ORIGIN}popup.html` })) as {
      ok: boolean;
      value: { entities: unknown[] };
    };
    expect(reply.ok).toBe(true);
    expect(reply.value.entities).toHaveLength(SEED.entities.length);
  });
});
