// The restatement model: gradient-boosted trees over pairFeatures, trained on the MSRP training
// split by `npm run train:claims` (src/cli/claims/train.ts), and the hard rules that veto it.
import { FEATURE_NAMES, pairFeatures } from './features';
import { SynonymTable, type SynonymData } from './synonyms';
import { ensembleProbability, type TreeEnsemble } from './trees';
import { weightFunction, type WeightData } from './weights';
import { analyze, type Analysis } from './text';

export interface ClaimModelData {
  format: 'dossier-claim-model/2';
  features: string[];
  /** Gradient-boosted trees over the features: the log-odds that the sentence restates the claim. */
  trees: TreeEnsemble;
  /** A restatement when the probability is at least this (chosen by cross-validation at training). */
  threshold: number;
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
    if (data.format !== 'dossier-claim-model/2' || data.features.join() !== FEATURE_NAMES.join()) {
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

  probability(values: readonly number[]): number {
    return ensembleProbability(this.data.trees, values);
  }

  judge(statement: string, sentence: string, options: { cuesMatched?: boolean } = {}): Verdict {
    // Longer than any sentence worth reading as one: not analysed at all (see tooLong).
    if (sentence.length > 1500) return { restates: false, probability: 0, why: VETO_WHY.length };
    const features = pairFeatures(this.analyzeClaim(statement), this.analyzeClaim(sentence), this.table, this.weight);
    const probability = features.veto === 'length' ? 0 : this.probability(features.values);
    if (features.veto) return { restates: false, probability, why: VETO_WHY[features.veto] };
    // A claim's hand-written cues, all matched, are the list author's word that it restates.
    // The claim word for word (case and punctuation aside) restates it, whatever the trees say: no
    // training pair is two identical sentences, so the trees never learnt that case.
    const verbatim = sameTokens(this.analyzeClaim(statement), this.analyzeClaim(sentence));
    const restates = options.cuesMatched === true || verbatim || probability >= this.data.threshold;
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

function sameTokens(a: Analysis, b: Analysis): boolean {
  return a.tokens.length === b.tokens.length && a.tokens.every((t, i) => t.lower === b.tokens[i]!.lower);
}

function unique(items: readonly string[]): string[] {
  return [...new Set(items)];
}

function title(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
