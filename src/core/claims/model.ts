// The restatement model: a logistic regression over pairFeatures, trained on the MSRP training
// split by `npm run train:claims` (src/cli/claims/train.ts), and the hard rules that veto it.
import { FEATURE_NAMES, pairFeatures } from './features';
import { SynonymTable, type SynonymData } from './synonyms';
import { weightFunction, type WeightData } from './weights';
import { analyze, type Analysis } from './text';

export interface ClaimModelData {
  format: 'dossier-claim-model/1';
  features: string[];
  /** Standardisation, then weights: score = bias + Σ w·(x − mean)/scale. */
  mean: number[];
  scale: number[];
  weights: number[];
  bias: number;
  /** A restatement when the probability is at least this. */
  threshold: number;
  /**
   * A second logistic regression over the same features, trained with the other pairs' sentences
   * the finder picks as negatives: a restatement must also score at least its threshold here.
   */
  check: { mean: number[]; scale: number[]; weights: number[]; bias: number; threshold: number };
  synonyms: SynonymData;
  /** Word weights learnt from the training sentences. */
  idf: WeightData;
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

  constructor(readonly data: ClaimModelData) {
    if (data.format !== 'dossier-claim-model/1' || data.features.join() !== FEATURE_NAMES.join()) {
      throw new Error('claim model: unknown format or features');
    }
    this.table = new SynonymTable(data.synonyms);
    this.weight = weightFunction(data.idf);
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

  probability(values: readonly number[], model: Pick<ClaimModelData, 'mean' | 'scale' | 'weights' | 'bias'> = this.data): number {
    let z = model.bias;
    values.forEach((x, i) => (z += model.weights[i]! * ((x - model.mean[i]!) / model.scale[i]!)));
    return 1 / (1 + Math.exp(-z));
  }

  judge(statement: string, sentence: string, options: { cuesMatched?: boolean } = {}): Verdict {
    // Longer than any sentence worth reading as one: not analysed at all (see tooLong).
    if (sentence.length > 1500) return { restates: false, probability: 0, why: VETO_WHY.length };
    const features = pairFeatures(this.analyzeClaim(statement), this.analyzeClaim(sentence), this.table, this.weight);
    const probability = features.veto === 'length' ? 0 : this.probability(features.values);
    if (features.veto) return { restates: false, probability, why: VETO_WHY[features.veto] };
    // A claim's hand-written cues, all matched, are the list author's word that it restates.
    const restates =
      options.cuesMatched === true ||
      (probability >= this.data.threshold && this.probability(features.values, this.data.check) >= this.data.check.threshold);
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
  length: 'the sentence is far longer than the claim',
};

function unique(items: readonly string[]): string[] {
  return [...new Set(items)];
}

function title(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
