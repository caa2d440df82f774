// The shipped claim model, read from the repository for the CLI and the tests (the extension's
// background fetches its copy from the package instead).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ClaimScorer, type ClaimModelData } from '../../core/claims/model';

const MODEL = join('src', 'data', 'claim-model', 'model.json');

let scorer: ClaimScorer | undefined;

/** The model at `path`, with its word vectors' file beside it when it reads vectors. */
export function readClaimModel(path: string): { model: ClaimModelData; vectors: Uint8Array | undefined } {
  const model = JSON.parse(readFileSync(path, 'utf8')) as ClaimModelData;
  return { model, vectors: model.vectors ? new Uint8Array(readFileSync(join(dirname(path), model.vectors.file))) : undefined };
}

export function readClaimScorer(path: string): ClaimScorer {
  const { model, vectors } = readClaimModel(path);
  return new ClaimScorer(model, vectors);
}

/** The scorer of the model found above this file (source or bundle), read once. */
export function repoClaimScorer(): ClaimScorer {
  if (scorer) return scorer;
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    if (existsSync(join(dir, MODEL))) return (scorer = readClaimScorer(join(dir, MODEL)));
    if (dirname(dir) === dir) throw new Error(`no claim model (${MODEL}): run npm run train:claims`);
  }
}
