// Words of opposite sense, a hard rule of the restatement scorer: "Lai lost the election" is not
// "Lai was elected", "shares fell" not "shares rose", however many words the two share. A small
// closed table of the turns news writes most, not WordNet: its antonyms pair "lose" with "win"
// and "gain" but not with "elect", and most of its pairs ("buy"/"sell", "import"/"export") say
// the same thing once the actors swap places. Words with a sense that is no turn ("back" home,
// "left" wing, "close" ties) stay out.

/** Each row: two lists of forms (every inflection written out: "rose" is no lemma of "rise"). */
const OPPOSITES: readonly [readonly string[], readonly string[]][] = [
  [['win', 'wins', 'won', 'winning', 'elect', 'elected', 'electing', 'reelected', 'victory', 'victorious'], ['lose', 'loses', 'lost', 'losing', 'defeat', 'loser']],
  [
    ['rise', 'rises', 'rose', 'risen', 'rising', 'increase', 'increases', 'increased', 'increasing', 'grow', 'grows', 'grew', 'grown', 'growing', 'gain', 'gains', 'gained', 'climb', 'climbs', 'climbed', 'jump', 'jumps', 'jumped', 'soar', 'soars', 'soared', 'higher', 'up'],
    ['fall', 'falls', 'fell', 'fallen', 'falling', 'decrease', 'decreases', 'decreased', 'decreasing', 'drop', 'drops', 'dropped', 'shrink', 'shrinks', 'shrank', 'shrunk', 'slump', 'slumped', 'plunge', 'plunged', 'sank', 'sink', 'tumble', 'tumbled', 'slid', 'slide', 'lower', 'down'],
  ],
  [['closer', 'together'], ['apart']],
  [['approve', 'approves', 'approved', 'approval', 'endorse', 'endorses', 'endorsed', 'support', 'supports', 'supported', 'favour', 'favours', 'favoured', 'favor', 'favors', 'favored'], ['oppose', 'opposes', 'opposed', 'opposition', 'block', 'blocks', 'blocked', 'veto', 'vetoed', 'vetoes']],
  [['strengthen', 'strengthens', 'strengthened', 'stronger'], ['weaken', 'weakens', 'weakened', 'weaker']],
  [['raise', 'raises', 'raised', 'hike', 'hikes', 'hiked'], ['cut', 'cuts', 'lowered', 'reduce', 'reduces', 'reduced']],
  [['allow', 'allows', 'allowed', 'permit', 'permits', 'permitted', 'legalise', 'legalised', 'legalize', 'legalized', 'lift', 'lifted'], ['ban', 'bans', 'banned', 'forbid', 'forbids', 'forbade', 'forbidden', 'prohibit', 'prohibits', 'prohibited', 'impose', 'imposed']],
  [['start', 'starts', 'started', 'begin', 'begins', 'began', 'begun', 'launch', 'launches', 'launched', 'resume', 'resumed'], ['end', 'ends', 'ended', 'stop', 'stops', 'stopped', 'halt', 'halts', 'halted', 'suspend', 'suspended']],
  [['profit', 'profits', 'surplus'], ['loss', 'losses', 'deficit']],
  [['convicted', 'guilty'], ['acquitted', 'innocent', 'cleared']],
  [['arrive', 'arrives', 'arrived', 'arrival'], ['depart', 'departs', 'departed', 'departure']],
  [['expand', 'expands', 'expanded', 'expansion', 'widen', 'widened'], ['contract', 'contracted', 'contraction', 'narrow', 'narrowed']],
  [['upgrade', 'upgraded', 'upgrades'], ['downgrade', 'downgraded', 'downgrades']],
  [['success', 'successful', 'succeeded'], ['failure', 'unsuccessful']],
];

/** Each form's side: row index and which list (0 or 1). */
const SIDE = new Map<string, { row: number; side: 0 | 1 }>();
OPPOSITES.forEach(([a, b], row) => {
  for (const w of a) SIDE.set(w, { row, side: 0 });
  for (const w of b) SIDE.set(w, { row, side: 1 });
});

/** The rows and sides the words take, as "row:side" keys. */
function turnsOf(words: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const w of words) {
    const found = SIDE.get(w);
    if (found) out.add(`${found.row}:${found.side}`);
  }
  return out;
}

/**
 * Whether the sentence takes the other side of a turn the claim takes, and neither takes both
 * ("rose, then fell" in one is a story of its own, left to the model).
 */
export function saysTheOpposite(claimWords: readonly string[], sentenceWords: readonly string[]): boolean {
  const claim = turnsOf(claimWords);
  const sentence = turnsOf(sentenceWords);
  for (const key of claim) {
    const [row, side] = key.split(':');
    const other = `${row}:${side === '0' ? 1 : 0}`;
    if (sentence.has(other) && !sentence.has(key) && !claim.has(other)) return true;
  }
  return false;
}
