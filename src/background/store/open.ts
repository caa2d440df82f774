// Opening the database: the only place in the extension that calls indexedDB.open. Written on the
// raw request (not idb's openDB) so tests can pass their own IDBFactory and so a blocked upgrade
// rejects instead of waiting forever for a tab that never closes its connection.
import { wrap } from 'idb';
import { StoreError, toStoreError } from './errors';
import { UPGRADE_STEPS, type UpgradeStep, type UpgradeTransaction } from './migrations';
import { DB_NAME, type DossierSchema } from './schema';
import { withSyncMarks } from './sync-marks';
import type { DossierDB } from './schema';

export type { DossierDB };

export interface OpenStoreOptions {
  /** Defaults to the global indexedDB. */
  factory?: IDBFactory;
  name?: string;
  /** Defaults to UPGRADE_STEPS; the version opened is steps.length. */
  steps?: readonly UpgradeStep[];
  /**
   * Open only a database that is there: a reader in another context (the options page's backup)
   * must not create an empty dossier under a name a restore has just deleted. Fails 'not-found'.
   */
  mustExist?: boolean;
  /** Called when the connection goes away (closed for a newer version, or by the browser). */
  onClose?: () => void;
}

export function openStore(options: OpenStoreOptions = {}): Promise<DossierDB> {
  const steps = options.steps ?? UPGRADE_STEPS;
  const version = steps.length;
  const factory = options.factory ?? (typeof indexedDB === 'undefined' ? undefined : indexedDB);
  if (!factory) return Promise.reject(toStoreError(new Error('indexedDB is not defined')));

  return new Promise<DossierDB>((resolve, reject) => {
    let settled = false;
    let upgradeFailure: { from: number; error: unknown } | undefined;
    const fail = (error: StoreError): void => {
      if (!settled) reject(error);
      settled = true;
    };

    let request: IDBOpenDBRequest;
    try {
      request = factory.open(options.name ?? DB_NAME, version);
    } catch (error) {
      fail(toStoreError(error));
      return;
    }

    request.onupgradeneeded = (event) => {
      const transaction = request.transaction;
      if (!transaction) return;
      const from = event.oldVersion;
      if (from === 0 && options.mustExist) {
        upgradeFailure = { from, error: new StoreError('not-found', 'The dossier’s database is gone (a restore replaced it)') };
        transaction.abort();
        return;
      }
      const abort = (error: unknown): void => {
        upgradeFailure = { from, error };
        try {
          transaction.abort();
        } catch {
          // Already finished or aborted: the open request reports the error either way.
        }
      };
      try {
        const tx = wrap(transaction) as unknown as UpgradeTransaction;
        // The open request reports an aborted upgrade; idb's `done` would also reject, unheard.
        tx.done.catch(() => undefined);
        const pending = runSteps(steps, from, version, wrap(request.result) as DossierDB, tx);
        pending?.catch(abort);
      } catch (error) {
        abort(error);
      }
    };

    request.onblocked = (event) => {
      fail(
        new StoreError(
          'blocked',
          `Dossier cannot upgrade its database to version ${version}: another tab or window of the extension still has version ${event.oldVersion} open. Close other Dossier pages and try again.`,
        ),
      );
    };

    request.onsuccess = () => {
      const db = request.result;
      if (settled) {
        // We already reported "blocked"; the caller will retry, so do not leak this connection.
        db.close();
        return;
      }
      // A newer version elsewhere (an updated extension) must not be blocked by us.
      db.onversionchange = () => {
        db.close();
        options.onClose?.();
      };
      db.onclose = () => options.onClose?.();
      settled = true;
      resolve(withSyncMarks(wrap(db) as DossierDB));
    };

    request.onerror = (event) => {
      // Handled here; without this the error would also surface as an uncaught event.
      event.preventDefault();
      if (upgradeFailure?.error instanceof StoreError && upgradeFailure.error.code === 'not-found') {
        fail(upgradeFailure.error);
      } else if (upgradeFailure) {
        const cause = upgradeFailure.error instanceof Error ? upgradeFailure.error.message : String(upgradeFailure.error);
        fail(
          new StoreError(
            'upgrade',
            `Dossier could not upgrade its database from version ${upgradeFailure.from} to ${version} (${cause}); your data was left as it was.`,
            { cause: upgradeFailure.error },
          ),
        );
      } else {
        fail(toStoreError(request.error));
      }
    };
  });
}

/** Runs synchronous steps synchronously (createObjectStore needs the transaction active) and chains async ones. */
function runSteps(
  steps: readonly UpgradeStep[],
  from: number,
  to: number,
  db: DossierDB,
  tx: UpgradeTransaction,
): Promise<void> | undefined {
  for (let i = from; i < to; i++) {
    const step = steps[i];
    if (!step) throw new Error(`no upgrade step from version ${i}`);
    const result = step(db, tx);
    if (result) return result.then(() => runSteps(steps, i + 1, to, db, tx));
  }
  return undefined;
}
