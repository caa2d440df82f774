// "Last synced 2 minutes ago": the sync status in words (pure, so unit tests can pin it).
import type { SyncStatus } from '../../shared/sync-messages';

export function ago(then: number, now: number): string {
  const seconds = Math.max(0, Math.round((now - then) / 1000));
  if (seconds < 45) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return minutes === 1 ? '1 minute ago' : `${minutes} minutes ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return hours === 1 ? '1 hour ago' : `${hours} hours ago`;
  const days = Math.round(hours / 24);
  return days === 1 ? 'yesterday' : `${days} days ago`;
}

/** The one line under the section's title. */
export function statusLine(status: SyncStatus, now: number): string {
  if (!status.on) return 'Sync is off: nothing leaves this browser.';
  if (status.running) return 'Syncing…';
  // The problem, if any, has a line of its own (SyncSection's alert).
  return status.lastSyncedAt === undefined ? 'Not synced yet.' : `Last synced ${ago(status.lastSyncedAt, now)}.`;
}

/** The origin pattern the host permission is asked for: that server only. */
export function originPattern(server: string): string {
  const url = new URL(server);
  return `${url.protocol}//${url.hostname}/*`;
}
