import { describe, expect, it } from 'vitest';
import { formatIsoDate, formatTime, newestFirst, positionAnnouncement, positionLine, sourceLine, times } from '../../src/ui/shared/format';

describe('dates as the card shows them', () => {
  it('spells out ISO dates in English, whatever the locale', () => {
    expect(formatIsoDate('2024-05-16')).toBe('16 May 2024');
    expect(formatIsoDate('2023-01-02')).toBe('2 January 2023');
    expect(formatIsoDate('2024-12')).toBe('December 2024');
  });
  it('leaves what is not an ISO date as given', () => {
    expect(formatIsoDate('yesterday')).toBe('yesterday');
    expect(formatIsoDate('2024-13-01')).toBe('2024-13-01');
    expect(formatIsoDate('')).toBe('');
  });
  it('formats a sighting time, and nothing for a broken one', () => {
    expect(formatTime(new Date(2024, 4, 20, 12).getTime())).toBe('20 May 2024');
    expect(formatTime(Number.NaN)).toBe('');
  });
  it('cites a source as "outlet, date"', () => {
    expect(sourceLine({ outlet: 'Al Jazeera', date: '2024-05-16' })).toBe('Al Jazeera, 16 May 2024');
    expect(sourceLine({ outlet: 'Al Jazeera', date: '' })).toBe('Al Jazeera');
  });
});

describe('counts', () => {
  it('shows a 0-based index as "n of m on this page"', () => {
    expect(positionLine({ index: 2, count: 7 })).toBe('3 of 7 on this page');
    expect(positionLine({ index: 0, count: 1 })).toBe('1 of 1 on this page');
    expect(positionLine({ index: 9, count: 3 })).toBe('3 of 3 on this page');
    expect(positionLine({ index: 0, count: 0 })).toBe('Not on this page');
  });
  it('pluralises times', () => {
    expect(times(1)).toBe('1 time');
    expect(times(4)).toBe('4 times');
  });
});

describe('newestFirst', () => {
  it('orders by source date, newest first, keeping ties in order', () => {
    const q = (id: string, date: string) => ({ id, provenance: { date } });
    const sorted = newestFirst([q('a', '2023-01-01'), q('b', '2024-05-16'), q('c', '2023-01-01'), q('d', '2024-01-01')]);
    expect(sorted.map((x) => x.id)).toEqual(['b', 'd', 'a', 'c']);
  });
});

describe('positionAnnouncement', () => {
  it('says who, what and where, as the card moves', () => {
    expect(positionAnnouncement('Vladimir Putin', 'person', { index: 2, count: 13 })).toBe('Vladimir Putin, person, 3 of 13 on this page');
  });
});
