// Two Chromium profiles of the build whose host permission for 127.0.0.1 is granted, one
// CouchDB-compatible server on 127.0.0.1 holding the team database both may write, and a page
// server: what every two-device sync test starts from, set up before a file's tests and closed
// after them.
import { afterAll, beforeAll } from 'vitest';
import type { Page } from 'playwright-core';
import { startCouchServer, type CouchServer } from '../couch/server';
import { removeExtensionCopy } from './extension-copy';
import { launchWithExtension, serve, type ExtensionBrowser, type StaticServer } from './harness';
import { buildGrantedCopy, openOptions } from './sync-helpers';
import type { SyncSettings as SyncSettingsMessage } from '../../src/shared/sync-messages';

const PASSWORD = 'team-password';
const PASSPHRASE = 'a long shared passphrase';

/** What the sync form asks (the options page ticks "Seen elsewhere" itself). */
export type SyncSettings = Omit<SyncSettingsMessage, 'history'>;

/** Filled in by the file's beforeAll: read it inside tests and later hooks only. */
export interface TwoProfiles {
  couch: CouchServer;
  pages: StaticServer;
  /** The granted build both profiles run (a third profile may be launched from it). */
  dir: string;
  a: ExtensionBrowser;
  b: ExtensionBrowser;
  optionsA: Page;
  optionsB: Page;
  /** The sync form's settings for one of the team's users. */
  settings(username: string): SyncSettings;
}

export function useTwoProfiles(setup: {
  /** What the page server serves (harness.ts's serve). */
  serve: Parameters<typeof serve>[0];
  /** Users who may only read the team database, besides the writers ana and ben. */
  readers?: string[];
  /** Called with each profile once launched, before its options page opens. */
  onLaunch?: (profile: ExtensionBrowser) => void;
}): TwoProfiles {
  const profiles = {
    settings: (username: string): SyncSettings => ({ server: profiles.couch.url, database: 'team', username, password: PASSWORD, passphrase: PASSPHRASE }),
  } as TwoProfiles;

  beforeAll(async () => {
    profiles.couch = await startCouchServer();
    await profiles.couch.createTeam('team', { writers: ['ana', 'ben'], ...(setup.readers ? { readers: setup.readers } : {}), password: PASSWORD });
    profiles.pages = await serve(setup.serve);
    profiles.dir = await buildGrantedCopy();
    [profiles.a, profiles.b] = await Promise.all([launchWithExtension(profiles.dir), launchWithExtension(profiles.dir)]);
    for (const profile of [profiles.a, profiles.b]) setup.onLaunch?.(profile);
    profiles.optionsA = await openOptions(profiles.a);
    profiles.optionsB = await openOptions(profiles.b);
  }, 120_000);

  afterAll(async () => {
    await profiles.a?.close();
    await profiles.b?.close();
    await profiles.pages?.close();
    await profiles.couch?.close();
    if (profiles.dir) removeExtensionCopy(profiles.dir);
  });

  return profiles;
}
