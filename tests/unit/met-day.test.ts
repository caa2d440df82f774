// A page's declared date is its claim: never later than the day after it is met (harvest and review).
import { describe, expect, it } from 'vitest';
import { localDay, metDay } from '../../src/core/web/met-day';
import { harvestFromSender } from '../../src/background/harvest-source';

const now = new Date(2026, 11, 7, 12, 0).getTime(); // 7 December 2026, noon, local time

describe('metDay', () => {
  it('keeps a past or present date, and tomorrow (a site east of the reader)', () => {
    expect(metDay('2024-05-16', now)).toBe('2024-05-16');
    expect(metDay('2026-12-07', now)).toBe('2026-12-07');
    expect(metDay('2026-12-08', now)).toBe('2026-12-08');
  });

  it('files a later date under the day it was met', () => {
    expect(metDay('2026-12-09', now)).toBe('2026-12-07');
    expect(metDay('2099-01-01', now)).toBe('2026-12-07');
    expect(localDay(now)).toBe('2026-12-07');
  });

  it('is applied to the harvest the store receives', () => {
    const request = harvestFromSender({ url: 'https://evil.example/a', title: 'T', outlet: 'Reuters', date: '2099-01-01', quotes: [] }, 'https://evil.example/a', now);
    expect(request?.date).toBe('2026-12-07');
  });
});
