// Where a JSON text goes wrong. Engines word JSON.parse errors differently and V8 often gives no
// position at all ("Unexpected token '}', … is not valid JSON"), so the offset is found here by a
// small syntax scan, run only after JSON.parse has failed. Iterative: nesting depth costs no stack.

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERALS = ['true', 'false', 'null'];
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);

/** Offset just past the string starting at `at`, or the offset of its first error (the text's length if it ends early). */
function scanString(text: string, at: number): { end: number } | { error: number } {
  for (let index = at + 1; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    if (unit === 0x22) return { end: index + 1 };
    if (unit < 0x20) return { error: index };
    if (unit === 0x5c) {
      const escape = text[index + 1];
      if (escape === undefined) return { error: text.length };
      if (escape === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(index + 2, index + 6))) return { error: Math.min(index + 2, text.length) };
        index += 5;
      } else if (ESCAPES.has(escape)) index++;
      else return { error: index + 1 };
    }
  }
  return { error: text.length };
}

type Expect = 'value' | 'value-or-close' | 'key' | 'key-or-close' | 'colon' | 'after';

/** The offset of the first syntax error, `text.length` when the text ends early, -1 when valid. */
export function jsonErrorOffset(text: string): number {
  const stack: ('{' | '[')[] = [];
  let expect: Expect = 'value';
  let index = 0;
  for (;;) {
    while (index < text.length && ' \t\n\r'.includes(text[index]!)) index++;
    if (index >= text.length) return stack.length === 0 && expect === 'after' ? -1 : text.length;
    const char = text[index]!;
    if (expect === 'after') {
      const top = stack.at(-1);
      if (top === undefined) return index; // something after the complete value
      if (char === ',') expect = top === '{' ? 'key' : 'value';
      else if (char === (top === '{' ? '}' : ']')) stack.pop();
      else return index;
      index++;
    } else if (expect === 'colon') {
      if (char !== ':') return index;
      expect = 'value';
      index++;
    } else if (expect === 'key' || expect === 'key-or-close') {
      if (char === '}' && expect === 'key-or-close') {
        stack.pop();
        expect = 'after';
        index++;
      } else if (char === '"') {
        const scanned = scanString(text, index);
        if ('error' in scanned) return scanned.error;
        index = scanned.end;
        expect = 'colon';
      } else return index;
    } else if (char === ']' && expect === 'value-or-close') {
      stack.pop();
      expect = 'after';
      index++;
    } else if (char === '{' || char === '[') {
      stack.push(char);
      expect = char === '{' ? 'key-or-close' : 'value-or-close';
      index++;
    } else if (char === '"') {
      const scanned = scanString(text, index);
      if ('error' in scanned) return scanned.error;
      index = scanned.end;
      expect = 'after';
    } else {
      NUMBER.lastIndex = index;
      const number = NUMBER.exec(text);
      const literal = LITERALS.find((word) => text.startsWith(word, index));
      if (number) index = NUMBER.lastIndex;
      else if (literal) index += literal.length;
      else if (LITERALS.some((word) => word.startsWith(text.slice(index)))) return text.length; // "tru" at the end
      else return index;
      expect = 'after';
    }
  }
}
