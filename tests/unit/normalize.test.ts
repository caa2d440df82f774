import { describe, expect, it } from 'vitest';
import { foldTable, normalizedSpanEquals, normalizePattern, typographicTable } from '../../src/core/text/normalize';

describe('normalizePattern', () => {
  it('folds case, typographic apostrophes and dashes', () => {
    expect(normalizePattern('PUTIN’S')).toBe("putin's");
    expect(normalizePattern('Lai Ching\u2011te')).toBe('lai ching-te');
    expect(normalizePattern('1,000km \u2014 front')).toBe('1,000km - front');
  });

  it('collapses and trims whitespace of every kind', () => {
    expect(normalizePattern('  Xi\u00a0\u2009\n\tJinping  ')).toBe('xi jinping');
  });

  it('strips Latin accents, precomposed or written apart, but leaves other scripts alone', () => {
    expect(normalizePattern('Zelenskýy')).toBe('zelenskyy');
    expect(normalizePattern('Zelensky\u0301y')).toBe('zelenskyy');
    expect(normalizePattern('Ērdoğan')).toBe('erdogan');
    expect(normalizePattern('Сергей')).toBe('сергей'); // й keeps its breve: it is another letter
  });

  it('drops soft hyphens so a justified "Zelen-skyy" still reads as one word', () => {
    expect(normalizePattern('Zelen\u00adskyy')).toBe('zelenskyy');
  });

  it('keeps case in the typographic table', () => {
    expect(normalizePattern('Xi’s Élysée', typographicTable())).toBe("Xi's Elysee");
  });
});

describe('fold tables', () => {
  it('map every code unit to exactly one unit, so offsets never move', () => {
    expect(foldTable()).toHaveLength(0x10000);
    expect(String.fromCharCode(foldTable()['Ä'.charCodeAt(0)]!)).toBe('a');
    expect(String.fromCharCode(foldTable()['\u00a0'.charCodeAt(0)]!)).toBe(' ');
  });
});

describe('normalizedSpanEquals', () => {
  it('compares a span of the original text with a normalised form', () => {
    const text = 'say Xi\u00a0 Jinping now';
    expect(normalizedSpanEquals(text, 4, 15, 'Xi Jinping', typographicTable())).toBe(true);
    expect(normalizedSpanEquals(text, 4, 15, 'XI Jinping', typographicTable())).toBe(false);
    expect(normalizedSpanEquals(text, 4, 14, 'Xi Jinping', typographicTable())).toBe(false);
  });
});
