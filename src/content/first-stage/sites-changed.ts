// The background's word that the sites where Dossier is off changed (TabBroadcasts in
// shared/messages.ts). Checked here because it comes through the same onMessage as anything
// else the extension sends; only our own extension's messages reach this parser.
import type { RequestOf, TabBroadcasts } from '../../shared/messages';

type SitesChanged = RequestOf<TabBroadcasts, 'page/sites-changed'>;

/** The request, when `message` is a well-formed page/sites-changed envelope; else undefined. */
export function readSitesChanged(message: unknown): SitesChanged | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const { type, payload } = message as { type?: unknown; payload?: unknown };
  if (type !== 'page/sites-changed' || typeof payload !== 'object' || payload === null) return undefined;
  const host = (payload as { host?: unknown }).host;
  if (host === undefined) return {};
  return typeof host === 'string' ? { host } : undefined;
}

/** Whether a change for `request` concerns a frame on `hostname`. */
export const concernsHost = (request: SitesChanged, hostname: string): boolean => request.host === undefined || request.host === hostname;
