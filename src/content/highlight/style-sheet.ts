// Puts the ::highlight rules into the page once. A constructed sheet in adoptedStyleSheets adds
// no node to the page's DOM; where that is refused (some engines' content-script sandboxes) a
// single <style> element is the fallback.
import { highlightCss } from './highlight-styles';
import { pageNames } from './page-names';

/** The fallback <style>'s id: random per page, like every name we put in the page. */
export function styleElementId(): string {
  return pageNames().styleId;
}

export class HighlightStyleSheet {
  private sheet: CSSStyleSheet | null = null;
  private element: HTMLStyleElement | null = null;

  constructor(private readonly doc: Document) {}

  /** Installs the rules, or puts them back if the page dropped them. */
  ensure(): void {
    if (this.sheet && this.doc.adoptedStyleSheets.includes(this.sheet)) return;
    if (this.element?.isConnected) return;
    try {
      this.sheet ??= new CSSStyleSheet();
      this.sheet.replaceSync(highlightCss());
      this.doc.adoptedStyleSheets = [...this.doc.adoptedStyleSheets, this.sheet];
      return;
    } catch {
      this.sheet = null;
    }
    this.element ??= this.doc.createElement('style');
    this.element.id = styleElementId();
    this.element.textContent = highlightCss();
    this.doc.documentElement.append(this.element);
  }

  /** Rebuilds the rules where they are installed (the reader hid or showed a kind). */
  refresh(): void {
    this.sheet?.replaceSync(highlightCss());
    if (this.element) this.element.textContent = highlightCss();
  }

  remove(): void {
    if (this.sheet) this.doc.adoptedStyleSheets = this.doc.adoptedStyleSheets.filter((s) => s !== this.sheet);
    this.element?.remove();
    this.sheet = null;
    this.element = null;
  }
}
