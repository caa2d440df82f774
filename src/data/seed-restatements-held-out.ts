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
