// The background's broadcasts to every tab (TabBroadcasts in shared/messages.ts): the sites where
// Dossier is off changed, or what pages show (the list, the colours) may have. Checked here because
// they come through the same onMessage as anything else the extension sends; only our own
// extension's messages reach this parser, and a page acts on none of them without asking again.
import type { RequestOf, TabBroadcasts } from '../../shared/messages';

type SitesChanged = RequestOf<TabBroadcasts, 'page/sites-changed'>;

export type Broadcast = { type: 'page/sites-changed'; request: SitesChanged } | { type: 'page/dossier-changed' };

/** The broadcast, when `message` is a well-formed one; else undefined. */
export function readBroadcast(message: unknown): Broadcast | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const { type, payload } = message as { type?: unknown; payload?: unknown };
  if (typeof payload !== 'object' || payload === null) return undefined;
  if (type === 'page/dossier-changed') return { type };
  if (type !== 'page/sites-changed') return undefined;
  const host = (payload as { host?: unknown }).host;
  if (host === undefined) return { type, request: {} };
  return typeof host === 'string' ? { type, request: { host } } : undefined;
}

/** Whether a change for `request` concerns a frame on `hostname`. */
export const concernsHost = (request: SitesChanged, hostname: string): boolean => request.host === undefined || request.host === hostname;
