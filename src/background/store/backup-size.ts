// How big a backup may be, measured the way Dossier writes one: compact JSON, UTF-8. The restore
// checks the dossier a file would make against the same measure the export uses, so a restored
// dossier always exports to a file the restore takes back (a file with spacing, or an older
// backup written indented, counts by its data, not its spacing).
import { utf8Length } from '../../core/annotations/json-input';
import { jsonBytes } from '../../core/json-bytes';

const MB = 1024 * 1024;
/**
 * The backup's data, as the export writes it. The options page reads and writes the file itself
 * (restore-in-page.ts, backup-in-page.ts); the background's own routes still take it in one
 * extension message (Chromium's limit is 64 MB, JSON escapes included), which bounds it.
 */
export const MAX_BACKUP_BYTES = 40 * MB;
/** The file as read: room for the spacing an older Dossier or an editor adds around that data. */
export const MAX_BACKUP_FILE_BYTES = 48 * MB;
/** The `exported` time the export writes: "2024-05-16T10:00:00.000Z". */
const EXPORTED_LENGTH = 24;

export const megabytes = (bytes: number): string => (bytes / MB).toFixed(bytes % MB === 0 ? 0 : 1);

/** The bytes of the file the export would write for this backup's data (counted, not written: json-bytes.ts). */
export function backupBytes(backup: { exported: string }): number {
  return (jsonBytes(backup) ?? 0) + EXPORTED_LENGTH - utf8Length(backup.exported);
}

/** What to do when a dossier or a file is over the limit, said the same way by export and restore. */
export function dossierTooBig(bytes: number): string {
  return `No backup was written: your dossier makes a ${megabytes(bytes)} MB backup, more than the ${megabytes(MAX_BACKUP_BYTES)} MB a restore can read back. Export your annotations (they keep their own file), delete the ones you no longer need or entities you do not follow (their sightings go with them), then download the backup again.`;
}

export function fileTooBig(bytes: number): string {
  return `The file is ${megabytes(bytes)} MB, more than the ${megabytes(MAX_BACKUP_FILE_BYTES)} MB a restore reads. A backup Dossier writes is at most ${megabytes(MAX_BACKUP_BYTES)} MB; if this one was edited elsewhere, save it without spacing (minified JSON).`;
}

export function dataTooBig(bytes: number): string {
  return `This backup holds ${megabytes(bytes)} MB of data, more than the ${megabytes(MAX_BACKUP_BYTES)} MB a dossier may hold to be backed up and restored. Remove old sightings or annotations from the file, or restore a smaller backup.`;
}
