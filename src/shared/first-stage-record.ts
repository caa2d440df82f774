// What the first stage of every page and frame reads before anything else (issue 14): the list's
// anchor filter, kept by the background in storage.local. Reading it there takes ~4.5 ms where a
// question to the service worker (page/filter) took ~17-20 ms (BENCHMARKS part 2), and that wait
// came before every highlight. It holds nothing a page's first stage was not already sent: the
// anchors of the list, its version, the diagnostics switch and whether the reader has annotations
// at all. The sites where Dossier is off and the origins holding annotations are the reader's
// history and stay in the background (IndexedDB), asked for only where a page needs them.
import type { AnchorFilter } from '../core/matching/anchor-filter';

export const FIRST_STAGE_KEY = 'firstStage';
/** Bumped when the record's shape changes: a record of another format is not read (the page asks instead). */
export const FIRST_STAGE_FORMAT = 1;

export interface FirstStageRecord {
  format: typeof FIRST_STAGE_FORMAT;
  /** Checked again by readAnchorFilter before use. */
  filter: AnchorFilter;
  /** The fingerprint of the list the filter was built from (MatchList.version). */
  version: string;
  diagnostics: boolean;
  /** The reader has at least one annotation: only then does a page naming nobody ask for its own. */
  annotating: boolean;
}

/** The record from a stored value, or null for anything else (absent, another format, damaged). */
export function readFirstStageRecord(stored: unknown): FirstStageRecord | null {
  if (typeof stored !== 'object' || stored === null) return null;
  const { format, filter, version, diagnostics, annotating } = stored as Partial<Record<keyof FirstStageRecord, unknown>>;
  if (format !== FIRST_STAGE_FORMAT || typeof filter !== 'object' || filter === null || typeof version !== 'string') return null;
  if (typeof diagnostics !== 'boolean' || typeof annotating !== 'boolean') return null;
  return { format, filter: filter as AnchorFilter, version, diagnostics, annotating };
}
