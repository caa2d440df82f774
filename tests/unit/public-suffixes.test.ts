// Our Public Suffix List lookup (core/web/public-suffixes.ts) over the rules file the extension
// ships, held to tldts's own answers (the package the file is read out of, with its private
// section), on every rule of the list and on hosts made from each.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { getDomain } from 'tldts';
import { describe, expect, it } from 'vitest';
import { PublicSuffixes } from '../../src/core/web/public-suffixes';

const TEXT = readFileSync(new URL('../../src/data/public-suffixes/rules.txt', import.meta.url), 'utf8');
const suffixes = new PublicSuffixes(TEXT);
const RULES = TEXT.split('\n').filter((line) => line !== '' && !line.startsWith('//'));
const tldts = (host: string) => getDomain(host, { allowPrivateDomains: true }) ?? null;

describe('the public suffix rules file', () => {
  it('holds the whole list: thousands of rules, both sections, wildcards and exceptions', () => {
    expect(suffixes.size).toBe(RULES.length);
    expect(RULES.length).toBeGreaterThan(9_000);
    for (const rule of ['com', 'co.uk', 'github.io', 'blogspot.com', '*.ck', '!www.ck', 'xn--andy-ira.no']) expect(RULES).toContain(rule);
  });

  it('is sorted by code unit, as the lookup’s search by halves needs', () => {
    expect(RULES).toEqual([...RULES].sort());
    expect(new Set(RULES).size).toBe(RULES.length);
  });
});

describe('registrableDomain', () => {
  it('answers as tldts does for each rule and hosts one and two labels under it', () => {
    const differ: string[] = [];
    for (const rule of RULES) {
      const name = rule.replace(/^!/, '').replace(/^\*\./, 'wild.');
      for (const host of [name, `site.${name}`, `www.site.${name}`]) {
        if (suffixes.registrableDomain(host) !== tldts(host)) differ.push(`${host}: ours ${suffixes.registrableDomain(host)}, tldts ${tldts(host)}`);
      }
    }
    expect(differ).toEqual([]);
  });

  it('knows the cases a reader meets', () => {
    expect(suffixes.registrableDomain('a.evil.example')).toBe('evil.example');
    expect(suffixes.registrableDomain('news.bbc.co.uk')).toBe('bbc.co.uk');
    expect(suffixes.registrableDomain('co.uk')).toBeNull();
    expect(suffixes.registrableDomain('alice.github.io')).toBe('alice.github.io');
    expect(suffixes.registrableDomain('x.www.ck')).toBe('www.ck');
    expect(suffixes.registrableDomain('a.b.ck')).toBe('a.b.ck');
    expect(suffixes.registrableDomain('localhost')).toBeNull();
    expect(suffixes.registrableDomain('127.0.0.1')).toBeNull();
    expect(suffixes.registrableDomain('[::1]')).toBeNull();
  });

  it('answers as tldts does for any host made of common labels', () => {
    const label = fc.constantFrom('www', 'news', 'a', 'co', 'uk', 'com', 'github', 'io', 'blogspot', 'ck', 'jp', 'kobe', 'city', 'example', 'no', 'xn--andy-ira', 'org', 'gov', 'k12', 'ak', 'us', 'appspot', 'net');
    fc.assert(
      fc.property(fc.array(label, { minLength: 1, maxLength: 5 }), (labels) => {
        const host = labels.join('.');
        expect(suffixes.registrableDomain(host)).toBe(tldts(host));
      }),
      { numRuns: 3_000, seed: 17 },
    );
  });
});
