/**
 * `show crypto isakmp sa detail`: its legend of capability letters, the heading of its table, one row per ISAKMP SA
 * (`1001  25.0.0.1  15.0.0.1  ACTIVE aes  sha  psk  5  23:25:03 D`: the conn-id, this router's address and the
 * peer's, the VRF when there is one, the status, the algorithms agreed, the lifetime left and the capabilities) and
 * the crypto engine line under each row. Unlike `show crypto isakmp sa`, it says which address is the router's.
 */
import type { AddressBook } from './addresses.ts';
import type { IkeEventBody } from './events.ts';
import { encryptionWords, hashWords } from '../ike/vocabulary.ts';

const LEGEND = ['Codes: C - IKE configuration mode', 'Codes: N - NAT-traversal', 'K - Keepalives', 'T - cTCP encapsulation', 'psk - Preshared key', 'renc - RSA encryption'];
const LIFETIME = /^(\d{1,3}):(\d{2}):(\d{2})$/;

const AUTH = new Map([
  ['psk', 'pre-share'],
  ['rsig', 'rsa-sig'],
  ['renc', 'rsa-encr'],
]);

/** The event of a line of `show crypto isakmp sa detail`, or null when the line is not one of its own. */
export function isakmpDetailLine(t: string, book: AddressBook): IkeEventBody | null {
  for (const start of LEGEND) if (t.startsWith(start)) return { type: 'info', text: t, words: 'The legend of the capability letters (C mode config, D dead peer detection, N NAT-T, X XAUTH, …) and of the authentication words (psk, rsig, renc).' };
  if (t.startsWith('C-id ')) return { type: 'info', text: t, words: 'Column headings of the ISAKMP SA table: this router\'s address (Local), the peer\'s (Remote), the algorithms agreed, the lifetime left.' };
  if (t.startsWith('Engine-id:Conn-id')) return { type: 'info', text: t, words: `The crypto engine that holds this SA and its connection (${t.slice(t.indexOf('=') + 1).trim()}; SW: software, HW: hardware).` };
  return detailRow(t, book);
}

function detailRow(t: string, book: AddressBook): IkeEventBody | null {
  const words = t.split(/ +/);
  if (words.length < 9 || words.length > 13 || !/^\d{1,10}$/.test(words[0] ?? '')) return null;
  const local = book.address(words[1] ?? '');
  const peer = book.address(words[2] ?? '');
  // the lifetime left is the last column but the capabilities: the columns before it are read back from it
  const at = words.findIndex((w, i) => i >= 8 && LIFETIME.test(w));
  if (local === null || peer === null || at < 0) return null;
  const [, h, m, s] = LIFETIME.exec(words[at] ?? '') ?? [];
  const group = Number(words[at - 1]);
  if (!Number.isInteger(group)) return null;
  const [name, bits] = (words[at - 4] ?? '').split(':');
  return {
    type: 'show-isakmp-detail',
    connId: Number(words[0]),
    local,
    peer,
    vrf: at - 5 > 3 ? (words[3] ?? null) : null,
    status: words[at - 5] ?? '',
    encryption: encryptionWords[name ?? ''] ?? (name ?? '').toUpperCase(),
    keyLength: bits !== undefined && /^\d{3}$/.test(bits) ? Number(bits) : null,
    hash: hashWords[words[at - 3] ?? ''] ?? (words[at - 3] ?? '').toUpperCase(),
    auth: AUTH.get(words[at - 2] ?? '') ?? (words[at - 2] ?? ''),
    group,
    lifetimeLeft: Number(h) * 3600 + Number(m) * 60 + Number(s),
    capabilities: words.slice(at + 1).join(''),
  };
}

const CAPABILITIES = new Map([
  ['C', 'IKE mode config'],
  ['D', 'dead peer detection'],
  ['K', 'keepalives'],
  ['N', 'NAT-T'],
  ['T', 'cTCP'],
  ['X', 'XAUTH'],
]);

/** The capability letters of a row in words (`DN`: dead peer detection, NAT-T). */
export function capabilityWords(letters: string): string {
  return [...letters].map((c) => CAPABILITIES.get(c) ?? c).join(', ');
}
