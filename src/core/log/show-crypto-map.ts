/**
 * `show crypto map`: each crypto map entry as the router holds it (its peer, the crypto ACL and its lines, the
 * current peer, the SA lifetime, PFS and its group, the transform sets, the profiles, the interfaces it is applied
 * to; `show crypto ipsec profile`, whose fields are an entry's), each line in words. The configuration it shows changes no negotiation: the lines are information.
 */
import type { IkeEventBody } from './events.ts';
import { phraseInfo, type PhraseWords } from './phrase-words.ts';

/** `Crypto Map "huawei" 10 ipsec-isakmp`, IOS-XE's `Crypto Map IPv4 "CMAP" 10 ipsec-isakmp`. */
const ENTRY = /^Crypto Map(?: IPv[46])? "([^"]{1,64})" (\d{1,5}) ([\w-]{1,32})/;
/** `Crypto Map: "VPN-MAP" idb: GigabitEthernet0/0`: the map and an interface it is applied to, before its entries. */
const MAP_ON = /^Crypto Map: "([^"]{1,64})" idb: (\S{1,64})/;

/** `IPSEC profile Demo-IPsec-Profile` of `show crypto ipsec profile`, whose fields are a crypto map entry's. */
const IPSEC_PROFILE = /^IPSEC profile (\S{1,64})$/;

/** The list the lines below a heading belong to: the entry's transform sets, or the map's interfaces. */
export type CryptoMapList = 'transforms' | 'interfaces' | null;

const WORDS: PhraseWords = [
  [/^peer ?= ?(\S+)$/i, (m) => `A peer of this entry: ${m[1]}.`],
  [/^current peer: (\S+)$/i, (m) => `The peer the entry uses now: ${m[1]}.`],
  [/^extended ip access list ?(\S*)$/i, (m) => (m[1] ? `The crypto ACL of this entry (match address): ${m[1]}; its lines say the traffic it protects.` : 'The traffic this entry protects (no named ACL: a dynamic or profile entry):')],
  [/^ipv6 access list (\S+)$/i, (m) => `The crypto ACL of this entry (match address): ${m[1]}; its lines say the traffic it protects.`],
  [/^access-list /i, () => 'A line of the crypto ACL: the traffic it permits is protected, mirrored on the peer.'],
  [/^dynamic \(created from dynamic map (\S+)\)$/i, (m) => `This entry was made from dynamic crypto map ${m[1]} for a peer that connected.`],
  [/^security association lifetime: (.+)$/i, (m) => `The IPsec SA lifetime the entry proposes: ${m[1]}.`],
  [/^responder-only \(y\/n\): (\S+)$/i, (m) => `Whether the entry only answers, never initiates: ${m[1]}.`],
  [/^pfs \(y\/n\): (\S+)$/i, (m) => `Whether the entry asks for perfect forward secrecy (set pfs): ${m[1]}.`],
  [/^dh group: +(\S+)$/i, (m) => `The PFS Diffie-Hellman group: ${m[1]}.`],
  [/^mixed-mode ?: (\S+)$/i, (m) => `Mixed mode (IPv4 traffic over IPv6 or back): ${m[1]}.`],
  [/^dualstack \(y\/n\): (\S+)$/i, (m) => `Whether the profile protects IPv4 and IPv6 at once: ${m[1]}.`],
  [/^(ikev2|isakmp) profile: (\S+)$/i, (m) => `The ${m[1]?.toUpperCase() === 'IKEV2' ? 'IKEv2' : 'ISAKMP'} profile of this entry (set ${m[1]?.toLowerCase()}-profile): ${m[2]}.`],
  [/^map is a profile instance$/i, () => "This entry is made from a tunnel's IPsec profile (tunnel protection), not configured as a crypto map."],
  [/^reverse route injection enabled$/i, () => 'Reverse route injection: routes to the remote networks follow the SAs.'],
  [/^always create sas$/i, () => 'The entry creates its SAs without waiting for the first packet of a flow.'],
  [/^dynamic map template tag: (\S+)$/i, (m) => `The dynamic crypto map this entry takes its settings from: ${m[1]}.`],
];

/** The event of a line of `show crypto map`, or null when the line is not one of its own; `list` follows its lists. */
export function cryptoMapLine(t: string, state: { list?: CryptoMapList }): IkeEventBody | null {
  const entry = ENTRY.exec(t);
  if (entry !== null) {
    state.list = null;
    return { type: 'info', text: t, words: `Crypto map ${entry[1]} entry ${entry[2]} (${entry[3]}): the settings below are this entry's.` };
  }
  const profile = IPSEC_PROFILE.exec(t);
  if (profile !== null) {
    state.list = null;
    return { type: 'info', text: t, words: `IPsec profile ${profile[1]} (crypto ipsec profile ${profile[1]}): the settings below are its own.` };
  }
  const on = MAP_ON.exec(t);
  if (on !== null) return { type: 'info', text: t, words: `Crypto map ${on[1]}, applied to ${on[2]}: its entries follow.` };
  if (/^transform sets ?= ?\{$/i.test(t)) {
    state.list = 'transforms';
    return { type: 'info', text: t, words: 'The transform sets the entry offers, in order (set transform-set):' };
  }
  const interfaces = /^interfaces using crypto map (\S+?):?$/i.exec(t);
  if (interfaces !== null) {
    state.list = 'interfaces';
    return { type: 'info', text: t, words: `The interfaces crypto map ${interfaces[1]} is applied to follow.` };
  }
  if (state.list === 'transforms') {
    if (t === '}') {
      state.list = null;
      return { type: 'info', text: t, words: 'The end of the list of transform sets.' };
    }
    // `cisco,`, IOS-XE's `TS1:  { esp-256-aes esp-sha-hmac  } ,`
    if (/^[\w.-]{1,64}(?::\s{0,8}\{[^}]{0,200}\})?(?: ?,)?$/.test(t)) return { type: 'info', text: t, words: `A transform set the entry offers: ${t.replace(/,$/, '').trimEnd()}.` };
  }
  if (state.list === 'interfaces' && /^[a-z][\w-]{1,40}\d(?:[/.:]\d{1,5}){0,3}$/i.test(t)) return { type: 'info', text: t, words: `An interface the map is applied to: ${t}.` };
  return phraseInfo(WORDS, t);
}

/** Whether a line opens `show crypto map` output pasted without its command. */
export function startsCryptoMap(t: string): boolean {
  return ENTRY.test(t) || MAP_ON.test(t);
}
