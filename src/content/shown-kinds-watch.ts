// The kinds the reader hid in the popup, read once and followed as they change (storage.local
// tells every tab), so a page repaints at once. What storage holds is checked (shown-kinds.ts).
import browser from 'webextension-polyfill';
import type { MentionKind } from '../core/types';
import { SHOWN_KINDS_KEY, readHiddenKinds } from '../shared/shown-kinds';

export function watchHiddenKinds(onChange: (hidden: ReadonlySet<MentionKind>) => void, signal: AbortSignal): void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && SHOWN_KINDS_KEY in changes) onChange(readHiddenKinds(changes[SHOWN_KINDS_KEY]?.newValue));
  };
  try {
    browser.storage.onChanged.addListener(listener);
    signal.addEventListener('abort', () => {
      try {
        browser.storage.onChanged.removeListener(listener);
      } catch {
        // the extension context is gone, and its listener with it
      }
    });
    void browser.storage.local.get(SHOWN_KINDS_KEY).then(
      (got) => signal.aborted || onChange(readHiddenKinds(got[SHOWN_KINDS_KEY])),
      () => undefined,
    );
  } catch {
    // No storage permission (an older install not yet updated): every kind stays shown.
  }
}
