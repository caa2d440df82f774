// `npm run train:ner`: trains the named-entity recogniser on CoNLL-2003 train, reports entity F1
// on the dev split after each pass, and writes src/data/ner/ner-model.bin. Deterministic: the
// documents are shuffled by a fixed-seed generator and nothing else is random.
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, resolve } from 'node:path';
import { repoRoot } from '../repo-root';
import { parseConll, spansOf, type ConllDocument } from '../../core/ner/conll';
import { fnv1a } from '../../core/ner/hash';
import { NerModel, prepareDocument, tagSentence, transitionFeatures, type PreparedSentence, type Weights } from '../../core/ner/model';
import { seededRandom } from '../../core/seeded-random';

const TAGS = ['O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC', 'B-MISC', 'I-MISC'];
const EPOCHS = Number(process.env.NER_EPOCHS ?? 8);
const SEED = 13;
/** Features whose largest averaged weight is below this are dropped from the shipped model. */
const PRUNE = Number(process.env.NER_PRUNE ?? 0.5);

/** Averaged perceptron weights: for each feature, current weights, running totals and last-change step. */
class Trainer implements Weights {
  readonly tags = TAGS;
  private readonly table = new Map<number, Float64Array>();
  private step = 0;
  private averaged = false;

  add(hash: number, scores: Float64Array): void {
    const e = this.table.get(hash);
    if (!e) return;
    for (let k = 0; k < TAGS.length; k++) scores[k]! += e[k]!;
  }

  tick(): void {
    this.step++;
  }

  update(hashes: Iterable<number>, gold: number, guess: number): void {
    const t = TAGS.length;
    for (const h of hashes) {
      let e = this.table.get(h);
      if (!e) this.table.set(h, (e = new Float64Array(3 * t)));
      for (const [k, delta] of [[gold, 1], [guess, -1]] as const) {
        if (k < 0) continue;
        e[t + k]! += (this.step - e[2 * t + k]!) * e[k]!;
        e[2 * t + k] = this.step;
        e[k]! += delta;
      }
    }
  }

  /** Replaces the weights by their averages (a copy is returned to restore). */
  average(): Map<number, Float64Array> {
    const t = TAGS.length;
    const backup = new Map<number, Float64Array>();
    for (const [h, e] of this.table) {
      backup.set(h, e.slice());
      for (let k = 0; k < t; k++) {
        const total = e[t + k]! + (this.step - e[2 * t + k]!) * e[k]!;
        e[k] = total / Math.max(1, this.step);
      }
    }
    this.averaged = true;
    return backup;
  }

  restore(backup: Map<number, Float64Array>): void {
    for (const [h, e] of backup) this.table.set(h, e);
    this.averaged = false;
  }

  entries(prune: number): { hash: number; weights: Float64Array }[] {
    if (!this.averaged) throw new Error('average first');
    const out: { hash: number; weights: Float64Array }[] = [];
    for (const [hash, e] of this.table) {
      const w = e.subarray(0, TAGS.length);
      let max = 0;
      for (const x of w) max = Math.max(max, Math.abs(x));
      if (max >= prune) out.push({ hash, weights: w });
    }
    return out;
  }

  get features(): number {
    return this.table.size;
  }
}

/** One structured-perceptron step: where the best path differs from the gold one, gold features gain and guessed ones lose. */
function trainSentence(tr: Trainer, s: PreparedSentence, gold: readonly string[]): void {
  const guess = tagSentence(tr, s);
  tr.tick();
  for (let i = 0; i < s.words.length; i++) {
    const gPrev = i === 0 ? '<s>' : gold[i - 1]!;
    const pPrev = i === 0 ? '<s>' : guess[i - 1]!;
    if (guess[i] === gold[i] && gPrev === pPrev) continue;
    const g = TAGS.indexOf(gold[i]!);
    const p = TAGS.indexOf(guess[i]!);
    tr.update([...s.hashes[i]!, ...transitionFeatures(gPrev, s.lowers[i]!).map(fnv1a)], g, -1);
    tr.update([...s.hashes[i]!, ...transitionFeatures(pPrev, s.lowers[i]!).map(fnv1a)], -1, p);
  }
}

interface Prepared {
  sentences: PreparedSentence[];
  gold: string[][];
}

function prepare(docs: ConllDocument[]): Prepared[] {
  return docs.map((d) => ({ sentences: prepareDocument(d.sentences.map((s) => s.words)), gold: d.sentences.map((s) => s.tags) }));
}

/** Span-level micro F1 over all kinds (the CoNLL measure), for choosing passes. */
export function spanF1(w: Weights, docs: Prepared[]): number {
  let tp = 0;
  let found = 0;
  let gold = 0;
  for (const d of docs) {
    d.sentences.forEach((s, i) => {
      const key = (x: { kind: string; from: number; to: number }) => `${x.kind}:${x.from}:${x.to}`;
      const g = new Set(spansOf(d.gold[i]!).map(key));
      const p = spansOf(tagSentence(w, s)).map(key);
      gold += g.size;
      found += p.length;
      tp += p.filter((x) => g.has(x)).length;
    });
  }
  const prec = tp / Math.max(1, found);
  const rec = tp / Math.max(1, gold);
  return (2 * prec * rec) / Math.max(1e-9, prec + rec);
}

function main(): void {
  const root = repoRoot();
  const dataDir = resolve(process.env.NER_DATA ?? join(root, '../shared/data/ner'));
  const out = join(root, 'src/data/ner/ner-model.bin');
  const t0 = Date.now();
  const train = prepare(parseConll(readFileSync(join(dataDir, 'conll2003-train.txt'), 'utf8')));
  const dev = prepare(parseConll(readFileSync(join(dataDir, 'conll2003-dev.txt'), 'utf8')));
  console.log(`read ${train.length} train and ${dev.length} dev documents in ${Date.now() - t0} ms`);
  const tr = new Trainer();
  const random = seededRandom(SEED);
  const order = train.map((_, i) => i);
  for (let epoch = 1; epoch <= EPOCHS; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const di of order) {
      const d = train[di]!;
      d.sentences.forEach((s, si) => trainSentence(tr, s, d.gold[si]!));
    }
    const backup = tr.average();
    console.log(`pass ${epoch}: ${tr.features} features, dev span F1 ${spanF1(tr, dev).toFixed(4)} (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
    if (epoch < EPOCHS) tr.restore(backup);
  }
  const entries = tr.entries(PRUNE);
  const bytes = NerModel.toBytes(TAGS, entries);
  const model = NerModel.fromBytes(bytes);
  console.log(`kept ${entries.length} features (|w| ≥ ${PRUNE}); quantised model dev span F1 ${spanF1(model, dev).toFixed(4)}`);
  writeFileSync(out, bytes);
  console.log(`wrote ${out}: ${bytes.length} bytes, ${gzipSync(bytes, { level: 9 }).length} gzipped`);
}

main();
