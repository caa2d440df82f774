// Dates and counts as the card and popup show them. English month names are spelt out by hand so
// the output is the same in every browser locale (and in the unit tests).
import type { Provenance } from '../../core/types';

const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

/** "2024-05-16" -> "16 May 2024"; "2024-05" -> "May 2024"; anything else is returned as given. */
export function formatIsoDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(iso.trim());
  if (!m) return iso;
  const month = MONTHS[Number(m[2]) - 1];
  if (month === undefined) return iso;
  if (m[3] === undefined) return `${month} ${m[1]}`;
  const day = Number(m[3]);
  if (day < 1 || day > 31) return iso;
  return `${day} ${month} ${m[1]}`;
}

/** Epoch ms -> "16 May 2024" in the reader's time zone; "" for a value that is not a date. */
export function formatTime(epochMs: number): string {
  if (!Number.isFinite(epochMs)) return '';
  const d = new Date(epochMs);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getDate()} ${MONTHS[d.getMonth()]} ${d.getFullYear()}`;
}

/** "Al Jazeera, 16 May 2024": how a source is cited in one line. */
export function sourceLine(p: Pick<Provenance, 'outlet' | 'date'>): string {
  const date = formatIsoDate(p.date);
  return [p.outlet.trim(), date].filter((s) => s !== '').join(', ');
}

/** "3 of 7 on this page" from a 0-based index. */
export function positionLine(position: { index: number; count: number }): string {
  if (position.count <= 0) return 'Not on this page';
  const shown = Math.min(Math.max(position.index, 0), position.count - 1) + 1;
  return `${shown} of ${position.count} on this page`;
}

/**
 * What a screen reader hears as the reader moves from mention to mention:
 * "Vladimir Putin, person, 3 of 13 on this page".
 */
export function positionAnnouncement(name: string, kind: string, position: { index: number; count: number }): string {
  return `${name}, ${kind}, ${positionLine(position)}`;
}

/** "1 time" / "4 times". */
export function times(count: number): string {
  return count === 1 ? '1 time' : `${count} times`;
}

/** Newest source first; items without a parsable date go last, in their given order. */
export function newestFirst<T extends { provenance: Pick<Provenance, 'date'> }>(items: readonly T[]): T[] {
  return items
    .map((item, i) => ({ item, i }))
    .sort((a, b) => {
      const da = a.item.provenance.date;
      const db = b.item.provenance.date;
      // ISO dates compare correctly as strings.
      if (da !== db) return da < db ? 1 : -1;
      return a.i - b.i;
    })
    .map((x) => x.item);
}
