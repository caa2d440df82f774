// Anchoring: selections of the page's text model saved as W3C selectors, and found again.
export { anchor, DEFAULT_ANCHOR_MAX_MS, type Anchored, type AnchorMethod, type AnchorOptions } from './anchor';
export { describe, type Described } from './describe';
export {
  CONTEXT_LENGTH,
  selectorsFromList,
  type AnchorSelectors,
  type TextPositionSelector,
  type TextQuoteSelector,
  type TextSelector,
} from './selectors';
