// `dossier eval`, part "lists people make": the matcher with a big list nobody flagged by hand.
// From a CoNLL-2003 file it builds what a user's list would be after adding every article: each
// gold person, organisation and place name of every document as an entity with no exactCase or
// needsContext flag, persons with their surname as an alias. Then it scans each document and scores
// mentions: one is right when its span and kind equal a gold mention's.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createMatcher } from '../../core/matching/matcher';
import type { Entity, EntityKind, EntityList } from '../../core/types';
import { ErrorTally, formatGroups, type ErrorGroup } from './eval-case-errors';
import type { CoNLLDocument, GoldMention } from './eval-case-gold';

export type { CoNLLDocument, GoldMention };

const KIND_OF_TAG: Record<string, EntityKind> = { PER: 'person', ORG: 'organisation', LOC: 'place' };

/** Documents of a CoNLL file: tokens joined by spaces, one sentence a line, gold spans in it. */
export function readCoNLL(content: string): CoNLLDocument[] {
  const docs: CoNLLDocument[] = [];
  let doc: { lines: string[]; mentions: GoldMention[]; misc: { start: number; end: number }[]; offset: number } | null = null;
  let line: string[] = [];
  let open: GoldMention | null = null;
  let openMisc: { start: number; end: number } | null = null;
  const closeMention = () => {
    if (open && doc) doc.mentions.push(open);
    if (openMisc && doc) doc.misc.push(openMisc);
    open = null;
    openMisc = null;
  };
  const endSentence = () => {
    closeMention();
    if (!doc || line.length === 0) return;
    const sentence = line.join(' ');
    doc.lines.push(sentence);
    doc.offset += sentence.length + 1;
    line = [];
  };
  const endDocument = () => {
    endSentence();
    if (doc && doc.lines.length > 0) {
      const text = doc.lines.join('\n');
      docs.push({ text, mentions: doc.mentions.map((m) => ({ ...m, text: text.slice(m.start, m.end) })), misc: doc.misc });
    }
  };
  for (const raw of content.split('\n')) {
    const fields = raw.trim().split(/\s+/);
    if (fields[0] === '-DOCSTART-') {
      endDocument();
      doc = { lines: [], mentions: [], misc: [], offset: 0 };
      continue;
    }
    if (raw.trim() === '') {
      endSentence();
      continue;
    }
    doc ??= { lines: [], mentions: [], misc: [], offset: 0 };
    const token = fields[0]!;
    const tag = fields[fields.length - 1]!;
    const start = doc.offset + line.map((t) => t.length + 1).reduce((a, b) => a + b, 0);
    line.push(token);
    const [bio, type] = tag.split('-');
    const kind = type ? KIND_OF_TAG[type] : undefined;
    if (bio === 'I' && open && kind === open.kind) {
      open.end = start + token.length;
      continue;
    }
    if (bio === 'I' && openMisc && type === 'MISC') {
      openMisc.end = start + token.length;
      continue;
    }
    closeMention();
    if (kind && (bio === 'B' || bio === 'I')) open = { start, end: start + token.length, kind, text: '' };
    else if (type === 'MISC') openMisc = { start, end: start + token.length };
  }
  endDocument();
  return docs;
}

const isAllCaps = (name: string) => name === name.toUpperCase() && name !== name.toLowerCase();

/**
 * The user's list: one entity per name and kind. Case variants of one name ("LEICESTERSHIRE" in a
 * headline, "Leicestershire" in the body) are one entity written as the body writes it, the way a
 * person adding the article would write it; a name seen only in capitals stays in capitals.
 */
export function listFromGold(docs: readonly CoNLLDocument[]): EntityList {
  const byKey = new Map<string, { name: string; kind: EntityKind }>();
  for (const doc of docs) {
    for (const m of doc.mentions) {
      const key = `${m.kind}:${m.text.toLowerCase()}`;
      const known = byKey.get(key);
      if (!known || (isAllCaps(known.name) && !isAllCaps(m.text))) byKey.set(key, { name: m.text, kind: m.kind });
    }
  }
  const provenance = { outlet: 'Reuters', title: 'CoNLL-2003', date: '1996-08-30', sentence: '-' };
  const entities: Entity[] = [...byKey.entries()].map(([key, { name, kind }]) => {
    const surname = kind === 'person' ? surnameOf(name) : undefined;
    const aliases = surname ? [{ text: surname }] : [];
    return { id: key, name, kind, aliases, context: '', provenance };
  });
  return { version: 1, entities, claims: [], quotes: [], distinct: [] };
}

/** Suffixes a person's name may end with that are not a surname ("Elizabeth I", "Cal Ripken Jr."). */
const NOT_SURNAMES = /^(?:[IVX]+|Jr\.?|Sr\.?)$/;

/** The last word of a person's name that is a surname, if the name has more than one word. */
function surnameOf(name: string): string | undefined {
  const words = name.split(' ');
  while (words.length > 1 && NOT_SURNAMES.test(words[words.length - 1]!)) words.pop();
  return words.length > 1 ? words[words.length - 1] : undefined;
}

export interface CaseEvalScore {
  documents: number;
  entities: number;
  gold: number;
  found: number;
  right: number;
  precision: number;
  recall: number;
  /** False mentions and misses by cause, the most frequent first (eval-case-errors.ts). */
  falseMentions: ErrorGroup[];
  missed: ErrorGroup[];
}

export interface CaseEvalReport {
  file: string;
  full: CaseEvalScore;
  /**
   * The documents of even and of odd index, each scored as its own test (the list built from its
   * own documents): a rule tuned on one half shows whether it holds on the other.
   */
  halves: [CaseEvalScore, CaseEvalScore];
}

/** The test on these documents: a list of every gold name in them, then each document scanned. */
export function scoreDocuments(docs: readonly CoNLLDocument[]): CaseEvalScore {
  const list = listFromGold(docs);
  const matcher = createMatcher(list);
  const errors = new ErrorTally();
  let gold = 0;
  let found = 0;
  let right = 0;
  for (const doc of docs) {
    const goldKeys = new Set(doc.mentions.map((m) => `${m.start}:${m.end}:${m.kind}`));
    const { mentions, unresolved } = matcher.scan(doc.text);
    const foundKeys = new Set(mentions.map((m) => `${m.start}:${m.end}:${m.kind}`));
    gold += goldKeys.size;
    found += mentions.length;
    for (const m of mentions) {
      if (goldKeys.has(`${m.start}:${m.end}:${m.kind}`)) right++;
      else errors.falseMention(m, doc);
    }
    for (const m of doc.mentions) {
      if (!foundKeys.has(`${m.start}:${m.end}:${m.kind}`)) errors.miss(m, mentions, unresolved, doc.text);
    }
  }
  const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
  return {
    documents: docs.length,
    entities: list.entities.length,
    gold,
    found,
    right,
    precision: ratio(right, found),
    recall: ratio(right, gold),
    falseMentions: errors.falseGroups(),
    missed: errors.missGroups(),
  };
}

export function evaluateListsPeopleMake(file: string): CaseEvalReport | null {
  if (!existsSync(file)) return null;
  const docs = readCoNLL(readFileSync(file, 'utf8'));
  return {
    file,
    full: scoreDocuments(docs),
    halves: [scoreDocuments(docs.filter((_, i) => i % 2 === 0)), scoreDocuments(docs.filter((_, i) => i % 2 === 1))],
  };
}

function scoreLine(label: string, s: CaseEvalScore): string {
  return `  ${label}: ${s.documents} documents, ${s.entities} entities; gold ${s.gold}, found ${s.found}, right ${s.right}; precision ${s.precision.toFixed(3)}, recall ${s.recall.toFixed(3)}`;
}

export function formatCaseEval(r: CaseEvalReport | null, file: string): string {
  if (!r) return `Lists people make: ${file} not found, skipped`;
  return [
    `Lists people make (every gold name of ${r.file}'s documents as an unflagged list, persons with their surname):`,
    scoreLine('all documents', r.full),
    scoreLine('even documents', r.halves[0]),
    scoreLine('odd documents', r.halves[1]),
    '  false mentions by cause (all documents):',
    ...formatGroups(r.full.falseMentions),
    '  missed gold mentions by cause (all documents):',
    ...formatGroups(r.full.missed),
  ].join('\n');
}

/** The part `dossier eval` prints: CoNLL-2003 dev, found beside the corpus (../shared/data/ner). */
export function listsPeopleMakePart(corpus: string): string {
  const file = join(corpus, '../data/ner/conll2003-dev.txt');
  return formatCaseEval(evaluateListsPeopleMake(file), file);
}
