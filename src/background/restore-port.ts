// The background's half of the options page's restore (shared/restore-port.ts says the protocol).
// Only an extension page may connect (senderKind, as for every options message): a web page or a
// content script gets its port closed at once and no database. One port, one fresh database: the
// restore is either switched to (after the page's whole fill, checked by its last mark) or, if the
// port closes first or the page sends anything else, abandoned and deleted.
import type { Runtime } from 'webextension-polyfill';
import { readRestoreToBackground, RESTORE_PORT, type RestoreToPage } from '../shared/restore-port';
import { senderKind } from './routes/sender';
import type { DossierDatabase } from './store/dossier-database';
import { isFilled } from './store/fill-fresh';

export interface RestorePortOptions {
  database: Pick<DossierDatabase, 'reserve'>;
  extensionOrigin: string;
  extensionId: string;
  /** After a switch: drop what was kept in memory of the old dossier; let sync know. */
  onRestored(): void;
}

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export function handleRestorePort(port: Runtime.Port, options: RestorePortOptions): void {
  if (port.name !== RESTORE_PORT) return;
  const sender = port.sender ?? {};
  if (senderKind(sender, options.extensionOrigin, options.extensionId) !== 'extension-page') {
    port.disconnect();
    return;
  }
  let open = true;
  const post = (reply: RestoreToPage): void => {
    if (!open) return;
    try {
      port.postMessage(reply);
    } catch {
      open = false;
    }
  };
  const reservation = options.database.reserve();
  // Observed here: a failure to reserve is said to the page below.
  reservation.catch(() => undefined);
  let switching = false;

  port.onDisconnect.addListener(() => {
    open = false;
    // Closed before the switch was asked: whatever the page wrote goes.
    if (!switching) void reservation.then((r) => r.abandon(), () => undefined);
  });
  port.onMessage.addListener((raw: unknown) => {
    const request = readRestoreToBackground(raw);
    if (!request || (request.kind === 'switch' && switching)) {
      // Not a restore page's message: nothing of it is kept.
      open = false;
      port.disconnect();
      if (!switching) void reservation.then((r) => r.abandon(), () => undefined);
      return;
    }
    if (request.kind === 'keep-alive') return;
    switching = true;
    reservation
      .then((r) => r.adopt(isFilled))
      .then(
        () => {
          options.onRestored();
          post({ kind: 'switched' });
        },
        (error: unknown) => post({ kind: 'failed', error: message(error) }),
      );
  });
  reservation.then(
    (r) => post({ kind: 'reserved', name: r.name }),
    (error: unknown) => {
      post({ kind: 'failed', error: `Nothing was restored. ${message(error)}` });
      port.disconnect();
    },
  );
}
