// The automaton only starts patterns at word starts (a mid-word root that loops on word units).
// These tests pin what that gate must never lose: a match after any kind of word start.
import { describe, expect, it } from 'vitest';
import { WordAutomaton } from '../../src/core/matching/automaton';
import { IGNORED, normalizePattern } from '../../src/core/text/normalize';
import { foldOf, isWordUnit } from '../../src/core/text/word-chars';

function matches(patterns: string[], text: string): string[] {
  const automaton = WordAutomaton.compile(patterns.map((p) => normalizePattern(p)));
  const found: string[] = [];
  automaton.scan(text, (_pattern, start, end) => found.push(text.slice(start, end)));
  return found;
}

describe('word-start gate of the automaton', () => {
  it('relies on no non-word unit folding to a word unit (else a word start could be missed)', () => {
    const offenders: string[] = [];
    for (let unit = 0; unit < 0x10000; unit++) {
      const folded = foldOf(unit);
      if (folded !== IGNORED && !isWordUnit(unit) && isWordUnit(folded)) offenders.push(unit.toString(16));
    }
    expect(offenders).toEqual([]);
  });

  it('finds a name after every kind of word start', () => {
    const texts = [
      'Putin spoke',
      'said Putin.',
      '(Putin)',
      '"Putin"',
      '\u201cPutin\u201d',
      "'Putin'",
      '\u2014Putin',
      'x\u00adPutin'.replace('x', ' '), // a soft hyphen (ignored) after a space
      'e\u0301 Putin', // accent written apart, then a space
      'hello\n\nPUTIN',
    ];
    for (const text of texts) expect(matches(['Putin'], text), text).toEqual([text.match(/putin/i)![0]]);
  });

  it('finds names that start with punctuation or hold word starts of their own', () => {
    expect(matches(['.NET', 'Abu Dhabi', 'Dhabi', 'al-Assad', 'Assad'], 'use .NET in Abu Dhabi with al-Assad')).toEqual([
      '.NET',
      'Abu Dhabi',
      'Dhabi',
      'al-Assad',
      'Assad',
    ]);
  });

  it('still finds nothing inside a word, whatever walked before it', () => {
    expect(matches(['Putin', 'Xi'], "computing Xi'an Rasputin O'Putin")).toEqual([]);
    expect(matches(['Putin'], 'Putinism 9Putin Putin2')).toEqual([]);
  });
});
