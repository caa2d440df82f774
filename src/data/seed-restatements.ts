// Restatements of seed claims in other words, and look-alikes that negate them or change a figure,
// a date or an actor: the claims part of `dossier eval` (src/cli/claims/eval-seed.ts) and the unit tests read them.
// Written by hand for this set, before the scorer was run on them; the model was not tuned on them
// (its weights come from MSRP only). The first four look-alike/restatement cases are the issue's.

export interface SeedCase {
  claimId: string;
  sentence: string;
}

export const SEED_RESTATEMENTS: SeedCase[] = [
  { claimId: 'russia-invaded-ukraine-february-2022', sentence: 'Moscow sent its troops across the border into Ukraine in February 2022.' },
  { claimId: 'energy-exports-diverted-to-china', sentence: "Most of Russia's oil and gas exports now go to China." },
  { claimId: 'met-42-times', sentence: 'The two leaders, Xi and Putin, have held 42 meetings in the past ten years.' },
  { claimId: 'putin-state-visit-china', sentence: 'Vladimir Putin landed in China on Thursday for a state visit lasting two days.' },
  { claimId: 'kharkiv-offensive', sentence: 'Russia opened a fresh offensive in the Kharkiv region of northeastern Ukraine days before the trip.' },
  { claimId: 'russia-not-invited', sentence: 'Russia was not invited to the peace summit on Ukraine.' },
  { claimId: 'force-not-ruled-out-taiwan', sentence: 'Beijing has never ruled out the use of force to bring Taiwan under its control.' },
  { claimId: 'china-claims-taiwan', sentence: 'Beijing regards Taiwan as part of its own territory.' },
  { claimId: 'lai-elected-january', sentence: 'Taiwan elected Lai as its president in January.' },
  { claimId: 'fifty-delegations', sentence: 'More than 50 delegations have agreed to take part in the Ukraine peace summit.' },
  { claimId: 'prc-declared-1949', sentence: 'In 1949 Mao Zedong proclaimed the People’s Republic of China after the communists won the civil war.' },
  { claimId: 'china-military-activity-taiwan', sentence: 'China has increased its military activity around Taiwan.' },
];

export const SEED_LOOKALIKES: SeedCase[] = [
  { claimId: 'china-neutral-not-condemned', sentence: 'China has condemned Moscow for its invasion, abandoning its claim of neutrality.' },
  { claimId: 'force-not-ruled-out-taiwan', sentence: 'Beijing has ruled out the use of force against Taiwan.' },
  { claimId: 'met-42-times', sentence: 'Putin and Xi have met two times over the previous decade.' },
  { claimId: 'russia-invaded-ukraine-february-2022', sentence: 'Russia invaded Georgia in August 2008.' },
  { claimId: 'russia-invaded-ukraine-february-2022', sentence: 'Russia invaded Ukraine in August 2008.' },
  { claimId: 'russia-not-invited', sentence: 'Russia has been invited to the Ukraine peace summit.' },
  { claimId: 'fifty-delegations', sentence: 'At least 15 delegations have agreed to attend the Ukraine peace summit.' },
  { claimId: 'lai-elected-january', sentence: 'Lai was elected Taiwan’s president in March.' },
  { claimId: 'putin-state-visit-china', sentence: 'Putin arrived in China for a five-day state visit.' },
  { claimId: 'china-claims-taiwan', sentence: 'China does not claim Taiwan as its own territory.' },
  { claimId: 'prc-declared-1949', sentence: 'Mao Zedong declared the People’s Republic of China in 1959.' },
  { claimId: 'china-military-activity-taiwan', sentence: 'Japan has stepped up military activity around self-ruled Taiwan.' },
  // Added after the held-out set (seed-restatements-held-out.ts) showed such look-alikes marked:
  // another state where the claim has one that is not its first, and states in swapped roles.
  { claimId: 'energy-exports-diverted-to-china', sentence: 'Moscow has diverted most of its energy exports to Turkey.' },
  { claimId: 'chinese-components-for-russian-military', sentence: 'China buys high-tech parts for its military industries from Russian firms, despite Western sanctions.' },
  { claimId: 'kharkiv-offensive', sentence: 'Days before the visit, Ukraine launched a new offensive in Russia’s Kursk region.' },
  // Added after the third set showed a figure the claim leaves implicit ("the previous decade": one).
  { claimId: 'met-42-times', sentence: 'Putin and Xi have met 42 times over the past three decades.' },
  // Added after the third set showed one word swapped for one of the opposite sense that neither the
  // synonyms nor the opposites table relates ("old enemy", "skip", "early"): WordNet's antonyms
  // through synonyms and more general words (relations.ts).
  { claimId: 'putin-old-friend', sentence: 'Chinese media describe Putin as an “old foe”.' },
  { claimId: 'delayed-us-weapons', sentence: 'Kyiv’s forces have been hampered by early deliveries of weapons and ammunition from the United States.' },
  { claimId: 'gala-75-years-recognition', sentence: 'Putin and Xi will miss a gala marking 75 years since the Soviet Union recognised the People’s Republic of China.' },
  { claimId: 'putin-visit-harbin', sentence: 'Putin will also visit Harbin, a city in northeastern China with weak ties to Russia.' },
];
