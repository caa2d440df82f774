// Links in the card and popup come from stored or imported data: only http(s) may become an href,
// so a `javascript:` or `data:` URL can never run in the page or the extension.

/** The URL, normalised, when it is an absolute http(s) URL; otherwise undefined. */
export function safeHttpUrl(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return undefined;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
}

/** The host name of an http(s) URL, for the "Off on <host>" switch; undefined for other pages. */
export function hostOf(value: unknown): string | undefined {
  const safe = safeHttpUrl(value);
  return safe === undefined ? undefined : new URL(safe).hostname;
}
