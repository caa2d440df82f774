// Names of other things that contain, or look like, a name of the seed list. Each takes part in
// leftmost-longest matching and reports nothing, so the shorter name inside it is not counted.
import type { DistinctName } from '../core/types';

export const SEED_DISTINCT: DistinctName[] = [
  { text: 'National Security Council', note: 'A US (or other national) body, not the UN Security Council.' },
  { text: 'Homeland Security Council', note: 'A US body, not the UN Security Council.' },
  { text: 'Russian Security Council', note: 'Russia’s own advisory body, not the UN Security Council.' },
  { text: 'Peace and Security Council', note: 'The African Union’s body, not the UN Security Council.' },
  {
    text: 'Taiwan Strait',
    note: 'The sea between Taiwan and mainland China, not the island; treated like East/South China Sea for China.',
  },
  {
    text: 'Republic of China',
    note: 'Taiwan’s official name and also China 1912–49: alone it is ambiguous, so it counts as neither (the PRC is a China alias and wins as the longer match).',
  },
  { text: 'South China Sea', note: 'A sea, not the country China.' },
  { text: 'South China Morning Post', note: 'A Hong Kong newspaper, not the country China.' },
  { text: 'Air China', note: 'An airline, not the country China.' },
  { text: 'Air France', note: 'An airline, not the country France.' },
  { text: 'Xi’an', note: 'A Chinese city; its first syllable is not Xi Jinping.' },
  { text: "Xi'an", note: 'A Chinese city (straight apostrophe); its first syllable is not Xi Jinping.' },
  { text: 'Chicken Kiev', note: 'A dish, not the city Kyiv.' },
  { text: 'Dynamo Kyiv', note: 'A football club, not the city.' },
  { text: 'Dynamo Kiev', note: 'A football club, not the city.' },
  { text: 'Kyiv Independent', note: 'A newspaper, not the city.' },
  { text: 'Kyiv Post', note: 'A newspaper, not the city.' },
  { text: 'Moscow Times', note: 'A newspaper, not the city.' },
  { text: 'Moscow, Idaho', note: 'A US town, not the Russian capital.' },
  { text: 'Taipei Times', note: 'A newspaper, not the city.' },
  { text: 'Indo-Pacific Command', note: 'A US military command, not the region.' },
];
