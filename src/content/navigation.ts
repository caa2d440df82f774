// Keyboard stepping over the names on the page (the next-mention / previous-mention commands).
// Claims are left out: a claim sentence holds names of its own, and stepping into a sentence and
// then into the names inside it would visit the same words twice.
import type { Mark } from './highlight/highlighter';

/** The mark to go to from `current`, wrapping around; with no current mark, the first one in view or below (or above, going back). */
export function stepTarget(names: readonly Mark[], current: Mark | null, direction: 1 | -1, viewHeight: number): Mark | null {
  if (names.length === 0) return null;
  const at = current ? names.indexOf(current) : -1;
  if (at >= 0) return names[(at + direction + names.length) % names.length]!;
  if (direction === 1) {
    return names.find((m) => m.range.getBoundingClientRect().top >= 0) ?? names[0]!;
  }
  for (let i = names.length - 1; i >= 0; i--) {
    if (names[i]!.range.getBoundingClientRect().bottom <= viewHeight) return names[i]!;
  }
  return names[names.length - 1]!;
}
