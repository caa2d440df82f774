// The options page's restore, over one long-lived port (runtime.connect) instead of one 40 MB
// message: the page reads, checks and writes the backup into a fresh database itself, and the
// background only hands out that database's name and, at the end, switches the dossier to it
// (background/restore-port.ts). The port's life is the restore's: closed before the switch (the
// tab closed, the page failed), the fresh database is deleted and the old dossier stays.
//   background → page: reserved (the name to fill), switched, failed
//   page → background: keep-alive (a long fill must not let the worker stop), switch
export const RESTORE_PORT = 'dossier-restore';

/** How often the page says it is still filling: well inside the worker's 30 s idle stop. */
export const KEEP_ALIVE_MS = 10_000;

export type RestoreToPage = { kind: 'reserved'; name: string } | { kind: 'switched' } | { kind: 'failed'; error: string };
export type RestoreToBackground = { kind: 'keep-alive' } | { kind: 'switch' };

/** What the background accepts from the page; anything else closes the port (and abandons the restore). */
export function readRestoreToBackground(value: unknown): RestoreToBackground | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const kind = (value as { kind?: unknown }).kind;
  return kind === 'keep-alive' || kind === 'switch' ? { kind } : undefined;
}

/** What the page accepts from the background. */
export function readRestoreToPage(value: unknown): RestoreToPage | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as { kind?: unknown; name?: unknown; error?: unknown };
  if (v.kind === 'reserved' && typeof v.name === 'string' && v.name.length > 0) return { kind: 'reserved', name: v.name };
  if (v.kind === 'switched') return { kind: 'switched' };
  if (v.kind === 'failed' && typeof v.error === 'string') return { kind: 'failed', error: v.error };
  return undefined;
}
