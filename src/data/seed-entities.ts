// People, bodies and places the seed article names, written by hand from the article.
// Aliases hold the spellings other outlets use; surnames many people share wait for context
// (`needsContext`), and short forms that are also ordinary words match only as written.
// Demonyms are left out on purpose: "Russian President" is not a mention of Russia.
import type { Entity } from '../core/types';
import { fromSeed, seedSentence, SENTENCES } from './seed-source';

const exact = (text: string) => ({ text, exactCase: true });
const surname = (text: string) => ({ text, exactCase: true, needsContext: true });
// A surname only one person of the list is known by, famous enough to stand alone on a page that
// never gives the full name (a one-word person alias waits for the full name by default).
const alone = (text: string) => ({ text, needsContext: false });

const people: Entity[] = [
  {
    id: 'vladimir-putin',
    name: 'Vladimir Putin',
    kind: 'person',
    aliases: [
      alone('Putin'),
      { text: 'Vladimir Vladimirovich Putin' },
      { text: 'Vladimir V. Putin' },
    ],
    context: 'Russian President; 71; sworn in as president for a fifth term, chose China as his first foreign destination',
    provenance: seedSentence('arrival'),
  },
  {
    id: 'xi-jinping',
    name: 'Xi Jinping',
    kind: 'person',
    aliases: [surname('Xi'), { text: 'Xi Jin-ping' }, { text: 'Xi Jin Ping' }],
    context: 'Chinese President; 70; has met Putin 42 times over the previous decade',
    provenance: seedSentence('noLimits'),
  },
  {
    id: 'sergey-lavrov',
    name: 'Sergey Lavrov',
    kind: 'person',
    aliases: [alone('Lavrov'), { text: 'Sergei Lavrov' }, { text: 'Sergey Viktorovich Lavrov' }],
    context: 'Russia’s Foreign Minister',
    provenance: seedSentence('lavrov'),
  },
  {
    id: 'volodymyr-zelenskyy',
    name: 'Volodymyr Zelenskyy',
    kind: 'person',
    aliases: [
      alone('Zelenskyy'),
      alone('Zelensky'),
      alone('Zelenskiy'),
      alone('Zelenski'),
      alone('Zelenskyi'),
      { text: 'Volodymyr Zelensky' },
      { text: 'Volodymyr Zelenskiy' },
      { text: 'Volodymyr Zelenski' },
      { text: 'Vladimir Zelensky' },
    ],
    context: 'Ukrainian President; says negotiations must restore Ukraine’s territorial integrity',
    provenance: seedSentence('zelenskyyConditions'),
  },
  {
    id: 'mao-zedong',
    name: 'Mao Zedong',
    kind: 'person',
    aliases: [surname('Mao'), { text: 'Mao Tse-tung' }, { text: 'Mao Tse Tung' }, { text: 'Chairman Mao' }],
    context: 'Declared the People’s Republic of China in 1949 after the communists’ victory in the civil war',
    provenance: seedSentence('gala'),
  },
  {
    id: 'sari-arho-havren',
    name: 'Sari Arho Havren',
    kind: 'person',
    // "Arho Havren" is her (double) surname, rare enough to stand alone.
    aliases: [{ text: 'Arho Havren' }, { text: 'Sari Arho-Havren' }, alone('Arho-Havren')],
    context: 'Associate fellow at the Royal United Services Institute (RUSI) think tank',
    provenance: seedSentence('usefulness'),
  },
  {
    id: 'william-lai',
    name: 'William Lai Ching-te',
    kind: 'person',
    aliases: [
      surname('Lai'),
      { text: 'William Lai' },
      { text: 'Lai Ching-te' },
      { text: 'Lai Ching te' },
      { text: 'Lai Ching-teh' },
    ],
    context: 'Elected Taiwan’s president in January; inauguration on May 20',
    provenance: seedSentence('taiwanActivity'),
  },
  {
    id: 'erin-hale',
    name: 'Erin Hale',
    kind: 'person',
    aliases: [surname('Hale')],
    context: 'Al Jazeera reporter in Taipei who contributed reporting',
    provenance: seedSentence('byline'),
  },
  {
    id: 'mark-ralston',
    name: 'Mark Ralston',
    kind: 'person',
    aliases: [surname('Ralston')],
    context: 'Photographer of the article’s file photo (Pool via AFP)',
    provenance: seedSentence('caption'),
  },
];

const organisations: Entity[] = [
  {
    id: 'kremlin',
    // The article's "The Kremlin" is the Russian presidency speaking, so it is a body, not a place.
    name: 'Kremlin',
    kind: 'organisation',
    aliases: [],
    context: 'The Russian presidency; said Putin and Xi would discuss the comprehensive partnership',
    provenance: seedSentence('kremlinStatement'),
  },
  {
    id: 'xinhua',
    name: 'Xinhua',
    kind: 'organisation',
    aliases: [{ text: 'Xinhua News Agency' }, { text: 'New China News Agency' }],
    context: 'China’s state news agency; interviewed Putin before the visit',
    provenance: seedSentence('xinhuaConfirmed'),
  },
  {
    id: 'united-nations-security-council',
    name: 'United Nations Security Council',
    kind: 'organisation',
    aliases: [
      { text: 'UN Security Council' },
      { text: 'U.N. Security Council' },
      { text: 'Security Council' },
      exact('UNSC'),
    ],
    context: 'Russia, China, the US, the UK and France are its veto-holding members',
    provenance: seedSentence('veto'),
  },
  {
    id: 'united-nations',
    name: 'United Nations',
    kind: 'organisation',
    aliases: [exact('UN'), exact('U.N.')],
    context: 'Named through its Security Council, where Russia and China hold vetoes',
    provenance: seedSentence('veto'),
  },
  {
    id: 'rusi',
    name: 'Royal United Services Institute',
    kind: 'organisation',
    aliases: [exact('RUSI')],
    context: 'Think tank; Sari Arho Havren is an associate fellow',
    provenance: seedSentence('usefulness'),
  },
  {
    id: 'al-jazeera',
    name: 'Al Jazeera',
    kind: 'organisation',
    aliases: [{ text: 'Al-Jazeera' }, { text: 'Aljazeera' }],
    context: 'News outlet that published the article',
    provenance: seedSentence('sourceLine'),
  },
  {
    id: 'afp',
    name: 'Agence France-Presse',
    kind: 'organisation',
    aliases: [exact('AFP'), { text: 'Agence France Presse' }],
    context: 'News agency that distributed the article’s pool photo',
    provenance: seedSentence('caption'),
  },
  {
    id: 'press-pool',
    // "Pool" is an everyday word, so the bare credit waits for context like a shared surname.
    name: 'press pool',
    kind: 'organisation',
    aliases: [surname('Pool')],
    context: 'Shared press photographers’ pool; the file photo is credited “Pool via AFP”',
    provenance: seedSentence('caption'),
  },
];

const places: Entity[] = [
  {
    id: 'china',
    name: 'China',
    kind: 'place',
    // The PRC is the state the article calls China; the Soviet Union recognised it 75 years ago.
    aliases: [
      { text: 'People’s Republic of China' },
      { text: "People's Republic of China" },
      { text: 'Peoples Republic of China' },
      exact('PRC'),
    ],
    context: 'Hosts Putin’s two-day state visit; claims neutrality in the war but has not condemned Moscow',
    provenance: seedSentence('arrival'),
  },
  {
    id: 'russia',
    name: 'Russia',
    kind: 'place',
    aliases: [{ text: 'Russian Federation' }],
    context: 'Invaded Ukraine in February 2022; declared a “no limits” partnership with China',
    provenance: seedSentence('noLimits'),
  },
  {
    id: 'ukraine',
    name: 'Ukraine',
    kind: 'place',
    aliases: [],
    context: 'Invaded by Russia more than two years before the visit',
    provenance: seedSentence('arrival'),
  },
  {
    id: 'kharkiv',
    name: 'Kharkiv',
    kind: 'place',
    aliases: [{ text: 'Kharkov' }, { text: 'Kharkiv Oblast' }],
    context: 'Region in northeastern Ukraine where Russia launched a new offensive',
    provenance: seedSentence('kharkivOffensive'),
  },
  {
    id: 'kyiv',
    name: 'Kyiv',
    kind: 'place',
    aliases: [{ text: 'Kiev' }, { text: 'Kyyiv' }],
    context: 'Ukraine’s capital, standing for its government; its forces hampered by delayed US weapons',
    provenance: seedSentence('kharkivOffensive'),
  },
  {
    id: 'moscow',
    name: 'Moscow',
    kind: 'place',
    aliases: [],
    context: 'Russia’s capital, standing for its government',
    provenance: seedSentence('arrival'),
  },
  {
    id: 'beijing',
    name: 'Beijing',
    kind: 'place',
    aliases: [],
    context: 'China’s capital, standing for its government; released a 12-point Ukraine peace plan',
    provenance: seedSentence('newEra'),
  },
  {
    id: 'harbin',
    name: 'Harbin',
    kind: 'place',
    aliases: [],
    context: 'City in northeastern China with strong ties to Russia; on Putin’s itinerary',
    provenance: seedSentence('harbin'),
  },
  {
    id: 'switzerland',
    name: 'Switzerland',
    kind: 'place',
    aliases: [{ text: 'Swiss Confederation' }],
    context: 'Convening a peace summit for Ukraine next June; Russia not invited',
    provenance: seedSentence('swissSummit'),
  },
  {
    id: 'united-states',
    name: 'United States',
    kind: 'place',
    aliases: [
      exact('US'),
      exact('U.S.'),
      exact('USA'),
      exact('U.S.A.'),
      { text: 'United States of America' },
    ],
    context: 'Veto-holding UN Security Council member; its delayed weapons deliveries hampered Kyiv',
    provenance: seedSentence('kharkivOffensive'),
  },
  {
    id: 'united-kingdom',
    name: 'United Kingdom',
    kind: 'place',
    aliases: [exact('UK'), exact('U.K.'), { text: 'Britain' }, { text: 'Great Britain' }],
    context: 'Veto-holding UN Security Council member',
    provenance: seedSentence('veto'),
  },
  {
    id: 'france',
    name: 'France',
    kind: 'place',
    aliases: [],
    context: 'Veto-holding UN Security Council member',
    provenance: seedSentence('veto'),
  },
  {
    id: 'soviet-union',
    name: 'Soviet Union',
    kind: 'place',
    aliases: [exact('USSR'), exact('U.S.S.R.')],
    context: 'Recognised the People’s Republic of China in 1949, 75 years before the visit',
    provenance: seedSentence('gala'),
  },
  {
    id: 'taiwan',
    name: 'Taiwan',
    kind: 'place',
    // "Chinese Taipei" is Taiwan's name at the Olympics; without this alias it would count as Taipei.
    aliases: [{ text: 'Chinese Taipei' }],
    context: 'Self-ruled island China claims as its own; William Lai Ching-te inaugurated May 20',
    provenance: seedSentence('taiwanActivity'),
  },
  {
    id: 'taipei',
    name: 'Taipei',
    kind: 'place',
    aliases: [],
    context: 'Where Erin Hale reported from',
    provenance: seedSentence('byline'),
  },
  {
    id: 'sea-of-japan',
    name: 'Sea of Japan',
    kind: 'place',
    aliases: [],
    context: 'Where Russia and China held joint war games',
    provenance: seedSentence('warGames'),
  },
  {
    id: 'east-china-sea',
    name: 'East China Sea',
    kind: 'place',
    aliases: [],
    context: 'Where Russia and China held joint war games',
    provenance: seedSentence('warGames'),
  },
  {
    id: 'indo-pacific',
    name: 'Indo-Pacific',
    kind: 'place',
    aliases: [{ text: 'Indo Pacific' }],
    context: 'Region of a speculated war scenario in which Russia might join China',
    provenance: fromSeed(SENTENCES.taiwanIntegral),
  },
];

export const SEED_ENTITIES: Entity[] = [...people, ...organisations, ...places];
