// `dossier eval`, quote speakers on real news pages: every double-quoted span of a corpus page,
// its speaker labelled by hand (tests/fixtures/quotes/corpus-speakers.json), against what
// extraction proposes. Two sets: pages whose errors the attribution rules were changed for
// ("tuning"), and pages labelled blind, before any run on them ("held-out"), which alone says how
// the rules generalise.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractArticle, type ReviewList } from '../../core/extract';
import { nameKey } from '../../core/quotes/names';
import { readPageText } from '../input';
import { loadNerModel } from '../ner/ner-model';
import { repoRoot } from '../repo-root';

export interface PageQuoteLabel {
  /** The first words inside the marks, as the page's text gives them. */
  quote: string;
  /** The name the page gives the speaker; a role's head noun with `role`; null when no one speaks. */
  speaker: string | null;
  role?: boolean;
  /** Other answers that are as right (a spokesperson for the office that is labelled). */
  accept?: string[];
  /** The organisation a role speaks for, named in the role phrase ("a NATO official"): its card shows the quote. */
  for?: string;
}

export interface PageLabels {
  page: string;
  set: 'tuning' | 'held-out';
  /** `article.txt` (the benchmark's extracted body) or `source.html` (the whole page's visible text). */
  file: 'article.txt' | 'source.html';
  quotes: PageQuoteLabel[];
}

export interface SpeakerVerdict { right: boolean; got: string }

/** Extraction named someone (right or wrong): what a reader sees on a card. */
export function gaveSpeaker(v: SpeakerVerdict): boolean {
  return v.got !== '(none)' && v.got !== '(quote not found)';
}

export const CORPUS_SPEAKERS = join(repoRoot(), 'tests/fixtures/quotes/corpus-speakers.json');

/** Extraction's quote for a label; the label copies the page's words, extraction's text drops a closing full stop or comma. */
function labelledQuote(review: ReviewList, label: { quote: string }): ReviewList['quotes'][number] | undefined {
  const key = nameKey(label.quote).replace(/[\s.,;:!?]+$/u, '');
  return review.quotes.find((x) => nameKey(x.text).startsWith(key));
}

/** Is extraction's speaker for the labelled quote the labelled one (any name of the entity counts)? */
export function judgeSpeaker(review: ReviewList, label: PageQuoteLabel): SpeakerVerdict {
  const q = labelledQuote(review, label);
  if (!q) return { right: false, got: '(quote not found)' };
  const entity = review.entities.find((e) => e.id === q.speakerId);
  const got = entity ? entity.name : q.speaker ?? '(none)';
  if (label.speaker === null) return { right: q.speaker === undefined, got };
  const names = entity ? [entity.name, ...entity.aliases].map(nameKey) : q.speaker ? [nameKey(q.speaker)] : [];
  const answers = [label.speaker, ...(label.accept ?? [])].map(nameKey);
  if (label.role) {
    const said = q.speaker === undefined ? '' : nameKey(q.speaker);
    return { right: !entity && answers.some((a) => new RegExp(`\\b${a}`, 'u').test(said)), got };
  }
  // "Netanyahu" and "Te Kaurinui" both name "Te Kaurinui Robert Parata": prose names people again
  // by a part of their full name.
  const matches = (n: string, a: string) => n === a || n.endsWith(` ${a}`) || a.endsWith(` ${n}`) || a.startsWith(`${n} `);
  return { right: names.some((n) => answers.some((a) => matches(n, a))), got };
}

/**
 * The organisation the role speaks for, against the label: `right`, `missed` (labelled, none or
 * another found), `wrong` (found where the label names none), or null (nothing either way).
 */
export function judgeSpeaksFor(review: ReviewList, label: Pick<PageQuoteLabel, 'quote' | 'for'>): 'right' | 'missed' | 'wrong' | null {
  const q = labelledQuote(review, label);
  const entity = q?.speakerForId ? review.entities.find((e) => e.id === q.speakerForId) : undefined;
  if (label.for === undefined) return entity ? 'wrong' : null;
  const names = entity ? [entity.name, ...entity.aliases].map(nameKey) : [];
  return names.includes(nameKey(label.for)) ? 'right' : 'missed';
}

export interface SpeaksForScore { labelled: number; right: number; wrong: number }

export function addSpeaksFor(score: SpeaksForScore, verdict: ReturnType<typeof judgeSpeaksFor>): void {
  if (verdict === 'right' || verdict === 'missed') score.labelled++;
  if (verdict === 'right') score.right++;
  if (verdict === 'wrong') score.wrong++;
}

export function formatSpeaksFor(score: SpeaksForScore): string {
  return `the organisation a role speaks for: found ${score.right} of ${score.labelled} labelled; given where the label names none ${score.wrong}`;
}

export interface SetScore { labelled: number; right: number; found: number; named: { labelled: number; right: number }; given: { count: number; right: number }; speaksFor: SpeaksForScore; wrong: string[] }

function emptyScore(): SetScore {
  return { labelled: 0, right: 0, found: 0, named: { labelled: 0, right: 0 }, given: { count: 0, right: 0 }, speaksFor: { labelled: 0, right: 0, wrong: 0 }, wrong: [] };
}

export function evaluateCorpusSpeakers(corpusDir: string, labels: readonly PageLabels[]): { sets: Record<PageLabels['set'], SetScore>; skipped: string[] } {
  const sets: Record<PageLabels['set'], SetScore> = { tuning: emptyScore(), 'held-out': emptyScore() };
  const skipped: string[] = [];
  const model = loadNerModel();
  for (const page of labels) {
    const path = join(corpusDir, page.page, page.file);
    if (!existsSync(path)) {
      skipped.push(page.page);
      continue;
    }
    const { text } = readPageText(path);
    const review = extractArticle(text, { title: page.page, outlet: page.page, date: '' }, { model });
    const score = sets[page.set];
    for (const label of page.quotes) {
      const verdict = judgeSpeaker(review, label);
      addSpeaksFor(score.speaksFor, judgeSpeaksFor(review, label));
      score.labelled++;
      if (verdict.got !== '(quote not found)') score.found++;
      if (label.speaker !== null) score.named.labelled++;
      if (gaveSpeaker(verdict)) {
        score.given.count++;
        if (verdict.right) score.given.right++;
      }
      if (verdict.right) {
        score.right++;
        if (label.speaker !== null) score.named.right++;
      } else {
        score.wrong.push(`${page.page} “${label.quote}…”: ${label.speaker ?? '(no one)'}${label.role ? ' (a role)' : ''}, got ${verdict.got}`);
      }
    }
  }
  return { sets, skipped };
}

export function readCorpusSpeakerLabels(path = CORPUS_SPEAKERS): PageLabels[] {
  return (JSON.parse(readFileSync(path, 'utf8')) as { pages: PageLabels[] }).pages;
}

function pct(a: number, b: number): string {
  return b === 0 ? '–' : `${(a / b).toFixed(3)} (${a}/${b})`;
}

/** The section `dossier eval` prints; says why when the corpus is absent. */
export function corpusSpeakersSection(corpusDir: string): string {
  if (!existsSync(corpusDir)) return `Quote speakers on corpus pages: ${corpusDir} not found, skipped.`;
  const labels = readCorpusSpeakerLabels();
  const { sets, skipped } = evaluateCorpusSpeakers(corpusDir, labels);
  const lines = ['Quote speakers on corpus pages (every double-quoted span labelled by hand, tests/fixtures/quotes/corpus-speakers.json):'];
  for (const [name, s] of Object.entries(sets)) {
    if (s.labelled === 0) continue;
    const pages = labels.filter((p) => p.set === name && !skipped.includes(p.page)).map((p) => p.page);
    lines.push(`  ${name.padEnd(9)} accuracy ${pct(s.right, s.labelled)}; quotes with a speaker ${pct(s.named.right, s.named.labelled)}; a speaker given is right ${pct(s.given.right, s.given.count)}; quotes found ${s.found}/${s.labelled}  [${pages.join(', ')}]`);
    lines.push(`            ${formatSpeaksFor(s.speaksFor)}`);
  }
  for (const [name, s] of Object.entries(sets)) for (const w of s.wrong) lines.push(`  wrong (${name}): ${w}`);
  if (skipped.length) lines.push(`  skipped (not in the corpus): ${skipped.join(', ')}`);
  return lines.join('\n');
}
