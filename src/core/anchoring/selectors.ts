// The two W3C text selectors we write and read. Shaped as the Web Annotation Data Model has them
// (with `type`), so an annotation's target can be exported without translation.

/** The quoted text with up to CONTEXT_LENGTH characters on each side to tell repeats apart. */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

/** UTF-16 offsets into the page's text model: fast to check, broken by any edit before them. */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export type TextSelector = TextQuoteSelector | TextPositionSelector;

/** What `describe` returns and `anchor` reads: either selector may be missing after an import. */
export interface AnchorSelectors {
  quote?: TextQuoteSelector;
  position?: TextPositionSelector;
}

/** Characters of context kept on each side of a quote (as hypothesis and the W3C examples do). */
export const CONTEXT_LENGTH = 32;

/** Picks the first selector of each kind from a target's selector list. */
export function selectorsFromList(list: readonly TextSelector[]): AnchorSelectors {
  const found: AnchorSelectors = {};
  for (const selector of list) {
    if (selector.type === 'TextQuoteSelector') found.quote ??= selector;
    else found.position ??= selector;
  }
  return found;
}
