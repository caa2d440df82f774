// `npm run eval:speakers`: the quote-speaker parts of `dossier eval` alone (corpus pages, CoNLL dev).
import { resolve } from 'node:path';
import { corpusSpeakersSection } from './eval-corpus-speakers';
import { devSpeakersSection } from '../ner/eval-ner';
import { loadNerModel } from '../ner/ner-model';
import { existsSync } from 'node:fs';

const corpus = resolve(process.env.DOSSIER_CORPUS ?? '../shared/corpus');
const dev = resolve(corpus, '../data/ner/conll2003-dev.txt');
console.log(corpusSpeakersSection(corpus));
console.log('');
console.log(existsSync(dev) ? devSpeakersSection(dev, loadNerModel()) : `Quote speakers on CoNLL dev: ${dev} not found, skipped.`);
