// Which quotes of an article concern the dossier: those whose speaker is a known entity, those
// that name one, and those of a role speaking for a known organisation ("a NATO official said"),
// which are that organisation's, the role named as their speaker. Pure (no DOM), so it is tested in Node.
import type { Matcher } from '../../core/matching/matcher';
import { extractQuotes, quoteOwner, speakerResolverFromList } from '../../core/quotes';
import type { EntityList } from '../../core/types';
import type { HarvestedQuote } from '../../shared/messages';

/** The background refuses more; a page with more direct quotes than this is not an article. */
export const HARVEST_LIMITS = { quotes: 100, text: 2000, sentence: 4000, name: 200, mentions: 50 } as const;

export function selectQuotes(text: string, list: EntityList, matcher: Matcher): HarvestedQuote[] {
  const resolveSpeaker = speakerResolverFromList(list);
  // Names the article identified (a full name once) let a bare surname inside a quote count.
  const identified = matcher.scan(text).identified;
  const found: HarvestedQuote[] = [];
  for (const q of extractQuotes(text, { resolveSpeaker, source: { title: '', outlet: '', date: '' } })) {
    const speakerName = q.speaker?.trim() ?? '';
    if (speakerName === '' || speakerName.length > HARVEST_LIMITS.name) continue;
    if (q.text.length > HARVEST_LIMITS.text) continue;
    const scan = matcher.scan(q.text, identified);
    const speakerId = quoteOwner(q);
    const mentions = [...new Set(scan.mentions.map((m) => m.entityId))].filter((id) => id !== speakerId).slice(0, HARVEST_LIMITS.mentions);
    if (!speakerId && mentions.length === 0) continue;
    const quote: HarvestedQuote = { text: q.text, speakerName, sentence: q.sentence.slice(0, HARVEST_LIMITS.sentence), mentions };
    if (speakerId) quote.speakerId = speakerId;
    if (!q.speakerId && q.speakerForId) quote.speakerIsRole = true;
    found.push(quote);
    if (found.length === HARVEST_LIMITS.quotes) break;
  }
  return found;
}
