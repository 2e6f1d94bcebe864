/**
 * The `crypto ikev2 …` commands (FlexVPN): proposals, policies, keyrings with their peer blocks, profiles. One
 * command (lexed, lower-cased tokens `t` beside the tokens as typed `raw`) → one statement body, or null when it
 * is not understood here (the config pane then marks the line unrecognized).
 */
import { normalizeAddress, parseAddressMatch } from './address.ts';
import type { Ikev2AuthMethod, Ikev2Identity, Ikev2IdentityKind, Ikev2ProfileMatch } from './ikev2-model.ts';
import type { Ikev2StatementBody } from './statements.ts';
import { lookupTable } from '../ike/lookup-table.ts';

export type Ikev2SectionKind = 'ikev2-proposal' | 'ikev2-policy' | 'ikev2-keyring' | 'ikev2-keyring-peer' | 'ikev2-profile' | 'ikev2-authorization' | 'ikev2-client';

/** The section each IKEv2 header opens; a keyring's `peer` opens one inside the keyring. */
export const ikev2Sections: Partial<Record<Ikev2StatementBody['kind'], Ikev2SectionKind>> = {
  'ikev2-proposal': 'ikev2-proposal',
  'ikev2-policy': 'ikev2-policy',
  'ikev2-keyring': 'ikev2-keyring',
  'ikev2-keyring-peer': 'ikev2-keyring-peer',
  'ikev2-profile': 'ikev2-profile',
  'ikev2-authorization-policy': 'ikev2-authorization',
  'ikev2-client': 'ikev2-client',
};

/** Profile commands IOS takes that decide nothing the model reads: remote access (AAA, config exchange), NAT, VRFs. */
const profileOptions = new Set(['ivrf', 'aaa', 'config-exchange', 'nat', 'redirect', 'description', 'shutdown']);
/** Global `crypto ikev2 …` commands of that kind. */
const globalOptions = new Set(['nat', 'cookie-challenge', 'window', 'limit', 'fragmentation', 'diagnose', 'redirect', 'http-url', 'certificate-cache', 'disconnect-revoked-peers']);
/** A FlexVPN client block's commands (`crypto ikev2 client flexvpn NAME`): its servers, sources and tunnel. */
const clientOptions = new Set(['peer', 'source', 'client', 'backup', 'connect', 'shutdown']);
/** An authorization policy's attributes (what a FlexVPN server pushes to its clients). */
const authorizationOptions = new Set(['pool', 'dns', 'wins', 'netmask', 'route', 'def-domain', 'banner', 'ipv6', 'backup-gateway', 'split-dns', 'save-password', 'include-local-lan', 'subnet-acl', 'max-backup-gateways', 'smartdefs', 'firewall', 'pfs', 'session-lifetime', 'interface', 'dhcp', 'vrf', 'user-defined']);

const option = (raw: readonly string[]): Ikev2StatementBody => ({ kind: 'ikev2-option', words: raw.join(' ') });

/** The keywords IOS accepts in a proposal, as typed: what the lint offers instead of a typo. */
export const ikev2Algorithms = {
  encryption: ['aes-cbc-128', 'aes-cbc-192', 'aes-cbc-256', 'aes-gcm-128', 'aes-gcm-256', '3des', 'des'],
  integrity: ['sha1', 'sha256', 'sha384', 'sha512', 'md5'],
  prf: ['sha1', 'sha256', 'sha384', 'sha512', 'md5'],
} as const;

const groupNumbers = new Set([1, 2, 5, 14, 15, 16, 19, 20, 21, 24]);

const identityKinds = lookupTable<Ikev2IdentityKind>({ address: 'address', fqdn: 'fqdn', email: 'email', 'key-id': 'key-id', dn: 'dn' });
const authMethods = lookupTable<Ikev2AuthMethod>({ 'pre-share': 'pre-share', 'rsa-sig': 'rsa-sig', 'ecdsa-sig': 'ecdsa-sig', eap: 'eap' });

function int(token: string | undefined): number | null {
  return token !== undefined && /^\d{1,10}$/.test(token) ? Number(token) : null;
}

/** `encryption aes-cbc-256 aes-cbc-128`: every token an accepted keyword. */
function algorithms(keyword: keyof typeof ikev2Algorithms, tokens: readonly string[]): Ikev2StatementBody | null {
  const accepted: readonly string[] = ikev2Algorithms[keyword];
  if (tokens.length === 0 || !tokens.every((a) => accepted.includes(a))) return null;
  return { kind: 'ikev2-proposal-algorithms', keyword, algorithms: [...tokens] };
}

/** `identity address 10.0.0.1 | fqdn r1.example.com | email a@b | key-id K | dn` at t[i]. */
function identityAt(t: readonly string[], raw: readonly string[], i: number): Ikev2Identity | null {
  const kind = identityKinds[t[i] ?? ''];
  if (!kind) return null;
  if (kind === 'dn') return t.length === i + 1 ? { kind, value: '' } : null;
  const value = raw[i + 1];
  if (value === undefined || t.length !== i + 2) return null;
  if (kind === 'address') return parseAddressMatch(value) ? { kind, value: normalizeAddress(value) } : null;
  return { kind, value };
}

/** `match identity remote address A [MASK] | fqdn [domain] X | email [domain] X | key-id X | any`. */
function remoteMatch(t: readonly string[], raw: readonly string[]): Omit<Ikev2ProfileMatch, 'line'> | null {
  const kind = t[3];
  if (kind === 'any' && t.length === 4) return { kind: 'any', value: 'any', match: null, domain: false };
  if (kind === 'address' && raw[4] !== undefined) {
    const ipv6 = t[4] === 'ipv6';
    const text = ipv6 ? raw[5] : raw[4];
    if (text === undefined) return null;
    const match = ipv6 ? parseAddressMatch(text.includes('/') ? text : `${text}/128`) : parseAddressMatch(text, raw[5]);
    return match ? { kind: 'address', value: normalizeAddress(text), match, domain: false } : null;
  }
  if (kind === 'fqdn' || kind === 'email') {
    const domain = t[4] === 'domain';
    const value = raw[domain ? 5 : 4];
    return value !== undefined ? { kind, value, match: null, domain } : null;
  }
  if (kind === 'key-id' && raw[4] !== undefined) return { kind: 'key-id', value: raw[4], match: null, domain: false };
  return null;
}

/** `pre-shared-key [local|remote] [0|6] KEY`. */
function peerKey(t: readonly string[], raw: readonly string[]): Ikev2StatementBody | null {
  let i = 1;
  const side = t[i] === 'local' || t[i] === 'remote' ? t[i] : 'both';
  if (side !== 'both') i++;
  if ((t[i] === '0' || t[i] === '6') && raw[i + 1] !== undefined) i++;
  const key = raw.slice(i).join(' ');
  return key === '' ? null : { kind: 'ikev2-peer-key', side: side as 'both' | 'local' | 'remote', key };
}

/** `authentication local|remote METHOD [key [0|6] KEY]` (eap's options are kept out of the method). */
function authentication(t: readonly string[], raw: readonly string[]): Ikev2StatementBody | null {
  const side = t[1];
  const method = authMethods[t[2] ?? ''];
  if ((side !== 'local' && side !== 'remote') || !method) return null;
  let key: string | null = null;
  if (method === 'pre-share' && t[3] === 'key') {
    const at = t[4] === '0' || t[4] === '6' ? 5 : 4;
    key = raw.slice(at).join(' ') || null;
    if (key === null) return null;
  } else if (method === 'pre-share' && t.length > 3) return null;
  return { kind: 'ikev2-profile-auth', side, method, key };
}

function profileCommand(t: readonly string[], raw: readonly string[]): Ikev2StatementBody | null {
  const [a, b] = t;
  if (a === 'match' && b === 'identity' && t[2] === 'remote') {
    const match = remoteMatch(t, raw);
    return match ? { kind: 'ikev2-profile-match-identity', match } : null;
  }
  if (a === 'match' && b === 'address' && t[2] === 'local' && raw[3] !== undefined && t[3] !== 'interface') {
    return parseAddressMatch(raw[3]) ? { kind: 'ikev2-match-local-address', address: raw[3] } : null;
  }
  if (a === 'identity' && b === 'local') {
    const identity = identityAt(t, raw, 2);
    return identity ? { kind: 'ikev2-profile-identity-local', identity } : null;
  }
  if (a === 'authentication') return authentication(t, raw);
  if (a === 'keyring' && (b === 'local' || b === 'aaa') && raw[2] !== undefined) return { kind: 'ikev2-profile-keyring', source: b, name: raw[2] };
  if (a === 'pki' && b === 'trustpoint' && raw[2] !== undefined) return { kind: 'ikev2-profile-trustpoint', name: raw[2] };
  if (a === 'lifetime' && int(b) !== null && t.length === 2) return { kind: 'ikev2-profile-lifetime', seconds: int(b) ?? 86400 };
  if (a === 'dpd' && int(b) !== null && int(t[2]) !== null && (t[3] === 'on-demand' || t[3] === 'periodic') && t.length === 4) {
    return { kind: 'ikev2-profile-dpd', dpd: { intervalSeconds: int(b) ?? 0, retrySeconds: int(t[2]) ?? 0, mode: t[3] } };
  }
  if (a === 'virtual-template' && int(b) !== null && t.length === 2) return { kind: 'ikev2-profile-virtual-template', number: int(b) ?? 0 };
  if (a === 'match' && b === 'fvrf' && raw[2] !== undefined && t.length === 3) return { kind: 'ikev2-profile-fvrf', vrf: t[2] === 'any' ? 'any' : raw[2] };
  if ((profileOptions.has(a ?? '') || (a === 'no' && b === 'config-exchange')) && t.length >= 2) return option(raw);
  return null;
}

/** A sub-command of an IKEv2 section; null when the section does not take it. */
export function ikev2SubCommand(kind: Ikev2SectionKind, t: readonly string[], raw: readonly string[]): Ikev2StatementBody | null {
  const [a, b] = t;
  switch (kind) {
    case 'ikev2-proposal':
      if (a === 'encryption' || a === 'integrity' || a === 'prf') return algorithms(a, t.slice(1));
      if (a === 'group') {
        const groups = t.slice(1).map(int);
        return groups.length > 0 && groups.every((g) => g !== null && groupNumbers.has(g)) ? { kind: 'ikev2-proposal-group', groups: groups as number[] } : null;
      }
      return null;
    case 'ikev2-policy':
      if (a === 'proposal' && raw[1] !== undefined && t.length === 2) return { kind: 'ikev2-policy-proposal', name: raw[1] };
      if (a === 'match' && b === 'fvrf' && raw[2] !== undefined) return { kind: 'ikev2-policy-fvrf', vrf: t[2] === 'any' ? 'any' : raw[2] };
      if (a === 'match' && b === 'address' && t[2] === 'local' && raw[3] !== undefined) {
        return parseAddressMatch(raw[3]) ? { kind: 'ikev2-match-local-address', address: raw[3] } : null;
      }
      return null;
    case 'ikev2-keyring':
    case 'ikev2-keyring-peer':
      if (a === 'peer' && raw[1] !== undefined && t.length === 2) return { kind: 'ikev2-keyring-peer', name: raw[1] };
      if (kind === 'ikev2-keyring') return null;
      return peerCommand(t, raw);
    case 'ikev2-profile':
      return profileCommand(t, raw);
    case 'ikev2-authorization':
      return authorizationOptions.has(a ?? '') && t.length >= 2 ? option(raw) : null;
    case 'ikev2-client':
      return clientOptions.has(a ?? '') && t.length >= 2 ? option(raw) : null;
  }
}

function peerCommand(t: readonly string[], raw: readonly string[]): Ikev2StatementBody | null {
  const [a] = t;
  if (a === 'address' && raw[1] !== undefined) {
    const ipv6 = raw[1].includes(':');
    const match = ipv6 ? parseAddressMatch(raw[1].includes('/') ? raw[1] : `${raw[1]}/128`) : parseAddressMatch(raw[1], raw[2]);
    return match ? { kind: 'ikev2-peer-address', match } : null;
  }
  if (a === 'hostname' && raw[1] !== undefined && t.length === 2) return { kind: 'ikev2-peer-hostname', name: raw[1] };
  if (a === 'identity') {
    const identity = identityAt(t, raw, 1);
    return identity ? { kind: 'ikev2-peer-identity', identity } : null;
  }
  if (a === 'pre-shared-key') return peerKey(t, raw);
  return null;
}

/** `crypto ikev2 proposal|policy|keyring|profile NAME` and the global `crypto ikev2 …` commands: t[0..1] are `crypto ikev2`. */
export function ikev2GlobalCommand(t: readonly string[], raw: readonly string[]): Ikev2StatementBody | null {
  const [, , c, d, e, f] = t;
  if (c === 'dpd' && int(d) !== null && int(e) !== null && (f === 'on-demand' || f === 'periodic') && t.length === 6) {
    return { kind: 'ikev2-global-dpd', dpd: { intervalSeconds: int(d) ?? 0, retrySeconds: int(e) ?? 0, mode: f } };
  }
  if (c === 'authorization' && d === 'policy' && raw[4] !== undefined && t.length === 5) return { kind: 'ikev2-authorization-policy', name: raw[4] };
  if (c === 'client' && d === 'flexvpn' && raw[4] !== undefined && t.length === 5) return { kind: 'ikev2-client', name: raw[4] };
  if (globalOptions.has(c ?? '') && t.length >= 4) return option(raw);
  const name = raw[3];
  if (name === undefined || t.length !== 4) return null;
  switch (t[2]) {
    case 'proposal':
      return { kind: 'ikev2-proposal', name };
    case 'policy':
      return { kind: 'ikev2-policy', name };
    case 'keyring':
      return { kind: 'ikev2-keyring', name };
    case 'profile':
      return { kind: 'ikev2-profile', name };
    default:
      return null;
  }
}
