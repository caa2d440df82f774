// A fifth held-out set, written by hand 2026-12-06 ~14:10 UTC before any run on it and before any
// change for it: look-alikes that keep a seed claim almost word for word but swap ONE content word
// or short phrase for one of other sense (not a negation, a figure, a date or another state), and,
// for the same claims, restatements in other words (one-word synonym swaps among them) that must
// still be found. It measures the rule for unexplained substitutions (issue 12); nothing may be
// tuned on it. A fix it shows must say so and add the case to the first set, not change this one.
import type { SeedCase } from './seed-restatements';

export const SENSE_RESTATEMENTS: SeedCase[] = [
  { claimId: 'putin-state-visit-china', sentence: 'Putin reached China for a two-day state visit.' },
  { claimId: 'kharkiv-offensive', sentence: 'Days before the visit, Russia began a fresh offensive in the northeastern Kharkiv region of Ukraine.' },
  { claimId: 'delayed-us-weapons', sentence: 'Ukraine’s forces have been slowed by delayed deliveries of weapons and ammunition from the United States.' },
  { claimId: 'no-limits-partnership', sentence: 'Putin and Xi announced a “no limits” partnership between Russia and China in February 2022, days before Ukraine was invaded.' },
  { claimId: 'xi-new-era-moscow-2023', sentence: 'When Xi went to Moscow in March 2023, he spoke of a “new era” in Russia–China relations.' },
  { claimId: 'xi-deep-friendship-october', sentence: 'Xi talked of the “deep friendship” between the two leaders in October, when Putin last visited Beijing.' },
  { claimId: 'xinhua-confirmed-arrival', sentence: 'Xinhua confirmed that Putin had arrived, in what Chinese media called a state visit by an “old friend”.' },
  { claimId: 'unprecedented-strategic-partnership', sentence: 'Putin said his decision highlighted the “unprecedentedly high level” of the strategic partnership between Russia and China.' },
  { claimId: 'putin-xinhua-interview', sentence: 'Putin granted an interview to Xinhua, China’s state news agency, before the trip.' },
  { claimId: 'prc-declared-1949', sentence: 'Mao Zedong proclaimed the People’s Republic of China in 1949, after the communists’ victory in the civil war.' },
  { claimId: 'putin-visit-harbin', sentence: 'Putin will also go to Harbin, a northeastern Chinese city with close links to Russia.' },
  { claimId: 'peace-plan-lukewarm-reception', sentence: 'Beijing’s peace plan met a lukewarm response when it was published on the first anniversary of the invasion, in February 2023.' },
  { claimId: 'moscow-open-to-dialogue', sentence: 'Putin said China’s proposals could form a basis for talks and that Moscow is ready for dialogue on Ukraine.' },
  { claimId: 'negotiations-interests-of-all', sentence: 'Russia says talks must consider the interests of all the countries involved, its own included.' },
  { claimId: 'swiss-peace-summit', sentence: 'Switzerland is hosting a peace summit for Ukraine next June, centred on Kyiv’s framework.' },
  { claimId: 'fifty-delegations', sentence: 'No fewer than 50 delegations have agreed to take part in the Ukraine peace summit.' },
  { claimId: 'lavrov-balancing-role', sentence: 'Lavrov asserted that Moscow and Beijing play a “major balancing role in global affairs”.' },
  { claimId: 'indo-pacific-war-speculation', sentence: 'There is speculation as to whether Russia would side with China in a war in the Indo-Pacific.' },
  { claimId: 'ground-forces-training', sentence: 'Russia and China arrange training for land forces on each other’s territory.' },
  { claimId: 'china-military-activity-taiwan', sentence: 'China has increased military activity around self-governed Taiwan.' },
  { claimId: 'joint-war-games', sentence: 'Russia and China have conducted joint military exercises over the Sea of Japan and the East China Sea.' },
  { claimId: 'lai-elected-january', sentence: 'Lai was voted in as Taiwan’s president in January.' },
  { claimId: 'russia-sees-taiwan-part-of-china', sentence: 'Russia considers Taiwan an integral part of China.' },
  { claimId: 'force-not-ruled-out-taiwan', sentence: 'China has not excluded using force to capture Taiwan.' },
];

export const SENSE_LOOKALIKES: SeedCase[] = [
  { claimId: 'putin-state-visit-china', sentence: 'Putin arrived in China for a two-day state funeral.' },
  { claimId: 'kharkiv-offensive', sentence: 'Days before the visit, Russia postponed a new offensive in Ukraine’s northeastern Kharkiv region.' },
  { claimId: 'delayed-us-weapons', sentence: 'Kyiv’s forces have been hampered by delayed deliveries of fuel and ammunition from the United States.' },
  { claimId: 'no-limits-partnership', sentence: 'Putin and Xi declared a “no limits” rivalry between Russia and China in February 2022, days before the invasion of Ukraine.' },
  { claimId: 'xi-new-era-moscow-2023', sentence: 'When Xi visited Moscow in March 2023 he described a “new era” in Russia–China trade.' },
  { claimId: 'xi-deep-friendship-october', sentence: 'In October, when Putin was last in Beijing, Xi spoke of the “deep mistrust” between the two leaders.' },
  { claimId: 'xinhua-confirmed-arrival', sentence: 'Xinhua confirmed Putin’s departure, which Chinese media described as a state visit from an “old friend”.' },
  { claimId: 'unprecedented-strategic-partnership', sentence: 'Putin said his choice undermined the “unprecedentedly high level” of the Russia–China strategic partnership.' },
  { claimId: 'putin-xinhua-interview', sentence: 'Putin gave an interview to China’s Xinhua state news agency after the trip.' },
  { claimId: 'prc-declared-1949', sentence: 'Mao Zedong dissolved the People’s Republic of China in 1949, after the communists won the civil war.' },
  { claimId: 'putin-visit-harbin', sentence: 'Putin will also visit Harbin, a city in northeastern China with strong grievances against Russia.' },
  { claimId: 'peace-plan-lukewarm-reception', sentence: 'Beijing’s peace plan was released to a rapturous reception on the first anniversary of the invasion, in February 2023.' },
  { claimId: 'moscow-open-to-dialogue', sentence: 'Putin said China’s proposals could be a basis for discussions and that Moscow is open to escalation on Ukraine.' },
  { claimId: 'negotiations-interests-of-all', sentence: 'Russia holds that negotiations must ignore the interests of all countries involved, including its own.' },
  { claimId: 'swiss-peace-summit', sentence: 'Switzerland is convening a trade summit for Ukraine next June, focusing on Kyiv’s framework.' },
  { claimId: 'fifty-delegations', sentence: 'At least 50 delegations have agreed to picket the Ukraine peace summit.' },
  { claimId: 'lavrov-balancing-role', sentence: 'Lavrov claimed Moscow and Beijing play a “major destabilising role in global affairs”.' },
  { claimId: 'indo-pacific-war-speculation', sentence: 'There is speculation about whether Russia would oppose China in a war in the Indo-Pacific.' },
  { claimId: 'ground-forces-training', sentence: 'Russia and China organise training for naval forces in each other’s territory.' },
  { claimId: 'china-military-activity-taiwan', sentence: 'China has stepped up diplomatic activity around self-ruled Taiwan.' },
  { claimId: 'joint-war-games', sentence: 'Russia and China have held joint peace talks over the Sea of Japan and the East China Sea.' },
  { claimId: 'lai-elected-january', sentence: 'Lai was impeached as Taiwan’s president in January.' },
  { claimId: 'russia-sees-taiwan-part-of-china', sentence: 'Russia sees Taiwan as an integral partner of China.' },
  { claimId: 'force-not-ruled-out-taiwan', sentence: 'China has not ruled out using force to defend Taiwan.' },
];
