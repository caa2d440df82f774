// The popup's word for a tab whose page kept removing the note form (the toolbar badge says "!"
// there: background/drafts/form-taken-badge.ts): the draft is kept and how to get back to it.
// The popup is the browser's and ours; no page can draw over it.
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { FORM_TAKEN_BADGE, FORM_TAKEN_NOTICE } from '../../shared/draft-messages';

export function FormTakenNotice(props: { tabId: number }) {
  const [taken, setTaken] = useState(false);
  useEffect(() => {
    browser.action.getBadgeText({ tabId: props.tabId }).then(
      (text) => setTaken(text === FORM_TAKEN_BADGE),
      () => setTaken(false),
    );
  }, [props.tabId]);
  return taken ? <p class="error" role="status" data-testid="form-taken">{FORM_TAKEN_NOTICE}</p> : null;
}
