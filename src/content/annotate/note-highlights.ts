// Annotation highlights: one Highlight per colour (a random name per page, see page-names.ts),
// painted under the mention highlights, with their own constructed style sheet, hung from an
// attribute of their own on the elements holding an annotation (painted-elements.ts); the page's
// text and structure are not touched. Nothing is registered while the page has no annotation to show.
import { COLOURS, type Colour } from '../../core/annotations/model';
import { pageNames } from '../highlight/page-names';
import { NOTE_TINTS } from '../../shared/note-tints';
import { pageHighlightScope, scopeSelector } from '../highlight/highlight-scope';
import { PaintedElements } from '../highlight/painted-elements';

export function noteHighlightName(colour: Colour): string {
  return pageNames().note[colour]!;
}

/** Hung from the marked elements where the engine passes highlight styles down (highlight-scope.ts). */
function noteCss(scope = pageHighlightScope()): string {
  const from = scopeSelector(scope, pageNames().noteAttribute);
  return COLOURS.map((c) => `${from}::highlight(${noteHighlightName(c)}) { background-color: ${NOTE_TINTS[c]}; }`).join('\n');
}

export interface NoteMark {
  range: Range;
  id: string;
  colour: Colour;
}

export class NoteHighlights {
  private readonly highlights = new Map<Colour, Highlight>();
  private marks: NoteMark[] = [];
  private sheet: CSSStyleSheet | null = null;
  private held: (Element | null)[] = [];
  private readonly elements = new PaintedElements(() => (pageHighlightScope() === 'marked' ? pageNames().noteAttribute : null));

  constructor(private readonly doc: Document) {
    for (const colour of COLOURS) {
      const highlight = new Highlight();
      highlight.priority = -1; // names and claims paint on top of the reader's own colour
      this.highlights.set(colour, highlight);
    }
  }

  /** Replaces every mark; restores our registry entries and styles if the page removed them. */
  set(marks: readonly NoteMark[]): void {
    for (const highlight of this.highlights.values()) highlight.clear();
    this.marks = [...marks];
    for (const mark of marks) this.highlights.get(mark.colour)!.add(mark.range);
    // The new holders before the old ones go: an element kept does not lose its attribute and get it back.
    const before = this.held;
    this.held = marks.map((mark) => this.elements.hold(mark.range));
    for (const element of before) this.elements.release(element);
    if (marks.length === 0) this.clear();
    else this.register();
  }

  get current(): readonly NoteMark[] {
    return this.marks;
  }

  private register(): void {
    this.elements.restore();
    for (const [colour, highlight] of this.highlights) {
      const name = noteHighlightName(colour);
      if (CSS.highlights.get(name) !== highlight) CSS.highlights.set(name, highlight);
    }
    if (this.sheet && this.doc.adoptedStyleSheets.includes(this.sheet)) return;
    try {
      this.sheet ??= new CSSStyleSheet();
      this.sheet.replaceSync(noteCss());
      this.doc.adoptedStyleSheets = [...this.doc.adoptedStyleSheets, this.sheet];
    } catch {
      // Some sandboxes refuse constructed sheets: the highlight is still registered, unstyled.
    }
  }

  clear(): void {
    this.marks = [];
    this.held = [];
    this.elements.releaseAll();
    for (const [colour, highlight] of this.highlights) {
      highlight.clear();
      if (CSS.highlights.get(noteHighlightName(colour)) === highlight) CSS.highlights.delete(noteHighlightName(colour));
    }
    if (this.sheet) this.doc.adoptedStyleSheets = this.doc.adoptedStyleSheets.filter((s) => s !== this.sheet);
  }
}
