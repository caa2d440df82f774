// End-to-end encryption of what Dossier syncs. The server stores ciphertext only: AES-GCM with a
// key derived from the user's passphrase (PBKDF2-SHA-256), document ids that are an HMAC of the
// record's key, so neither the text nor which record a document is can be read there. Each
// document's id is bound into its ciphertext (additional data), so a server cannot swap two.
// Pure WebCrypto: the same code runs in the service worker, the event page and Node (tests, bench).

/** OWASP's 2023 figure for PBKDF2-SHA-256; a server's config asking for fewer is refused. */
export const PBKDF2_ITERATIONS = 600_000;
export const MIN_ITERATIONS = 310_000;

export interface SyncKeys {
  /** AES-GCM, non-extractable: encrypts and decrypts documents. */
  encryption: CryptoKey;
  /** HMAC-SHA-256, non-extractable: turns a record's key into a document id. */
  ids: CryptoKey;
}

export interface Sealed {
  /** base64 of the 12-byte nonce */
  iv: string;
  /** base64 of the ciphertext and its tag */
  ct: string;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function randomBytes(length: number): Uint8Array<ArrayBuffer> {
  return crypto.getRandomValues(new Uint8Array(length));
}

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Both keys from one PBKDF2 run: 512 bits, the first half for AES, the second for HMAC. */
export async function deriveKeys(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<SyncKeys> {
  if (!(iterations >= MIN_ITERATIONS)) throw new Error(`The database asks for ${iterations} key-derivation rounds; Dossier needs at least ${MIN_ITERATIONS}.`);
  const base = await crypto.subtle.importKey('raw', encoder.encode(passphrase), 'PBKDF2', false, ['deriveBits']);
  const bits = new Uint8Array(await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, base, 512));
  try {
    const encryption = await crypto.subtle.importKey('raw', bits.slice(0, 32), { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);
    const ids = await crypto.subtle.importKey('raw', bits.slice(32), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    return { encryption, ids };
  } finally {
    bits.fill(0);
  }
}

/** "x" + base64url of the HMAC: never starts with "_" (CouchDB reserves those ids). */
export async function documentId(keys: SyncKeys, recordKey: string): Promise<string> {
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', keys.ids, encoder.encode(recordKey)));
  return 'x' + toBase64(mac).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export async function seal(keys: SyncKeys, boundTo: string, value: unknown): Promise<Sealed> {
  const iv = randomBytes(12);
  const data = encoder.encode(JSON.stringify(value));
  const ct = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: encoder.encode(boundTo) }, keys.encryption, data));
  return { iv: toBase64(iv), ct: toBase64(ct) };
}

/** Throws DecryptError for a wrong key, a tampered document or one moved to another id. */
export async function open(keys: SyncKeys, boundTo: string, sealed: Sealed): Promise<unknown> {
  let plain: ArrayBuffer;
  try {
    plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: fromBase64(sealed.iv), additionalData: encoder.encode(boundTo) },
      keys.encryption,
      fromBase64(sealed.ct),
    );
  } catch {
    throw new DecryptError();
  }
  return JSON.parse(decoder.decode(plain)) as unknown;
}

export class DecryptError extends Error {
  constructor() {
    super('A synced document could not be decrypted with this passphrase.');
    this.name = 'DecryptError';
  }
}

export function isSealed(value: unknown): value is Sealed {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.iv === 'string' && typeof v.ct === 'string' && v.iv.length < 64 && v.ct.length < 8_000_000;
}
