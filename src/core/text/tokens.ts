// The narrower's tokens (list-narrower.ts): runs of units that fold to a-z, cut with the
// matcher's own fold table. A file of its own so that the first stage (content.js) can read
// accented text exactly without the narrower's claim tables.
import { foldMap, IGNORED, UNFILLED } from './normalize';

const A = 0x61;
const Z = 0x7a;

/** The hash forEachToken gives a token: over its folded letters, as they come. */
export function tokenHash(token: string): number {
  let hash = 0;
  for (let i = 0; i < token.length; i++) hash = (Math.imul(hash, 31) + token.charCodeAt(i)) | 0;
  return hash;
}

/**
 * Calls `onToken` with every token of `text` up to `maxLength` units long: each maximal run of
 * units that fold to a-z, folded, and for a run broken by IGNORED units, also each part between
 * them. Longer tokens cannot be an anchor and are skipped. With `wanted`, a token is built only
 * when its hash (tokenHash) is wanted: most words of a page are no anchor, and building a string
 * for each made this pass several times slower than the matcher's own.
 */
export function forEachToken(text: string, maxLength: number, onToken: (token: string) => void, wanted?: (hash: number) => boolean): void {
  const map = foldMap();
  const values = map.values;
  let start = -1; // first unit of the current run, -1 between runs
  let partStart = 0; // first unit after the run's last IGNORED unit
  let plain = true; // the run is ASCII letters only: its token is a lower-cased slice
  let broken = false; // the run has an IGNORED unit inside
  let hash = 0;
  let length = 0;
  let partHash = 0;
  let partLength = 0;
  const emit = (from: number, to: number, tokenHashValue: number, tokenLength: number, asciiOnly: boolean): void => {
    if (tokenLength === 0 || tokenLength > maxLength || (wanted && !wanted(tokenHashValue))) return;
    onToken(asciiOnly ? text.slice(from, to).toLowerCase() : String.fromCharCode.apply(null, foldedRun(text, from, to)));
  };
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 0x20;
    let unit: number;
    if (code < 0x80) {
      // A NUL is a space, as in the matcher's fold table (0 is IGNORED, which would join two words).
      unit = code >= 0x41 && code <= 0x5a ? code | 0x20 : code === 0 ? 0x20 : code;
    } else {
      unit = values[code]!;
      if (unit === UNFILLED) unit = map.fill(code);
    }
    if (unit >= A && unit <= Z) {
      if (start < 0) {
        start = partStart = i;
        plain = true;
        broken = false;
        hash = length = partHash = partLength = 0;
      }
      if (code >= 0x80) plain = false;
      hash = (Math.imul(hash, 31) + unit) | 0;
      partHash = (Math.imul(partHash, 31) + unit) | 0;
      length++;
      partLength++;
    } else if (unit === IGNORED && start >= 0) {
      // Skipped inside a match, yet maybe a boundary beside one: the part so far is a token too.
      emit(partStart, i, partHash, partLength, false);
      plain = false;
      broken = true;
      partStart = i + 1;
      partHash = partLength = 0;
    } else if (start >= 0) {
      emit(start, i, hash, length, plain);
      if (broken) emit(partStart, i, partHash, partLength, false);
      start = -1;
    }
  }
}

/** The folded units of text[from, to), IGNORED ones left out: the run so far. */
function foldedRun(text: string, from: number, to: number): number[] {
  const map = foldMap();
  const units: number[] = [];
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    let unit = map.values[code]!;
    if (unit === UNFILLED) unit = map.fill(code);
    if (unit !== IGNORED) units.push(unit);
  }
  return units;
}

