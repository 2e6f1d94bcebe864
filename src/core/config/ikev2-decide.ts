/**
 * IKEv2's decisions as IOS makes them from a router's config, one place for the check (and any simulation):
 * which policy and proposals a router offers from an address, which proposal a responder takes, which IKEv2
 * profile a peer's identity selects, which identity a router sends and which keys sign and verify AUTH.
 */
import { matchesAddress, normalizeAddress, parseIp } from './address.ts';
import type { Ikev2AuthMethod, Ikev2Identity, Ikev2KeyringPeer, Ikev2Policy, Ikev2Profile, Ikev2ProfileMatch, Ikev2Proposal } from './ikev2-model.ts';
import { ikev2Defaults } from './ikev2-defaults.ts';
import type { EffectiveConfig, TransformSet } from './model.ts';
import { phase2Sources, transformSetsOf, type Phase2Source } from './phase2-sources.ts';
import { byDefault } from './setting.ts';

/** Whether a router negotiates with `peer` in IKEv2: its IPsec profile or crypto map entry for it sets an IKEv2 profile. */
export function ikeVersionFor(cfg: EffectiveConfig, peer: string | null): 1 | 2 {
  const sources = phase2Sources(cfg, peer);
  if (sources.length > 0) return sources.some((s) => s.policy?.ikev2Profile.value != null) ? 2 : 1;
  // Nothing triggers IPsec for the peer: a FlexVPN router without IKEv1 lines still answers in IKEv2.
  return cfg.ikev2.configured && !cfg.policies.some((p) => p.line !== null) && cfg.keys.length === 0 ? 2 : 1;
}

/** A transform set a side offers: one its config defines, or IOS's default one, which no line defines. */
export type OfferedSet = Omit<TransformSet, 'line'> & { line: number | null };

/**
 * The transform sets an IPsec profile or crypto map entry offers for IKE_AUTH's child SA. IKEv2's smart default: one
 * that names none offers IOS's transform set `default` (as the config redefines it, else esp-aes esp-sha-hmac), as
 * `crypto ipsec profile default` does with only `set ikev2-profile` under it, unless `no crypto ipsec transform-set
 * default` removed it. A name with no definition offers nothing. The check and the simulation both ask this.
 */
export function childTransformSets(cfg: EffectiveConfig, source: Phase2Source): OfferedSet[] {
  const named = transformSetsOf(cfg, source.policy);
  if (named.length > 0 || (source.policy && !source.policy.transformSets.isDefault)) return named;
  if (cfg.ipsecDefaultsRemoved.transformSet !== null) return [];
  const fallback = ikev2Defaults.transformSet;
  const own = cfg.transformSets.find((t) => t.name === fallback.name);
  return [own ?? { name: fallback.name, line: null, transforms: [...fallback.transforms], mode: byDefault(fallback.mode), requireMode: false, refused: null }];
}

/** The line that makes a router IKEv2 for a peer: `set ikev2-profile` of its source, or its first `crypto ikev2` section. */
export function ikev2Line(cfg: EffectiveConfig, source: Phase2Source | null): number | null {
  const set = source?.policy?.ikev2Profile;
  if (set && set.value !== null) return set.line;
  return cfg.ikev2.profiles[0]?.line ?? cfg.ikev2.keyrings[0]?.line ?? null;
}

/**
 * The policy IOS uses for an IKE SA on `local`: the first configured one whose `match address local` names it,
 * else the first one without `match address local`; the default policy when none is configured.
 */
export function policyFor(cfg: EffectiveConfig, local: string | null): Ikev2Policy | null {
  const wanted = local === null ? null : normalizeAddress(local);
  const policies = cfg.ikev2.policies;
  return policies.find((p) => wanted !== null && p.localAddresses.some((a) => a.address === wanted)) ?? policies.find((p) => p.localAddresses.length === 0) ?? null;
}

/** The proposals a policy offers, in order: those defined and negotiable (an incomplete or refused one is skipped). */
export function proposalsOf(cfg: EffectiveConfig, policy: Ikev2Policy | null): Ikev2Proposal[] {
  if (policy === null) return [];
  return policy.proposals.flatMap((named) => cfg.ikev2.proposals.filter((p) => p.name === named.name && p.refused === null));
}

/** One transform of each type: what an IKE SA is negotiated with. */
export interface Ikev2Choice {
  proposal: Ikev2Proposal;
  /** The initiator's proposal it answers. */
  offered: Ikev2Proposal;
  encryption: string;
  integrity: string | null;
  prf: string;
  group: number;
}

const aead = (encryption: string) => encryption.startsWith('aes-gcm');

/**
 * The responder's choice in IKE_SA_INIT: for each of the initiator's proposals in order, the first of its own
 * that shares an encryption, an integrity (none for AES-GCM), a PRF and a DH group; the initiator's order wins
 * within a proposal. Null: NO_PROPOSAL_CHOSEN.
 */
export function chooseProposal(offered: readonly Ikev2Proposal[], own: readonly Ikev2Proposal[]): Ikev2Choice | null {
  for (const o of offered) {
    for (const p of own) {
      const encryption = o.encryption.value.find((e) => p.encryption.value.includes(e));
      const prf = o.prf.value.find((x) => p.prf.value.includes(x));
      const group = o.groups.value.find((g) => p.groups.value.includes(g));
      if (encryption === undefined || prf === undefined || group === undefined) continue;
      const integrity = aead(encryption) ? null : (o.integrity.value.find((x) => p.integrity.value.includes(x)) ?? undefined);
      if (integrity === undefined) continue;
      return { proposal: p, offered: o, encryption, integrity, prf, group };
    }
  }
  return null;
}

/** Which transform types no proposal of `own` shares with any of `offered`: what NO_PROPOSAL_CHOSEN is about. */
export function unsharedTypes(offered: readonly Ikev2Proposal[], own: readonly Ikev2Proposal[]): ('encryption' | 'integrity' | 'prf' | 'group')[] {
  const shares = (pick: (p: Ikev2Proposal) => readonly (string | number)[]) => offered.some((o) => own.some((p) => pick(o).some((v) => pick(p).includes(v))));
  const out: ('encryption' | 'integrity' | 'prf' | 'group')[] = [];
  if (!shares((p) => p.encryption.value)) out.push('encryption');
  if (!shares((p) => p.integrity.value) && !offered.every((o) => o.encryption.value.every(aead))) out.push('integrity');
  if (!shares((p) => p.prf.value)) out.push('prf');
  if (!shares((p) => p.groups.value)) out.push('group');
  return out;
}

/** The identity a router sends in IKE_AUTH: its profile's `identity local`, else the address IKE runs from. */
export function localIdentityOf(profile: Ikev2Profile | null, address: string | null): Ikev2Identity | null {
  const set = profile?.localIdentity.value;
  if (set) return set;
  return address === null ? null : { kind: 'address', value: normalizeAddress(address) };
}

const lower = (s: string) => s.toLowerCase();

function matchesIdentity(m: Ikev2ProfileMatch, identity: Ikev2Identity): boolean {
  if (m.kind === 'any') return true;
  if (m.kind !== identity.kind) return false;
  if (m.kind === 'address') {
    const ip = parseIp(identity.value);
    return m.match !== null && ip !== null && matchesAddress(m.match, ip);
  }
  if (m.domain) return lower(identity.value).endsWith(lower(m.value));
  return lower(identity.value) === lower(m.value);
}

/** The IKEv2 profile the peer's identity selects (IOS: the first that matches it and the local address), or null. */
export function profileFor(cfg: EffectiveConfig, identity: Ikev2Identity, local: string | null): Ikev2Profile | null {
  const wanted = local === null ? null : normalizeAddress(local);
  return (
    cfg.ikev2.profiles.find(
      (p) => p.matches.some((m) => matchesIdentity(m, identity)) && (p.localAddresses.length === 0 || (wanted !== null && p.localAddresses.some((a) => a.address === wanted))),
    ) ?? null
  );
}

/** The profile a router initiates with toward `peer`: the one its IPsec profile or crypto map entry names. */
export function initiatingProfile(cfg: EffectiveConfig, source: Phase2Source | null): Ikev2Profile | null {
  const name = source?.policy?.ikev2Profile.value;
  return name == null ? null : (cfg.ikev2.profiles.find((p) => p.name === name) ?? null);
}

/** The keys one router uses with a peer: the one it signs its AUTH with and the one it checks the peer's with. */
export interface Ikev2Keys {
  local: { key: string; line: number } | null;
  remote: { key: string; line: number } | null;
  /** The keyring peer block the keys come from, when not from the authentication lines. */
  peer: Ikev2KeyringPeer | null;
}

/**
 * The pre-shared keys of a profile for a peer: the `authentication … pre-share key` lines first, else the peer
 * block of `keyring local` that matches the peer's address (the longest prefix), else its identity.
 */
export function keysFor(cfg: EffectiveConfig, profile: Ikev2Profile | null, peer: { address: string | null; identity: Ikev2Identity | null }): Ikev2Keys {
  const inline = (side: 'local' | 'remote') => profile?.inlineKeys.find((k) => k.side === side) ?? null;
  const ring = profile?.keyring.value;
  const keyring = ring?.kind === 'local' ? cfg.ikev2.keyrings.find((k) => k.name === ring.name) : undefined;
  const ip = peer.address === null ? null : parseIp(peer.address);
  const byAddress = (keyring?.peers ?? [])
    .filter((p) => p.address !== null && ip !== null && matchesAddress(p.address.match, ip))
    .sort((x, y) => (y.address?.match.prefixLength ?? 0) - (x.address?.match.prefixLength ?? 0))[0];
  const identity = peer.identity;
  const byIdentity = identity === null ? undefined : keyring?.peers.find((p) => p.identity !== null && p.identity.identity.kind === identity.kind && lower(p.identity.identity.value) === lower(identity.value));
  const found = byAddress ?? byIdentity ?? null;
  const pick = (side: 'local' | 'remote') => {
    const typed = inline(side);
    if (typed) return { key: typed.key, line: typed.line };
    const key = side === 'local' ? found?.localKey : found?.remoteKey;
    return key ?? null;
  };
  return { local: pick('local'), remote: pick('remote'), peer: found };
}

/** How a profile authenticates: the method it signs with and those it accepts. */
export function authMethods(profile: Ikev2Profile | null): { local: Ikev2AuthMethod | null; remote: readonly Ikev2AuthMethod[] } {
  return { local: profile?.localAuth.value ?? null, remote: profile?.remoteAuth.value ?? [] };
}
