// Sentences worth offering as claims: they carry a figure or a date, or report an assertion
// ("claimed that", "said … would"). The user decides which to keep; we only shortlist.
import { splitSentences } from '../text/sentences';

export interface CandidateClaim {
  sentence: string;
  start: number;
  end: number;
  /** Why it was shortlisted: "figure", "date", "assertion". */
  reasons: string[];
}

const MONTHS = String.raw`January|February|March|April|May|June|July|August|September|October|November|December`;
const DATE = new RegExp(String.raw`\b(?:(?:${MONTHS})(?:\s+\d{1,2})?|\d{1,2}\s+(?:${MONTHS})|(?:19|20)\d{2})\b`, 'u');
const FIGURE = /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|dozen|hundred|thousand|million|billion|half)\b/iu;
const ASSERTION = /\b(?:claim(?:s|ed)?\s+(?:that|to)|(?:said|says|told|added)\b[^.]{0,120}\b(?:would|will|could|must|had|has)\b|according to|accus(?:ed|es)|den(?:ied|ies)|warn(?:s|ed)\s+that|insist(?:s|ed)\s+that)/iu;
const MIN_WORDS = 6;

export function findCandidateClaims(text: string): CandidateClaim[] {
  const out: CandidateClaim[] = [];
  for (const span of splitSentences(text)) {
    const sentence = text.slice(span.start, span.end);
    if (sentence.split(/\s+/u).length < MIN_WORDS) continue;
    const reasons: string[] = [];
    const withoutDates = sentence.replace(new RegExp(DATE.source, 'gu'), ' ');
    if (FIGURE.test(withoutDates)) reasons.push('figure');
    if (DATE.test(sentence)) reasons.push('date');
    if (ASSERTION.test(sentence)) reasons.push('assertion');
    if (reasons.length > 0) out.push({ sentence, start: span.start, end: span.end, reasons });
  }
  return out;
}
