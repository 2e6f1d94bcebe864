/**
 * What a router's effective configuration offers and accepts when it negotiates with one peer: its
 * phase 1 policies, the pre-shared key it would use, and its phase 2 proposal (transform sets, mode,
 * PFS group, proxy identities). Plain data read from the config model; the config lines are kept.
 */
import { matchesAddress, parseIp, type AddressMatch } from '../config/address.ts';
import type { EffectiveConfig, PreSharedKey, TransformSet } from '../config/model.ts';
import { isVti, phase2Sources, transformSetsOf } from '../config/phase2-sources.ts';
import type { PolicyValues } from '../config/defaults.ts';
import type { TransformMode } from '../config/statements.ts';

export interface Phase1Proposal extends PolicyValues {
  priority: number;
  /** The `crypto isakmp policy` line, or null for IOS's default suite. */
  line: number | null;
}

export interface Phase2Offer {
  transformSets: { name: string; transforms: string[]; mode: TransformMode; line: number }[];
  pfsGroup: number | null;
  /** Proxy identities as this router sees them; null means any (a VTI, or `permit ip any any`). */
  localProxy: AddressMatch | null;
  remoteProxy: AddressMatch | null;
  lifetimeSeconds: number;
  lifetimeKilobytes: number;
  /** The crypto map entry or tunnel interface the proposal comes from. */
  line: number;
}

/** The policies a router proposes (and accepts), in priority order, without those its release refuses. */
export function phase1Proposals(cfg: EffectiveConfig): Phase1Proposal[] {
  return cfg.policies
    .filter((p) => p.refused === null)
    .map((p) => ({
      priority: p.priority,
      encryption: p.encryption.value,
      keyLength: p.keyLength.value,
      hash: p.hash.value,
      auth: p.auth.value,
      group: p.group.value,
      lifetimeSeconds: p.lifetimeSeconds.value,
      line: p.line,
    }));
}

/** The pre-shared key for `peer`: the most specific address match wins, as on IOS. */
export function presharedKey(cfg: EffectiveConfig, peer: string): PreSharedKey | null {
  const ip = parseIp(peer);
  if (!ip) return null;
  let best: PreSharedKey | null = null;
  for (const key of cfg.keys) {
    if (key.peer.kind !== 'address' || !matchesAddress(key.peer.match, ip)) continue;
    if (best === null || (best.peer.kind === 'address' && key.peer.match.prefixLength > best.peer.match.prefixLength)) best = key;
  }
  return best;
}

function modeOf(set: TransformSet, tunnelOnly: boolean): TransformMode {
  return tunnelOnly ? 'tunnel' : set.mode.value;
}

/** The phase 2 proposal this router makes to (or expects from) `peer`, or null when it has none. */
export function phase2Offer(cfg: EffectiveConfig, peer: string): Phase2Offer | null {
  const source = phase2Sources(cfg, peer)[0];
  if (!source) return null;
  const policy = source.policy;
  // A VTI's SAs are always tunnel mode, whatever the transform set says (the seed shows `(Tunnel)`).
  const tunnelOnly = source.kind === 'tunnel' && isVti(source.iface);
  const sets = transformSetsOf(cfg, policy).map((t) => ({ name: t.name, transforms: t.transforms, mode: modeOf(t, tunnelOnly), line: t.line }));
  let localProxy: AddressMatch | null = null;
  let remoteProxy: AddressMatch | null = null;
  if (source.kind === 'crypto-map') {
    const permit = source.acl?.entries.find((e) => e.entry.action === 'permit');
    localProxy = permit?.entry.source ?? null;
    remoteProxy = permit?.entry.destination ?? null;
  }
  return {
    transformSets: sets,
    pfsGroup: policy?.pfsGroup.value ?? null,
    localProxy,
    remoteProxy,
    lifetimeSeconds: policy?.lifetimeSeconds.value ?? cfg.saLifetimeSeconds.value,
    lifetimeKilobytes: policy?.lifetimeKilobytes.value ?? cfg.saLifetimeKilobytes.value,
    line: source.header,
  };
}
