// Shape checks for what the popup and options page receive from other contexts. Bad items are
// dropped rather than trusted: a broken finding must not take the whole list down.
import type { MentionKind } from '../../core/types';
import type { ContentMessages, EntitySummary, PageFinding, QuoteView, ResponseOf, SearchResults } from '../../shared/messages';

type Rec = Record<string, unknown>;
const isRec = (x: unknown): x is Rec => typeof x === 'object' && x !== null && !Array.isArray(x);
const isStr = (x: unknown): x is string => typeof x === 'string';
const KINDS: readonly string[] = ['person', 'organisation', 'place', 'claim'];
const isMentionKind = (x: unknown): x is MentionKind => isStr(x) && KINDS.includes(x);

export type PageFound = ResponseOf<ContentMessages, 'page/found'>;

export function toPageFinding(x: unknown): PageFinding | undefined {
  if (!isRec(x) || !isStr(x.id) || !isStr(x.name) || !isMentionKind(x.kind)) return undefined;
  if (typeof x.count !== 'number' || !Number.isFinite(x.count) || x.count < 0) return undefined;
  return { id: x.id, name: x.name, kind: x.kind, count: Math.floor(x.count) };
}

/** Throws when the reply is not a page/found answer at all; drops malformed findings. */
export function toPageFound(x: unknown): PageFound {
  if (!isRec(x) || !isStr(x.url) || !Array.isArray(x.findings)) {
    throw new Error('The page answered with something Dossier does not understand.');
  }
  return {
    url: x.url,
    title: isStr(x.title) ? x.title : '',
    disabled: x.disabled === true,
    findings: x.findings.map(toPageFinding).filter((f): f is PageFinding => f !== undefined),
    claimsPending: x.claimsPending === true,
  };
}

function toEntitySummary(x: unknown): EntitySummary | undefined {
  if (!isRec(x) || !isStr(x.id) || !isStr(x.name) || !isStr(x.kind)) return undefined;
  if (x.kind !== 'person' && x.kind !== 'organisation' && x.kind !== 'place') return undefined;
  return { id: x.id, name: x.name, kind: x.kind, context: isStr(x.context) ? x.context : '' };
}

function toQuoteView(x: unknown): QuoteView | undefined {
  if (!isRec(x) || !isStr(x.id) || !isStr(x.text) || !isStr(x.speaker) || !isRec(x.provenance)) return undefined;
  const p = x.provenance;
  return {
    id: x.id,
    text: x.text,
    speaker: x.speaker,
    speakerName: isStr(x.speakerName) ? x.speakerName : x.speaker,
    mentions: Array.isArray(x.mentions) ? x.mentions.filter(isStr) : [],
    provenance: {
      outlet: isStr(p.outlet) ? p.outlet : '',
      title: isStr(p.title) ? p.title : '',
      date: isStr(p.date) ? p.date : '',
      sentence: isStr(p.sentence) ? p.sentence : '',
      ...(isStr(p.url) ? { url: p.url } : {}),
    },
  };
}

export function toSearchResults(x: unknown): SearchResults {
  if (!isRec(x)) return { entities: [], quotes: [] };
  const list = <T,>(v: unknown, f: (y: unknown) => T | undefined): T[] =>
    Array.isArray(v) ? v.map(f).filter((y): y is T => y !== undefined) : [];
  return { entities: list(x.entities, toEntitySummary), quotes: list(x.quotes, toQuoteView) };
}
