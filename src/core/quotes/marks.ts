// Where the direct quotes of a text are, by their quotation marks alone. Only double marks open a
// quote: single marks are inner quotes or apostrophes ("Russia’s", "countries’"), and inside an
// outer quote we only look for its closing mark, so an inner ‘usefulness’ stays part of the text.

/** One stretch of quoted words inside one paragraph. Offsets index the original text. */
export interface QuotePart {
  /** Offset of the opening mark. */
  open: number;
  /** Offset just after the closing mark, or the paragraph's end when the quote runs on. */
  close: number;
  /** The quoted words, without marks: text.slice(textStart, textEnd). */
  textStart: number;
  textEnd: number;
}

/** A quote that may run over paragraphs (the English convention: no closing mark, next paragraph reopens). */
export type QuoteGroup = QuotePart[];

const CURLY_OPEN = '“';
const CURLY_CLOSE = '”';
const STRAIGHT = '"';

function isWordChar(char: string | undefined): boolean {
  return char !== undefined && /[\p{L}\p{N}]/u.test(char);
}

function opensStraight(text: string, i: number): boolean {
  return !isWordChar(text[i - 1]) && text[i + 1] !== undefined && !/\s/.test(text[i + 1]!);
}

function isOpening(text: string, i: number): boolean {
  return text[i] === CURLY_OPEN || (text[i] === STRAIGHT && opensStraight(text, i));
}

function closingMarkFor(open: string): string {
  return open === CURLY_OPEN ? CURLY_CLOSE : STRAIGHT;
}

/** First non-space offset of the next paragraph after the newline at `i`. */
function nextParagraphStart(text: string, i: number): number {
  let j = i;
  while (j < text.length && /\s/.test(text[j]!)) j++;
  return j;
}

export function findQuoteGroups(text: string): QuoteGroup[] {
  const groups: QuoteGroup[] = [];
  let i = 0;
  while (i < text.length) {
    if (!isOpening(text, i)) {
      i++;
      continue;
    }
    const group: QuoteGroup = [];
    let open = i;
    let closer = closingMarkFor(text[i]!);
    let j = i + 1;
    let done = false;
    while (!done) {
      if (j >= text.length || text[j] === '\n') {
        // Runs on only where the next paragraph reopens the quote; otherwise the mark was stray.
        const next = nextParagraphStart(text, j);
        if (j < text.length && text[next] === text[open] && isOpening(text, next)) {
          group.push({ open, close: j, textStart: open + 1, textEnd: j });
          open = next;
          closer = closingMarkFor(text[next]!);
          j = next + 1;
          continue;
        }
        group.length = 0;
        done = true;
        break;
      }
      if (text[j] === closer && j > open + 1) {
        group.push({ open, close: j + 1, textStart: open + 1, textEnd: j });
        done = true;
        break;
      }
      j++;
    }
    if (group.length > 0) {
      groups.push(group);
      i = group[group.length - 1]!.close;
    } else {
      i = open + 1;
    }
  }
  return groups;
}

/** The quoted words without surrounding space and the comma or full stop set inside the marks. */
export function cleanQuoteText(raw: string): string {
  let text = raw.trim();
  if (/[^.][,.;:]$/u.test(text)) text = text.slice(0, -1).trimEnd();
  return text;
}
