// How many items one "Add this article" may add: the background refuses more (learn-payloads.ts),
// and the review page ticks no more than this by default, so its default can always be added.
/** More entities than one article names; the list is for the reader, not a bulk import. */
export const LIST_ADD_ITEMS_MAX = 2000;
