// A sixth held-out set, written by hand 2026-12-06 ~16:40 UTC before any run on it and before the
// rule it measures existed: look-alikes that keep a seed claim's actors (and its figures) but say
// something else of them ("Lai visited Taipei in January" for "Lai was elected Taiwan's president in
// January"), some sharing none of the claim's other words and some sharing a few; and, for the
// same claims, restatements that put the claim's predicate in other words, which must still be
// found. It measures whether a sentence must carry the claim's predicate (issue 12: "the same actors
// and predicate"). Nothing may be tuned on it: a fix it shows adds the case to the first set.
import type { SeedCase } from './seed-restatements';

export const PREDICATE_RESTATEMENTS: SeedCase[] = [
  { claimId: 'lai-elected-january', sentence: 'Taiwan’s voters chose Lai as president in January.' },
  { claimId: 'lai-elected-january', sentence: 'In January Lai won Taiwan’s presidential election.' },
  { claimId: 'russia-invaded-ukraine-february-2022', sentence: 'Russian troops poured into Ukraine in February 2022.' },
  { claimId: 'russia-invaded-ukraine-february-2022', sentence: 'Russia’s invasion of Ukraine began in February 2022.' },
  { claimId: 'china-claims-taiwan', sentence: 'Beijing regards Taiwan as Chinese territory.' },
  { claimId: 'china-claims-taiwan', sentence: 'China considers Taiwan its own.' },
  { claimId: 'putin-state-visit-china', sentence: 'Putin landed in China at the start of a two-day state visit.' },
  { claimId: 'swiss-peace-summit', sentence: 'Next June Switzerland will host a Ukraine peace summit built around Kyiv’s framework.' },
  { claimId: 'russia-sees-taiwan-part-of-china', sentence: 'Moscow regards Taiwan as an inseparable part of China.' },
  { claimId: 'met-42-times', sentence: 'Xi and Putin have held 42 meetings over the previous decade.' },
  { claimId: 'joint-war-games', sentence: 'Russian and Chinese forces have staged joint military exercises over the Sea of Japan and the East China Sea.' },
  { claimId: 'putin-xinhua-interview', sentence: 'Before the trip, Putin spoke to China’s Xinhua state news agency in an interview.' },
];

export const PREDICATE_LOOKALIKES: SeedCase[] = [
  // The sentence shares the claim's actors and figures, and none of its other words.
  { claimId: 'lai-elected-january', sentence: 'Lai spoke to reporters in Taiwan in January.' },
  { claimId: 'putin-state-visit-china', sentence: 'Putin praised China at a two-day forum.' },
  { claimId: 'russia-invaded-ukraine-february-2022', sentence: 'Russia and Ukraine held talks in February 2022.' },
  { claimId: 'russia-sees-taiwan-part-of-china', sentence: 'Russia sold weapons to Taiwan and China.' },
  { claimId: 'china-claims-taiwan', sentence: 'China trades with Taiwan.' },
  { claimId: 'swiss-peace-summit', sentence: 'Switzerland is sending aid to Ukraine next June.' },
  { claimId: 'energy-exports-diverted-to-china', sentence: 'Moscow has criticised China.' },
  { claimId: 'lai-inauguration-may-20', sentence: 'William Lai Ching-te flies to Japan on May 20.' },
  // The sentence shares a few of the claim's other words too.
  { claimId: 'joint-war-games', sentence: 'Russia and China have held trade talks in the East China Sea region.' },
  { claimId: 'lavrov-visit-strengthen-joint-work', sentence: 'Lavrov said Putin’s visit was postponed.' },
  { claimId: 'putin-xinhua-interview', sentence: 'Putin banned China’s Xinhua state news agency ahead of the trip.' },
  { claimId: 'kharkiv-offensive', sentence: 'Days before the visit, Russia evacuated civilians from Ukraine’s northeastern Kharkiv region.' },
];
