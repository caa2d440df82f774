import { readFileSync } from 'node:fs';
import { describe as group, expect, it } from 'vitest';
import { anchor, describe } from '../../src/core/anchoring';

const article = readFileSync(new URL('../../src/data/seed-article.txt', import.meta.url), 'utf8');
const QUOTE = 'China’s state news agency Xinhua confirmed Putin’s arrival';

function selectionOf(text: string, phrase: string): { start: number; end: number } {
  const start = text.indexOf(phrase);
  if (start === -1) throw new Error(`fixture: "${phrase}" is not in the text`);
  return { start, end: start + phrase.length };
}

function saved(phrase = QUOTE, text = article) {
  const { start, end } = selectionOf(text, phrase);
  return describe(text, start, end);
}

group('describe', () => {
  it('keeps the quote, 32 characters of context each side and the offsets', () => {
    const { start, end } = selectionOf(article, QUOTE);
    const { quote, position } = describe(article, start, end);
    expect(quote.exact).toBe(QUOTE);
    expect(quote.prefix).toBe(article.slice(start - 32, start));
    expect(quote.suffix).toBe(article.slice(end, end + 32));
    expect(position).toEqual({ type: 'TextPositionSelector', start, end });
  });

  it('takes shorter context at the edges of the text and never splits an emoji', () => {
    expect(describe('abc', 0, 3).quote).toMatchObject({ prefix: '', suffix: '' });
    const text = `${'x'.repeat(10)}😀${'y'.repeat(31)}QUOTE`;
    const { quote } = describe(text, text.indexOf('QUOTE'), text.length);
    expect(quote.prefix).toBe('y'.repeat(31)); // the emoji's low half is not kept alone
  });

  it('refuses offsets outside the text', () => {
    expect(() => describe('abc', 2, 5)).toThrow(RangeError);
    expect(() => describe('abc', 2, 1)).toThrow(RangeError);
  });
});

group('anchor', () => {
  it("finds an unchanged page's selection by position", () => {
    expect(anchor(article, saved())).toEqual({ ...selectionOf(article, QUOTE), method: 'position' });
  });

  it('accepts the selector list of an annotation target as well', () => {
    const { quote, position } = saved();
    expect(anchor(article, [quote, position])?.method).toBe('position');
  });

  it('finds the quote at its new offset after a paragraph is inserted before it', () => {
    const selectors = saved();
    const edited = `Breaking: an update paragraph was added at the top.\n\n${article}`;
    expect(anchor(edited, selectors)).toEqual({ ...selectionOf(edited, QUOTE), method: 'quote' });
  });

  it('finds the passage fuzzily after a word inside it changed', () => {
    const selectors = saved();
    const edited = article.replace(QUOTE, QUOTE.replace('confirmed', 'reported'));
    const result = anchor(edited, selectors);
    expect(result?.method).toBe('fuzzy');
    expect(edited.slice(result!.start, result!.end)).toBe(QUOTE.replace('confirmed', 'reported'));
  });

  it('finds the passage fuzzily after the word at its edge changed', () => {
    const selectors = saved();
    const edited = article.replace('confirmed Putin’s arrival', 'confirmed Putin’s landing');
    const result = anchor(edited, selectors);
    expect(result?.method).toBe('fuzzy');
    // Starts where the quote started; the edited last word is taken in or cut at most by a few letters.
    expect(result!.start).toBe(edited.indexOf('China’s state news agency'));
    expect(edited.slice(result!.start, result!.end)).toMatch(/^China’s state news agency Xinhua confirmed Putin’s (la)?/);
  });

  it('still finds the exact quote when a word in its context changed', () => {
    const selectors = saved();
    const edited = article.replace('Chinese media have described', 'state media have described');
    expect(anchor(edited, selectors)).toMatchObject({ ...selectionOf(edited, QUOTE) });
  });

  it('returns null when the passage was deleted', () => {
    const selectors = saved();
    const paragraph = article.slice(article.indexOf('China’s state news agency'), article.indexOf('Ahead of the trip'));
    const edited = article.replace(paragraph, '');
    expect(edited).not.toContain('agency Xinhua confirmed');
    expect(anchor(edited, selectors)).toBeNull();
  });

  it('picks the occurrence of a repeated quote whose context matches', () => {
    const text = 'Alpha said the talks went well. Beta said the talks went well. Gamma said nothing.';
    const second = text.indexOf('the talks went well', text.indexOf('Beta'));
    const selectors = describe(text, second, second + 'the talks went well'.length);
    // Insert text at the start so the saved offset no longer fits, then check the choice.
    const edited = `Preface. ${text}`;
    const result = anchor(edited, selectors);
    expect(result?.method).toBe('quote');
    expect(result!.start).toBe(edited.indexOf('the talks went well', edited.indexOf('Beta')));
  });

  it('prefers matching context over nearness to the old offset', () => {
    const text = 'Alpha said the talks went well in Rome today.';
    const start = text.indexOf('the talks');
    const selectors = describe(text, start, start + 'the talks went well'.length);
    // A new sentence takes the old offset; the saved passage moves after it.
    const edited = `Beta said the talks went well in Paris yesterday. ${text}`;
    const result = anchor(edited, selectors);
    expect(result).toEqual({ start: edited.indexOf('the talks', edited.indexOf('Alpha')), end: edited.indexOf(' in Rome'), method: 'quote' });
  });

  it('trusts a position without a quote only while it fits the text', () => {
    const position = { type: 'TextPositionSelector' as const, start: 2, end: 4 };
    expect(anchor('abcdef', { position })).toEqual({ start: 2, end: 4, method: 'position' });
    expect(anchor('abc', { position })).toBeNull();
    expect(anchor('abc', {})).toBeNull();
  });

  it('does not accept a stale position whose text differs', () => {
    const { quote } = saved();
    const result = anchor(article, { quote, position: { type: 'TextPositionSelector', start: 0, end: quote.exact.length } });
    expect(result).toEqual({ ...selectionOf(article, QUOTE), method: 'quote' });
  });
});
