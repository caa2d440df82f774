// The shipped recogniser, read from src/data/ner/ner-model.bin for the command line and tests.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../repo-root';
import { NerModel } from '../../core/ner/model';

let cached: NerModel | undefined;

/** The model file: found from this file's place in src/cli or in the dist/cli bundle. */
export function nerModelPath(): string {
  return join(repoRoot(), 'src/data/ner/ner-model.bin');
}

export function loadNerModel(path = nerModelPath()): NerModel {
  if (!cached || path !== nerModelPath()) cached = NerModel.fromBytes(new Uint8Array(readFileSync(path)));
  return cached;
}

export const NER_MODEL_FILE = join('src', 'data', 'ner', 'ner-model.bin');
