// The matchers the bench compares, each behind the same two calls: build from a list of aliases,
// then find the whole-word, leftmost-longest, case-insensitive mentions in a text as spans.
// Each contender's `find` includes everything it needs to reach that answer (case folding of the
// text, whole-word filter, overlap selection), so MB/s compares like with like.
import OldAhoCorasick from 'ahocorasick';
import ModernAhoCorasick from 'modern-ahocorasick';
import FastModernAhoCorasick from 'modern-ahocorasick/fast';
import { Trie } from '@tanishiking/aho-corasick';
import { WordAutomaton } from '../../../src/core/matching/automaton';
import { createMatcher } from '../../../src/core/matching/matcher';
import { normalizePattern } from '../../../src/core/text/normalize';
import { listOfAliases } from './names';
import { isWholeWord, leftmostLongest, lowerKeepingOffsets, type Span } from './spans';

export interface Built {
  find(text: string): Span[];
}

export interface Contender {
  name: string;
  /** A peer (not ours): the bench reports the fastest peer of each kind. */
  kind: 'ours' | 'regexp' | 'aho-corasick';
  build(aliases: readonly string[]): Built;
  /** Left out on the corpus inputs, with the reason (a peer that stalls on real pages). */
  notOnCorpus?: string;
}

/** Dossier's matcher as the content script calls it: automaton, exact-case checks, selection, Mention objects. */
export const ours: Contender = {
  name: 'dossier matcher.scan',
  kind: 'ours',
  build(aliases) {
    const matcher = createMatcher(listOfAliases(aliases));
    return {
      find: (text) => {
        const { mentions, unresolved } = matcher.scan(text);
        const spans = [...mentions, ...unresolved].map((m): Span => [m.start, m.end]);
        return unresolved.length === 0 ? spans : spans.sort((a, b) => a[0] - b[0]);
      },
    };
  },
};

/** Only the automaton's pass (no selection, no Mention objects): the ceiling of ours. */
export const oursAutomaton: Contender = {
  name: 'dossier automaton only',
  kind: 'ours',
  build(aliases) {
    const automaton = WordAutomaton.compile([...new Set(aliases.map((a) => normalizePattern(a)))]);
    return {
      find: (text) => {
        const spans: Span[] = [];
        automaton.scan(text, (_pattern, start, end) => spans.push([start, end]));
        return leftmostLongest(spans);
      },
    };
  },
};

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * One alternation, longest alternative first (so at a given start the longest whole word wins),
 * word-bounded, case-insensitive. Spaces inside an alias match any run of whitespace, as ours do.
 */
export const alternationRegExp: Contender = {
  name: 'one alternation RegExp /gi',
  kind: 'regexp',
  build(aliases) {
    const unique = [...new Map(aliases.map((a) => [a.toLowerCase(), a])).values()].sort((a, b) => b.length - a.length);
    // (?!\w) rather than \b at the end: "U.S." ends in a dot, and \b after it would need a letter.
    const source = `\\b(?:${unique.map((a) => escapeRegExp(a).replace(/ +/g, '\\s+')).join('|')})(?!\\w)`;
    const re = new RegExp(source, 'gi');
    return {
      find: (text) => {
        const spans: Span[] = [];
        re.lastIndex = 0;
        for (let m = re.exec(text); m; m = re.exec(text)) spans.push([m.index, m.index + m[0].length]);
        return spans;
      },
    };
  },
};

/** Every overlapping occurrence → whole words → leftmost-longest. */
function select(text: string, spans: Span[]): Span[] {
  return leftmostLongest(spans.filter(([s, e]) => isWholeWord(text, s, e)));
}

const lowerUnique = (aliases: readonly string[]): string[] => [...new Set(aliases.map((a) => a.toLowerCase()))];

export const ahocorasickPkg: Contender = {
  name: 'ahocorasick 1.0.2',
  kind: 'aho-corasick',
  build(aliases) {
    const ac = new OldAhoCorasick(lowerUnique(aliases));
    return {
      find: (text) => {
        const spans: Span[] = [];
        for (const [last, words] of ac.search(lowerKeepingOffsets(text))) {
          for (const w of words) spans.push([last - w.length + 1, last + 1]);
        }
        return select(text, spans);
      },
    };
  },
};

export const modernPkg: Contender = {
  name: 'modern-ahocorasick 3.3',
  kind: 'aho-corasick',
  // Measured here: 100 KB of corpus/bug-1255978 took 22.4 s, guardian-1 25.9 s (grapheme walk).
  notOnCorpus: 'stalls: 22 s per 100 KB on some pages',
  build(aliases) {
    const ac = new ModernAhoCorasick(lowerUnique(aliases));
    return { find: (text) => select(text, ac.search(lowerKeepingOffsets(text)).map((m): Span => [m.start, m.end])) };
  },
};

export const modernFastPkg: Contender = {
  name: 'modern-ahocorasick/fast 3.3',
  kind: 'aho-corasick',
  build(aliases) {
    const ac = new FastModernAhoCorasick(lowerUnique(aliases));
    return { find: (text) => select(text, ac.search(lowerKeepingOffsets(text)).map((m): Span => [m.start, m.end])) };
  },
};

export const tanishikingPkg: Contender = {
  name: '@tanishiking/aho-corasick 0.0.1',
  kind: 'aho-corasick',
  build(aliases) {
    const trie = new Trie(lowerUnique(aliases));
    return {
      find: (text) => select(text, trie.parseText(lowerKeepingOffsets(text)).map((e): Span => [e.start, e.end + 1])),
    };
  },
};

// modern-ahocorasick (both backends) is left out of the timed set; it still has to agree with the
// others (tests/unit/bench-equivalence.test.ts). Measured here: the default backend took 22.4 s
// on 100 KB of corpus/bug-1255978 and 25.9 s on guardian-1 (it walks grapheme clusters), and
// stalled the bench for minutes at 1,000 aliases; /fast ran at ~0.013 MB/s (9.4 s for 122 KB).
export const PEERS: readonly Contender[] = [alternationRegExp, ahocorasickPkg, tanishikingPkg];
export const ALL: readonly Contender[] = [ours, oursAutomaton, ...PEERS];
export const EVERY: readonly Contender[] = [...ALL, modernPkg, modernFastPkg];
