// Routes of the options page's messages. All of them are for extension pages only, except the
// colours a content script reads to paint its highlights.
import { parseJsonInput, DEFAULT_MAX_IMPORT_BYTES } from '../../core/annotations/json-input';
import { parseEntityCsv } from '../../core/list/entity-csv';
import { parseEntityList } from '../../core/list/entity-list';
import type { EntityList } from '../../core/types';
import type { DossierBackgroundMessages, EntityImportFormat, HistoryRange } from '../../shared/dossier-messages';
import type { Route } from './route';
import { StoreError } from '../store';
import { parseBackup } from '../store/backup-validate';

/** How far back each choice of "Clear reading history" reaches. */
const HISTORY_RANGE_MS: Record<HistoryRange, number> = { hour: 3_600_000, day: 86_400_000, week: 7 * 86_400_000, all: Infinity };

type DossierRoutes = { [K in keyof DossierBackgroundMessages]: Route<K> };

/** More than a hand-kept list ever holds; the same bound as "Add this article". */
export const ENTITY_IMPORT_ITEMS_MAX = 5000;

/** Reads and validates an entity list file; throws "Nothing was imported. <where>: <what>". */
export function readEntityFile(text: string, format: EntityImportFormat, now: number, filename = ''): EntityList {
  const refuse = (problem: string): never => {
    throw new StoreError('invalid', `Nothing was imported. ${problem}`);
  };
  let list: EntityList;
  if (format === 'csv') {
    const date = new Date(now).toISOString().slice(0, 10);
    const parsed = parseEntityCsv(text, { outlet: 'CSV import', title: filename || 'Entity list (CSV)', date });
    if (!parsed.ok) return refuse(parsed.error);
    list = { version: 1, entities: parsed.entities, claims: [], quotes: [], distinct: [] };
  } else {
    const json = parseJsonInput(text, DEFAULT_MAX_IMPORT_BYTES);
    if (!json.ok) return refuse(json.error);
    const parsed = parseEntityList(json.value);
    if (!parsed.ok) return refuse(parsed.error);
    list = parsed.list;
  }
  // The CSV's entities go through the same validator as a JSON list: one set of rules.
  const checked = parseEntityList(list);
  if (!checked.ok) return refuse(checked.error);
  const items = checked.list.entities.length + checked.list.claims.length + checked.list.quotes.length;
  if (items === 0) return refuse('The file holds no entities.');
  if (items > ENTITY_IMPORT_ITEMS_MAX) return refuse(`The file holds more than ${ENTITY_IMPORT_ITEMS_MAX} items.`);
  return checked.list;
}

export const DOSSIER_ROUTES: DossierRoutes = {
  'entities/list': { senders: ['extension-page'], run: async (store) => ({ entities: await store.admin.listEntities() }) },
  'entities/save': { senders: ['extension-page'], run: async (store, r, { now }) => ({ entity: await store.admin.saveEntity(r.entity, now) }) },
  'entities/delete': { senders: ['extension-page'], run: async (store, r, { now }) => ({ deleted: await store.admin.deleteEntity(r.id, now) }) },
  'entities/import': {
    senders: ['extension-page'],
    run: (store, r, { now }) => {
      const list = readEntityFile(r.text, r.format, now, r.filename);
      return r.apply ? store.admin.importEntities(list, now) : store.admin.previewImport(list);
    },
  },
  'sites/list': { senders: ['extension-page'], run: async (store) => ({ hosts: await store.admin.disabledSites() }) },
  'settings/colours': { senders: ['content', 'extension-page'], run: async (store) => ({ colours: await store.admin.colours() }) },
  'settings/colours/set': { senders: ['extension-page'], run: async (store, r) => ({ colours: await store.admin.setColours(r.colours) }) },
  'settings/diagnostics': { senders: ['extension-page'], run: async (store) => ({ on: await store.admin.diagnostics() }) },
  'settings/diagnostics/set': { senders: ['extension-page'], run: async (store, r) => ({ on: await store.admin.setDiagnostics(r.on) }) },
  'backup/export': { senders: ['extension-page'], run: (store, _r, { now }) => store.admin.exportBackup(now) },
  'history/summary': { senders: ['extension-page'], run: (store) => store.readingHistory() },
  'history/keep': { senders: ['extension-page'], run: async (store, r, { now }) => ({ keepDays: r.days, forgotten: await store.keepReadingHistory(r.days, now) }) },
  'history/forget-page': { senders: ['extension-page'], run: async (store, r) => ({ entities: await store.forgetReadingPage(r.url) }) },
  'history/clear': { senders: ['extension-page'], run: async (store, r, { now }) => ({ pages: await store.clearReadingHistory(now - HISTORY_RANGE_MS[r.range]) }) },
  'backup/restore': {
    senders: ['extension-page'],
    run: async (store, r) => {
      // Every record is read and checked before the store is touched: a bad file changes nothing.
      const parsed = parseBackup(r.text);
      if (!parsed.ok) throw new StoreError('invalid', `Nothing was restored. ${parsed.error}`);
      return { counts: await store.admin.restoreBackup(parsed.backup) };
    },
  },
};
