// The toolbar button of a tab whose page kept removing the note form: a badge and a tooltip that
// say the draft is kept. The button is the browser's: no page can draw over it or clear it.
import browser from 'webextension-polyfill';

export const FORM_TAKEN_TITLE = 'Dossier: this page removed your note form, so Dossier stopped putting it back. Your draft is kept: select the passage again to finish it (or reload the page first).';

export async function tellFormTaken(tabId: number): Promise<void> {
  await browser.action.setBadgeBackgroundColor({ tabId, color: '#b91c1c' });
  await browser.action.setBadgeText({ tabId, text: '!' });
  await browser.action.setTitle({ tabId, title: FORM_TAKEN_TITLE });
}

/** A note form is open again on the tab: the warning has done its work. */
export async function clearFormTaken(tabId: number): Promise<void> {
  const text = await browser.action.getBadgeText({ tabId });
  if (text !== '!') return;
  await browser.action.setBadgeText({ tabId, text: '' });
  await browser.action.setTitle({ tabId, title: 'Dossier' });
}
