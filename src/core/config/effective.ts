/**
 * Stage 3: statements → the effective configuration of one router. Sections re-entered later in a paste
 * (`crypto isakmp policy 5` typed twice) are merged as IOS merges them: the later line wins.
 */
import { formatMatch, normalizeAddress } from './address.ts';
import { applyInterface, localAddresses } from './interfaces.ts';
import { defaultRelease, ipsecDefaults, isWeakPhase1, isWeakTransform, policyDefaults, type IosRelease } from './defaults.ts';
import type { AccessList, CryptoMapEntry, PreSharedKey, EffectiveConfig, Interface, IpsecProfile, IsakmpPolicy, IsakmpProfile, Phase2Policy, TransformSet } from './model.ts';
import { byDefault, set } from './setting.ts';
import { parseConfig, statementsOf, type ParsedConfig } from './parse.ts';
import { firstAsaLine } from './security-appliance.ts';
import { ikev2Config } from './ikev2-effective.ts';
import { isIkev2Statement, type ConfigStatement, type PeerMatch } from './statements.ts';

export interface EffectiveOptions {
  /** Which router of a multi-router paste; default: the first one named, or the whole paste. */
  router?: string | null;
  /** Which IOS release's behaviour to assume; default `classic`. */
  release?: IosRelease;
}

function newPolicy(priority: number, line: number | null): IsakmpPolicy {
  return {
    priority,
    line,
    encryption: byDefault(policyDefaults.encryption),
    keyLength: byDefault(policyDefaults.keyLength),
    hash: byDefault(policyDefaults.hash),
    auth: byDefault(policyDefaults.auth),
    group: byDefault(policyDefaults.group),
    lifetimeSeconds: byDefault(policyDefaults.lifetimeSeconds),
    refused: null,
  };
}

function newPhase2(): Phase2Policy {
  return {
    transformSets: byDefault([]),
    pfsGroup: byDefault(null),
    lifetimeSeconds: byDefault(ipsecDefaults.lifetimeSeconds),
    lifetimeKilobytes: byDefault(ipsecDefaults.lifetimeKilobytes),
    isakmpProfile: byDefault(null),
    ikev2Profile: byDefault(null),
  };
}

function applyPhase2(target: Phase2Policy, s: ConfigStatement): void {
  switch (s.kind) {
    case 'set-transform-set':
      target.transformSets = set(s.names, s.line);
      break;
    case 'set-pfs':
      target.pfsGroup = set(s.group, s.line);
      break;
    case 'set-sa-lifetime':
      if (s.seconds !== null) target.lifetimeSeconds = set(s.seconds, s.line);
      if (s.kilobytes !== null) target.lifetimeKilobytes = set(s.kilobytes, s.line);
      break;
    case 'set-isakmp-profile':
      target.isakmpProfile = set(s.name, s.line);
      break;
    case 'set-ikev2-profile':
      target.ikev2Profile = set(s.name, s.line);
      break;
    default:
      break;
  }
}

/** Why a release refuses a policy, or null. */
function refusal(policy: IsakmpPolicy, release: IosRelease, shieldDisabled: boolean): string | null {
  if (release !== 'iosxe-17.11' || shieldDisabled) return null;
  const weak = [policy.encryption.value, policy.hash.value, `group${policy.group.value}`].filter(isWeakPhase1);
  return weak.length > 0 ? `${weak.join(', ')} refused by IOS-XE 17.11+ unless 'crypto engine compliance shield disable'` : null;
}

/** Why a release refuses a transform set, or null. */
function transformRefusal(transforms: readonly string[], release: IosRelease, shieldDisabled: boolean): string | null {
  if (release !== 'iosxe-17.11' || shieldDisabled) return null;
  const weak = transforms.filter(isWeakTransform);
  return weak.length > 0 ? `${weak.join(', ')} refused by IOS-XE 17.11+ unless 'crypto engine compliance shield disable'` : null;
}

/** Builds the effective configuration of one router from parsed statements. */
export function effectiveConfig(parsed: ParsedConfig, options: EffectiveOptions = {}): EffectiveConfig {
  const release = options.release ?? defaultRelease;
  const router = options.router === undefined ? (parsed.routers[0] ?? null) : options.router;
  const statements = statementsOf(parsed, router);

  const policies = new Map<number, IsakmpPolicy>();
  const transformSets = new Map<string, TransformSet>();
  const profiles = new Map<string, IpsecProfile>();
  const isakmpProfiles = new Map<string, IsakmpProfile>();
  const maps = new Map<string, CryptoMapEntry>();
  const acls = new Map<string, AccessList>();
  const interfaces = new Map<string, Interface>();
  const cfg: EffectiveConfig = {
    router,
    release,
    policies: [],
    keys: [],
    keyrings: [],
    isakmpProfiles: [],
    identity: byDefault(ipsecDefaults.identity),
    keepalive: byDefault(null),
    natKeepalive: byDefault(ipsecDefaults.natKeepaliveSeconds),
    transformSets: [],
    ipsecProfiles: [],
    cryptoMaps: [],
    accessLists: [],
    interfaces: [],
    saLifetimeSeconds: byDefault(ipsecDefaults.lifetimeSeconds),
    saLifetimeKilobytes: byDefault(ipsecDefaults.lifetimeKilobytes),
    complianceShieldDisabled: byDefault(false),
    ipsecDefaultsRemoved: { transformSet: null, profile: null },
    mapLocalAddresses: [],
    localAddresses: [],
    ikev2: { configured: false, proposals: [], policies: [], keyrings: [], profiles: [], globalDpd: { value: null, line: null, isDefault: true }, authorizationPolicies: [], options: [] },
    securityAppliance: asaLineOf(parsed, router),
  };
  // Which object each section header line opened.
  const owners = new Map<number, string>();
  const keyringAt = new Map<number, string>();
  const acl = (name: string, line: number | null): AccessList => {
    let found = acls.get(name);
    if (!found) {
      found = { name, line, entries: [] };
      acls.set(name, found);
    }
    return found;
  };

  for (const s of statements) {
    // The `crypto ikev2 …` sections are read by ikev2-effective.ts.
    if (isIkev2Statement(s)) continue;
    const owner = s.section === null ? undefined : owners.get(s.section);
    switch (s.kind) {
      case 'isakmp-policy': {
        const existing = policies.get(s.priority);
        if (!existing) policies.set(s.priority, newPolicy(s.priority, s.line));
        owners.set(s.line, String(s.priority));
        break;
      }
      case 'policy-encryption':
      case 'policy-hash':
      case 'policy-auth':
      case 'policy-group':
      case 'policy-lifetime': {
        const p = owner === undefined ? undefined : policies.get(Number(owner));
        if (!p) break;
        if (s.kind === 'policy-encryption') {
          p.encryption = set(s.algorithm, s.line);
          p.keyLength = set(s.keyLength, s.line);
        } else if (s.kind === 'policy-hash') p.hash = set(s.hash, s.line);
        else if (s.kind === 'policy-auth') p.auth = set(s.auth, s.line);
        else if (s.kind === 'policy-group') p.group = set(s.group, s.line);
        else p.lifetimeSeconds = set(s.seconds, s.line);
        break;
      }
      case 'isakmp-key':
        addKey(cfg.keys, { key: s.key, peer: s.peer, line: s.line, keyring: null });
        break;
      case 'keyring':
        // A keyring typed again is the same keyring (its first header kept).
        if (!cfg.keyrings.some((r) => r.name === s.name)) cfg.keyrings.push({ name: s.name, line: s.line, vrf: s.vrf, localAddress: null });
        keyringAt.set(s.line, s.name);
        owners.set(s.line, s.name);
        break;
      case 'keyring-key':
        addKey(cfg.keys, { key: s.key, peer: s.peer, line: s.line, keyring: owner ?? null });
        break;
      case 'isakmp-profile':
        if (!isakmpProfiles.has(s.name)) {
          isakmpProfiles.set(s.name, {
            name: s.name,
            line: s.line,
            matches: [],
            keyring: byDefault(null),
            selfIdentity: byDefault(ipsecDefaults.identity),
            localAddress: null,
            vrf: null,
            keepalive: byDefault(null),
            aggressive: null,
            trustpoints: [],
          });
        }
        owners.set(s.line, s.name);
        break;
      case 'local-address': {
        // A keyring's and a profile's header lines are both owners; the section says which.
        const ring = s.section === null ? undefined : cfg.keyrings.find((r) => r.name === keyringAt.get(s.section ?? -1));
        const profile = owner === undefined || ring ? undefined : isakmpProfiles.get(owner);
        if (ring) ring.localAddress = { value: s.value, line: s.line };
        else if (profile) profile.localAddress = { value: s.value, line: s.line };
        break;
      }
      case 'profile-match-identity':
      case 'profile-keyring':
      case 'profile-self-identity':
      case 'profile-vrf':
      case 'profile-keepalive':
      case 'profile-initiate-aggressive':
      case 'profile-trustpoint': {
        const p = owner === undefined ? undefined : isakmpProfiles.get(owner);
        if (!p) break;
        if (s.kind === 'profile-match-identity') p.matches.push({ identity: s.identity, line: s.line });
        else if (s.kind === 'profile-keyring') p.keyring = set(s.name, s.line);
        else if (s.kind === 'profile-self-identity') p.selfIdentity = set(s.identity, s.line);
        else if (s.kind === 'profile-vrf') p.vrf = { name: s.vrf, line: s.line };
        else if (s.kind === 'profile-keepalive') p.keepalive = set({ seconds: s.seconds, retry: s.retry }, s.line);
        else if (s.kind === 'profile-initiate-aggressive') p.aggressive = s.line;
        else p.trustpoints.push({ name: s.name, line: s.line });
        break;
      }
      case 'isakmp-identity':
        cfg.identity = set(s.identity, s.line);
        break;
      case 'isakmp-keepalive':
        cfg.keepalive = set({ seconds: s.seconds, retry: s.retry, mode: s.mode }, s.line);
        break;
      case 'isakmp-nat-keepalive':
        cfg.natKeepalive = set(s.seconds, s.line);
        break;
      case 'transform-set': {
        const existing = transformSets.get(s.name);
        if (existing) {
          existing.transforms = s.transforms;
          existing.line = s.line;
        } else {
          transformSets.set(s.name, { name: s.name, line: s.line, transforms: s.transforms, mode: byDefault(ipsecDefaults.mode), requireMode: false, refused: null });
        }
        owners.set(s.line, s.name);
        break;
      }
      case 'transform-mode': {
        const t = owner === undefined ? undefined : transformSets.get(owner);
        if (t) {
          t.mode = set(s.mode, s.line);
          t.requireMode = s.require;
        }
        break;
      }
      case 'ipsec-profile':
        if (!profiles.has(s.name)) profiles.set(s.name, { name: s.name, line: s.line, ...newPhase2() });
        owners.set(s.line, s.name);
        break;
      case 'crypto-map': {
        const key = `${s.name} ${s.seq}`;
        if (!maps.has(key)) maps.set(key, { map: s.name, seq: s.seq, line: s.line, method: s.method, peers: [], acl: null, dynamicMap: s.dynamicMap, ...newPhase2() });
        owners.set(s.line, key);
        break;
      }
      case 'set-transform-set':
      case 'set-pfs':
      case 'set-sa-lifetime':
      case 'set-isakmp-profile':
      case 'set-ikev2-profile': {
        const target = owner === undefined ? undefined : (maps.get(owner) ?? profiles.get(owner));
        if (target) applyPhase2(target, s);
        break;
      }
      case 'set-peer': {
        const m = owner === undefined ? undefined : maps.get(owner);
        if (!m) break;
        // Typing the same `set peer` again is a no-op in IOS; the later line is the one shown.
        const address = normalizeAddress(s.address);
        m.peers = [...m.peers.filter((p) => p.address !== address), { address, line: s.line }];
        break;
      }
      case 'match-address': {
        const m = owner === undefined ? undefined : maps.get(owner);
        if (m) m.acl = { name: s.acl, line: s.line };
        break;
      }
      case 'global-sa-lifetime':
        if (s.seconds !== null) cfg.saLifetimeSeconds = set(s.seconds, s.line);
        if (s.kilobytes !== null) cfg.saLifetimeKilobytes = set(s.kilobytes, s.line);
        break;
      case 'ipsec-default-removed':
        if (s.of === 'transform-set') cfg.ipsecDefaultsRemoved.transformSet = s.line;
        else cfg.ipsecDefaultsRemoved.profile = s.line;
        break;
      case 'compliance-shield':
        cfg.complianceShieldDisabled = set(!s.enabled, s.line);
        break;
      case 'access-list': {
        const list = acl(s.name, s.line);
        list.line ??= s.line;
        owners.set(s.line, s.name);
        break;
      }
      case 'acl-entry':
        acl(s.acl, null).entries.push({ entry: s.entry, line: s.line });
        break;
      case 'interface': {
        const key = s.name.toLowerCase();
        if (!interfaces.has(key)) {
          interfaces.set(key, { name: s.name, line: s.line, addresses: [], negotiatedAddress: false, cryptoMap: null, tunnel: null });
        }
        owners.set(s.line, key);
        break;
      }
      case 'if-address':
      case 'if-crypto-map':
      case 'tunnel-source':
      case 'tunnel-destination':
      case 'tunnel-mode':
      case 'tunnel-protection': {
        const i = owner === undefined ? undefined : interfaces.get(owner);
        if (s.kind === 'if-crypto-map' && !i) {
          // `crypto map NAME` shown without its interface: applied somewhere.
          const unnamed = interfaces.get('') ?? { name: '', line: s.line, addresses: [], negotiatedAddress: false, cryptoMap: null, tunnel: null };
          unnamed.cryptoMap = s.remove ? null : { name: s.map, line: s.line };
          interfaces.set('', unnamed);
          break;
        }
        if (!i) break;
        applyInterface(i, s);
        break;
      }
      case 'map-local-address':
        cfg.mapLocalAddresses = [...cfg.mapLocalAddresses.filter((m) => m.map !== s.map), { map: s.map, iface: s.iface, line: s.line }];
        break;
      case 'acl-remark':
      case 'hostname':
      case 'exit':
        break;
      default:
        s satisfies never;
    }
  }

  const shield = cfg.complianceShieldDisabled.value;
  cfg.policies = [...policies.values()].sort((a, b) => a.priority - b.priority);
  if (cfg.policies.length === 0) cfg.policies = [newPolicy(65535, null)];
  for (const p of cfg.policies) p.refused = refusal(p, release, shield);
  cfg.transformSets = [...transformSets.values()];
  for (const t of cfg.transformSets) t.refused = transformRefusal(t.transforms, release, shield);
  cfg.ipsecProfiles = [...profiles.values()];
  cfg.isakmpProfiles = [...isakmpProfiles.values()];
  cfg.cryptoMaps = [...maps.values()].sort((a, b) => (a.map === b.map ? a.seq - b.seq : a.map < b.map ? -1 : 1));
  // A crypto map entry inherits the global SA lifetime unless it sets its own.
  for (const m of cfg.cryptoMaps) inheritLifetime(m, cfg);
  for (const p of cfg.ipsecProfiles) inheritLifetime(p, cfg);
  cfg.accessLists = [...acls.values()];
  cfg.interfaces = [...interfaces.values()];
  cfg.localAddresses = localAddresses(cfg.interfaces);
  cfg.ikev2 = ikev2Config(statements, release, shield);
  return cfg;
}

function peerKey(peer: PeerMatch): string {
  return peer.kind === 'hostname' ? `host ${peer.name.toLowerCase()}` : formatMatch(peer.match);
}

/** A key for the same peer (in the same keyring) replaces the earlier one, as IOS does. */
function addKey(keys: PreSharedKey[], key: PreSharedKey): void {
  const at = keys.findIndex((k) => k.keyring === key.keyring && peerKey(k.peer) === peerKey(key.peer));
  if (at >= 0) keys.splice(at, 1);
  keys.push(key);
}

function inheritLifetime(p: Phase2Policy, cfg: EffectiveConfig): void {
  if (p.lifetimeSeconds.isDefault) p.lifetimeSeconds = { ...cfg.saLifetimeSeconds };
  if (p.lifetimeKilobytes.isDefault) p.lifetimeKilobytes = { ...cfg.saLifetimeKilobytes };
}

/** Parses text and builds one router's effective configuration. */
/** This router's first ASA-only line, as `{ line, command }`, or null. */
function asaLineOf(parsed: ParsedConfig, router: string | null): EffectiveConfig['securityAppliance'] {
  const own = router === null ? parsed.lines : parsed.lines.filter((l) => l.router === router || (l.router === null && parsed.routers.length <= 1));
  const asa = firstAsaLine(own);
  return asa ? { line: asa.line, command: asa.command } : null;
}

export function effectiveConfigFromText(text: string, options: EffectiveOptions = {}): EffectiveConfig {
  return effectiveConfig(parseConfig(text), options);
}

/** Human text for a phase 1 policy: `aes 256 / sha / group 14 / pre-share / 86400 s`. */
export function describePolicy(p: IsakmpPolicy): string {
  const enc = p.encryption.value === 'aes' ? `aes ${p.keyLength.value ?? 128}` : p.encryption.value;
  return `${enc}, ${p.hash.value}, group ${p.group.value}, ${p.auth.value}, ${p.lifetimeSeconds.value} s`;
}
