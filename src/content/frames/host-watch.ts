// Watches one of our frame hosts while it shows something the reader is working in (the note
// form): the page may remove it (from <html>, or <html> itself), or rewrite its attributes to hide
// it (its inline style, `hidden`, `inert`). A MutationObserver of our isolated world: the page's own
// MutationObserver (or a replaced prototype) is not ours, and the page cannot stop this one.
// A page may also move the host (a moved <iframe> reloads): frame-host.ts sees that as a second load.

export type HostChange = 'removed' | 'attributes';

/** Starts watching; the returned function stops. `onChange` is told at most once per batch. */
export function watchHost(doc: Document, host: HTMLElement, onChange: (change: HostChange) => void): () => void {
  const observer = new MutationObserver((records) => {
    if (!host.isConnected) {
      observer.disconnect();
      onChange('removed');
      return;
    }
    if (records.some((r) => r.type === 'attributes' && r.target === host)) onChange('attributes');
  });
  observer.observe(doc, { childList: true });
  if (doc.documentElement) observer.observe(doc.documentElement, { childList: true });
  observer.observe(host, { attributes: true });
  return () => observer.disconnect();
}

/**
 * Every declaration of the element's inline style (as the browser normalised it) but top and left,
 * which the owner moves: compared with what it was when we pinned it, this tells a page's edit.
 */
export function styleBesidesPlace(element: HTMLElement): string {
  const style = element.style;
  const out: string[] = [];
  for (let i = 0; i < style.length; i++) {
    const name = style.item(i);
    if (name !== 'top' && name !== 'left') out.push(`${name}:${style.getPropertyValue(name)}!${style.getPropertyPriority(name)}`);
  }
  return out.sort().join(';');
}
