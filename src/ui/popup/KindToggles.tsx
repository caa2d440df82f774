// Show or hide each kind of highlight on every page: a reader who only follows people can turn
// the claims off. Saved in storage.local (see shared/shown-kinds.ts); pages repaint on the change.
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { MentionKind } from '../../core/types';
import { SHOWN_KINDS_KEY, hiddenKindsValue, readHiddenKinds } from '../../shared/shown-kinds';
import { KIND_PALETTE } from '../shared/palette';

const KINDS: readonly MentionKind[] = ['person', 'organisation', 'place', 'claim'];
const LABEL: Record<MentionKind, string> = { person: 'People', organisation: 'Organisations', place: 'Places', claim: 'Claims' };

export function KindToggles() {
  const [hidden, setHidden] = useState<ReadonlySet<MentionKind> | undefined>();
  useEffect(() => {
    browser.storage.local.get(SHOWN_KINDS_KEY).then(
      (got) => setHidden(readHiddenKinds(got[SHOWN_KINDS_KEY])),
      () => setHidden(new Set()),
    );
  }, []);
  if (hidden === undefined) return null;

  function toggle(kind: MentionKind, shown: boolean) {
    const next = new Set(hidden);
    if (shown) next.delete(kind);
    else next.add(kind);
    setHidden(next);
    void browser.storage.local.set({ [SHOWN_KINDS_KEY]: hiddenKindsValue(next) });
  }

  return (
    <fieldset class="kinds">
      <legend>Highlight on pages</legend>
      {KINDS.map((kind) => (
        <label key={kind} class="kind-toggle">
          <input type="checkbox" checked={!hidden.has(kind)} onChange={(e) => toggle(kind, e.currentTarget.checked)} />
          <span class="swatch" style={{ background: kind === 'claim' ? KIND_PALETTE.claim.line : KIND_PALETTE[kind].background }} aria-hidden="true" />
          {LABEL[kind]}
        </label>
      ))}
    </fieldset>
  );
}
