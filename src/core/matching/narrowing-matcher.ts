// A Matcher over the whole list that compiles only what the texts it has seen can match (see
// list-narrower.ts). Given any text, it reads the text's tokens first and compiles again if they
// bring new names, so callers that pass it around as a plain Matcher (the quote harvest) always
// get what the whole list would find. The page scanner, which reads a page's text before matching
// it, calls see() and compileSteps() itself, so compiling can be sliced and no text is read twice.
import { runSteps } from './automaton';
import type { ListNarrower } from './list-narrower';
import { createMatcherSteps, type Matcher, type ScanResult } from './matcher';
import type { ClaimMention } from '../types';

export class NarrowingMatcher implements Matcher {
  private compiled: Matcher | null = null;

  constructor(private readonly narrower: ListNarrower) {}

  /** Reads the tokens of `text`; compileSteps() then brings the matcher up to date. */
  see(text: string): void {
    this.narrower.see(text);
  }

  /** Compiles the narrowed list again if it grew since the last compile; resumable. */
  *compileSteps(): Generator<void, void> {
    if (!this.narrower.grew()) return;
    this.compiled = this.narrower.isEmpty ? null : yield* createMatcherSteps(this.narrower.list());
  }

  /** The matcher for every text seen so far (after compileSteps); null when none can match. */
  get current(): Matcher | null {
    return this.compiled;
  }

  scan(text: string, identified?: ReadonlySet<string>): ScanResult {
    return this.covering(text)?.scan(text, identified) ?? { mentions: [], unresolved: [], identified: new Set() };
  }

  findMentions(text: string) {
    return this.scan(text).mentions;
  }

  findClaims(text: string): ClaimMention[] {
    return this.covering(text)?.findClaims(text) ?? [];
  }

  private covering(text: string): Matcher | null {
    this.see(text);
    runSteps(this.compileSteps());
    return this.compiled;
  }
}
