// What the claim scorer reads of a sentence: its words (lower-cased, with the lemmas WordNet's
// morphology would try), its figures and dates, its names, and its polarity. Pure: it runs in the
// background, the CLI and the tests alike.

export interface Token {
  /** The word as written. */
  surface: string;
  /** Lower-cased. */
  lower: string;
  /** Capitalised inside the sentence (not its first word), or an all-caps acronym: a name. */
  name: boolean;
}

export interface Figure {
  value: number;
  /** Years are compared with years only: "two years ago" and "since 2022" do not conflict. */
  kind: 'year' | 'month' | 'count';
}

export interface Analysis {
  /** The sentence as given (punctuation and quotes, for the alignment features). */
  text: string;
  tokens: Token[];
  /** Content words (no stopword, no figure), lower-cased, in order. */
  content: string[];
  /** Lower-cased names (capitalised words inside the sentence). */
  names: string[];
  figures: Figure[];
  /** Parity of negating words: "has not ruled out" is even, "has ruled out" odd. */
  negated: boolean;
}

// Function words carry no claim on their own. Kept short and closed-class on purpose: the model
// weighs the rest.
const STOPWORDS: ReadonlySet<string> = new Set(
  `a an the and or but if then than that this these those there here of in on at by for with from to into onto
  over under about as is are was were be been being am has have had having do does did doing will would shall
  should can could may might must it its it's he him his she her hers they them their theirs we us our ours you
  your yours i me my mine who whom whose which what when where why how also just so such very too more most
  much many some any each every all both either other another same s said says say saying told according
  after before while during since until up down out off again further once only own now new one`.split(/\s+/),
);

/** Capitalised first words that are seldom names. */
const OPENERS: ReadonlySet<string> = new Set(
  `meanwhile however yesterday today tomorrow shares share sales stocks analysts officials police authorities
  earlier later last next under despite although though because while still yet several many most some
  separately elsewhere overall instead indeed further investors prosecutors experts critics researchers
  scientists doctors lawmakers democrats republicans`.split(/\s+/),
);

/** Capitalised words that are no actor: days, titles, offices. */
const NOT_NAMES: ReadonlySet<string> = new Set(
  `monday tuesday wednesday thursday friday saturday sunday mr mrs ms miss dr adm gen lt col sen rep gov
  president minister secretary chairman chairwoman chief executive spokesman spokeswoman director officer
  prime premier king queen prince judge justice attorney general senator governor mayor commissioner
  also but and the in on at for from after before during`.split(/\s+/),
);

/** Words that turn a statement round. "ruled out", "refused to" count as one each. */
const NEGATORS: ReadonlySet<string> = new Set([
  'not', "n't", 'no', 'never', 'neither', 'nor', 'without', 'none', 'nobody', 'nothing', 'refused', 'refuses', 'refusal',
  'refuse', 'refusing', 'declined', 'declines', 'decline', 'denied', 'denies', 'deny', 'denying', 'rejected',
  'rejects', 'reject', 'rejecting', 'failed', 'fails', 'fail', 'cannot', 'unable', 'ruled', 'rules', 'rule',
  'ruling', 'dismissed', 'dismisses', 'yet',
]);
/** Negators that negate only before this word ("ruled out", "has yet to"). */
const NEGATOR_NEEDS: Readonly<Record<string, string>> = {
  ruled: 'out', rules: 'out', rule: 'out', ruling: 'out', yet: 'to', failed: 'to', fails: 'to', fail: 'to',
  declined: 'to', declines: 'to', decline: 'to', refused: 'to', refuses: 'to', refuse: 'to', refusing: 'to',
};

const MONTHS: readonly string[] = [
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
];
const MONTH_SHORT: Readonly<Record<string, number>> = {
  jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};
const NUMBER_WORDS: Readonly<Record<string, number>> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11,
  twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100,
  dozen: 12, half: 0.5, twice: 2, thrice: 3, first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6,
  seventh: 7, eighth: 8, ninth: 9, tenth: 10,
};
const SCALES: Readonly<Record<string, number>> = {
  thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, bn: 1e9, m: 1e6, mn: 1e6, k: 1e3,
};

// A number (digits with separators, decimals), or a word.
const TOKEN = /\d+(?:[.,]\d+)*|[\p{L}\p{M}]+(?:['’][\p{L}]+)?/gu;

export function analyze(sentence: string): Analysis {
  const tokens: Token[] = [];
  const raw: { text: string; index: number }[] = [];
  for (const m of sentence.matchAll(TOKEN)) raw.push({ text: m[0], index: m.index });
  const figures: Figure[] = [];
  const content: string[] = [];
  const names: string[] = [];
  let negations = 0;
  let sawNeither = false;
  const words = raw.filter((w) => /^\p{L}/u.test(w.text));
  const headline = words.filter((w) => /^\p{Lu}/u.test(w.text)).length > words.length / 2;
  for (let i = 0; i < raw.length; i++) {
    const { text } = raw[i]!;
    let lower = text.toLowerCase().replace(/’/g, "'");
    if (lower.endsWith("n't")) {
      // "hasn't" = has + not
      negations++;
      lower = lower.slice(0, -3);
    }
    if (lower.endsWith("'s")) lower = lower.slice(0, -2);
    // The first word is capitalised anyway: a name unless it looks like an ordinary opener
    // ("Meanwhile", "Inhibited children", "Simply put").
    const capital = /^\p{Lu}/u.test(text) && (i > 0 || !(OPENERS.has(lower) || /(ed|ing|ly)$/.test(lower)));
    const name = capital && !STOPWORDS.has(lower) && !NOT_NAMES.has(lower) && !/^\d/.test(text);
    tokens.push({ surface: text, lower, name });
    if (/^\d/.test(text)) {
      const figure = figureOf(text, raw[i + 1]?.text.toLowerCase());
      if (figure) figures.push(figure);
      continue;
    }
    const month = MONTHS.indexOf(lower);
    if (month >= 0 && (lower !== 'may' || /^\p{Lu}/u.test(text))) {
      figures.push({ value: month + 1, kind: 'month' });
      continue;
    }
    if (MONTH_SHORT[lower] !== undefined && /^\p{Lu}/u.test(text) && raw[i + 1] && /^\d/.test(raw[i + 1]!.text)) {
      figures.push({ value: MONTH_SHORT[lower]!, kind: 'month' });
      continue;
    }
    const word = NUMBER_WORDS[lower];
    // A number word capitalised inside the sentence is part of a name ("Thomson First Call",
    // "the Fifth Amendment"), not a figure; in a headline every word is capitalised.
    if (word !== undefined && lower !== 'one' && lower !== 'second' && !(i > 0 && /^\p{Lu}/u.test(text) && !headline)) {
      const scale = SCALES[raw[i + 1]?.text.toLowerCase() ?? ''];
      figures.push({ value: word * (scale ?? 1), kind: 'count' });
      continue;
    }
    if (NEGATORS.has(lower)) {
      const needs = NEGATOR_NEEDS[lower];
      // "Neither Russia nor China holds…" is one negation, not two that cancel.
      const pairedNor = lower === 'nor' && sawNeither;
      if (!pairedNor && (needs === undefined || raw[i + 1]?.text.toLowerCase() === needs)) negations++;
      if (lower === 'neither') sawNeither = true;
    }
    if (STOPWORDS.has(lower) || NEGATORS.has(lower) || lower.length < 2) continue;
    content.push(lower);
    if (name) names.push(lower);
  }
  return { text: sentence, tokens, content, names, figures, negated: negations % 2 === 1 };
}

/** The number a token writes ("42", "1,000", "two"), or undefined. */
export function numberOf(token: Token): number | undefined {
  if (/^\d/.test(token.surface)) {
    const value = Number(token.surface.replace(/,(?=\d{3}\b)/g, '').replace(/,/g, '.'));
    return Number.isFinite(value) ? value : undefined;
  }
  return NUMBER_WORDS[token.lower];
}

function figureOf(text: string, next: string | undefined): Figure | null {
  const plain = text.replace(/,(?=\d{3}\b)/g, '');
  let value = Number(plain.replace(/,/g, '.'));
  if (!Number.isFinite(value)) return null;
  const scale = SCALES[next ?? ''];
  if (scale && value < 1000) value *= scale;
  const year = /^\d{4}$/.test(text) && value >= 1800 && value <= 2100;
  return { value, kind: year ? 'year' : 'count' };
}

/**
 * News names a government by its capital or seat and a people by its country ("Moscow", "the
 * Kremlin", "Russian" for Russia): one actor key for each. A small closed table, not WordNet,
 * whose senses make Taiwan a "China".
 */
const ACTOR_KEYS: Readonly<Record<string, string>> = {
  moscow: 'russia', kremlin: 'russia', russian: 'russia', russians: 'russia', soviet: 'russia',
  beijing: 'china', chinese: 'china', peking: 'china',
  kyiv: 'ukraine', kiev: 'ukraine', ukrainian: 'ukraine', ukrainians: 'ukraine',
  taipei: 'taiwan', taiwanese: 'taiwan',
  washington: 'us', american: 'us', americans: 'us', america: 'us', usa: 'us',
  london: 'uk', british: 'uk', britain: 'uk', paris: 'france', french: 'france', berlin: 'germany', german: 'germany',
  tokyo: 'japan', japanese: 'japan', delhi: 'india', indian: 'india', tehran: 'iran', iranian: 'iran',
  jerusalem: 'israel', israeli: 'israel', brussels: 'eu', european: 'eu', swiss: 'switzerland', bern: 'switzerland',
  pyongyang: 'north korea', seoul: 'south korea', ankara: 'turkey', turkish: 'turkey',
};

const KNOWN_ACTORS: ReadonlySet<string> = new Set([...Object.keys(ACTOR_KEYS), ...Object.values(ACTOR_KEYS)]);

/** Whether a lower-cased name is one of the table's states (a country, its capital or people). */
export function knownActor(name: string): boolean {
  return KNOWN_ACTORS.has(name);
}

/** The actor a lower-cased name stands for. */
export function actorKey(name: string): string {
  return ACTOR_KEYS[name] ?? name;
}

/** Candidate lemmas of a lower-cased word, WordNet's morphy rules (no exception lists). */
export function lemmaCandidates(word: string): string[] {
  const out = [word];
  const rules: [string, string][] = [
    ['ies', 'y'], ['ses', 's'], ['xes', 'x'], ['zes', 'z'], ['ches', 'ch'], ['shes', 'sh'], ['men', 'man'],
    ['es', 'e'], ['es', ''], ['s', ''], ['ied', 'y'], ['ed', 'e'], ['ed', ''], ['ing', 'e'], ['ing', ''],
    ['er', ''], ['est', ''], ['er', 'e'], ['est', 'e'], ['ly', ''],
  ];
  for (const [suffix, replacement] of rules) {
    if (word.length > suffix.length + 2 && word.endsWith(suffix)) {
      const base = word.slice(0, -suffix.length) + replacement;
      out.push(base);
      // stopped -> stop, planning -> plan
      if (replacement === '' && /([b-df-hj-np-tv-z])\1$/.test(base)) out.push(base.slice(0, -1));
    }
  }
  return out;
}
