/**
 * Show output of what a router is configured with, each line in words: `show crypto isakmp policy` (each policy's
 * encryption, hash, authentication, DH group and lifetime, and the default suite), `show crypto ipsec
 * transform-set` (each set's transforms and mode) and `show crypto engine connections active` (each IKE or IPsec
 * connection, its algorithm and packet counts). None changes a negotiation: the lines are information.
 */
import type { IkeEventBody } from './events.ts';
import { phraseInfo, type PhraseWords } from './phrase-words.ts';

const WORDS: PhraseWords = [
  [/^Global IKE policy$/, () => 'show crypto isakmp policy: the ISAKMP policies configured, in priority order.'],
  [/^Protection suite of priority (\d+)$/, (m) => `ISAKMP policy ${m[1]} (crypto isakmp policy ${m[1]}):`],
  [/^Default protection suite(?: of priority \d+)?$/, () => "IOS's default policy, tried after the configured ones (where the release keeps one):"],
  [/^encryption algorithm: +(\S.*)$/, (m) => `Its encryption: ${m[1]}`],
  [/^hash algorithm: +(\S.*)$/, (m) => `Its hash: ${m[1]}.`],
  [/^authentication method: +(\S.*)$/, (m) => `Its authentication: ${m[1]}.`],
  [/^Diffie-Hellman group: +(\S.*)$/, (m) => `Its Diffie-Hellman group: ${m[1]}.`],
  [/^lifetime: +(\S.*)$/, (m) => `Its lifetime: ${m[1]}.`],
  [/^Transform set ([^:]{1,64}): \{ ?([^}]{0,200}?) *\}$/, (m) => `Transform set ${m[1]} (crypto ipsec transform-set ${m[1]}): ${m[2]}.`],
  [/^will negotiate = \{ ?(\w+)/, (m) => `The mode it negotiates: ${m[1]}.`],
  [/^Crypto Engine Connections$/, () => 'show crypto engine connections active: each IKE and IPsec connection of the crypto engine.'],
  [/^ID +(?:Type|Interface)\b/, () => 'Column headings of the crypto engine connections: each IKE SA or IPsec SA, its algorithm, packets encrypted and decrypted.'],
  // `5  IPsec   AES+SHA384   0   23   23 15.1.1.1`
  [/^(\d{1,10}) +(IPsec|IKE) +(\S+) +(\d+) +(\d+)(?: +\d+)? +(\S+)$/, (m) => `${m[2]} connection ${m[1]} (${m[3]}) at ${m[6]}: ${m[4]} packets encrypted, ${m[5]} decrypted.`],
  // 12.x: `2001 Ethernet0/0 12.1.1.2 set DES+SHA 0 99`
  [/^(\d{1,10}) +(\S+) +(\S+) +(set|alloc) +(\S+) +(\d+) +(\d+)$/, (m) => `Crypto engine connection ${m[1]} on ${m[2]} (${m[3]}), ${m[5]}: ${m[6]} packets encrypted, ${m[7]} decrypted.`],
];

/** The event of a line of these outputs, or null when the line is not one of theirs. */
export function settingsLine(t: string): IkeEventBody | null {
  return phraseInfo(WORDS, t);
}

/** Whether a line opens one of these outputs pasted without its command. */
export function startsSettings(t: string): boolean {
  return t === 'Global IKE policy' || t.startsWith('Protection suite of priority') || t === 'Crypto Engine Connections' || /^Transform set [^:]{1,64}: \{/.test(t);
}
