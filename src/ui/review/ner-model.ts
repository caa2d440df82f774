// The trained recogniser's weights, fetched from the package when the review page opens (they
// are never part of the content script; see src/data/ner/README.md).
import browser from 'webextension-polyfill';
import { NerModel } from '../../core/ner/model';

let loading: Promise<NerModel> | undefined;

export function loadNerModel(): Promise<NerModel> {
  loading ??= fetch(browser.runtime.getURL('models/ner-model.bin'))
    .then((r) => {
      if (!r.ok) throw new Error(`the recogniser's model could not be read (${r.status})`);
      return r.arrayBuffer();
    })
    .then((bytes) => NerModel.fromBytes(new Uint8Array(bytes)));
  return loading;
}
