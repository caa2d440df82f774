// Where a frame page is, and the origin its document has. Chrome serves web-accessible pages at a
// per-session address (use_dynamic_url: a page cannot probe a fixed URL), but the document loaded
// from it is of the extension's own origin, which is where the content script's one message to the
// frame must be addressed. Firefox's addresses are random per install and are the origin.
import { runtimeApi } from '../first-stage/runtime';
import { FRAME_PAGES, type FrameName } from '../../shared/frame-messages';

export interface FrameAddress {
  url: string;
  origin: string;
}

export function frameAddress(name: FrameName): FrameAddress {
  const runtime = runtimeApi();
  if (!runtime) throw new Error('Extension context invalidated.');
  const url = runtime.getURL(FRAME_PAGES[name]);
  const parsed = new URL(url);
  const origin = parsed.protocol === 'chrome-extension:' ? `chrome-extension://${runtime.id}` : parsed.origin;
  return { url, origin };
}
