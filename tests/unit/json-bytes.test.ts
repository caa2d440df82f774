// jsonBytes counts what JSON.stringify would write, in UTF-8 bytes, without writing it: the
// restore's size check (backup-size.ts) relies on it to agree byte for byte with the export's.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { jsonBytes } from '../../src/core/json-bytes';
import { seededRandom } from '../../src/core/seeded-random';
import { backupBytes } from '../../src/background/store/backup-size';
import { bigBackup } from './restore-profiles';

const written = (value: unknown): number | undefined => {
  const text = JSON.stringify(value);
  return text === undefined ? undefined : Buffer.byteLength(text, 'utf8');
};

describe('jsonBytes', () => {
  it('counts strings with escapes, control characters and every UTF-8 width as JSON.stringify writes them', () => {
    for (const text of ['', 'plain', 'say "hi"', 'back\\slash', 'a\nb\tc\rd\be\ff', '\u0000\u0001\u001f\u007f', 'café', 'Łódź', '日本語', '😀 and 👍🏽', '\u2028\u2029', '/ slash']) {
      expect(jsonBytes(text), JSON.stringify(text)).toBe(written(text));
    }
  });
  it('counts a lone surrogate as the escape JSON.stringify writes for it', () => {
    for (const text of ['\ud800', 'x\udfffy', '\ud83d', '\ude00\ud83d', '\ud83d\ud83d\ude00']) {
      expect(jsonBytes(text), JSON.stringify(text)).toBe(written(text));
    }
  });
  it('counts numbers, booleans, null and what JSON leaves out or writes as null', () => {
    const values: unknown[] = [0, -0, 1, -17, 3.14159, 1e21, 1e-7, 2 ** 53, Number.MAX_VALUE, Number.MIN_VALUE, NaN, Infinity, -Infinity, true, false, null];
    for (const value of values) expect(jsonBytes(value), String(value)).toBe(written(value));
    expect(jsonBytes([undefined, () => 1, Symbol('s'), 1])).toBe(written([undefined, () => 1, Symbol('s'), 1]));
    expect(jsonBytes({ a: undefined, b: () => 1, c: Symbol('s'), d: 1 })).toBe(written({ a: undefined, b: () => 1, c: Symbol('s'), d: 1 }));
    expect(jsonBytes({ a: undefined })).toBe(written({ a: undefined }));
    expect(jsonBytes(undefined)).toBeUndefined();
  });
  it('counts nested arrays and objects, empty ones and keys that need escapes', () => {
    const value = { '': [], 'k"ey': {}, 'ключ': [[1, [2, []]], { x: { y: { z: 'deep' } } }], list: [null, true, 'a'], date: new Date(Date.UTC(2024, 4, 16)) };
    expect(jsonBytes(value)).toBe(written(value));
  });
  it('agrees with JSON.stringify on random values', () => {
    const random = seededRandom(14);
    const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const pieces = ['a', 'Z', ' ', '"', '\\', '\n', '\u0003', 'é', '中', '😀', '\ud800', '\udc00', '\u2028'];
    const make = (depth: number): unknown => {
      const roll = random();
      if (depth > 3 || roll < 0.3) return pick<unknown>([Array.from({ length: Math.floor(random() * 8) }, () => pick(pieces)).join(''), random() * 1e6 - 5e5, Math.floor(random() * 100), true, null, undefined]);
      if (roll < 0.65) return Array.from({ length: Math.floor(random() * 5) }, () => make(depth + 1));
      return Object.fromEntries(Array.from({ length: Math.floor(random() * 5) }, (_, i) => [`${pick(pieces)}${i}`, make(depth + 1)]));
    };
    for (let i = 0; i < 500; i++) {
      const value = make(0);
      expect(jsonBytes(value), JSON.stringify(value)).toBe(written(value));
    }
  });
  it('gives a backup the size its export writes', async () => {
    const backup = await bigBackup();
    const exported = { ...backup, exported: new Date(0).toISOString() };
    expect(backupBytes(exported)).toBe(Buffer.byteLength(JSON.stringify(exported)));
    expect(backupBytes(exported)).toBeGreaterThan(100_000);
  });
});
