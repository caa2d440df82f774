// The annotator (toolbar, form, anchoring, note highlights), loaded when the page has annotations
// or the reader selects text: most pages never evaluate it.
export { Annotator } from '../annotate/annotator';
