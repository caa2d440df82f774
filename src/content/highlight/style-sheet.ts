// Puts the ::highlight rules into the page once. A constructed sheet in adoptedStyleSheets adds
// no node to the page's DOM; where that is refused (some engines' content-script sandboxes) a
// single <style> element is the fallback.
import { highlightCss, setUnderlined } from './highlight-styles';
import { isTooLargeForUnderlines } from './document-size';
import { pageNames } from './page-names';

/** The fallback <style>'s id: random per page, like every name we put in the page. */
export function styleElementId(): string {
  return pageNames().styleId;
}

export class HighlightStyleSheet {
  private sheet: CSSStyleSheet | null = null;
  private element: HTMLStyleElement | null = null;
  private tooLarge = false;

  constructor(private readonly doc: Document) {}

  /**
   * Installs the rules, or puts them back if the page dropped them. A page that has grown too
   * large for underlines since (a live blog) has its rules rebuilt without them, once.
   */
  ensure(): void {
    const grewTooLarge = this.followSize();
    if ((this.sheet && this.doc.adoptedStyleSheets.includes(this.sheet)) || this.element?.isConnected) {
      if (grewTooLarge) this.refresh();
      return;
    }
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

  /** Whether the page just became too large for underlined marks (document-size.ts); a page never goes back. */
  private followSize(): boolean {
    if (this.tooLarge || !isTooLargeForUnderlines(this.doc)) return false;
    this.tooLarge = true;
    return setUnderlined(false);
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
