// Whether this page is in a private (incognito) window, as the browser tells the content script.
// There the background keeps no "Seen elsewhere" page and no quote (routes/router.ts decides, from
// the sender the browser reports); the page then spares the work of sending them.

export function inPrivateWindow(): boolean {
  const global = globalThis as { browser?: { extension?: { inIncognitoContext?: boolean } }; chrome?: { extension?: { inIncognitoContext?: boolean } } };
  try {
    return (global.browser?.extension ?? global.chrome?.extension)?.inIncognitoContext === true;
  } catch {
    return false; // a dead wrapper after an update (Firefox)
  }
}
