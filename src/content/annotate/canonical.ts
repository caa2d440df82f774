// The address the page declares as its own (rel=canonical); the background decides whether to trust it.
export function canonicalUrlOf(doc: Document): string | undefined {
  const link = doc.querySelector<HTMLLinkElement>('link[rel~="canonical" i][href]');
  return link?.href || undefined;
}
