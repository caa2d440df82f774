// The seed article's identity and the sentences the seed list cites. Every item of the list points
// at one of these, so a typo in a sentence shows up once, in one place, and the tests can check
// each against the article text verbatim (curly quotes and apostrophes included).
import type { Provenance } from '../core/types';

export const SEED_OUTLET = 'Al Jazeera';
export const SEED_TITLE = '‘Old friend’ Putin arrives in China for state visit, summit with Xi Jinping';
export const SEED_DATE = '2024-05-16';

/** Sentences of the seed article, verbatim, in reading order. */
export const SENTENCES = {
  headline: SEED_TITLE,
  standfirst:
    'Latest visit comes as Russia presses a new offensive on Ukraine’s northeastern Kharkiv region.',
  caption:
    'Chinese President Xi Jinping said in October he and Putin had met 42 times over the previous decade [File: Mark Ralston/Pool via AFP]',
  arrival:
    'Russian President Vladimir Putin has arrived in China for a two-day state visit, as the two countries look to further deepen a relationship that has grown closer since Moscow invaded Ukraine more than two years ago.',
  kharkivOffensive:
    'The visit comes days after Russia launched a new offensive in Ukraine’s northeastern Kharkiv region, and as it claims advances on the 1,000km (600-mile) long front line where Kyiv’s forces have been hampered by delayed deliveries of weapons and ammunitions from the United States.',
  noLimits:
    'Putin and Chinese President Xi Jinping declared a “no limits” partnership between Russia and China days before Putin sent his troops into Ukraine in February 2022.',
  newEra:
    'In March 2023, when Xi visited Moscow, he described a “new era” in the countries’ relationship while in October, when Putin was last in Beijing, Xi spoke of the “deep friendship” between the two leaders who had met 42 times over the previous decade.',
  xinhuaConfirmed:
    'China’s state news agency Xinhua confirmed Putin’s arrival for what Chinese media have described as a state visit from an “old friend”.',
  firstDestination:
    'Ahead of the trip, 71-year-old Putin said his choice of China as his first foreign destination since being sworn in as president for a fifth term underlined the “unprecedentedly high level of the strategic partnership” between the two countries as well as his close friendship with Xi, who is 70.',
  cooperation:
    '“We will try to establish closer cooperation in the field of industry and high technology, space and peaceful nuclear energy, artificial intelligence, renewable energy sources and other innovative sectors,” Putin told China’s Xinhua state news agency.',
  gala:
    'The two leaders will take part in a gala evening celebrating 75 years since the Soviet Union recognised the People’s Republic of China, which was declared by Mao Zedong following the communists’ victory in China’s civil war in 1949.',
  harbin: 'Putin will also visit Harbin in northeastern China, a city with strong ties to Russia.',
  peacePlan:
    'In his interview with Xinhua, Putin also appeared to give his backing to a 12-point Ukraine peace plan that Beijing released to a lukewarm reception on the first anniversary of Russia’s full-scale invasion in February 2023.',
  dialogue:
    'He said the proposals could provide the basis for discussions and that Moscow was “open to a dialogue on Ukraine”.',
  interests:
    'He reiterated the long-held Russian position that “negotiations must take into account the interests of all countries involved in the conflict, including ours.”',
  zelenskyyConditions:
    'Ukrainian President Volodymyr Zelenskyy has said any negotiations must include a restoration of Ukraine’s territorial integrity, the withdrawal of Russian troops from all Ukrainian territory, the release of all prisoners, a tribunal for those responsible for the aggression, and security guarantees for Ukraine.',
  swissSummit:
    'Switzerland is convening a peace summit for Ukraine, focusing on Kyiv’s framework, next June.',
  delegations:
    'At least 50 delegations have already agreed to attend, but Russia has not been invited.',
  neutral:
    'China claims to be neutral in the conflict but has not condemned Moscow for its invasion of a sovereign country.',
  kremlinStatement:
    'The Kremlin said in a statement that during their talks this week, Putin and Xi Jinping would “have a detailed discussion on the entire range of issues related to the comprehensive partnership and strategic cooperation” and set “new directions for further development of cooperation between Russia and China.”',
  worldOrder:
    'The two countries have made clear they want to remake the international order in line with their own visions of how the world should be.',
  lavrov:
    'Speaking on Tuesday, Russia’s Foreign Minister Sergey Lavrov claimed that Moscow and Beijing played a “major balancing role in global affairs”, and that Putin’s visit would “strengthen our joint work”.',
  veto:
    'Both countries are veto-holding members of the United Nations Security Council, alongside the US, United Kingdom and France.',
  usefulness:
    '“We should not underestimate Russia’s ‘usefulness’ as a friend without limits to China and Xi Jinping,” Sari Arho Havren, an associate fellow at the Royal United Services Institute (RUSI) think tank, told Al Jazeera in an email.',
  valuablePartner:
    '“Russia is a valuable partner in displacing the US and changing the global order to a favourable one for China and Russia alike.',
  taiwanIntegral:
    'Russia also sees Taiwan as an integral part of China, and we have already seen speculation about the war scenario in the Indo-Pacific and whether Russia would step up to help and join China in possible war efforts.”',
  energy:
    'Moscow has forged increasingly close ties with Beijing, diverting most of its energy exports to China and importing high-tech components for its military industries from Chinese companies amid Western sanctions.',
  warGames:
    'The two countries have also deepened military ties, holding joint war games over the Sea of Japan and the East China Sea, and organising training for ground forces in each other’s territory.',
  taiwanActivity:
    'China has stepped up military activity around self-ruled Taiwan as the island prepares for the May 20 inauguration of William Lai Ching-te, who was elected president in elections in January.',
  force:
    'China claims the territory as its own and has not ruled out the use of force to achieve its goal.',
  byline: 'With reporting by Erin Hale in Taipei',
  sourceLine: 'Source: Al Jazeera and news agencies',
} as const;

export type SentenceKey = keyof typeof SENTENCES;

/** A quote that runs over two sentences is cited with both, as they stand in the article. */
export const ARHO_HAVREN_SECOND_QUOTE_PASSAGE = `${SENTENCES.valuablePartner} ${SENTENCES.taiwanIntegral}`;

/** Provenance for an item learnt from the given passage of the seed article. */
export function fromSeed(sentence: string): Provenance {
  return { outlet: SEED_OUTLET, title: SEED_TITLE, date: SEED_DATE, sentence };
}

/** Shorthand for the common case: the item comes from one named sentence. */
export function seedSentence(key: SentenceKey): Provenance {
  return fromSeed(SENTENCES[key]);
}
