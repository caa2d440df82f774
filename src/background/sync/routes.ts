// Routes of the sync messages: extension pages only (a content script never learns whether sync
// is on, let alone where to). The service is set once by the background's entry (installSync).
import type { SyncBackgroundMessages } from '../../shared/sync-messages';
import type { Route } from '../routes/route';
import type { SyncService } from './service';

type SyncRoutes = { [K in keyof SyncBackgroundMessages]: Route<K> };

let service: SyncService | undefined;

/** Called once at the worker's start by src/background/index.ts. */
export function setSyncService(next: SyncService | undefined): void {
  service = next;
}

function sync(): SyncService {
  if (!service) throw new Error('Sync is not available in this build.');
  return service;
}

export const SYNC_ROUTES: SyncRoutes = {
  'sync/status': { senders: ['extension-page'], run: () => sync().status() },
  'sync/configure': { senders: ['extension-page'], run: (_store, settings) => sync().configure(settings) },
  'sync/disable': { senders: ['extension-page'], run: () => sync().disable() },
  'sync/now': { senders: ['extension-page'], run: () => sync().syncNow() },
  'sync/conflicts': { senders: ['extension-page'], run: async () => ({ conflicts: await sync().conflicts() }) },
  'sync/resolve': { senders: ['extension-page'], run: async (_store, r) => ({ resolved: await sync().resolve(r.id, r.rev, r.note) }) },
  'sync/conflict': { senders: ['extension-page'], run: async (_store, r) => ({ conflict: await sync().conflictOf(r.annotationId) }) },
  'sync/authors': { senders: ['extension-page'], run: async () => ({ notes: await sync().authors() }) },
  'sync/shared-sites': { senders: ['extension-page'], run: async () => ({ hosts: await sync().sharedSites() }) },
  'sync/share-site': { senders: ['extension-page'], run: async (_store, r) => ({ shared: await sync().shareSite(r.host, r.shared) }) },
};
