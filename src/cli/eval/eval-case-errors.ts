// What is left wrong in the "lists people make" test, by cause, so the next person can see which
// rule would pay: each false mention and each missed gold mention goes to the first cause that fits.
import type { Mention } from '../../core/types';
import type { CoNLLDocument, GoldMention } from './eval-case-gold';

export interface ErrorGroup {
  cause: string;
  count: number;
  /** The most frequent "text/kind" of the group, with their counts. */
  examples: [string, number][];
  /** One mention of the group in its line, for reading. */
  sample?: string;
}

const inside = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start >= b.start && a.end <= b.end;
const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

/** Causes of a false mention, in the order they are tried. */
export const FALSE_CAUSES = [
  'the gold name, another kind (a city as its team)',
  'inside a MISC name ("U.S. Open", "Indian")',
  'part of a longer gold name',
  'overlaps a gold name',
  'written in lowercase',
  'no name in the gold there',
] as const;

/** Causes of a missed gold mention. */
export const MISS_CAUSES = [
  'found as another kind',
  'a surname waiting for its person',
  'inside or across another mention',
  'not found',
] as const;

type FalseCause = (typeof FALSE_CAUSES)[number];
type MissCause = (typeof MISS_CAUSES)[number];

function falseCause(m: Mention, doc: CoNLLDocument): FalseCause {
  if (doc.mentions.some((g) => g.start === m.start && g.end === m.end)) return FALSE_CAUSES[0];
  if (doc.misc.some((g) => inside(m, g))) return FALSE_CAUSES[1];
  if (doc.mentions.some((g) => inside(m, g))) return FALSE_CAUSES[2];
  if (doc.mentions.some((g) => overlaps(m, g)) || doc.misc.some((g) => overlaps(m, g))) return FALSE_CAUSES[3];
  if (m.text === m.text.toLowerCase()) return FALSE_CAUSES[4];
  return FALSE_CAUSES[5];
}

function missCause(g: GoldMention, found: readonly Mention[], unresolved: readonly Mention[]): MissCause {
  if (found.some((m) => m.start === g.start && m.end === g.end)) return MISS_CAUSES[0];
  if (unresolved.some((m) => m.start === g.start && m.end === g.end)) return MISS_CAUSES[1];
  if (found.some((m) => overlaps(m, g))) return MISS_CAUSES[2];
  return MISS_CAUSES[3];
}

/** The line around a span, the span in [brackets], cut to a readable length. */
function inLine(text: string, start: number, end: number): string {
  const from = Math.max(text.lastIndexOf('\n', start - 1) + 1, start - 50);
  const lineEnd = text.indexOf('\n', end);
  const to = Math.min(lineEnd < 0 ? text.length : lineEnd, end + 50);
  return `${text.slice(from, start)}[${text.slice(start, end)}]${text.slice(end, to)}`;
}

interface Tally { count: number; examples: Map<string, number>; samples: Map<string, string> }

export class ErrorTally {
  private readonly falses = new Map<string, Tally>();
  private readonly misses = new Map<string, Tally>();

  falseMention(m: Mention, doc: CoNLLDocument): void {
    add(this.falses, falseCause(m, doc), `${m.text.replace(/\n/g, " ")}/${m.kind}`, () => inLine(doc.text, m.start, m.end));
  }

  miss(g: GoldMention, found: readonly Mention[], unresolved: readonly Mention[], text?: string): void {
    add(this.misses, missCause(g, found, unresolved), `${g.text.replace(/\n/g, " ")}/${g.kind}`, () => (text ? inLine(text, g.start, g.end) : g.text));
  }

  falseGroups(): ErrorGroup[] {
    return groups(this.falses);
  }

  missGroups(): ErrorGroup[] {
    return groups(this.misses);
  }
}

function add(tallies: Map<string, Tally>, cause: string, example: string, sample: () => string): void {
  let tally = tallies.get(cause);
  if (!tally) tallies.set(cause, (tally = { count: 0, examples: new Map(), samples: new Map() }));
  tally.count++;
  tally.examples.set(example, (tally.examples.get(example) ?? 0) + 1);
  if (!tally.samples.has(example)) tally.samples.set(example, sample());
}

/** Causes by count; in each, the most frequent examples, and the first of them in its line. */
function groups(tallies: Map<string, Tally>): ErrorGroup[] {
  return [...tallies]
    .map(([cause, t]) => {
      const examples = [...t.examples].sort((a, b) => b[1] - a[1]).slice(0, 6);
      return { cause, count: t.count, examples, sample: t.samples.get(examples[0]![0]) };
    })
    .sort((a, b) => b.count - a.count);
}

export function formatGroups(groups: readonly ErrorGroup[]): string[] {
  if (groups.length === 0) return ['    none'];
  return groups.flatMap((g) => [
    `    ${String(g.count).padStart(4)}  ${g.cause}: ${g.examples.map(([t, n]) => `${t} ${n}`).join(', ')}`,
    ...(g.sample ? [`          e.g. ${g.sample.replace(/\n/g, ' ')}`] : []),
  ]);
}
