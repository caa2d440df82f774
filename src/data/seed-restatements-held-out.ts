// A second, held-out set of restatements and look-alikes of the seed claims, written by hand on
// 2026-12-06 in one sitting, before the finder and scorer were ever run on them, for claims the
// first set (seed-restatements.ts) mostly does not cover. Nothing may be tuned on them: they are
// how `dossier eval` estimates what the first set, which earlier work looked at, cannot (how the
// claims part fares on restatements nobody has seen). A fix they show must say so and add the case
// to the first set, not change this one.
import type { SeedCase } from './seed-restatements';

export const HELD_OUT_RESTATEMENTS: SeedCase[] = [
  { claimId: 'ties-closer-since-invasion', sentence: "Since Moscow's invasion of Ukraine more than two years ago, Russia and China have drawn closer together." },
  { claimId: 'advances-1000km-front-line', sentence: 'Russia says it is gaining ground along the 1,000km front line.' },
  { claimId: 'delayed-us-weapons', sentence: 'Ukrainian forces have been held back by late deliveries of US weapons and ammunition.' },
  { claimId: 'no-limits-partnership', sentence: 'In February 2022, days before the invasion of Ukraine, Putin and Xi proclaimed a “no limits” partnership between their countries.' },
  { claimId: 'xi-new-era-moscow-2023', sentence: 'During his March 2023 visit to Moscow, Xi spoke of a “new era” in relations between Russia and China.' },
  { claimId: 'putin-age-71', sentence: 'Putin is 71 years old.' },
  { claimId: 'xi-age-70', sentence: 'Xi Jinping is 70 years old.' },
  { claimId: 'china-first-trip-fifth-term', sentence: 'China is the first foreign country Putin has visited since being sworn in for his fifth term.' },
  { claimId: 'putin-xinhua-interview', sentence: "Ahead of the trip, Putin was interviewed by Xinhua, China's state news agency." },
  { claimId: 'gala-75-years-recognition', sentence: "Putin and Xi are to attend a gala celebrating 75 years since the Soviet Union recognised the People's Republic of China." },
  { claimId: 'putin-visit-harbin', sentence: 'Putin will also travel to Harbin, a northeastern Chinese city with strong links to Russia.' },
  { claimId: 'putin-backs-12-point-plan', sentence: "Putin appeared to endorse China's 12-point peace plan for Ukraine." },
  { claimId: 'swiss-peace-summit', sentence: "Switzerland will host a peace summit on Ukraine in June, focused on Kyiv's framework." },
  { claimId: 'veto-holding-unsc-members', sentence: 'Along with the US, the UK and France, Russia and China hold vetoes on the UN Security Council.' },
  { claimId: 'russia-sees-taiwan-part-of-china', sentence: 'Moscow regards Taiwan as an integral part of China.' },
  { claimId: 'chinese-components-for-russian-military', sentence: 'Despite Western sanctions, Russia buys high-tech components for its military industry from Chinese firms.' },
  { claimId: 'joint-war-games', sentence: 'Russian and Chinese forces have held joint war games over the East China Sea and the Sea of Japan.' },
  { claimId: 'lai-inauguration-may-20', sentence: "Lai Ching-te will be sworn in as Taiwan's president on May 20." },
  { claimId: 'china-claims-taiwan', sentence: 'China says Taiwan is part of its territory.' },
  { claimId: 'energy-exports-diverted-to-china', sentence: 'Russia has redirected most of its energy exports to China.' },
  { claimId: 'met-42-times', sentence: 'Xi and Putin have met 42 times in the past decade.' },
  { claimId: 'russia-not-invited', sentence: 'Moscow has not been invited to the summit on peace in Ukraine.' },
  { claimId: 'force-not-ruled-out-taiwan', sentence: 'China has not ruled out the use of force to seize Taiwan.' },
  { claimId: 'remake-international-order', sentence: 'Moscow and Beijing want to reshape the international order according to their own visions.' },
];

export const HELD_OUT_LOOKALIKES: SeedCase[] = [
  { claimId: 'advances-1000km-front-line', sentence: 'Ukraine claims advances on the 1,000km front line.' },
  { claimId: 'delayed-us-weapons', sentence: "Kyiv's forces have not been hampered by delays in US weapons deliveries." },
  { claimId: 'no-limits-partnership', sentence: 'Putin and Xi declared a “no limits” partnership between Russia and China in February 2019.' },
  { claimId: 'xi-new-era-moscow-2023', sentence: 'When Xi visited Moscow in March 2013 he described a “new era” in Russia–China relations.' },
  { claimId: 'putin-age-71', sentence: 'Putin is 61.' },
  { claimId: 'xi-age-70', sentence: 'Xi is 80.' },
  { claimId: 'china-first-trip-fifth-term', sentence: "China is Putin's first foreign destination since he was sworn in for a fourth term." },
  { claimId: 'gala-75-years-recognition', sentence: "Putin and Xi will attend a gala marking 50 years since the Soviet Union recognised the People's Republic of China." },
  { claimId: 'putin-visit-harbin', sentence: 'Putin will not visit Harbin, a city in northeastern China with strong ties to Russia.' },
  { claimId: 'putin-backs-12-point-plan', sentence: "Putin rejected China's 12-point Ukraine peace plan." },
  { claimId: 'swiss-peace-summit', sentence: 'Austria is convening a peace summit for Ukraine next June, focusing on Kyiv’s framework.' },
  { claimId: 'veto-holding-unsc-members', sentence: 'Russia and China are not veto-holding members of the UN Security Council.' },
  { claimId: 'russia-sees-taiwan-part-of-china', sentence: 'Russia does not see Taiwan as part of China.' },
  { claimId: 'joint-war-games', sentence: 'Japan and China have held joint war games over the Sea of Japan and the East China Sea.' },
  { claimId: 'lai-inauguration-may-20', sentence: 'William Lai Ching-te is inaugurated as Taiwan’s president on June 20.' },
  { claimId: 'energy-exports-diverted-to-china', sentence: 'Moscow has diverted most of its energy exports to India.' },
  { claimId: 'met-42-times', sentence: 'Putin and Xi have met 24 times over the previous decade.' },
  { claimId: 'fifty-delegations', sentence: 'At least 90 delegations have agreed to attend the Ukraine peace summit.' },
  { claimId: 'prc-declared-1949', sentence: 'Mao Zedong declared the People’s Republic of China in 1979, after the communists won the civil war.' },
  { claimId: 'russia-invaded-ukraine-february-2022', sentence: 'Russia invaded Ukraine in February 2014.' },
  { claimId: 'kharkiv-offensive', sentence: 'Days before the visit, Ukraine launched a new offensive in Russia’s Belgorod region.' },
  { claimId: 'lai-elected-january', sentence: 'Lai lost Taiwan’s presidential election in January.' },
  { claimId: 'chinese-components-for-russian-military', sentence: 'China imports high-tech components for its military industries from Russian companies, despite Western sanctions.' },
  { claimId: 'ties-closer-since-invasion', sentence: 'Russia and China have drifted apart since Russia invaded Ukraine more than two years ago.' },
];

// A third set, written 2026-12-06 ~11:30 UTC after the second set's look-alikes had been used to
// fix the actor and opposite-sense rules, before any run on it: the held-out estimate after them
// (first run: 12 of 12 found, 8 of 12 look-alikes marked; its changed figure then fixed one rule,
// and its words swapped for one of the opposite sense another: relations.ts, 4 of 12 marked since).
export const HELD_OUT_RESTATEMENTS_2: SeedCase[] = [
  { claimId: 'putin-state-visit-china', sentence: 'Putin has begun a two-day state visit to China.' },
  { claimId: 'kharkiv-offensive', sentence: "Shortly before the trip, Russian forces opened a new assault in the Kharkiv region in Ukraine's northeast." },
  { claimId: 'delayed-us-weapons', sentence: "Delays in American arms and ammunition shipments have hampered Ukraine's forces." },
  { claimId: 'putin-old-friend', sentence: 'Chinese state media called Putin an “old friend”.' },
  { claimId: 'cooperation-high-tech-sectors', sentence: 'Putin said Moscow and Beijing will seek closer cooperation in industry, high technology, space, peaceful nuclear energy, AI and renewable energy.' },
  { claimId: 'moscow-open-to-dialogue', sentence: 'Putin said Chinese proposals could serve as a basis for talks and that Russia is open to dialogue over Ukraine.' },
  { claimId: 'peace-plan-lukewarm-reception', sentence: "China's peace plan got a lukewarm reception when it was published in February 2023, on the first anniversary of the invasion." },
  { claimId: 'lavrov-visit-strengthen-joint-work', sentence: "Lavrov said the visit by Putin would strengthen the two countries' joint work." },
  { claimId: 'indo-pacific-war-speculation', sentence: 'There has been speculation over whether Russia would join China in a war in the Indo-Pacific.' },
  { claimId: 'ground-forces-training', sentence: "Russia and China run training for ground troops on each other's territory." },
  { claimId: 'russia-useful-to-china', sentence: 'According to an analyst, Russia is useful to China as a valuable partner in displacing the US and changing the world order.' },
  { claimId: 'zelenskyy-peace-conditions', sentence: "Zelenskyy insists any negotiations must restore Ukraine's territorial integrity, pull out Russian troops, free all prisoners, create a tribunal and give Ukraine security guarantees." },
];

export const HELD_OUT_LOOKALIKES_2: SeedCase[] = [
  { claimId: 'putin-state-visit-china', sentence: 'Putin began a two-day state visit to India.' },
  { claimId: 'kharkiv-offensive', sentence: "Days before the visit, Russia ended its offensive in Ukraine's northeastern Kharkiv region." },
  { claimId: 'delayed-us-weapons', sentence: "Kyiv's forces have been helped by early deliveries of weapons and ammunition from the United States." },
  { claimId: 'putin-old-friend', sentence: 'Chinese media describe Putin as an “old enemy”.' },
  { claimId: 'met-42-times', sentence: 'Putin and Xi have met 42 times over the previous two decades.' },
  { claimId: 'xi-age-70', sentence: 'Putin is 70.' },
  { claimId: 'china-first-trip-fifth-term', sentence: "China was Putin's last foreign destination before he was sworn in for a fifth term." },
  { claimId: 'swiss-peace-summit', sentence: "Switzerland is convening a peace summit for Ukraine next June, focusing on Moscow's framework." },
  { claimId: 'russia-not-invited', sentence: 'China has not been invited to the Ukraine peace summit.' },
  { claimId: 'lai-inauguration-may-20', sentence: "William Lai Ching-te steps down as Taiwan's president on May 20." },
  { claimId: 'gala-75-years-recognition', sentence: "Putin and Xi will skip a gala marking 75 years since the Soviet Union recognised the People's Republic of China." },
  { claimId: 'remake-international-order', sentence: 'Russia and China want to preserve the international order as it is.' },
];

// A fourth set, only of the kinds the issue names (negated, changed figure or date), written
// 2026-12-06 ~11:50 UTC before any run on it: the look-alikes the judge's held-out set is said to hold.
export const HELD_OUT_NEGATED: SeedCase[] = [
  { claimId: 'putin-visit-harbin', sentence: 'Putin will not visit Harbin on this trip.' },
  { claimId: 'russia-sees-taiwan-part-of-china', sentence: 'Russia no longer sees Taiwan as an integral part of China.' },
  { claimId: 'moscow-open-to-dialogue', sentence: 'Putin said Moscow is not open to dialogue on Ukraine.' },
  { claimId: 'xinhua-confirmed-arrival', sentence: 'Xinhua has yet to confirm Putin’s arrival.' },
  { claimId: 'putin-backs-12-point-plan', sentence: 'Putin refused to back China’s 12-point Ukraine peace plan.' },
  { claimId: 'china-neutral-not-condemned', sentence: 'China has condemned Moscow for its invasion of Ukraine.' },
  { claimId: 'veto-holding-unsc-members', sentence: 'Neither Russia nor China holds a veto on the UN Security Council.' },
  { claimId: 'joint-war-games', sentence: 'Russia and China have never held joint war games over the Sea of Japan.' },
  { claimId: 'putin-xinhua-interview', sentence: 'Putin declined to give an interview to China’s Xinhua news agency ahead of the trip.' },
  { claimId: 'chinese-components-for-russian-military', sentence: 'Russia does not import high-tech components for its military industries from Chinese companies.' },
  { claimId: 'force-not-ruled-out-taiwan', sentence: 'China has ruled out using force to take Taiwan.' },
  { claimId: 'lai-elected-january', sentence: 'Lai wasn’t elected Taiwan’s president in January.' },
];

export const HELD_OUT_CHANGED_FIGURES: SeedCase[] = [
  { claimId: 'advances-1000km-front-line', sentence: 'Russia claims advances on the 1,500km (900-mile) front line.' },
  { claimId: 'putin-age-71', sentence: 'Putin is 72.' },
  { claimId: 'gala-75-years-recognition', sentence: 'Putin and Xi will attend a gala marking 70 years since the Soviet Union recognised the People’s Republic of China.' },
  { claimId: 'putin-backs-12-point-plan', sentence: 'Putin appeared to back China’s 10-point Ukraine peace plan.' },
  { claimId: 'lai-inauguration-may-20', sentence: 'William Lai Ching-te is inaugurated as Taiwan’s president on May 21.' },
  { claimId: 'xi-new-era-moscow-2023', sentence: 'When Xi visited Moscow in March 2022 he described a “new era” in Russia–China relations.' },
  { claimId: 'fifty-delegations', sentence: 'At least 80 delegations have agreed to attend the Ukraine peace summit.' },
  { claimId: 'china-first-trip-fifth-term', sentence: 'China is Putin’s first foreign destination since he was sworn in for a sixth term.' },
  { claimId: 'peace-plan-lukewarm-reception', sentence: 'Beijing’s peace plan was released to a lukewarm reception in February 2024, on the second anniversary of the invasion.' },
  { claimId: 'putin-state-visit-china', sentence: 'Putin arrived in China for a three-day state visit.' },
  { claimId: 'met-42-times', sentence: 'Putin and Xi have met more than 60 times over the previous decade.' },
  { claimId: 'no-limits-partnership', sentence: 'Putin and Xi declared a “no limits” partnership between Russia and China in February 2021.' },
];
