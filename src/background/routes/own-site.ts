// A page's content script may ask about its own site only. Without this, a page process that
// speaks as our content script (a compromised renderer) could ask `site/get` or `page/init` about
// any host, one by one, and learn where the reader switched Dossier off: their history. The host
// compared is the one the browser gives for the sender's frame, never one the message claims.
import { StoreError } from '../store';
import type { RouteContext } from './route';

export function ownSite(host: string, context: RouteContext): string {
  if (context.kind !== 'content') return host;
  let senderHost: string | undefined;
  try {
    senderHost = new URL(context.senderUrl).hostname;
  } catch {
    senderHost = undefined;
  }
  if (senderHost === undefined || senderHost.toLowerCase() !== host.toLowerCase()) throw new StoreError('invalid', 'A page may only ask about its own site.');
  return host;
}
