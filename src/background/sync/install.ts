// Sync's place in the background: the service over the store, its routes, its alarm (only while
// sync is on: with sync off nothing is scheduled and no request leaves), a pass after local
// writes and at browser start-up. Listeners are registered at top level by the caller.
import browser from 'webextension-polyfill';
import type { BackgroundMessageName } from '../../shared/messages';
import type { DossierDB } from '../store/open';
import { BrowserPouch } from './pouch';
import { setSyncService } from './routes';
import { createSyncService, type SyncService } from './service';
import { WRITES } from './triggers';

export const SYNC_ALARM = 'dossier-sync';
/** Passes while the browser runs, besides those after local changes. */
const ALARM_MINUTES = 2;
/** Under the 30 s after which Chrome stops a worker that calls no extension API. */
const KEEP_ALIVE_MS = 20_000;

/**
 * While a pass runs, a trivial extension API call every 20 s: Chrome's documented way to keep the
 * worker through a long task (a first sync of 100,000 quotes takes minutes). Stopped with the pass,
 * so an idle worker still ends as usual.
 */
function keepAlive(): () => void {
  const timer = setInterval(() => void browser.runtime.getPlatformInfo().catch(() => undefined), KEEP_ALIVE_MS);
  return () => clearInterval(timer);
}

async function setAlarm(on: boolean): Promise<void> {
  if (!browser.alarms) return;
  if (on) {
    if (!(await browser.alarms.get(SYNC_ALARM))) await browser.alarms.create(SYNC_ALARM, { periodInMinutes: ALARM_MINUTES, delayInMinutes: ALARM_MINUTES });
  } else {
    await browser.alarms.clear(SYNC_ALARM);
  }
}

export interface InstalledSync {
  service: SyncService;
  /** After a message was answered: a write nudges a pass. */
  afterMessage(type: unknown, ok: boolean): void;
}

export function installSync(
  getDb: () => Promise<DossierDB>,
  onDossierChanged: () => void,
  onSitesChanged: (hosts: string[]) => void,
  onAnnotationsChanged: () => void = () => {},
): InstalledSync {
  const service = createSyncService({ Pouch: BrowserPouch, getDb, mirrorOptions: { adapter: 'idb' }, onDossierChanged, onSitesChanged, onAnnotationsChanged, keepAlive });
  const wrapped: SyncService = {
    ...service,
    async configure(settings) {
      const status = await service.configure(settings);
      await setAlarm(status.on);
      return status;
    },
    async disable() {
      const status = await service.disable();
      await setAlarm(false);
      return status;
    },
  };
  setSyncService(wrapped);
  browser.alarms?.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) void service.tick().catch((error: unknown) => console.error('Dossier: sync pass failed', error));
  });
  browser.runtime.onStartup?.addListener(() => {
    void service.tick().catch((error: unknown) => console.error('Dossier: sync pass failed', error));
  });
  return {
    service: wrapped,
    afterMessage(type, ok) {
      if (ok && typeof type === 'string' && WRITES.has(type as BackgroundMessageName)) service.nudge();
    },
  };
}
