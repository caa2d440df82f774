// The worker entry from a cold start: listeners exist as soon as the script ran, the install
// event loads the seed, and a message is answered by opening the database on demand.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeAll, describe, expect, it, vi } from 'vitest';

type Listener = (...args: unknown[]) => unknown;
const listeners: { installed?: Listener; message?: Listener; command?: Listener } = {};
const ORIGIN = 'chrome-extension://abc/';

vi.mock('webextension-polyfill', () => ({
  default: {
    runtime: {
      id: 'abc',
      getURL: (path: string) => `${ORIGIN}${path}`,
      onInstalled: { addListener: (l: Listener) => (listeners.installed = l) },
      onMessage: { addListener: (l: Listener) => (listeners.message = l) },
    },
    commands: { onCommand: { addListener: (l: Listener) => (listeners.command = l) } },
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
