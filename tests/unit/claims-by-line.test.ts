// The claim finder splits only the lines where a cue or anchor hit into sentences (src/core/claims/finder.ts),
// which is right only while a line's sentences are the same read alone as inside the whole text.
import { describe, expect, it } from 'vitest';
import { createMatcher } from '../../src/core/matching/matcher';
import { isSpaceUnit, splitSentences } from '../../src/core/text/sentences';
import { SEED } from '../../src/data/seed';
import { corpusPages, visibleText } from '../bench/lib/corpus';

/** Each line split alone, its spans moved to the line's place in `text`. */
function lineByLine(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  let at = 0;
  for (const line of text.split('\n')) {
    for (const s of splitSentences(line)) spans.push({ start: at + s.start, end: at + s.end });
    at += line.length + 1;
  }
  return spans;
}

const EDGES = [
  'He said so.\nthen he left. Mr.\nSmith came.',
  'A headline\n\nBy Jane Doe\nPublished On 16 May 2024\nThe U.S.\n\n“Quoted.”\n\nlower start. Nov.\n5 was the day.',
  'Ends without a stop\nEnds with dots…\n…and starts with them. 3.5\n per cent.',
  '[File: Mark Ralston/Pool via AFP]Published On 16 May 2024 Putin met Xi.\nKeep reading\nlist of 4 itemsend of list',
];

describe('claim sentences line by line', () => {
  it('reads a space where /\\s/ does, for every code unit', () => {
    for (let unit = 0; unit < 0x10000; unit++) expect(isSpaceUnit(unit), unit.toString(16)).toBe(/\s/.test(String.fromCharCode(unit)));
  });

  it('splits every line the same alone as inside the whole text', () => {
    const texts = [...EDGES, ...corpusPages().map(visibleText)];
    if (texts.length === EDGES.length) console.warn('claims-by-line.test.ts: ../shared/corpus is absent: corpus pages skipped');
    for (const text of texts) expect(splitSentences(text), text.slice(0, 40)).toEqual(lineByLine(text));
  });

  it('finds on a page the claims its lines hold, each a sentence of the whole text', () => {
    const matcher = createMatcher(SEED);
    const pages = corpusPages();
    if (pages.length === 0) return void console.warn('claims-by-line.test.ts: ../shared/corpus is absent: corpus pages skipped');
    let found = 0;
    for (const page of pages) {
      const text = visibleText(page);
      const whole = new Set(splitSentences(text).map((s) => `${s.start}:${s.end}`));
      const claims = matcher.findClaims(text);
      found += claims.length;
      for (const c of claims) expect(whole.has(`${c.start}:${c.end}`), `${page.slug}: ${c.sentence}`).toBe(true);
      // The same as each line searched alone.
      let at = 0;
      const byLine = text.split('\n').flatMap((line) => {
        const here = matcher.findClaims(line).map((c) => ({ ...c, start: c.start + at, end: c.end + at }));
        at += line.length + 1;
        return here;
      });
      expect(claims, page.slug).toEqual(byLine);
    }
    expect(found).toBeGreaterThan(0);
  });
});
