// Every passage the seed article puts inside “ ”. Quote texts drop the quotation marks and the
// comma or full stop the article sets inside them (“…sectors,” → "…sectors"). `mentions` lists
// only entities the quoted words name, so a card never claims a quote says more than it does.
import type { Quote } from '../core/types';
import { ARHO_HAVREN_SECOND_QUOTE_PASSAGE, fromSeed, seedSentence } from './seed-source';

export const SEED_QUOTES: Quote[] = [
  {
    id: 'quote-no-limits',
    text: 'no limits',
    // Declared jointly by Putin and Xi; the article names Putin first, and a quote has one speaker.
    speaker: 'vladimir-putin',
    mentions: [],
    provenance: seedSentence('noLimits'),
  },
  {
    id: 'quote-new-era',
    text: 'new era',
    speaker: 'xi-jinping',
    mentions: [],
    provenance: seedSentence('newEra'),
  },
  {
    id: 'quote-deep-friendship',
    text: 'deep friendship',
    speaker: 'xi-jinping',
    mentions: [],
    provenance: seedSentence('newEra'),
  },
  {
    id: 'quote-old-friend',
    text: 'old friend',
    // "Chinese media" is no entity; Xinhua is the Chinese state outlet the same sentence names.
    speaker: 'xinhua',
    mentions: [],
    provenance: seedSentence('xinhuaConfirmed'),
  },
  {
    id: 'quote-unprecedentedly-high-level',
    text: 'unprecedentedly high level of the strategic partnership',
    speaker: 'vladimir-putin',
    mentions: [],
    provenance: seedSentence('firstDestination'),
  },
  {
    id: 'quote-closer-cooperation',
    text: 'We will try to establish closer cooperation in the field of industry and high technology, space and peaceful nuclear energy, artificial intelligence, renewable energy sources and other innovative sectors',
    speaker: 'vladimir-putin',
    mentions: [],
    provenance: seedSentence('cooperation'),
  },
  {
    id: 'quote-open-to-dialogue',
    text: 'open to a dialogue on Ukraine',
    speaker: 'vladimir-putin',
    mentions: ['ukraine'],
    provenance: seedSentence('dialogue'),
  },
  {
    id: 'quote-interests-of-all-countries',
    text: 'negotiations must take into account the interests of all countries involved in the conflict, including ours',
    // "He reiterated the long-held Russian position": the speaker is still Putin.
    speaker: 'vladimir-putin',
    mentions: [],
    provenance: seedSentence('interests'),
  },
  {
    id: 'quote-detailed-discussion',
    text: 'have a detailed discussion on the entire range of issues related to the comprehensive partnership and strategic cooperation',
    speaker: 'kremlin',
    mentions: [],
    provenance: seedSentence('kremlinStatement'),
  },
  {
    id: 'quote-new-directions',
    text: 'new directions for further development of cooperation between Russia and China',
    speaker: 'kremlin',
    mentions: ['russia', 'china'],
    provenance: seedSentence('kremlinStatement'),
  },
  {
    id: 'quote-balancing-role',
    text: 'major balancing role in global affairs',
    speaker: 'sergey-lavrov',
    mentions: [],
    provenance: seedSentence('lavrov'),
  },
  {
    id: 'quote-joint-work',
    text: 'strengthen our joint work',
    speaker: 'sergey-lavrov',
    mentions: [],
    provenance: seedSentence('lavrov'),
  },
  {
    id: 'quote-usefulness',
    text: 'We should not underestimate Russia’s ‘usefulness’ as a friend without limits to China and Xi Jinping',
    speaker: 'sari-arho-havren',
    mentions: ['russia', 'china', 'xi-jinping'],
    provenance: seedSentence('usefulness'),
  },
  {
    id: 'quote-valuable-partner',
    text: 'Russia is a valuable partner in displacing the US and changing the global order to a favourable one for China and Russia alike. Russia also sees Taiwan as an integral part of China, and we have already seen speculation about the war scenario in the Indo-Pacific and whether Russia would step up to help and join China in possible war efforts',
    speaker: 'sari-arho-havren',
    mentions: ['russia', 'united-states', 'china', 'taiwan', 'indo-pacific'],
    provenance: fromSeed(ARHO_HAVREN_SECOND_QUOTE_PASSAGE),
  },
];
