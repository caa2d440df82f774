// The card's host and its frame code, a chunk loaded after the page's first highlights (when idle)
// or at the reader's first press on one (issue 14): not on the path to the highlights.
export { CardHost } from '../card/card-host';
