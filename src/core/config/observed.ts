/**
 * Normalising what a log shows (`AES-CBC`, `HMAC-SHA`, `ESP_AES`, `Tunnel`) to the words a config uses, so
 * observed values and configured ones can be compared.
 */
import type { IkeAuth, IkeEncryption, IkeHash } from './statements.ts';
import { lookupTable } from '../ike/lookup-table.ts';

/** `DES-CBC`, `3DES`, `AES-CBC`, `aes` → the config's encryption keyword. */
export function encryptionWord(text: string): IkeEncryption | null {
  const t = text.toLowerCase().replace(/-cbc$/, '');
  if (t === 'des' || t === '3des' || t === 'aes') return t;
  if (t === 'des-ede3' || t === 'triple-des') return '3des';
  return null;
}

/** `SHA`, `SHA1`, `SHA256`, `SHA2-256`, `MD5`, `HMAC-SHA` → the config's hash keyword. */
export function hashWord(text: string): IkeHash | null {
  const t = text.toLowerCase().replace(/^hmac-/, '').replace('sha2-', 'sha').replace('-', '');
  if (t === 'sha' || t === 'sha1') return 'sha';
  if (t === 'md5' || t === 'sha256' || t === 'sha384' || t === 'sha512') return t;
  return null;
}

/** `pre-share`, `PSK`, `Pre-shared key`, `RSA sig` → the config's authentication keyword. */
export function authWord(text: string): IkeAuth | null {
  const t = text.toLowerCase().replace(/[\s_]+/g, '-');
  if (t.startsWith('pre-share') || t === 'psk') return 'pre-share';
  if (t.startsWith('rsa-sig')) return 'rsa-sig';
  if (t.startsWith('rsa-encr')) return 'rsa-encr';
  return null;
}

/** `esp-aes 128` and `esp-aes` are the same transform (128 is AES's default key length). */
function canonicalTransform(t: string): string {
  const parts = t.toLowerCase().trim().split(/\s+/);
  if (parts[0] === 'esp-aes' && (parts[1] === undefined || parts[1] === '128')) return 'esp-aes';
  return parts.join(' ');
}

/** Splits `esp-aes 256 esp-sha-hmac` into transforms, key lengths kept with their cipher. */
export function splitTransforms(text: string): string[] {
  const out: string[] = [];
  for (const token of text.toLowerCase().split(/[\s,]+/)) {
    if (token === '') continue;
    if (/^\d+$/.test(token) && out.length > 0) out[out.length - 1] = `${out[out.length - 1] ?? ''} ${token}`;
    else out.push(token);
  }
  return out;
}

/** True when two transform lists are the same set (order does not matter to IOS). */
export function sameTransforms(a: readonly string[], b: readonly string[]): boolean {
  const x = a.map(canonicalTransform).sort();
  const y = b.map(canonicalTransform).sort();
  return x.length === y.length && x.every((v, i) => v === y[i]);
}

const espCiphers = lookupTable<string>({ ESP_AES: 'esp-aes', ESP_3DES: 'esp-3des', ESP_DES: 'esp-des', ESP_GCM: 'esp-gcm', ESP_GMAC: 'esp-gmac', ESP_NULL: 'esp-null', ESP_SEAL: 'esp-seal' });
const authenticators = lookupTable<string>({
  'HMAC-SHA': 'esp-sha-hmac',
  'HMAC-MD5': 'esp-md5-hmac',
  'HMAC-SHA256': 'esp-sha256-hmac',
  'HMAC-SHA384': 'esp-sha384-hmac',
  'HMAC-SHA512': 'esp-sha512-hmac',
});

/**
 * A Quick Mode transform as the log prints it (`transform 1, ESP_AES`, `key length is 256`,
 * `authenticator is HMAC-SHA`) in transform-set words: `esp-aes 256 esp-sha-hmac`. Null for an unknown cipher.
 */
export function transformFromLog(cipher: string, keyLength: number | null, authenticator: string | null): string | null {
  const esp = espCiphers[cipher.toUpperCase()];
  if (!esp) return null;
  const words = [keyLength !== null && keyLength !== 128 && (esp === 'esp-aes' || esp === 'esp-gcm') ? `${esp} ${keyLength}` : esp];
  const auth = authenticator ? authenticators[authenticator.toUpperCase()] : undefined;
  if (auth) words.push(auth);
  return words.join(' ');
}
