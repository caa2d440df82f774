// Claims the seed article makes, one statement each. Cues are groups of phrases; a sentence
// restates the claim only if it matches every group, so each claim has at least one group of
// specific words (a number, a distinctive phrase) beside the names it involves. Cues match in any
// case, so short forms that are also ordinary words ("US", "AI") are never cues.
import type { Claim } from '../core/types';
import { fromSeed, seedSentence, SENTENCES } from './seed-source';

const PUTIN = ['Putin', 'Vladimir Putin'];
const XI = ['Xi', 'Xi Jinping'];
const RUSSIA = ['Russia', 'Russian', 'Moscow', 'Kremlin'];
const CHINA = ['China', 'Chinese', 'Beijing'];
const UKRAINE = ['Ukraine', 'Ukrainian', 'Kyiv', 'Kiev'];
const LAI = ['Lai', 'Lai Ching-te', 'William Lai'];
const ZELENSKYY = ['Zelenskyy', 'Zelensky', 'Zelenskiy', 'Zelenski'];

export const SEED_CLAIMS: Claim[] = [
  {
    id: 'putin-state-visit-china',
    statement: 'Putin arrived in China for a two-day state visit.',
    entities: ['vladimir-putin', 'china'],
    cues: [['two-day state visit', 'two-day visit', 'state visit', '2-day visit'], PUTIN, CHINA],
    provenance: seedSentence('arrival'),
  },
  {
    id: 'ties-closer-since-invasion',
    statement: 'Russia and China have grown closer since Russia invaded Ukraine more than two years ago.',
    entities: ['russia', 'china', 'ukraine'],
    cues: [
      ['grown closer', 'closer ties', 'closer relationship', 'deepen', 'deepened', 'deepening', 'drawn closer'],
      ['invaded', 'invasion', 'since the war'],
      RUSSIA,
      CHINA,
    ],
    provenance: seedSentence('arrival'),
  },
  {
    id: 'russia-invaded-ukraine-february-2022',
    statement: 'Russia invaded Ukraine in February 2022.',
    entities: ['russia', 'ukraine', 'vladimir-putin'],
    cues: [
      ['invaded', 'invasion', 'sent his troops', 'sent troops', 'full-scale invasion'],
      ['Ukraine'],
      ['February 2022', 'Feb 2022', 'February 24, 2022', '24 February 2022'],
    ],
    provenance: seedSentence('noLimits'),
  },
  {
    id: 'kharkiv-offensive',
    statement: 'Days before the visit, Russia launched a new offensive in Ukraine’s northeastern Kharkiv region.',
    entities: ['russia', 'ukraine', 'kharkiv'],
    cues: [['offensive', 'assault', 'incursion', 'push'], ['Kharkiv', 'Kharkov'], RUSSIA],
    provenance: seedSentence('kharkivOffensive'),
  },
  {
    id: 'advances-1000km-front-line',
    statement: 'Russia claims advances on the 1,000km (600-mile) front line.',
    entities: ['russia', 'ukraine'],
    cues: [
      ['1,000km', '1,000 km', '1000km', '1000 km', '1,000 kilometres', '1,000 kilometers', '600-mile', '600 miles'],
      ['front line', 'frontline', 'front'],
    ],
    provenance: seedSentence('kharkivOffensive'),
  },
  {
    id: 'delayed-us-weapons',
    statement: 'Kyiv’s forces have been hampered by delayed deliveries of weapons and ammunition from the United States.',
    entities: ['kyiv', 'ukraine', 'united-states'],
    cues: [
      ['delayed', 'delay', 'delays', 'held up', 'stalled', 'slow'],
      ['weapons', 'ammunition', 'ammunitions', 'arms', 'military aid', 'shells'],
      UKRAINE,
    ],
    provenance: seedSentence('kharkivOffensive'),
  },
  {
    id: 'no-limits-partnership',
    statement: 'Putin and Xi declared a “no limits” partnership between Russia and China in February 2022, days before the invasion of Ukraine.',
    entities: ['vladimir-putin', 'xi-jinping', 'russia', 'china'],
    cues: [
      ['no limits', 'no-limits', 'limitless'],
      ['partnership', 'friendship', 'relationship', 'ties', 'alliance'],
    ],
    provenance: seedSentence('noLimits'),
  },
  {
    id: 'xi-new-era-moscow-2023',
    statement: 'When Xi visited Moscow in March 2023 he described a “new era” in Russia–China relations.',
    entities: ['xi-jinping', 'moscow', 'russia', 'china'],
    cues: [['new era'], XI, ['Moscow', 'Russia', 'Putin']],
    provenance: seedSentence('newEra'),
  },
  {
    id: 'xi-deep-friendship-october',
    statement: 'In October, when Putin was last in Beijing, Xi spoke of the “deep friendship” between the two leaders.',
    entities: ['xi-jinping', 'vladimir-putin', 'beijing'],
    cues: [['deep friendship'], [...XI, ...PUTIN]],
    provenance: seedSentence('newEra'),
  },
  {
    id: 'met-42-times',
    statement: 'Putin and Xi have met 42 times over the previous decade.',
    entities: ['vladimir-putin', 'xi-jinping'],
    cues: [['42 times', '42 meetings', 'met 42', '42 occasions', 'forty-two times'], [...PUTIN, ...XI]],
    provenance: seedSentence('newEra'),
  },
  {
    id: 'xinhua-confirmed-arrival',
    statement: 'Xinhua confirmed Putin’s arrival, which Chinese media described as a state visit from an “old friend”.',
    entities: ['xinhua', 'vladimir-putin'],
    cues: [['Xinhua'], ['confirmed', 'reported', 'announced'], ['arrival', 'arrived', 'arrives', 'landed']],
    provenance: seedSentence('xinhuaConfirmed'),
  },
  {
    id: 'putin-old-friend',
    statement: 'Chinese media describe Putin as an “old friend”.',
    entities: ['vladimir-putin', 'china'],
    cues: [['old friend', 'old friends'], PUTIN],
    provenance: seedSentence('xinhuaConfirmed'),
  },
  {
    id: 'putin-age-71',
    statement: 'Putin is 71.',
    entities: ['vladimir-putin'],
    cues: [['71-year-old', '71 years old', 'aged 71', 'age of 71', 'Putin, 71'], PUTIN],
    provenance: seedSentence('firstDestination'),
  },
  {
    id: 'xi-age-70',
    statement: 'Xi is 70.',
    entities: ['xi-jinping'],
    cues: [['70-year-old', '70 years old', 'aged 70', 'age of 70', 'who is 70', 'Xi, 70'], XI],
    provenance: seedSentence('firstDestination'),
  },
  {
    id: 'china-first-trip-fifth-term',
    statement: 'China is Putin’s first foreign destination since he was sworn in for a fifth term.',
    entities: ['vladimir-putin', 'china'],
    cues: [
      ['first foreign', 'first trip abroad', 'first overseas', 'first visit abroad', 'first foreign trip'],
      ['fifth term', 'new term', 'sworn in', 'inauguration', 're-election', 'reelection'],
      [...PUTIN, ...CHINA],
    ],
    provenance: seedSentence('firstDestination'),
  },
  {
    id: 'unprecedented-strategic-partnership',
    statement: 'Putin said his choice underlined the “unprecedentedly high level” of the Russia–China strategic partnership.',
    entities: ['vladimir-putin', 'russia', 'china'],
    cues: [['unprecedentedly high', 'unprecedented level', 'unprecedentedly'], ['strategic partnership', 'partnership']],
    provenance: seedSentence('firstDestination'),
  },
  {
    id: 'putin-xinhua-interview',
    statement: 'Putin gave an interview to China’s Xinhua state news agency ahead of the trip.',
    entities: ['vladimir-putin', 'xinhua'],
    cues: [['interview', 'told', 'article for', 'written for'], ['Xinhua'], PUTIN],
    provenance: seedSentence('cooperation'),
  },
  {
    id: 'cooperation-high-tech-sectors',
    statement: 'Putin said Russia and China will try to cooperate more closely in industry, high technology, space, peaceful nuclear energy, artificial intelligence and renewable energy.',
    entities: ['vladimir-putin', 'russia', 'china'],
    cues: [
      ['cooperation', 'co-operation', 'cooperate', 'collaboration', 'collaborate'],
      ['artificial intelligence', 'peaceful nuclear energy', 'nuclear energy', 'renewable energy', 'high technology', 'innovative sectors'],
    ],
    provenance: seedSentence('cooperation'),
  },
  {
    id: 'gala-75-years-recognition',
    statement: 'Putin and Xi will attend a gala marking 75 years since the Soviet Union recognised the People’s Republic of China.',
    entities: ['vladimir-putin', 'xi-jinping', 'soviet-union', 'china'],
    cues: [
      ['75 years', '75th anniversary', 'seventy-five years'],
      ['recognised', 'recognized', 'recognition', 'diplomatic relations', 'diplomatic ties'],
    ],
    provenance: seedSentence('gala'),
  },
  {
    id: 'prc-declared-1949',
    statement: 'Mao Zedong declared the People’s Republic of China in 1949, after the communists won the civil war.',
    entities: ['mao-zedong', 'china'],
    cues: [['1949'], ['Mao', 'Mao Zedong', 'Mao Tse-tung', 'civil war', 'communists', 'Communist']],
    provenance: seedSentence('gala'),
  },
  {
    id: 'putin-visit-harbin',
    statement: 'Putin will also visit Harbin, a city in northeastern China with strong ties to Russia.',
    entities: ['vladimir-putin', 'harbin', 'china', 'russia'],
    cues: [['Harbin'], ['visit', 'visits', 'visiting', 'trip', 'travel', 'travels', 'stop']],
    provenance: seedSentence('harbin'),
  },
  {
    id: 'putin-backs-12-point-plan',
    statement: 'Putin appeared to back China’s 12-point Ukraine peace plan.',
    entities: ['vladimir-putin', 'china', 'beijing', 'ukraine'],
    cues: [['12-point', '12 point', 'twelve-point'], ['plan', 'proposal', 'proposals', 'position paper']],
    provenance: seedSentence('peacePlan'),
  },
  {
    id: 'peace-plan-lukewarm-reception',
    statement: 'Beijing’s peace plan was released to a lukewarm reception on the first anniversary of the invasion, in February 2023.',
    entities: ['beijing', 'china', 'russia', 'ukraine'],
    cues: [['lukewarm', 'cool reception', 'tepid', 'sceptical', 'skeptical'], ['plan', 'proposal', 'proposals']],
    provenance: seedSentence('peacePlan'),
  },
  {
    id: 'moscow-open-to-dialogue',
    statement: 'Putin said China’s proposals could be a basis for discussions and that Moscow is open to dialogue on Ukraine.',
    entities: ['vladimir-putin', 'moscow', 'ukraine'],
    cues: [
      ['open to a dialogue', 'open to dialogue', 'open to talks', 'open to negotiations', 'basis for discussions', 'basis for talks', 'basis for negotiations'],
      [...UKRAINE, ...RUSSIA, ...PUTIN],
    ],
    provenance: seedSentence('dialogue'),
  },
  {
    id: 'negotiations-interests-of-all',
    statement: 'Russia holds that negotiations must take into account the interests of all countries involved, including its own.',
    entities: ['vladimir-putin', 'russia'],
    cues: [
      ['interests of all countries', 'interests of all parties', 'interests of all sides', 'all countries involved'],
      ['negotiations', 'talks', 'settlement', 'peace'],
    ],
    provenance: seedSentence('interests'),
  },
  {
    id: 'zelenskyy-peace-conditions',
    statement: 'Zelenskyy says negotiations must restore Ukraine’s territorial integrity, withdraw Russian troops, free all prisoners, set up a tribunal and give Ukraine security guarantees.',
    entities: ['volodymyr-zelenskyy', 'ukraine', 'russia'],
    cues: [
      ['territorial integrity', 'withdrawal of Russian troops', 'tribunal', 'security guarantees', 'release of all prisoners', 'peace formula'],
      [...ZELENSKYY, 'Ukraine', 'Kyiv'],
      ['negotiations', 'talks', 'peace', 'conditions', 'demands'],
    ],
    provenance: seedSentence('zelenskyyConditions'),
  },
  {
    id: 'swiss-peace-summit',
    statement: 'Switzerland is convening a peace summit for Ukraine next June, focusing on Kyiv’s framework.',
    entities: ['switzerland', 'ukraine', 'kyiv'],
    cues: [['Switzerland', 'Swiss', 'Bürgenstock', 'Burgenstock'], ['peace summit', 'peace conference', 'summit']],
    provenance: seedSentence('swissSummit'),
  },
  {
    id: 'fifty-delegations',
    statement: 'At least 50 delegations have agreed to attend the Ukraine peace summit.',
    entities: ['switzerland', 'ukraine'],
    cues: [
      ['50 delegations', 'fifty delegations', '50 countries', '50 nations'],
      ['attend', 'agreed', 'participate', 'take part', 'summit', 'conference'],
    ],
    provenance: seedSentence('delegations'),
  },
  {
    id: 'russia-not-invited',
    statement: 'Russia has not been invited to the Ukraine peace summit.',
    entities: ['russia', 'switzerland'],
    cues: [['not been invited', 'not invited', 'was not invited', 'wasn’t invited', 'uninvited', 'excluded'], RUSSIA],
    provenance: seedSentence('delegations'),
  },
  {
    id: 'china-neutral-not-condemned',
    statement: 'China claims to be neutral in the war but has not condemned Moscow for its invasion.',
    entities: ['china', 'moscow', 'russia'],
    cues: [
      ['neutral', 'neutrality', 'impartial'],
      ['condemned', 'condemn', 'condemnation', 'criticised', 'criticized'],
      CHINA,
    ],
    provenance: seedSentence('neutral'),
  },
  {
    id: 'kremlin-talks-agenda',
    statement: 'The Kremlin said Putin and Xi would discuss the whole comprehensive partnership and strategic cooperation and set new directions for cooperation.',
    entities: ['kremlin', 'vladimir-putin', 'xi-jinping', 'russia', 'china'],
    cues: [
      ['comprehensive partnership', 'strategic cooperation', 'comprehensive strategic partnership', 'entire range of issues', 'new directions'],
      ['Kremlin', ...PUTIN, ...XI],
    ],
    provenance: seedSentence('kremlinStatement'),
  },
  {
    id: 'remake-international-order',
    statement: 'Russia and China want to remake the international order in line with their own visions.',
    entities: ['russia', 'china'],
    cues: [
      ['international order', 'world order', 'global order'],
      ['remake', 'reshape', 'change', 'changing', 'overhaul', 'rewrite', 'displacing', 'multipolar'],
    ],
    provenance: seedSentence('worldOrder'),
  },
  {
    id: 'lavrov-balancing-role',
    statement: 'Lavrov claimed Moscow and Beijing play a “major balancing role in global affairs”.',
    entities: ['sergey-lavrov', 'moscow', 'beijing'],
    cues: [['balancing role', 'balancing force', 'major balancing', 'counterbalance'], ['Lavrov', ...RUSSIA, ...CHINA]],
    provenance: seedSentence('lavrov'),
  },
  {
    id: 'lavrov-visit-strengthen-joint-work',
    statement: 'Lavrov said Putin’s visit would “strengthen our joint work”.',
    entities: ['sergey-lavrov', 'vladimir-putin'],
    cues: [['joint work'], ['Lavrov', 'visit']],
    provenance: seedSentence('lavrov'),
  },
  {
    id: 'veto-holding-unsc-members',
    statement: 'Russia and China are veto-holding members of the UN Security Council, alongside the US, the UK and France.',
    entities: ['russia', 'china', 'united-nations-security-council', 'united-states', 'united-kingdom', 'france'],
    cues: [
      ['veto-holding', 'veto-wielding', 'veto power', 'veto powers', 'permanent members', 'permanent member'],
      ['Security Council', 'UNSC'],
    ],
    provenance: seedSentence('veto'),
  },
  {
    id: 'russia-useful-to-china',
    statement: 'An analyst says Russia is useful to China, a valuable partner in displacing the US and changing the global order.',
    entities: ['sari-arho-havren', 'russia', 'china', 'united-states'],
    cues: [['useful', 'usefulness', 'valuable partner'], ['Russia', 'Moscow'], [...CHINA, ...XI]],
    provenance: seedSentence('usefulness'),
  },
  {
    id: 'russia-sees-taiwan-part-of-china',
    statement: 'Russia sees Taiwan as an integral part of China.',
    entities: ['russia', 'taiwan', 'china'],
    cues: [['integral part', 'inalienable part', 'part of China'], ['Taiwan'], RUSSIA],
    provenance: fromSeed(SENTENCES.taiwanIntegral),
  },
  {
    id: 'indo-pacific-war-speculation',
    statement: 'There is speculation about whether Russia would join China in a war in the Indo-Pacific.',
    entities: ['russia', 'china', 'indo-pacific'],
    cues: [['Indo-Pacific', 'Indo Pacific', 'Taiwan'], ['war', 'conflict'], ['Russia', 'Moscow'], ['help', 'join', 'step up', 'support', 'side with']],
    provenance: fromSeed(SENTENCES.taiwanIntegral),
  },
  {
    id: 'energy-exports-diverted-to-china',
    statement: 'Moscow has diverted most of its energy exports to China.',
    entities: ['moscow', 'russia', 'china'],
    cues: [
      ['energy exports', 'oil exports', 'gas exports', 'oil and gas', 'crude'],
      ['diverting', 'diverted', 'divert', 'redirect', 'redirected', 'redirecting', 'rerouted', 'shifted'],
      CHINA,
    ],
    provenance: seedSentence('energy'),
  },
  {
    id: 'chinese-components-for-russian-military',
    statement: 'Russia imports high-tech components for its military industries from Chinese companies, despite Western sanctions.',
    entities: ['russia', 'china'],
    cues: [
      ['high-tech components', 'components', 'dual-use', 'microelectronics', 'microchips', 'machine tools'],
      ['Chinese companies', 'Chinese firms', 'China', 'Chinese'],
      ['military industries', 'military', 'defence industry', 'defense industry', 'war machine', 'sanctions'],
    ],
    provenance: seedSentence('energy'),
  },
  {
    id: 'joint-war-games',
    statement: 'Russia and China have held joint war games over the Sea of Japan and the East China Sea.',
    entities: ['russia', 'china', 'sea-of-japan', 'east-china-sea'],
    cues: [
      ['war games', 'wargames', 'military exercises', 'joint exercises', 'naval exercises', 'drills', 'joint patrols'],
      ['Sea of Japan', 'East China Sea', 'joint'],
      // The article says "the two countries" here, so the pair may be named either way.
      [...RUSSIA, ...CHINA, 'two countries'],
    ],
    provenance: seedSentence('warGames'),
  },
  {
    id: 'ground-forces-training',
    statement: 'Russia and China organise training for ground forces in each other’s territory.',
    entities: ['russia', 'china'],
    cues: [['ground forces', 'troops', 'soldiers'], ['training', 'train', 'trained'], ['each other’s territory', 'each other', 'joint']],
    provenance: seedSentence('warGames'),
  },
  {
    id: 'china-military-activity-taiwan',
    statement: 'China has stepped up military activity around self-ruled Taiwan.',
    entities: ['china', 'taiwan'],
    cues: [
      ['military activity', 'military activities', 'military pressure', 'drills', 'warplanes', 'incursions', 'stepped up'],
      ['Taiwan'],
      [...CHINA, 'PLA'],
    ],
    provenance: seedSentence('taiwanActivity'),
  },
  {
    id: 'lai-inauguration-may-20',
    statement: 'William Lai Ching-te is inaugurated as Taiwan’s president on May 20.',
    entities: ['william-lai', 'taiwan'],
    cues: [['inauguration', 'inaugurated', 'sworn in', 'swearing-in', 'takes office', 'take office'], LAI],
    provenance: seedSentence('taiwanActivity'),
  },
  {
    id: 'lai-elected-january',
    statement: 'Lai was elected Taiwan’s president in January.',
    entities: ['william-lai', 'taiwan'],
    cues: [['elected', 'election', 'elections', 'won', 'victory'], LAI, ['president', 'presidency', 'presidential']],
    provenance: seedSentence('taiwanActivity'),
  },
  {
    id: 'china-claims-taiwan',
    statement: 'China claims Taiwan as its own territory.',
    entities: ['china', 'taiwan'],
    cues: [
      ['claims', 'claim', 'considers', 'regards', 'views'],
      ['Taiwan', 'the territory', 'the island', 'self-ruled island'],
      ['its own', 'part of China', 'part of its territory', 'breakaway province', 'renegade province'],
      CHINA,
    ],
    provenance: seedSentence('force'),
  },
  {
    id: 'force-not-ruled-out-taiwan',
    statement: 'China has not ruled out using force to take Taiwan.',
    entities: ['china', 'taiwan'],
    cues: [
      ['ruled out', 'rule out', 'ruling out', 'renounce', 'renounced'],
      ['use of force', 'force', 'military force', 'militarily'],
      [...CHINA, 'Taiwan'],
    ],
    provenance: seedSentence('force'),
  },
];
