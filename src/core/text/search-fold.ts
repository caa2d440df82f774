// One folding of text for search, shared by the store's index, its queries and the pages that
// look names up (the review page): if they folded differently, "the same" name would not match.

/** Case-, diacritic- and typography-insensitive form: "Zelenskyy’s" and "ZELENSKYY'S" agree. */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/\s+/gu, ' ')
    .trim();
}
