/**
 * One router's behaviour towards one peer, resolved from its effective config: what a two-router simulation
 * steps through (policies it proposes, the key it uses, its phase 2 proposal with the mode it really proposes
 * and its proxy identities). Also the lookups the compatibility check shares.
 */
import { formatIp, formatMatch, matchesAddress, parseIp } from './address.ts';
import type { AccessList, EffectiveConfig, IsakmpPolicy, PreSharedKey, Setting, TransformSet } from './model.ts';
import { isVti, phase2Sources, sourcePeer, sourcePeers, type Phase2Source, transformSetsOf } from './phase2-sources.ts';
import type { IdentityKind, TransformMode } from './statements.ts';

/** Where a key is looked up: this router's own address for the peer, the ISAKMP profile its entry names. */
export interface KeyScope {
  /** The address IKE runs from; a keyring bound to another `local-address` is not searched. */
  local?: string | null;
  /** `set isakmp-profile P` of the initiating entry: P's keyring alone is searched. */
  profile?: string | null;
}

/**
 * The addresses a command names for this router's end (`local-address`, `tunnel source`, a crypto map's
 * `local-address`): the address itself, or the interface's; null when the config does not show them.
 */
function addressesNamed(cfg: EffectiveConfig, value: string): string[] | null {
  const ip = parseIp(value);
  if (ip) return [formatIp(ip)];
  const iface = cfg.interfaces.find((i) => i.name.toLowerCase() === value.toLowerCase());
  if (!iface || iface.negotiatedAddress) return null;
  const found = iface.addresses.filter((a) => !a.linkLocal).map((a) => formatIp(a.match.address));
  return found.length > 0 ? found : null;
}

/** The keyrings a lookup may search: the profile's own when it names one, less those bound to another local address. */
export function searchedKeyrings(cfg: EffectiveConfig, scope: KeyScope = {}): (string | null)[] {
  const profile = scope.profile ? cfg.isakmpProfiles.find((p) => p.name === scope.profile) : undefined;
  const own = profile?.keyring.value ?? null;
  const scoped = own !== null && cfg.keyrings.some((r) => r.name === own);
  const rings = scoped ? cfg.keyrings.filter((r) => r.name === own) : cfg.keyrings;
  const local = scope.local ? formatIpText(scope.local) : null;
  const usable = rings.filter((r) => {
    const bound = r.localAddress ? addressesNamed(cfg, r.localAddress.value) : null;
    return !local || !bound || bound.includes(local);
  });
  return scoped ? usable.map((r) => r.name) : [null, ...usable.map((r) => r.name)];
}

/**
 * The pre-shared key a router uses for a peer address: the most specific match, as IOS picks it, among the global
 * keys and the keyrings the scope leaves (IOS's `local-address` and the initiating profile's `keyring`).
 */
export function keyFor(cfg: EffectiveConfig, peer: string | null, scope: KeyScope = {}): PreSharedKey | null {
  const ip = peer ? parseIp(peer) : null;
  const rings = searchedKeyrings(cfg, scope);
  let best: PreSharedKey | null = null;
  let bestLength = -1;
  for (const k of cfg.keys) {
    if (k.peer.kind !== 'address' || !rings.includes(k.keyring)) continue;
    if (ip && !matchesAddress(k.peer.match, ip)) continue;
    // The most specific key wins, as in IOS.
    if (k.peer.match.prefixLength > bestLength) {
      best = k;
      bestLength = k.peer.match.prefixLength;
    }
  }
  return best;
}

/** The mode A proposes with a transform set: VTIs and non-GRE traffic go in tunnel mode whatever the set says. */
export function proposedMode(source: Phase2Source, set: Pick<TransformSet, 'mode'>, peers: { a: string | null; b: string | null }): 'tunnel' | 'transport' {
  if (set.mode.value === 'tunnel') return 'tunnel';
  if (source.kind === 'tunnel') return isVti(source.iface) ? 'tunnel' : 'transport';
  // Transport only when the protected traffic runs between the peers themselves (GRE over IPsec).
  const a = peers.a ? parseIp(peers.a) : null;
  const b = peers.b ? parseIp(peers.b) : null;
  const permits = source.acl?.entries.filter((e) => e.entry.action === 'permit') ?? [];
  const hostToHost = permits.length > 0 && permits.every((e) => e.entry.source && e.entry.destination && a && b && e.entry.source.prefixLength === (a.family === 4 ? 32 : 128) && matchesAddress(e.entry.source, a) && matchesAddress(e.entry.destination, b));
  return hostToHost ? 'transport' : 'tunnel';
}

/** The permit entries of an ACL, with their lines. */
export function aclPermits(acl: AccessList | null): { entry: AccessList['entries'][number]['entry']; line: number }[] {
  return acl?.entries.filter((e) => e.entry.action === 'permit') ?? [];
}

/**
 * The addresses a router terminates IKE on for a source: the address of the interface carrying the crypto map,
 * or of the tunnel source. Null when the config does not show it (negotiated, DHCP, interface not pasted).
 */
export function ikeAddresses(cfg: EffectiveConfig, source: Phase2Source): string[] | null {
  if (source.kind === 'tunnel') {
    const src = source.iface.tunnel?.source?.value;
    return src ? addressesNamed(cfg, src) : null;
  }
  const local = cfg.mapLocalAddresses.find((m) => m.map === (source.appliedBy ?? source.entry).map);
  if (local) return addressesNamed(cfg, local.iface);
  if (source.interfaces.length === 0) return null;
  const all: string[] = [];
  for (const i of source.interfaces) {
    const found = addressesNamed(cfg, i.name);
    if (!found) return null;
    for (const address of found) all.push(address);
  }
  return all;
}

/** Picks the phase 2 source of each router that points at the other (crypto map peer or tunnel destination). */
export function pairSources(a: EffectiveConfig, b: EffectiveConfig): { sa: Phase2Source | null; sb: Phase2Source | null } {
  const as = phase2Sources(a);
  const bs = phase2Sources(b);
  let best: { sa: Phase2Source | null; sb: Phase2Source | null; score: number } = { sa: as[0] ?? null, sb: bs[0] ?? null, score: -1 };
  // A source points at the other router when one of its peers (a backup `set peer` too) is an address it owns.
  const owns = (cfg: EffectiveConfig, source: Phase2Source) => sourcePeers(source).some((p) => cfg.localAddresses.some((l) => l.address === p.address));
  for (const sa of as) {
    for (const sb of bs) {
      let score = 0;
      if (owns(b, sa)) score += 2;
      if (owns(a, sb)) score += 2;
      if (sa.kind === sb.kind) score += 1;
      if (sa.kind === 'crypto-map' && sb.kind === 'crypto-map' && mirroredAcls(sa.acl, sb.acl)) score += 1;
      if (score > best.score) best = { sa, sb, score };
    }
  }
  return { sa: best.sa, sb: best.sb };
}

function mirroredAcls(a: AccessList | null, b: AccessList | null): boolean {
  const pa = aclPermits(a);
  const pb = aclPermits(b);
  return pa.length > 0 && pa.every((x) => pb.some((y) => x.entry.source && x.entry.destination && y.entry.source && y.entry.destination && formatMatch(x.entry.source) === formatMatch(y.entry.destination) && formatMatch(x.entry.destination) === formatMatch(y.entry.source)));
}

/** A pair of proxy identities as the initiator proposes them: `192.168.1.0/24`, `any`, `::/0`. */
export interface Proxy {
  local: string;
  remote: string;
  protocol: string;
  /** The ACL entry, or the `tunnel mode` line of a VTI (null when that is the default). */
  line: number | null;
}

export interface ProposedTransformSet {
  name: string;
  line: number;
  transforms: string[];
  /** The mode this router really proposes with it (a VTI, or non-GRE traffic, means tunnel). */
  mode: TransformMode;
  configuredMode: Setting<TransformMode>;
  requireMode: boolean;
}

export interface Phase2View {
  kind: 'crypto-map' | 'tunnel';
  /** The crypto map entry line, or the tunnel interface line. */
  header: number;
  /** `outside_map 10`, or the tunnel interface name. */
  name: string;
  peer: string | null;
  /** The interfaces it runs on (crypto map applied, or the tunnel itself). */
  interfaces: string[];
  transformSets: ProposedTransformSet[];
  pfsGroup: Setting<number | null>;
  lifetimeSeconds: Setting<number>;
  lifetimeKilobytes: Setting<number>;
  proxies: Proxy[];
}

export interface PeerView {
  router: string | null;
  /** This router's address towards the peer, when the config shows it. */
  localAddress: string | null;
  peerAddress: string | null;
  /** Policies it can propose or accept, in priority order (release refusals and missing keys removed). */
  policies: IsakmpPolicy[];
  key: PreSharedKey | null;
  identity: Setting<IdentityKind>;
  keepaliveSeconds: number | null;
  natKeepaliveSeconds: number | null;
  phase2: Phase2View | null;
}

function proxiesOf(source: Phase2Source): Proxy[] {
  if (source.kind === 'tunnel') {
    const mode = source.iface.tunnel?.mode;
    const any = mode?.value.endsWith('ipv6') ? '::/0' : '0.0.0.0/0';
    return [{ local: any, remote: any, protocol: 'ip', line: mode && !mode.isDefault ? mode.line : null }];
  }
  return aclPermits(source.acl).map((e) => ({
    local: e.entry.source ? formatMatch(e.entry.source) : '?',
    remote: e.entry.destination ? formatMatch(e.entry.destination) : '?',
    protocol: e.entry.protocol,
    line: e.line,
  }));
}

function phase2View(cfg: EffectiveConfig, source: Phase2Source, addresses: { a: string | null; b: string | null }): Phase2View {
  const sets: TransformSet[] = transformSetsOf(cfg, source.policy).filter((t) => t.refused === null);
  const none = { value: null, line: null, isDefault: true };
  return {
    kind: source.kind,
    header: source.header,
    name: source.kind === 'tunnel' ? source.iface.name : `${source.entry.map} ${source.entry.seq}`,
    peer: sourcePeer(source),
    interfaces: source.kind === 'tunnel' ? [source.iface.name] : source.interfaces.map((i) => i.name),
    transformSets: sets.map((t) => ({ name: t.name, line: t.line, transforms: t.transforms, mode: proposedMode(source, t, addresses), configuredMode: t.mode, requireMode: t.requireMode })),
    pfsGroup: source.policy?.pfsGroup ?? none,
    lifetimeSeconds: source.policy?.lifetimeSeconds ?? cfg.saLifetimeSeconds,
    lifetimeKilobytes: source.policy?.lifetimeKilobytes ?? cfg.saLifetimeKilobytes,
    proxies: proxiesOf(source),
  };
}

/**
 * What this router does with `peer` (an address; default: the peer its first crypto map entry or tunnel names).
 * `localAddress` may be given when the config does not show it (a negotiated or unpasted interface).
 */
export function peerView(cfg: EffectiveConfig, peer?: string | null, localAddress?: string | null): PeerView {
  const source = phase2Sources(cfg, peer ?? null)[0] ?? null;
  const peerAddress = peer ? (formatIpText(peer) ?? peer) : source ? sourcePeer(source) : null;
  const local = localAddress ?? (source ? (ikeAddresses(cfg, source)?.[0] ?? null) : null) ?? cfg.localAddresses[0]?.address ?? null;
  const key = keyFor(cfg, peerAddress);
  return {
    router: cfg.router,
    localAddress: local,
    peerAddress,
    policies: cfg.policies.filter((p) => p.refused === null && (p.auth.value !== 'pre-share' || key !== null)),
    key,
    identity: cfg.identity,
    keepaliveSeconds: cfg.keepalive.value?.seconds ?? null,
    natKeepaliveSeconds: cfg.natKeepalive.value,
    phase2: source ? phase2View(cfg, source, { a: local, b: peerAddress }) : null,
  };
}

function formatIpText(text: string): string | null {
  const ip = parseIp(text);
  return ip ? formatIp(ip) : null;
}
