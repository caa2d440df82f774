// One map per message direction: name -> request payload, reply, and which senders may send it.
// The background validates every request against these before it touches the store.
import type { Claim, DistinctName, Entity, EntityKind, EntityList, Quote } from '../core/types';
import type { AnchorIndex } from '../core/matching/list-narrower';
import type { AnchorFilter } from '../core/matching/anchor-filter';
import type { AnnotationBackgroundMessages, AnnotationContentMessages } from './annotation-messages';
import type { DossierBackgroundMessages, HighlightColours } from './dossier-messages';
import type { ClaimBackgroundMessages } from './claim-messages';
import type { SyncBackgroundMessages } from './sync-messages';
import type { DraftBackgroundMessages } from './draft-messages';

/** Who sent a message, as the background decides from `runtime.MessageSender`. */
export type SenderKind = 'content' | 'extension-page';

export interface EntitySummary {
  id: string;
  name: string;
  kind: EntityKind;
  context: string;
}

/** One page that carried a quote (learnt while reading, or the list's own provenance). */
export interface QuoteSourceView {
  url?: string;
  title: string;
  /** For a page the reader met: its host, as the browser reported it. */
  outlet: string;
  /** ISO date, yyyy-mm-dd */
  date: string;
  /** What the page called itself: its claim, shown as such (ui/shared/quote-sources.ts). */
  siteName?: string;
}

export interface QuoteView extends Quote {
  speakerName: string;
  /** Every page that carried the quote, newest first; absent from older backgrounds. */
  sources?: QuoteSourceView[];
  /** How many pages carried it (sources may be capped for the card). */
  sourceCount?: number;
}

/** One quote the content script found on an article, by or about a known entity. */
export interface HarvestedQuote {
  text: string;
  /** Entity id of the speaker when the list knows them. */
  speakerId?: string;
  /** The speaker's name as the article gives it. */
  speakerName: string;
  /**
   * `speakerName` is a role speaking for `speakerId`, an organisation ("A Kremlin spokesman"): the
   * quote is the organisation's, and its card names the role beside it.
   */
  speakerIsRole?: true;
  sentence: string;
  /** Ids of known entities the quote names. */
  mentions: string[];
}

/** An article's main text and where it comes from (page/article, quotes/harvest). */
export interface ArticleSource {
  url: string;
  title: string;
  /** Site name (og:site_name) or the host. */
  outlet: string;
  /** ISO date, yyyy-mm-dd: the published date where the page gives one, else the day it was read. */
  date: string;
}

export interface SightingView {
  url: string;
  title: string;
  /** epoch ms */
  time: number;
  count: number;
}

/**
 * Only what the content script's matcher needs: no contexts, provenance or quotes (those come with
 * the card). With 100,000 quotes stored, the whole list cost seconds per page load.
 */
export interface MatchList {
  entities: Pick<Entity, 'id' | 'name' | 'kind' | 'aliases'>[];
  claims: Pick<Claim, 'id' | 'statement' | 'entities' | 'cues'>[];
  distinct: DistinctName[];
  /** The anchors of this list (core/list-narrower.ts), computed once by the background; a page checks it and indexes the list itself if it is missing or malformed. */
  index?: AnchorIndex;
  /** This list's fingerprint (background/store/list-cache/memory.ts): a page told the dossier changed compares it with the one it read. */
  version?: string;
}

/** Everything a page needs before its first highlight, in one round trip. */
export interface PageInit {
  disabled: boolean;
  /** Absent when Dossier is off on the site. */
  list?: MatchList;
  colours: HighlightColours;
  /** The user turned diagnostics on (options page): the content script writes its timings on the page's timeline. */
  diagnostics?: boolean;
}

export interface FirstStageInit {
  disabled: boolean;
  /** Absent when Dossier is off on the site. */
  filter?: AnchorFilter;
  /** The fingerprint of the list the filter was built from (MatchList.version). */
  version?: string;
  diagnostics?: boolean;
  /**
   * The frame's origin has annotations (page/filter), or the reader has some anywhere (the stored
   * record): only then does a page naming nobody ask for its own (issue 14).
   */
  annotated?: boolean;
}

export interface EntityCardData {
  entity: Entity;
  claims: Claim[];
  /** The newest quotes the entity gave (a page of them), newest source first. */
  quotesBy: QuoteView[];
  /** The newest quotes by others that mention the entity (a page of them). */
  quotesAbout: QuoteView[];
  /** How many quotes by / about the entity the dossier holds in all (absent from older backgrounds). */
  quotesByTotal?: number;
  quotesAboutTotal?: number;
  /** Other pages where the user met the entity, newest first (the current URL excluded). */
  sightings: SightingView[];
}

export interface ClaimCardData {
  claim: Claim;
  entities: EntitySummary[];
}

export interface SearchResults {
  entities: EntitySummary[];
  quotes: QuoteView[];
}

/** Messages to the background (runtime.sendMessage). */
export interface BackgroundMessages extends AnnotationBackgroundMessages, DossierBackgroundMessages, ClaimBackgroundMessages, SyncBackgroundMessages, DraftBackgroundMessages {
  /** The list the content script builds its matcher from. */
  'list/get': { req: Record<string, never>; res: EntityList; senders: 'content' | 'extension-page' };
  /** The lean list for the matcher (see MatchList); the background keeps it in memory. */
  'list/match': { req: Record<string, never>; res: MatchList; senders: 'content' | 'extension-page' };
  /** A page's start: whether the site is off, the lean list and the colours, in one reply. */
  'page/init': { req: { host: string }; res: PageInit; senders: 'content' | 'extension-page' };
  /** The first stage of every page and frame (issue 14): the site switch and the list's anchor filter, never the list. */
  'page/filter': { req: { host: string }; res: FirstStageInit; senders: 'content' | 'extension-page' };
  'card/entity': { req: { entityId: string; url: string }; res: EntityCardData; senders: 'content' | 'extension-page' };
  /** The reader pressed on a highlight: the background reads that entity's card now, for the frame's card/entity. */
  'card/warm': { req: { entityId: string; url: string }; res: { warmed: boolean }; senders: 'content' };
  /** More quotes for the card's "show more": the page after `offset` of one section. */
  'card/quotes': {
    req: { entityId: string; which: 'by' | 'about'; offset: number };
    res: { quotes: QuoteView[]; total: number };
    senders: 'content' | 'extension-page';
  };
  'card/claim': { req: { claimId: string }; res: ClaimCardData; senders: 'content' | 'extension-page' };
  'sightings/record': {
    req: { url: string; title: string; counts: Record<string, number> };
    res: { recorded: number };
    senders: 'content';
  };
  /** Whether Dossier is off on a site (host name, e.g. "www.bbc.co.uk"). */
  'site/get': { req: { host: string }; res: { disabled: boolean }; senders: 'content' | 'extension-page' };
  'site/set': { req: { host: string; disabled: boolean }; res: { disabled: boolean }; senders: 'extension-page' };
  'search': { req: { query: string; limit?: number }; res: SearchResults; senders: 'extension-page' };
  /** Quotes by or about known entities from an article the user read; stored deduplicated. */
  'quotes/harvest': {
    req: ArticleSource & { quotes: HarvestedQuote[] };
    res: { added: number; merged: number };
    senders: 'content';
  };
  /** "Add this article": the reviewed, kept entries become the user's own list items. */
  'list/add': {
    req: EntityList;
    res: { added: number; merged: number; claims: number; quotes: number };
    senders: 'extension-page';
  };
}

export interface PageFinding {
  id: string;
  name: string;
  kind: EntityKind | 'claim';
  count: number;
}

/** Messages to a tab's content script (tabs.sendMessage), sent by the popup. */
export interface ContentMessages extends AnnotationContentMessages {
  /**
   * What the page holds. By default answered once the first scan is over, its claims judged; with
   * `namesOnly`, as soon as its names are marked, `claimsPending` then telling whether the claims
   * are still being judged (the popup asks again without it to get them).
   */
  'page/found': {
    req: { namesOnly?: boolean };
    res: { url: string; title: string; disabled: boolean; findings: PageFinding[]; claimsPending: boolean };
  };
  /** Scroll to the first mention of an entity or claim and open its card. */
  'page/reveal': { req: { id: string; kind: EntityKind | 'claim' }; res: { revealed: boolean } };
  /** Dossier was switched off or on for this site: remove or restore the highlights. */
  'page/set-enabled': { req: { enabled: boolean }; res: { enabled: boolean } };
  /**
   * The next-mention / previous-mention commands (sent by the background from commands.onCommand):
   * select and scroll to the next (1) or previous (-1) highlighted name and open its card.
   */
  'page/step': { req: { direction: 1 | -1 }; res: { moved: boolean } };
  /** The article's main text (Readability, else the visible text) for the review page. */
  'page/article': { req: Record<string, never>; res: ArticleSource & { text: string; readable: boolean } };
}

/**
 * What the background tells every tab (tabs.sendMessage to each; no reply is awaited): the sites
 * where Dossier is off changed, for `host`, or for any host (a restore). Each page whose host it
 * is asks the background again (page/filter) rather than trusting an order of messages.
 */
export interface TabBroadcasts {
  'page/sites-changed': { req: { host?: string }; res: { rechecked: boolean } };
  /**
   * What pages show may have changed: the list (an article added, an import, an edit, a restore,
   * a sync pull) or the colours. Each page asks again and acts only on what differs.
   */
  'page/dossier-changed': { req: Record<string, never>; res: { rechecked: boolean } };
}

export type BackgroundMessageName = keyof BackgroundMessages;
export type ContentMessageName = keyof ContentMessages;

export interface Envelope<M, K extends keyof M> {
  type: K;
  payload: M[K] extends { req: infer R } ? R : never;
}

export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

export type RequestOf<M, K extends keyof M> = M[K] extends { req: infer R } ? R : never;
export type ResponseOf<M, K extends keyof M> = M[K] extends { res: infer R } ? R : never;
