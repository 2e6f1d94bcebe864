/**
 * Where a router's phase 2 proposal for a peer comes from: a crypto map entry (with its ACL and the interface
 * it is applied to) or a virtual tunnel interface (`tunnel protection ipsec profile`). A dynamic map's entries
 * decide for the static entry that applies it (`crypto map M 100 ipsec-isakmp dynamic D`), on M's interfaces;
 * they only answer: no peer is named, so they never initiate.
 */
import { normalizeAddress } from './address.ts';
import type { AccessList, CryptoMapEntry, EffectiveConfig, Interface, IpsecProfile, Phase2Policy, TransformSet } from './model.ts';
import { set } from './setting.ts';

export type Phase2Source =
  | {
      kind: 'crypto-map';
      entry: CryptoMapEntry;
      interfaces: Interface[];
      acl: AccessList | null;
      policy: Phase2Policy;
      header: number;
      /** For a dynamic map's entry, the static entry that applies it (`crypto map M 100 ipsec-isakmp dynamic D`). */
      appliedBy: CryptoMapEntry | null;
    }
  | { kind: 'tunnel'; iface: Interface; profile: IpsecProfile | null; policy: Phase2Policy | null; header: number };

/** True for `tunnel mode ipsec ipv4|ipv6`: a static VTI, whose proxies are any/any and whose mode is always tunnel. */
export function isVti(iface: Interface): boolean {
  return iface.tunnel !== null && iface.tunnel.mode.value.startsWith('ipsec');
}

/** True for a dynamic map's entry: it answers any peer and never initiates. */
export function isDynamic(source: Phase2Source): boolean {
  return source.kind === 'crypto-map' && source.entry.method === 'dynamic';
}

function allSources(cfg: EffectiveConfig): Phase2Source[] {
  const out: Phase2Source[] = [];
  const dynamicEntries = (name: string) => cfg.cryptoMaps.filter((e) => e.method === 'dynamic' && e.map === name);
  const applied = new Set(cfg.cryptoMaps.filter((e) => e.dynamicMap !== null && dynamicEntries(e.dynamicMap).length > 0).map((e) => e.dynamicMap));
  const push = (entry: CryptoMapEntry, on: CryptoMapEntry | null) => {
    const interfaces = cfg.interfaces.filter((i) => i.cryptoMap?.name === (on ?? entry).map);
    const acl = entry.acl ? (cfg.accessLists.find((a) => a.name === entry.acl?.name) ?? null) : null;
    out.push({ kind: 'crypto-map', entry, interfaces, acl, policy: entry, header: entry.line, appliedBy: on });
  };
  for (const entry of cfg.cryptoMaps) {
    if (entry.method === 'dynamic' && applied.has(entry.map)) continue;
    const dynamic = entry.dynamicMap === null ? [] : dynamicEntries(entry.dynamicMap);
    if (dynamic.length === 0) push(entry, null);
    for (const d of dynamic) push(d, entry);
  }
  for (const iface of cfg.interfaces) {
    const protection = iface.tunnel?.protection;
    if (!protection) continue;
    const profile = cfg.ipsecProfiles.find((p) => p.name === protection.profile) ?? null;
    // An IKEv2 profile named on the tunnel line is the one this tunnel negotiates with, whatever its IPsec profile sets.
    const policy = profile && protection.ikev2Profile !== null ? { ...profile, ikev2Profile: set(protection.ikev2Profile, protection.line) } : profile;
    out.push({ kind: 'tunnel', iface, profile, policy, header: iface.line });
  }
  return out;
}

/** The peers a source names, in the order IOS tries them: a crypto map entry's `set peer` lines, a tunnel's destination. */
export function sourcePeers(source: Phase2Source): { address: string; line: number }[] {
  if (source.kind === 'crypto-map') return source.entry.peers;
  const destination = source.iface.tunnel?.destination;
  return destination ? [destination] : [];
}

/** The peer address a source sends phase 2 to, if the config names it. */
export function sourcePeer(source: Phase2Source): string | null {
  if (source.kind === 'tunnel') return source.iface.tunnel?.destination?.address ?? null;
  return source.entry.peers[0]?.address ?? null;
}

/** The phase 2 sources used with `peer`: those that name it, or every source when none does (or no peer given). */
export function phase2Sources(cfg: EffectiveConfig, peer?: string | null): Phase2Source[] {
  const sources = allSources(cfg);
  if (!peer) return sources;
  const wanted = normalizeAddress(peer);
  const named = sources.filter((s) => (s.kind === 'tunnel' ? sourcePeer(s) === wanted : s.entry.peers.some((p) => p.address === wanted)));
  return named.length > 0 ? named : sources;
}

/** The transform sets a phase 2 policy names, in order; names with no definition are skipped. */
export function transformSetsOf(cfg: EffectiveConfig, policy: Phase2Policy | null): TransformSet[] {
  if (!policy) return [];
  return policy.transformSets.value.flatMap((name) => cfg.transformSets.filter((t) => t.name === name));
}
