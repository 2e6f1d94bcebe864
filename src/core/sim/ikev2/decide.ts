/**
 * What each IKEv2 router decides from its effective configuration, as IOS decides it: the IKE SA proposals a
 * policy offers (the first policy whose `match address local` fits, else the default policy), the proposal the
 * responder picks, the IKEv2 profile the peer's identity selects, the pre-shared keys a keyring gives, and the
 * child SA (transform sets, traffic selectors). Pure functions of the config model; each result keeps its lines.
 */
import { formatMatch, matchesAddress, normalizeAddress, parseIp, type AddressMatch } from '../../config/address.ts';
import { defaultPolicy } from '../../config/ikev2-effective.ts';
import { ikev2Defaults } from '../../config/ikev2-defaults.ts';
import type { Ikev2Identity, Ikev2KeyringPeer, Ikev2Profile, Ikev2Proposal } from '../../config/ikev2-model.ts';
import type { EffectiveConfig } from '../../config/model.ts';
import { isVti, phase2Sources, transformSetsOf, type Phase2Source } from '../../config/phase2-sources.ts';

export interface Ikev2Offer {
  policy: string;
  /** True when no configured policy fits the local address (IOS: `Using the Default Policy for Proposal`). */
  viaDefault: boolean;
  proposals: Ikev2Proposal[];
}

export interface Ikev2Chosen {
  proposal: string;
  encryption: string;
  integrity: string | null;
  prf: string;
  group: number;
}

/** The proposals a router offers (as initiator) or accepts (as responder) on its local address. */
export function ikeOffer(cfg: EffectiveConfig, local: string): Ikev2Offer {
  const address = normalizeAddress(local);
  const fits = cfg.ikev2.policies.find((p) => p.localAddresses.length === 0 || p.localAddresses.some((a) => a.address === address));
  const configuredFit = fits !== undefined && fits.line !== null ? fits : null;
  const policy = configuredFit ?? (fits?.name === 'default' ? fits : defaultPolicy());
  const proposals = policy.proposals.flatMap((n) => cfg.ikev2.proposals.filter((p) => p.name === n.name && p.refused === null));
  return { policy: policy.name, viaDefault: configuredFit === null, proposals };
}

const common = <T>(a: readonly T[], b: readonly T[]): T | undefined => a.find((x) => b.includes(x));

/** The responder's choice: the first of the initiator's proposals that one of its own shares every transform type with. */
export function chooseIkeProposal(offered: readonly Ikev2Proposal[], accepted: readonly Ikev2Proposal[]): Ikev2Chosen | null {
  for (const o of offered) {
    for (const a of accepted) {
      const encryption = common(o.encryption.value, a.encryption.value);
      const aead = encryption?.startsWith('aes-gcm') === true;
      const integrity = aead ? null : common(o.integrity.value, a.integrity.value);
      const prf = common(o.prf.value, a.prf.value);
      const group = common(o.groups.value, a.groups.value);
      if (encryption === undefined || integrity === undefined || prf === undefined || group === undefined) continue;
      return { proposal: a.name, encryption, integrity, prf, group };
    }
  }
  return null;
}

/** The phase 2 source IKEv2 negotiates by with `peer`: one with `set ikev2-profile` first. */
export function ikev2Source(cfg: EffectiveConfig, peer: string): Phase2Source | null {
  const sources = phase2Sources(cfg, peer);
  return sources.find((s) => s.policy?.ikev2Profile.value != null) ?? sources[0] ?? null;
}

/** The IKEv2 profile a router initiates with: its phase 2 source's `set ikev2-profile`, else the profile `default`. */
export function initiatorProfile(cfg: EffectiveConfig, peer: string): Ikev2Profile | null {
  const name = ikev2Source(cfg, peer)?.policy?.ikev2Profile.value ?? 'default';
  return cfg.ikev2.profiles.find((p) => p.name === name) ?? null;
}

/** The identity a profile sends: `identity local`, by default the address IKE runs from. */
export function localIdentity(profile: Ikev2Profile | null, address: string): Ikev2Identity {
  return profile?.localIdentity.value ?? { kind: 'address', value: normalizeAddress(address) };
}

function identityMatches(m: Ikev2Profile['matches'][number], id: Ikev2Identity): boolean {
  if (m.kind === 'any') return true;
  if (m.kind !== id.kind) return false;
  if (m.kind === 'address') {
    const ip = parseIp(id.value);
    return ip !== null && m.match !== null && matchesAddress(m.match, ip);
  }
  const want = m.value.toLowerCase();
  const have = id.value.toLowerCase();
  if (!m.domain) return want === have;
  return m.kind === 'email' ? have.endsWith(`@${want}`) : have === want || have.endsWith(`.${want}`);
}

/** Whether a profile's `match identity remote` lines take the identity. */
export function profileTakes(profile: Ikev2Profile, id: Ikev2Identity): boolean {
  return profile.matches.some((m) => identityMatches(m, id));
}

/** The responder's profile for the peer's identity: the first whose `match identity remote` takes it, or null. */
export function profileFor(cfg: EffectiveConfig, id: Ikev2Identity, local: string): Ikev2Profile | null {
  const address = normalizeAddress(local);
  return (
    cfg.ikev2.profiles.find(
      (p) => (p.localAddresses.length === 0 || p.localAddresses.some((a) => a.address === address)) && profileTakes(p, id),
    ) ?? null
  );
}

export interface Ikev2Keys {
  keyring: string | null;
  peer: string | null;
  /** The key this router signs its AUTH with, and the one it checks the peer's with. */
  local: { key: string; line: number } | null;
  remote: { key: string; line: number } | null;
}

function peerMatches(p: Ikev2KeyringPeer, peerAddress: string, id: Ikev2Identity): boolean {
  const ip = parseIp(peerAddress);
  if (p.address !== null && ip !== null && matchesAddress(p.address.match, ip)) return true;
  if (p.identity !== null && p.identity.identity.kind === id.kind && p.identity.identity.value.toLowerCase() === id.value.toLowerCase()) return true;
  return p.hostname !== null && id.kind === 'fqdn' && p.hostname.name.toLowerCase() === id.value.toLowerCase();
}

/** The pre-shared keys a profile gives for a peer: a key on the `authentication` line, else its keyring's peer block. */
export function keysFor(cfg: EffectiveConfig, profile: Ikev2Profile | null, peerAddress: string, peerId: Ikev2Identity): Ikev2Keys {
  const keyringName = profile?.keyring.value?.kind === 'local' ? profile.keyring.value.name : null;
  const keyring = keyringName === null ? undefined : cfg.ikev2.keyrings.find((k) => k.name === keyringName);
  const peer = keyring?.peers.find((p) => peerMatches(p, peerAddress, peerId)) ?? null;
  const inline = (side: 'local' | 'remote') => profile?.inlineKeys.find((k) => k.side === side) ?? null;
  const pick = (side: 'local' | 'remote') => {
    const i = inline(side);
    if (i !== null) return { key: i.key, line: i.line };
    return (side === 'local' ? peer?.localKey : peer?.remoteKey) ?? null;
  };
  return { keyring: keyringName, peer: peer?.name ?? null, local: pick('local'), remote: pick('remote') };
}

export interface ChildOffer {
  transformSets: { name: string; transforms: string[]; mode: 'tunnel' | 'transport' }[];
  /** Traffic selectors as this router sees them: its own side first; null is any (a VTI). */
  local: AddressMatch | null;
  remote: AddressMatch | null;
  lifetimeSeconds: number;
}

/** The child SA a router proposes to (or accepts from) `peer`: its source's transform sets (else the default one) and selectors. */
export function childOffer(cfg: EffectiveConfig, peer: string): ChildOffer | null {
  const source = ikev2Source(cfg, peer);
  if (source === null) return null;
  const tunnelOnly = source.kind === 'tunnel' && isVti(source.iface);
  const named = transformSetsOf(cfg, source.policy).map((t) => ({ name: t.name, transforms: t.transforms, mode: tunnelOnly ? 'tunnel' : t.mode.value }) as const);
  const fallback = ikev2Defaults.transformSet;
  const transformSets = named.length > 0 ? named : [{ name: fallback.name, transforms: [...fallback.transforms], mode: tunnelOnly ? ('tunnel' as const) : fallback.mode }];
  let local: AddressMatch | null = null;
  let remote: AddressMatch | null = null;
  if (source.kind === 'crypto-map') {
    const permit = source.acl?.entries.find((e) => e.entry.action === 'permit');
    local = permit?.entry.source ?? null;
    remote = permit?.entry.destination ?? null;
  }
  return { transformSets, local, remote, lifetimeSeconds: source.policy?.lifetimeSeconds.value ?? cfg.saLifetimeSeconds.value };
}

export type ChildRefusal = 'NO_PROPOSAL_CHOSEN' | 'TS_UNACCEPTABLE';

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));
const sameMatch = (a: AddressMatch | null, b: AddressMatch | null) => (a === null || b === null ? a === b : formatMatch(a) === formatMatch(b));

/** The responder's answer to the child SA: the transform set it accepts, or why it refuses (transforms first, as IOS checks). */
export function chooseChild(offer: ChildOffer, accepted: ChildOffer): { transformSet: string | null; refusal: ChildRefusal | null } {
  const set = offer.transformSets.find((o) => accepted.transformSets.some((a) => sameSet(o.transforms, a.transforms) && o.mode === a.mode));
  if (set === undefined) return { transformSet: null, refusal: 'NO_PROPOSAL_CHOSEN' };
  // the responder's ACL mirrors the initiator's: its remote is the initiator's local
  const mirrored = sameMatch(offer.local, accepted.remote) && sameMatch(offer.remote, accepted.local);
  return mirrored ? { transformSet: set.name, refusal: null } : { transformSet: set.name, refusal: 'TS_UNACCEPTABLE' };
}
