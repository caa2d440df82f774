// Which tab the popup talks to. Opened from the toolbar, it is the active tab of the current
// window. A test opens popup.html in a tab of its own, which then is the active tab itself; so
// `?tab=<id>` names the tab explicitly. Only a positive integer is accepted: anything else falls
// back to the active tab, never to a guess.
export function tabFromQuery(search: string): number | undefined {
  const raw = new URLSearchParams(search).get('tab');
  if (raw === null || !/^\d{1,10}$/.test(raw)) return undefined;
  const id = Number(raw);
  return id > 0 && Number.isSafeInteger(id) ? id : undefined;
}
