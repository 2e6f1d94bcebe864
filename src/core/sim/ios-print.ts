/**
 * How IOS prints the values the debug writer needs: timestamps, lifetimes as VPI bytes, proxies, transform
 * names, the ISAKMP SA state a packet line shows; and deterministic stand-ins for the numbers a router
 * makes up (message IDs, SPIs, pointers).
 */
import { formatIp, type AddressMatch } from '../config/address.ts';
import type { ExchangeMessageName } from '../ike/messages.ts';
import type { Side } from '../ike/sides.ts';
import type { PolicyCheck } from './decide.ts';

/** Deterministic stand-ins for the numbers a router makes up: message IDs, SPIs, pointers. */
export function numberFrom(text: string, bits = 31): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
  return bits >= 32 ? h >>> 0 : h % 2 ** bits;
}

export function hex8(n: number): string {
  return n.toString(16).toUpperCase().padStart(8, '0');
}

export function timestamp(at: number): string {
  // Simulated time starts at 10:00:00.000 on the day the routers booted.
  const total = 10 * 3600_000 + at;
  const h = Math.floor(total / 3600_000) % 24;
  const m = Math.floor(total / 60_000) % 60;
  const s = Math.floor(total / 1000) % 60;
  const ms = total % 1000;
  const two = (n: number) => String(n).padStart(2, '0');
  return `*Mar  1 ${two(h)}:${two(m)}:${two(s)}.${String(ms).padStart(3, '0')}:`;
}

export { encryptionWords, hashWords } from '../ike/vocabulary.ts';
export const mismatchLines: Record<NonNullable<PolicyCheck['mismatch']>, string> = {
  encryption: 'Encryption algorithm offered does not match policy!',
  keyLength: 'Proposed key length does not match policy',
  hash: 'Hash algorithm offered does not match policy!',
  group: 'Diffie-Hellman group offered does not match policy!',
  auth: 'Authentication method offered does not match policy!',
};

export function vpi(n: number): string {
  const bytes = [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
  return bytes.map((b) => `0x${b.toString(16)}`).join(' ');
}

/** `10.1.0.0/255.255.255.0/256/0`, `::/0/256/0` as IPSEC(...) blocks print proxies. */
export function proxy(match: AddressMatch | null, family: 4 | 6): string {
  if (match === null) return family === 6 ? '::/0/256/0' : '0.0.0.0/0.0.0.0/256/0';
  if (match.family === 6) return `${formatIp(match.address)}/${match.prefixLength}/256/0`;
  const mask = match.prefixLength === 0 ? 0 : (0xffffffff << (32 - match.prefixLength)) >>> 0;
  const dotted = [24, 16, 8, 0].map((s) => (mask >>> s) & 255).join('.');
  return `${formatIp(match.address)}/${dotted}/256/0`;
}

/** `ESP_AES`, `HMAC-SHA` and the key length, from `esp-aes 256 esp-sha-hmac`. */
export function transformWords(transforms: readonly string[]): { cipher: string; keyLength: number; authenticator: string } {
  let cipher = 'ESP_AES';
  let keyLength = 128;
  let authenticator = 'HMAC-SHA';
  for (const t of transforms) {
    const [name = '', bits] = t.split(' ');
    if (name === 'esp-aes') {
      cipher = 'ESP_AES';
      keyLength = bits === undefined ? 128 : Number(bits);
    } else if (name === 'esp-3des') cipher = 'ESP_3DES';
    else if (name === 'esp-des') cipher = 'ESP_DES';
    else if (name === 'esp-gcm') cipher = 'ESP_GCM';
    else if (name.endsWith('-hmac')) {
      const hash = name.slice(4, -5);
      authenticator = hash === 'sha' ? 'HMAC-SHA' : hash === 'md5' ? 'HMAC-MD5' : `HMAC-${hash.toUpperCase()}`;
    }
  }
  return { cipher, keyLength, authenticator };
}

/** The ISAKMP SA state a packet line shows, by message and side. */
export function saState(side: Side, message: ExchangeMessageName, phase1: string): string {
  switch (message) {
    case 'MM1':
      return side === 'responder' ? 'NEW SA' : 'MM_NO_STATE';
    case 'MM2':
      return side === 'initiator' ? 'MM_NO_STATE' : 'MM_SA_SETUP';
    case 'MM3':
      return 'MM_SA_SETUP';
    case 'MM4':
      return side === 'initiator' ? 'MM_SA_SETUP' : 'MM_KEY_EXCH';
    case 'MM5':
    case 'MM6':
      return 'MM_KEY_EXCH';
    case 'AM1':
      return side === 'responder' ? 'NEW SA' : 'AG_NO_STATE';
    case 'AM2':
    case 'AM3':
      return 'AG_INIT_EXCH';
    case 'NOTIFY':
      return phase1 === 'IKE_P1_COMPLETE' ? 'QM_IDLE' : 'MM_NO_STATE';
    case 'QM1':
    case 'QM2':
    case 'QM3':
    case 'DELETE':
      return 'QM_IDLE';
    default:
      return message satisfies never;
  }
}

export function roleLetter(side: Side, message: ExchangeMessageName, incoming: boolean): string {
  if (incoming && side === 'responder' && (message === 'MM1' || message === 'AM1')) return 'N';
  return side === 'initiator' ? 'I' : 'R';
}
