// Page furniture inside an article's text: "Keep reading", list counters ("list of 4 items",
// "end of list"), bylines, "Published On 16 May 2024" stamps and photo credits
// ("[File: Mark Ralston/Pool via AFP]"). None of it is a sentence, a claim or a name of the story.

export interface Span {
  start: number;
  end: number;
}

const LINE_PATTERNS: RegExp[] = [
  /^(?:keep reading|read more|related(?: stories| articles| coverage)?|advertisement|skip (?:to|advertisement).*|share(?: this)?(?: article)?|listen to this article.*|sign up.*|subscribe.*|follow us.*|most (?:read|popular)|recommended(?: stories)?|more from .{1,40}|\d+ min(?:ute)?s? read)$/iu,
  /^(?:list of \d+ items?)?(?:\s*end of list)?$/iu,
  /^(?:published|updated|last updated|posted)(?: on)?\b[^.!?]{0,60}$/iu,
  /^[Bb]y\s+\p{Lu}[\p{L}\p{M}.'’-]*(?:,?\s+(?:and\s+)?\p{Lu}[\p{L}\p{M}.'’-]*){0,6}(?:\s*[|,·-]\s*[^.!?]{0,60})?$/u,
  /^(?:photo|image|picture|file|credit|source)s?\s*:[^.!?]{0,120}$/iu,
  /^[^.!?]{0,80}(?:getty images|via afp|via reuters|\/reuters|\/ap|associated press|epa-efe|shutterstock)\]?\)?$/iu,
  // A date or time alone on its line: "16 May 2024", "May 16, 2024 10:32 GMT", "2024-05-16".
  /^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(?:\d{1,2}\s+\p{L}+\s+\d{4}|\p{L}+\s+\d{1,2},?\s+\d{4}|\d{4}-\d{2}-\d{2})(?:[\s,·|-]+\d{1,2}[:.]\d{2}\s*(?:am|pm|[A-Z]{2,4})?)*$/iu,
];

// Inside a line: a bracketed credit, and what is glued to it ("…via AFP]Published On 16 May 2024").
// Each with a literal every match holds: a line without it is not searched (most lines of a page).
const INLINE: [RegExp, (line: string) => boolean][] = [
  [/\[(?:File|Photo|Image|Picture|Credit)?:?[^\]\n]{0,160}?(?:AFP|Reuters|AP|Getty|EPA|Pool|File|Photo)[^\]\n]{0,80}\](?:\s*(?:Published|Updated)(?: On)?[^\n]{0,60}?(?=\s+\p{Lu}\p{Ll}|$))?/gu, (line) => line.includes('[')],
  [/(?:^|(?<=[\].!?]))\s*(?:Published|Updated)(?: On)?\s+\d{1,2}\s+\p{L}+\s+\d{4}(?:\d{1,2}\s+\p{L}+\s+\d{4})?/gu, (line) => line.includes('Published') || line.includes('Updated')],
];

export function isFurnitureLine(line: string): boolean {
  const trimmed = line.trim();
  if (trimmed === '') return false;
  return LINE_PATTERNS.some((re) => re.test(trimmed));
}

/** Furniture of a text as offset spans, in order. */
export function furnitureSpans(text: string): Span[] {
  const spans: Span[] = [];
  let lineStart = 0;
  while (lineStart < text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);
    if (isFurnitureLine(line)) spans.push({ start: lineStart, end: lineEnd });
    else {
      for (const [re, mayHold] of INLINE) {
        if (!mayHold(line)) continue;
        for (const m of line.matchAll(re)) spans.push({ start: lineStart + m.index, end: lineStart + m.index + m[0].length });
      }
    }
    lineStart = lineEnd + 1;
  }
  return spans.sort((a, b) => a.start - b.start);
}

/** Does [start, end) lie mostly inside furniture? */
export function inFurniture(spans: readonly Span[], start: number, end: number): boolean {
  let covered = 0;
  for (const s of spans) {
    if (s.end <= start) continue;
    if (s.start >= end) break;
    covered += Math.min(end, s.end) - Math.max(start, s.start);
  }
  return covered * 2 >= end - start;
}
