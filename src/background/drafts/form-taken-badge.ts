// The toolbar button of a tab whose page kept removing the note form: a badge and a tooltip that
// say the draft is kept. The button is the browser's: no page can draw over it or clear it.
import browser from 'webextension-polyfill';
import { FORM_TAKEN_BADGE, FORM_TAKEN_NOTICE } from '../../shared/draft-messages';

export async function tellFormTaken(tabId: number): Promise<void> {
  await browser.action.setBadgeBackgroundColor({ tabId, color: '#b91c1c' });
  await browser.action.setBadgeText({ tabId, text: FORM_TAKEN_BADGE });
  await browser.action.setTitle({ tabId, title: `Dossier: ${FORM_TAKEN_NOTICE}` });
}

/** A note form is open again on the tab: the warning has done its work. */
export async function clearFormTaken(tabId: number): Promise<void> {
  const text = await browser.action.getBadgeText({ tabId });
  if (text !== FORM_TAKEN_BADGE) return;
  await browser.action.setBadgeText({ tabId, text: '' });
  await browser.action.setTitle({ tabId, title: 'Dossier' });
}
