import { describe, expect, it } from 'vitest';
import { hostOf, safeHttpUrl } from '../../src/ui/shared/safe-url';
import { NoReceiverError, ReplyError, unwrapReply } from '../../src/ui/shared/reply';
import { tabFromQuery } from '../../src/ui/shared/target-tab';
import { toPageFound, toSearchResults } from '../../src/ui/shared/validate';

describe('safeHttpUrl', () => {
  it('accepts http and https', () => {
    expect(safeHttpUrl('https://www.aljazeera.com/news')).toBe('https://www.aljazeera.com/news');
    expect(safeHttpUrl(' http://example.org ')).toBe('http://example.org/');
  });
  it('refuses script, data and relative URLs and non-strings', () => {
    for (const bad of ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', ' javascript:alert(1)', 'data:text/html,<b>', 'vbscript:x', '/relative', 'file:///etc/passwd', '', 42, null, undefined]) {
      expect(safeHttpUrl(bad), String(bad)).toBeUndefined();
    }
  });
  it('gives the host for the site switch only on web pages', () => {
    expect(hostOf('https://www.bbc.co.uk/news/x')).toBe('www.bbc.co.uk');
    expect(hostOf('chrome://extensions')).toBeUndefined();
  });
});

describe('unwrapReply', () => {
  it('returns the value of an ok reply', () => {
    expect(unwrapReply({ ok: true, value: { disabled: true } })).toEqual({ disabled: true });
  });
  it('throws the other side\'s message for an error reply', () => {
    expect(() => unwrapReply({ ok: false, error: 'quota exceeded' })).toThrow(new ReplyError('quota exceeded'));
  });
  it('tells "nobody answered" apart from a malformed answer', () => {
    expect(() => unwrapReply(undefined)).toThrow(NoReceiverError);
    expect(() => unwrapReply({ ok: 'yes' })).toThrow(ReplyError);
    expect(() => unwrapReply('hello')).toThrow(ReplyError);
  });
});

describe('tabFromQuery', () => {
  it('reads a positive integer tab id', () => {
    expect(tabFromQuery('?tab=123')).toBe(123);
  });
  it('ignores anything else', () => {
    for (const q of ['', '?tab=', '?tab=0', '?tab=-1', '?tab=1.5', '?tab=12abc', '?tab=99999999999']) {
      expect(tabFromQuery(q), q).toBeUndefined();
    }
  });
});

describe('validating what other contexts send', () => {
  it('keeps good findings and drops malformed ones', () => {
    const found = toPageFound({
      url: 'https://a.example/x',
      title: 'T',
      disabled: false,
      findings: [
        { id: 'vladimir-putin', name: 'Vladimir Putin', kind: 'person', count: 3 },
        { id: 'bad-kind', name: 'X', kind: 'spaceship', count: 1 },
        { id: 'bad-count', name: 'Y', kind: 'place', count: 'many' },
        null,
      ],
    });
    expect(found.findings).toEqual([{ id: 'vladimir-putin', name: 'Vladimir Putin', kind: 'person', count: 3 }]);
  });
  it('reads claims as pending only when the page says so in so many words', () => {
    const base = { url: 'https://a.example/x', title: 'T', disabled: false, findings: [] };
    expect(toPageFound({ ...base, claimsPending: true }).claimsPending).toBe(true);
    for (const odd of [undefined, 'true', 1, null]) expect(toPageFound({ ...base, claimsPending: odd }).claimsPending).toBe(false);
  });
  it('refuses an answer that is not a page/found reply', () => {
    expect(() => toPageFound({ hello: 1 })).toThrow(/does not understand/);
  });
  it('drops search results of the wrong shape', () => {
    const r = toSearchResults({
      entities: [{ id: 'un', name: 'United Nations', kind: 'organisation', context: '' }, { id: 'x', name: 'X', kind: 'claim' }],
      quotes: [{ id: 'q', text: 'words', speaker: 's' }],
    });
    expect(r.entities.map((e) => e.id)).toEqual(['un']);
    expect(r.quotes).toEqual([]);
  });
});
