// What the card asks of whoever shows it (the card frame): its own file, so the card's parts
// and its entry point do not import each other.

export interface CardCallbacks {
  onPrevious(): void;
  onNext(): void;
  onClose(): void;
  /** The next page of quotes by or about the entity; without it the card only counts the rest. */
  onMoreQuotes?(which: 'by' | 'about'): void;
  /** Forgets a page of "Seen elsewhere" from the reader's history (every card's); without it the card offers no "Forget". */
  onForgetPage?(url: string): void;
  /** Opens the card of another entity the same mention may name (Alternatives.tsx). */
  onChooseAlternative?(id: string): void;
}
