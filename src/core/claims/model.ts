// The restatement model: gradient-boosted trees over pairFeatures, trained on the MSRP training
// split by `npm run train:claims` (src/cli/claims/train.ts), and the hard rules that veto it.
import { FEATURE_NAMES, LEXICAL_FEATURE_NAMES, pairFeatures } from './features';
import { SynonymTable, type SynonymData } from './synonyms';
import { ensembleProbability, type TreeEnsemble } from './trees';
import { weightFunction, type WeightData } from './weights';
import { analyze, type Analysis } from './text';
import { WordVectors, type VectorData } from './vectors';

export interface ClaimModelData {
  format: 'dossier-claim-model/2';
  features: string[];
  /** Gradient-boosted trees over every feature: the log-odds that the sentence restates the claim. */
  trees: TreeEnsemble;
  /**
   * A logistic regression over the first `features` features (the word-overlap ones), trained on
   * the pairs alone: smoother than the trees on short restatements in other words, which MSRP has
   * few of. Standardisation, then weights: z = bias + Σ w·(x − mean)/scale.
   */
  linear: { features: number; mean: number[]; scale: number[]; weights: number[]; bias: number };
  /** The probability is mix × the trees' + (1 − mix) × the regression's. */
  mix: number;
  /**
   * Thresholds by the claim's length in content words: `thresholds[i]` for a claim of at most
   * `lengths[i]` words, the last one for longer claims. Each is chosen by cross-validation for the
   * same recall, so a short claim's restatements are found as often as a long one's.
   */
  lengths: number[];
  thresholds: number[];
  synonyms: SynonymData;
  /** Word weights learnt from the training sentences. */
  idf: WeightData;
  /**
   * Word vectors for the meaning features (vectors.ts), when the model reads them: their words here,
   * their bytes in a file of their own beside the model, handed to the scorer with it.
   */
  vectors?: VectorData;
}

export interface Verdict {
  restates: boolean;
  probability: number;
  /** Plain words for the card: "same actors: Putin, Xi; same figure: 42". */
  why: string;
}

export class ClaimScorer {
  readonly table: SynonymTable;
  private readonly weight: (word: string) => number;
  private readonly analyses = new Map<string, Analysis>();

  readonly vectors: WordVectors | undefined;

  /** `vectors`: the model's vector file (`data.vectors.file`), or its vectors read already; required when the model reads vectors. */
  constructor(
    readonly data: ClaimModelData,
    vectors?: Uint8Array | WordVectors,
  ) {
    const names = data.vectors ? FEATURE_NAMES : LEXICAL_FEATURE_NAMES;
    if (data.format !== 'dossier-claim-model/2' || data.features.join() !== names.join()) {
      throw new Error('claim model: unknown format or features');
    }
    if (data.vectors && !vectors) throw new Error(`claim model: its word vectors (${data.vectors.file}) were not given`);
    this.table = new SynonymTable(data.synonyms);
    this.weight = weightFunction(data.idf);
    this.vectors = !data.vectors || !vectors ? undefined : vectors instanceof WordVectors ? vectors : new WordVectors(data.vectors, vectors);
  }

  /** Analyses are kept: the same claims meet many sentences, and a sentence several claims. */
  analyzeClaim(statement: string): Analysis {
    let found = this.analyses.get(statement);
    if (!found) {
      if (this.analyses.size > 20_000) this.analyses.clear();
      this.analyses.set(statement, (found = analyze(statement)));
    }
    return found;
  }

  probability(values: readonly number[]): number {
    return mixedProbability(this.data, values);
  }

  /** The threshold for a claim of this many content words. */
  thresholdFor(claimWords: number): number {
    return thresholdFor(this.data, claimWords);
  }

  judge(statement: string, sentence: string, options: { cuesMatched?: boolean } = {}): Verdict {
    // Longer than any sentence worth reading as one: not analysed at all (see tooLong).
    if (sentence.length > 1500) return { restates: false, probability: 0, why: VETO_WHY.length };
    const features = pairFeatures(this.analyzeClaim(statement), this.analyzeClaim(sentence), this.table, this.weight, this.vectors);
    const probability = features.veto === 'length' ? 0 : this.probability(features.values);
    if (features.veto) return { restates: false, probability, why: VETO_WHY[features.veto] };
    // A claim's hand-written cues, all matched, are the list author's word that it restates.
    // The claim word for word (case and punctuation aside) restates it, whatever the trees say: no
    // training pair is two identical sentences, so the trees never learnt that case.
    const verbatim = sameTokens(this.analyzeClaim(statement), this.analyzeClaim(sentence));
    const claim = this.analyzeClaim(statement);
    const restates = options.cuesMatched === true || verbatim || probability >= this.thresholdFor(claim.content.length);
    const parts: string[] = [];
    if (features.actors.length > 0) parts.push(`same actors: ${unique(features.actors).map(title).join(', ')}`);
    if (features.figures.length > 0) parts.push(`same ${features.figures.length > 1 ? 'figures' : 'figure'}: ${unique(features.figures).join(', ')}`);
    if (features.alike.length > 0) parts.push(`in other words: ${features.alike.slice(0, 3).map(([a, b]) => `${b} ≈ ${a}`).join(', ')}`);
    if (options.cuesMatched) parts.push('the claim’s cues');
    return { restates, probability, why: parts.join('; ') };
  }
}

const VETO_WHY: Record<NonNullable<ReturnType<typeof pairFeatures>['veto']>, string> = {
  figure: 'a figure or date differs',
  polarity: 'it says the opposite',
  actors: 'different actors',
  sense: 'a word of the opposite sense in a word’s place',
  length: 'the sentence is far longer than the claim',
};

/** The model's probability from a pair's feature values (the trees and the regression mixed). */
export function mixedProbability(data: Pick<ClaimModelData, 'trees' | 'linear' | 'mix'>, values: readonly number[]): number {
  const { linear } = data;
  let z = linear.bias;
  for (let j = 0; j < linear.features; j++) z += linear.weights[j]! * ((values[j]! - linear.mean[j]!) / linear.scale[j]!);
  return data.mix * ensembleProbability(data.trees, values) + (1 - data.mix) / (1 + Math.exp(-z));
}

export function thresholdFor(data: Pick<ClaimModelData, 'lengths' | 'thresholds'>, claimWords: number): number {
  const bucket = data.lengths.findIndex((most) => claimWords <= most);
  return data.thresholds[bucket === -1 ? data.thresholds.length - 1 : bucket]!;
}

function sameTokens(a: Analysis, b: Analysis): boolean {
  return a.tokens.length === b.tokens.length && a.tokens.every((t, i) => t.lower === b.tokens[i]!.lower);
}

function unique(items: readonly string[]): string[] {
  return [...new Set(items)];
}

function title(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
