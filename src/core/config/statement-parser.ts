/**
 * Stage 2 of config parsing: one command (already lexed) → one statement body, given the section it sits in.
 * Keyword dispatch on tokens, no regex on the hot path; null means "not understood here".
 */
import { parseAddressMatch, type AddressMatch } from './address.ts';
import { parseAce } from './acl.ts';
import type { IdentityKind, IkeAuth, IkeEncryption, IkeHash, PeerMatch, StatementBody } from './statements.ts';
import { lookupTable } from '../ike/lookup-table.ts';
import { ikev2GlobalCommand, ikev2Sections, ikev2SubCommand, type Ikev2SectionKind } from './ikev2-statement-parser.ts';

export type SectionKind =
  | 'isakmp-policy'
  | 'keyring'
  | 'isakmp-profile'
  | 'transform-set'
  | 'ipsec-profile'
  | 'crypto-map'
  | 'acl'
  | 'interface'
  | Ikev2SectionKind;

/**
 * The section a line is parsed in: its kind, its header line and, for access lists, its name; `parent` for a
 * section inside another (an IKEv2 keyring's `peer` block), whose commands are tried when this one's are not.
 */
export interface Section {
  kind: SectionKind;
  line: number;
  name: string;
  family: 4 | 6;
  parent: Section | null;
}

const sectionOf: Partial<Record<StatementBody['kind'], SectionKind>> = {
  'isakmp-policy': 'isakmp-policy',
  keyring: 'keyring',
  'isakmp-profile': 'isakmp-profile',
  'transform-set': 'transform-set',
  'ipsec-profile': 'ipsec-profile',
  'crypto-map': 'crypto-map',
  'access-list': 'acl',
  interface: 'interface',
  ...ikev2Sections,
};

/** True for a section opened inside the one before it (a keyring's peer), rather than in its place. */
export function nestsIn(kind: SectionKind, parent: Section | null): boolean {
  return kind === 'ikev2-keyring-peer' && parent !== null && (parent.kind === 'ikev2-keyring' || parent.kind === 'ikev2-keyring-peer');
}

/** The section a statement opens, if it is a section header. */
export function opensSection(body: StatementBody): SectionKind | null {
  return sectionOf[body.kind] ?? null;
}

function int(token: string | undefined): number | null {
  if (token === undefined || !/^\d{1,10}$/.test(token)) return null;
  return Number(token);
}

function lower(tokens: readonly string[]): string[] {
  return tokens.map((t) => t.toLowerCase());
}

const encryptions = lookupTable<IkeEncryption>({ des: 'des', '3des': '3des', aes: 'aes' });
const hashes = lookupTable<IkeHash>({ md5: 'md5', sha: 'sha', sha256: 'sha256', sha384: 'sha384', sha512: 'sha512' });
const auths = lookupTable<IkeAuth>({ 'pre-share': 'pre-share', 'rsa-sig': 'rsa-sig', 'rsa-encr': 'rsa-encr' });
/** The values an isakmp policy's keywords accept, as the parser reads them: what a lint offers instead. */
export const acceptedPolicyValues: ReadonlyMap<string, readonly string[]> = new Map([
  ['encryption', ['des', '3des', 'aes', 'aes 192', 'aes 256']],
  ['hash', Object.keys(hashes)],
  ['authentication', Object.keys(auths)],
  ['group', ['a DH group number (1, 2, 5, 14, 15, 16, 19, 20, 21, 24)']],
  ['lifetime', ['seconds, 60 to 86400']],
]);

const identities = lookupTable<IdentityKind>({ address: 'address', hostname: 'hostname', dn: 'dn', fqdn: 'hostname' });

/** `A [MASK]` or `ipv6 P/len` at tokens[i]; returns the match and the index after it. */
function addressAt(tokens: readonly string[], i: number): { match: AddressMatch; next: number } | null {
  const first = tokens[i];
  if (first === undefined) return null;
  if (first.toLowerCase() === 'ipv6') {
    const prefix = tokens[i + 1];
    const match = prefix === undefined ? null : parseAddressMatch(prefix.includes('/') ? prefix : `${prefix}/128`);
    return match ? { match, next: i + 2 } : null;
  }
  const maskToken = tokens[i + 1];
  if (maskToken !== undefined && parseAddressMatch(maskToken) !== null && maskToken.includes('.')) {
    const withMask = parseAddressMatch(first, maskToken);
    if (withMask) return { match: withMask, next: i + 2 };
  }
  const match = parseAddressMatch(first);
  return match ? { match, next: i + 1 } : null;
}

/** `address A [MASK] | address ipv6 P | hostname H` at tokens[i]. */
function peerAt(tokens: readonly string[], i: number): { peer: PeerMatch; next: number } | null {
  const what = tokens[i]?.toLowerCase();
  if (what === 'address') {
    const found = addressAt(tokens, i + 1);
    return found ? { peer: { kind: 'address', match: found.match }, next: found.next } : null;
  }
  if (what === 'hostname' && tokens[i + 1] !== undefined) {
    return { peer: { kind: 'hostname', name: tokens[i + 1] ?? '' }, next: i + 2 };
  }
  return null;
}

/** Groups transform tokens so that a key length stays with its cipher: `esp-aes 256 esp-sha-hmac`. */
export function groupTransforms(tokens: readonly string[]): string[] | null {
  const out: string[] = [];
  for (const token of tokens) {
    const t = token.toLowerCase();
    if (t.startsWith('esp-') || t.startsWith('ah-') || t.startsWith('comp-')) out.push(t);
    else if (int(t) !== null && out.length > 0) out[out.length - 1] = `${out[out.length - 1] ?? ''} ${t}`;
    else return null;
  }
  return out.length > 0 ? out : null;
}

function lifetimeBody(tokens: readonly string[]): { seconds: number | null; kilobytes: number | null } | null {
  const unit = tokens[0]?.toLowerCase();
  const value = int(tokens[1]);
  if (value === null) return null;
  if (unit === 'seconds') return { seconds: value, kilobytes: null };
  if (unit === 'kilobytes') return { seconds: null, kilobytes: value };
  return null;
}

function pfsBody(tokens: readonly string[]): StatementBody | null {
  if (tokens.length === 0) return { kind: 'set-pfs', group: 1, explicit: false };
  const g = tokens[0]?.toLowerCase() ?? '';
  const group = g.startsWith('group') ? int(g.slice(5)) : null;
  return group === null ? null : { kind: 'set-pfs', group, explicit: true };
}

/** `set ...` commands shared by crypto map entries and IPsec profiles. */
function setCommand(t: readonly string[], raw: readonly string[], inMap: boolean): StatementBody | null {
  switch (t[1]) {
    case 'transform-set':
      return raw.length > 2 ? { kind: 'set-transform-set', names: raw.slice(2) } : null;
    case 'pfs':
      return pfsBody(t.slice(2));
    case 'security-association':
      return t[2] === 'lifetime' ? mapLifetime(lifetimeBody(t.slice(3))) : null;
    case 'isakmp-profile':
      return raw[2] !== undefined ? { kind: 'set-isakmp-profile', name: raw[2] } : null;
    case 'ikev2-profile':
      return raw[2] !== undefined && t.length === 3 ? { kind: 'set-ikev2-profile', name: raw[2] } : null;
    case 'peer':
      return inMap && raw[2] !== undefined ? { kind: 'set-peer', address: raw[2] } : null;
    default:
      return null;
  }
}

function mapLifetime(l: { seconds: number | null; kilobytes: number | null } | null): StatementBody | null {
  return l ? { kind: 'set-sa-lifetime', ...l } : null;
}

function subCommand(section: Section, t: readonly string[], raw: readonly string[]): StatementBody | null {
  const [a, b] = t;
  switch (section.kind) {
    case 'isakmp-policy': {
      if (a === 'encryption' || a === 'encr') {
        const algorithm = encryptions[b ?? ''];
        if (!algorithm) return null;
        const keyLength = int(t[2]);
        if (t.length > 3 || (t.length === 3 && (algorithm !== 'aes' || ![128, 192, 256].includes(keyLength ?? 0)))) return null;
        return { kind: 'policy-encryption', algorithm, keyLength: algorithm === 'aes' ? (keyLength ?? 128) : null };
      }
      if (a === 'hash' && hashes[b ?? ''] && t.length === 2) return { kind: 'policy-hash', hash: hashes[b ?? ''] ?? 'sha' };
      if ((a === 'authentication' || a === 'auth') && auths[b ?? ''] && t.length === 2) {
        return { kind: 'policy-auth', auth: auths[b ?? ''] ?? 'rsa-sig' };
      }
      if (a === 'group' && int(b) !== null && t.length === 2) return { kind: 'policy-group', group: int(b) ?? 1 };
      if (a === 'lifetime' && int(b) !== null && t.length === 2) return { kind: 'policy-lifetime', seconds: int(b) ?? 86400 };
      return null;
    }
    case 'keyring': {
      if (a === 'local-address' && raw[1] !== undefined && t.length === 2) return { kind: 'local-address', value: raw[1] };
      if (a !== 'pre-shared-key') return null;
      const peer = peerAt(t, 1);
      if (!peer || t[peer.next] !== 'key' || raw[peer.next + 1] === undefined) return null;
      return { kind: 'keyring-key', peer: peer.peer, key: raw.slice(peer.next + 1).join(' ') };
    }
    case 'isakmp-profile': {
      if (a === 'keyring' && raw[1] !== undefined) return { kind: 'profile-keyring', name: raw[1] };
      if (a === 'self-identity' && identities[b ?? '']) return { kind: 'profile-self-identity', identity: identities[b ?? ''] ?? 'address' };
      if (a === 'local-address' && raw[1] !== undefined && t.length === 2) return { kind: 'local-address', value: raw[1] };
      if (a === 'vrf' && raw[1] !== undefined && t.length === 2) return { kind: 'profile-vrf', vrf: raw[1] };
      if (a === 'keepalive' && int(b) !== null && (t.length === 2 || (t[2] === 'retry' && int(t[3]) !== null && t.length === 4))) {
        return { kind: 'profile-keepalive', seconds: int(b), retry: int(t[3]) };
      }
      if (a === 'no' && b === 'keepalive' && t.length === 2) return { kind: 'profile-keepalive', seconds: null, retry: null };
      if (a === 'initiate' && b === 'mode' && t[2] === 'aggressive' && t.length === 3) return { kind: 'profile-initiate-aggressive' };
      if (a === 'ca' && b === 'trust-point' && raw[2] !== undefined && t.length === 3) return { kind: 'profile-trustpoint', name: raw[2] };
      if (a === 'match' && b === 'identity') {
        if (t[2] === 'address') {
          const found = addressAt(t, 3);
          return found ? { kind: 'profile-match-identity', identity: { kind: 'address', match: found.match } } : null;
        }
        if (t[2] === 'host' && raw[3] !== undefined) {
          const name = t[3] === 'domain' ? (raw[4] ?? '') : raw[3];
          return { kind: 'profile-match-identity', identity: { kind: 'fqdn', name } };
        }
      }
      return null;
    }
    case 'transform-set': {
      if (a === 'mode' && (b === 'tunnel' || b === 'transport')) {
        const require = t[2] === 'require';
        return t.length === 2 || (require && t.length === 3) ? { kind: 'transform-mode', mode: b, require } : null;
      }
      return null;
    }
    case 'ipsec-profile':
      return a === 'set' ? setCommand(t, raw, false) : null;
    case 'crypto-map':
      if (a === 'set') return setCommand(t, raw, true);
      if (a === 'match' && b === 'address' && raw[2] !== undefined) return { kind: 'match-address', acl: raw[2] };
      return null;
    case 'acl': {
      if (a === 'remark') return { kind: 'acl-remark' };
      const entry = parseAce(t, section.family);
      return entry ? { kind: 'acl-entry', acl: section.name, entry } : null;
    }
    case 'interface':
      return interfaceCommand(t, raw);
    default:
      return ikev2SubCommand(section.kind, t, raw);
  }
}

function interfaceCommand(t: readonly string[], raw: readonly string[]): StatementBody | null {
  const [a, b] = t;
  if (a === 'ip' && b === 'address') {
    if (t[2] === 'negotiated' || t[2] === 'dhcp') return { kind: 'if-address', family: 4, match: null, linkLocal: false, negotiated: true };
    const match = t[2] !== undefined && t[3] !== undefined ? parseAddressMatch(t[2], t[3]) : null;
    return match ? { kind: 'if-address', family: 4, match, linkLocal: false, negotiated: false } : null;
  }
  if (a === 'ipv6' && b === 'address' && t[2] !== undefined) {
    const linkLocal = t[3] === 'link-local';
    const match = parseAddressMatch(t[2].includes('/') ? t[2] : `${t[2]}/128`);
    return match ? { kind: 'if-address', family: 6, match, linkLocal, negotiated: false } : null;
  }
  if (a === 'crypto' && b === 'map' && raw[2] !== undefined && t.length === 3) return { kind: 'if-crypto-map', map: raw[2], remove: false };
  if (a === 'no' && b === 'crypto' && t[2] === 'map') return { kind: 'if-crypto-map', map: raw[3] ?? '', remove: true };
  if (a === 'tunnel') {
    if (b === 'source' && raw[2] !== undefined) return { kind: 'tunnel-source', value: raw.slice(2).join('') };
    // Published IPv6 addresses are often torn by a space (`2001: DB8::3`): join the rest.
    if (b === 'destination' && raw[2] !== undefined) return { kind: 'tunnel-destination', address: raw.slice(2).join('') };
    if (b === 'mode' && t[2] !== undefined) return { kind: 'tunnel-mode', mode: t.slice(2).join(' ') };
    if (b === 'protection' && t[2] === 'ipsec' && t[3] === 'profile' && raw[4] !== undefined) {
      // `… profile P [shared] [ikev2-profile NAME]`: the IKEv2 profile named on the tunnel, over the IPsec profile's.
      const named = t.indexOf('ikev2-profile');
      return { kind: 'tunnel-protection', profile: raw[4], shared: t.includes('shared'), ikev2Profile: named > 4 ? (raw[named + 1] ?? null) : null };
    }
  }
  return null;
}

function cryptoCommand(t: readonly string[], raw: readonly string[]): StatementBody | null {
  const [, b, c] = t;
  if (b === 'isakmp') {
    if (c === 'policy' && int(t[3]) !== null && t.length === 4) return { kind: 'isakmp-policy', priority: int(t[3]) ?? 0 };
    if (c === 'key') {
      // `crypto isakmp key [0|6|7] KEY address|hostname ...`
      let i = 3;
      if ((t[i] === '0' || t[i] === '6' || t[i] === '7') && t[i + 2] !== undefined && (t[i + 2] === 'address' || t[i + 2] === 'hostname')) i++;
      const key = raw[i];
      const peer = peerAt(t, i + 1);
      if (key === undefined || !peer) return null;
      return { kind: 'isakmp-key', key, peer: peer.peer, noXauth: t.includes('no-xauth') };
    }
    if (c === 'identity' && identities[t[3] ?? ''] && t.length === 4) return { kind: 'isakmp-identity', identity: identities[t[3] ?? ''] ?? 'address' };
    if (c === 'keepalive' && int(t[3]) !== null) {
      const mode = t.includes('periodic') ? 'periodic' : 'on-demand';
      return { kind: 'isakmp-keepalive', seconds: int(t[3]) ?? 10, retry: int(t[4]), mode };
    }
    if (c === 'nat' && t[3] === 'keepalive' && int(t[4]) !== null) return { kind: 'isakmp-nat-keepalive', seconds: int(t[4]) ?? 20 };
    if (c === 'profile' && raw[3] !== undefined && t.length === 4) return { kind: 'isakmp-profile', name: raw[3] };
    return null;
  }
  if (b === 'keyring' && raw[2] !== undefined) {
    // `crypto keyring NAME [vrf FVRF]`: the front-door VRF whose peers the keys are for.
    const vrf = t[3] === 'vrf' ? (raw[4] ?? null) : null;
    return t.length === 3 || (vrf !== null && t.length === 5) ? { kind: 'keyring', name: raw[2], vrf } : null;
  }
  if (b === 'ikev2') return ikev2GlobalCommand(t, raw);
  if (b === 'ipsec') {
    if (c === 'transform-set' && raw[3] !== undefined) {
      const transforms = groupTransforms(t.slice(4));
      return transforms ? { kind: 'transform-set', name: raw[3], transforms } : null;
    }
    if (c === 'profile' && raw[3] !== undefined && t.length === 4) return { kind: 'ipsec-profile', name: raw[3] };
    if (c === 'security-association' && t[3] === 'lifetime') {
      const l = lifetimeBody(t.slice(4));
      return l ? { kind: 'global-sa-lifetime', ...l } : null;
    }
    return null;
  }
  // `show crypto map` prints `Crypto Map "NAME" 10 ipsec-isakmp`: output, not config.
  if ((b === 'map' || b === 'dynamic-map') && raw[2] !== undefined && !raw[2].startsWith('"')) {
    const seq = int(t[3]);
    if (t[3] === 'local-address' && raw[4] !== undefined && b === 'map') return { kind: 'map-local-address', map: raw[2], iface: raw[4] };
    if (seq === null) {
      // `crypto map NAME` outside an interface: a `show run | section crypto` shows it without its interface.
      return b === 'map' && t.length === 3 ? { kind: 'if-crypto-map', map: raw[2], remove: false } : null;
    }
    if (b === 'dynamic-map') return { kind: 'crypto-map', name: raw[2], seq, method: 'dynamic', dynamicMap: null };
    const method = t[4] ?? 'ipsec-isakmp';
    if (method === 'ipsec-isakmp' && t[5] === 'dynamic') {
      return { kind: 'crypto-map', name: raw[2], seq, method: 'ipsec-isakmp', dynamicMap: raw[6] ?? null };
    }
    if (method !== 'ipsec-isakmp' && method !== 'ipsec-manual') return null;
    return { kind: 'crypto-map', name: raw[2], seq, method, dynamicMap: null };
  }
  if (b === 'engine' && c === 'compliance' && t[3] === 'shield' && t[4] === 'disable') return { kind: 'compliance-shield', enabled: false };
  return null;
}

/** `no crypto ikev2 proposal|policy default`, `no crypto ipsec transform-set|profile default`: a smart default removed. */
function defaultRemoved(t: readonly string[]): StatementBody | null {
  if (t.length !== 5 || t[1] !== 'crypto' || t[4] !== 'default') return null;
  if (t[2] === 'ikev2' && (t[3] === 'proposal' || t[3] === 'policy')) return { kind: 'ikev2-default-removed', of: t[3] };
  if (t[2] === 'ipsec' && (t[3] === 'transform-set' || t[3] === 'profile')) return { kind: 'ipsec-default-removed', of: t[3] };
  return null;
}

function globalCommand(t: readonly string[], raw: readonly string[]): StatementBody | null {
  const [a, b] = t;
  switch (a) {
    case 'no':
      return defaultRemoved(t);
    case 'hostname':
      return raw[1] !== undefined && t.length === 2 ? { kind: 'hostname', name: raw[1] } : null;
    case 'crypto':
      return cryptoCommand(t, raw);
    case 'access-list': {
      const name = raw[1];
      if (name === undefined || int(name) === null) return null;
      const entry = parseAce(t.slice(2));
      return entry ? { kind: 'acl-entry', acl: name, entry } : null;
    }
    case 'ip':
    case 'ipv6':
      if (b === 'access-list') {
        const family = a === 'ip' ? 4 : 6;
        const named = family === 4 ? (t[2] === 'extended' || t[2] === 'standard' ? raw[3] : undefined) : raw[2];
        return named !== undefined ? { kind: 'access-list', name: named, numbered: int(named) !== null, family } : null;
      }
      return null;
    case 'interface':
    case 'int': {
      // the name, its number typed apart or not (`GigabitEthernet 0/0`), without what IOS prints after it: a
      // virtual template's `type tunnel`, a subinterface's `point-to-point` / `multipoint`
      const end = raw.findIndex((w, i) => i > 1 && /^(?:type|point-to-point|multipoint)$/i.test(w));
      return raw.length >= 2 ? { kind: 'interface', name: raw.slice(1, end < 0 ? raw.length : end).join('') } : null;
    }
    case 'exit':
    case 'exi':
    case 'ex':
    case 'end':
      return t.length === 1 ? { kind: 'exit' } : null;
    default:
      return null;
  }
}

/** Parses one command in its section (null: global). Section sub-commands are tried first, then global ones. */
export function parseStatement(command: string, section: Section | null): { body: StatementBody; inSection: boolean; section: Section | null } | null {
  const raw = command.split(/\s+/).filter((x) => x !== '');
  if (raw.length === 0) return null;
  const t = lower(raw);
  for (let open = section; open !== null; open = open.parent) {
    const sub = subCommand(open, t, raw);
    if (sub) return { body: sub, inSection: true, section: open };
  }
  const global = globalCommand(t, raw);
  return global ? { body: global, inSection: false, section: null } : null;
}
