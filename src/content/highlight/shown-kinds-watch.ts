// The kinds the reader hid in the popup, read once and followed as they change (storage.local
// tells every tab), so a page repaints at once. What storage holds is checked (shown-kinds.ts).
import { storageApi, type StorageListener } from '../runtime/extension-storage';
import type { MentionKind } from '../../core/types';
import { SHOWN_KINDS_KEY, readHiddenKinds } from '../../shared/shown-kinds';

export function watchHiddenKinds(onChange: (hidden: ReadonlySet<MentionKind>) => void, signal: AbortSignal): void {
  const storage = storageApi();
  // No storage permission (an older install not yet updated): every kind stays shown.
  if (!storage) return;
  const listener: StorageListener = (changes, area) => {
    if (area === 'local' && SHOWN_KINDS_KEY in changes) onChange(readHiddenKinds(changes[SHOWN_KINDS_KEY]?.newValue));
  };
  try {
    storage.onChanged.addListener(listener);
    signal.addEventListener('abort', () => {
      try {
        storage.onChanged.removeListener(listener);
      } catch {
        // the extension context is gone, and its listener with it
      }
    });
    void storage.local.get(SHOWN_KINDS_KEY).then(
      (got) => signal.aborted || onChange(readHiddenKinds(got[SHOWN_KINDS_KEY])),
      () => undefined,
    );
  } catch {
    // The context went away as we asked: nothing to follow.
  }
}
