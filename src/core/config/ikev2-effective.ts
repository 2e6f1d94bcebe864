/**
 * Statements → the effective IKEv2 configuration of one router, smart defaults made explicit. A section typed
 * twice is merged as IOS merges it (the later line wins); a proposal that no policy names is kept (the lint and
 * the check say it is unused) but never offered.
 */
import { normalizeAddress } from './address.ts';
import type { IosRelease } from './defaults.ts';
import { defaultIkev2Proposal, ikev2Defaults } from './ikev2-defaults.ts';
import type { Ikev2Config, Ikev2Dpd, Ikev2Keyring, Ikev2KeyringPeer, Ikev2Policy, Ikev2Profile, Ikev2Proposal } from './ikev2-model.ts';
import { byDefault, set, type Setting } from './setting.ts';
import type { ConfigStatement } from './statements.ts';


const weakIkev2 = new Set(['des', '3des', 'md5', 'sha1', 'group1', 'group2', 'group5']);

/** The smart default proposal of a release, every setting a default. */
export function defaultProposal(release: IosRelease): Ikev2Proposal {
  const values = defaultIkev2Proposal(release);
  return {
    name: 'default',
    line: null,
    encryption: byDefault([...values.encryption]),
    integrity: byDefault([...values.integrity]),
    prf: byDefault([...values.prf]),
    groups: byDefault([...values.groups]),
    refused: null,
  };
}

/** The smart default policy: any local address, the proposal `default`. */
export function defaultPolicy(): Ikev2Policy {
  return { name: 'default', line: null, proposals: [{ name: 'default', line: null }], localAddresses: [], fvrf: byDefault(null) };
}

function newProposal(name: string, line: number): Ikev2Proposal {
  return { name, line, encryption: byDefault([]), integrity: byDefault([]), prf: byDefault([]), groups: byDefault([]), refused: null };
}

function newProfile(name: string, line: number): Ikev2Profile {
  return {
    name,
    line,
    matches: [],
    localAddresses: [],
    localIdentity: byDefault(null),
    localAuth: byDefault(null),
    remoteAuth: byDefault([]),
    inlineKeys: [],
    keyring: byDefault(null),
    trustpoints: [],
    lifetimeSeconds: byDefault(ikev2Defaults.lifetimeSeconds),
    dpd: byDefault(null),
    virtualTemplate: null,
    fvrf: byDefault(null),
    options: [],
  };
}

function newPeer(name: string, line: number): Ikev2KeyringPeer {
  return { name, line, address: null, hostname: null, identity: null, localKey: null, remoteKey: null };
}

/** Why a configured proposal cannot be negotiated: a keyword missing, or weak algorithms on 17.11+. */
function refusalOf(p: Ikev2Proposal, release: IosRelease, shieldDisabled: boolean): string | null {
  const aead = p.encryption.value.some((e) => e.startsWith('aes-gcm'));
  const missing = [
    p.encryption.value.length === 0 ? 'encryption' : null,
    !aead && p.integrity.value.length === 0 ? 'integrity' : null,
    aead && p.prf.value.length === 0 ? 'prf' : null,
    p.groups.value.length === 0 ? 'group' : null,
  ].filter((m) => m !== null);
  if (missing.length > 0) return `incomplete: no ${missing.join(', ')} (IOS marks the proposal incomplete and never offers it)`;
  if (release !== 'iosxe-17.11' || shieldDisabled) return null;
  const weak = [...p.encryption.value, ...p.integrity.value, ...p.groups.value.map((g) => `group${g}`)].filter((v) => weakIkev2.has(v));
  return weak.length > 0 ? `${weak.join(', ')} refused by IOS-XE 17.11+ unless 'crypto engine compliance shield disable'` : null;
}

/** The IKEv2 part of one router's effective configuration. */
export function ikev2Config(statements: readonly ConfigStatement[], release: IosRelease, shieldDisabled: boolean): Ikev2Config {
  const proposals = new Map<string, Ikev2Proposal>();
  const policies = new Map<string, Ikev2Policy>();
  const keyrings = new Map<string, Ikev2Keyring>();
  const profiles = new Map<string, Ikev2Profile>();
  // Which object each section header opened, by its line; a keyring peer by its own line.
  const proposalAt = new Map<number, Ikev2Proposal>();
  const policyAt = new Map<number, Ikev2Policy>();
  const keyringAt = new Map<number, Ikev2Keyring>();
  const peerAt = new Map<number, { peer: Ikev2KeyringPeer; keyring: Ikev2Keyring }>();
  const profileAt = new Map<number, Ikev2Profile>();
  let configured = false;
  let globalDpd: Setting<Ikev2Dpd | null> = byDefault(null);
  const authorizationPolicies: { name: string; line: number }[] = [];
  const options: { words: string; line: number }[] = [];

  const removed = { proposal: false, policy: false };
  for (const s of statements) {
    if (!s.kind.startsWith('ikev2-')) continue;
    if (s.kind === 'ikev2-default-removed') {
      removed[s.of] = true;
      continue;
    }
    configured = true;
    const section = s.section ?? -1;
    switch (s.kind) {
      case 'ikev2-proposal': {
        const p = proposals.get(s.name) ?? newProposal(s.name, s.line);
        proposals.set(s.name, p);
        proposalAt.set(s.line, p);
        break;
      }
      case 'ikev2-proposal-algorithms': {
        const p = proposalAt.get(section);
        if (p) p[s.keyword] = set(s.algorithms, s.line);
        break;
      }
      case 'ikev2-proposal-group': {
        const p = proposalAt.get(section);
        if (p) p.groups = set(s.groups, s.line);
        break;
      }
      case 'ikev2-policy': {
        const p = policies.get(s.name) ?? { name: s.name, line: s.line, proposals: [], localAddresses: [], fvrf: byDefault(null) };
        policies.set(s.name, p);
        policyAt.set(s.line, p);
        break;
      }
      case 'ikev2-policy-proposal': {
        const p = policyAt.get(section);
        if (p && !p.proposals.some((x) => x.name === s.name)) p.proposals.push({ name: s.name, line: s.line });
        break;
      }
      case 'ikev2-policy-fvrf': {
        const p = policyAt.get(section);
        if (p) p.fvrf = set(s.vrf, s.line);
        break;
      }
      case 'ikev2-match-local-address': {
        const owner = policyAt.get(section) ?? profileAt.get(section);
        owner?.localAddresses.push({ address: normalizeAddress(s.address), line: s.line });
        break;
      }
      case 'ikev2-keyring': {
        const k = keyrings.get(s.name) ?? { name: s.name, line: s.line, peers: [] };
        keyrings.set(s.name, k);
        keyringAt.set(s.line, k);
        break;
      }
      case 'ikev2-keyring-peer': {
        // A peer typed right after another one's lines belongs to the same keyring.
        const keyring = keyringAt.get(section) ?? peerAt.get(section)?.keyring;
        if (!keyring) break;
        const peer = keyring.peers.find((p) => p.name === s.name) ?? newPeer(s.name, s.line);
        if (!keyring.peers.includes(peer)) keyring.peers.push(peer);
        peerAt.set(s.line, { peer, keyring });
        break;
      }
      case 'ikev2-peer-address':
      case 'ikev2-peer-hostname':
      case 'ikev2-peer-identity':
      case 'ikev2-peer-key': {
        const peer = peerAt.get(section)?.peer;
        if (!peer) break;
        if (s.kind === 'ikev2-peer-address') peer.address = { match: s.match, line: s.line };
        else if (s.kind === 'ikev2-peer-hostname') peer.hostname = { name: s.name, line: s.line };
        else if (s.kind === 'ikev2-peer-identity') peer.identity = { identity: s.identity, line: s.line };
        else {
          const key = { key: s.key, line: s.line };
          if (s.side !== 'remote') peer.localKey = key;
          if (s.side !== 'local') peer.remoteKey = key;
        }
        break;
      }
      case 'ikev2-profile': {
        const p = profiles.get(s.name) ?? newProfile(s.name, s.line);
        profiles.set(s.name, p);
        profileAt.set(s.line, p);
        break;
      }
      case 'ikev2-profile-match-identity':
      case 'ikev2-profile-identity-local':
      case 'ikev2-profile-auth':
      case 'ikev2-profile-keyring':
      case 'ikev2-profile-trustpoint':
      case 'ikev2-profile-lifetime':
      case 'ikev2-profile-dpd':
      case 'ikev2-profile-virtual-template':
      case 'ikev2-profile-fvrf': {
        const p = profileAt.get(section);
        if (p) applyProfile(p, s);
        break;
      }
      case 'ikev2-global-dpd':
        globalDpd = set(s.dpd, s.line);
        break;
      case 'ikev2-authorization-policy':
        authorizationPolicies.push({ name: s.name, line: s.line });
        break;
      case 'ikev2-option': {
        // a profile's own, else the router's (global, or an authorization policy's attribute)
        const p = profileAt.get(section);
        (p ? p.options : options).push({ words: s.words, line: s.line });
        break;
      }
      default:
        break;
    }
  }

  // A profile without its own dpd line takes the global one.
  for (const p of profiles.values()) if (p.dpd.isDefault && globalDpd.value !== null) p.dpd = { ...globalDpd };
  for (const p of proposals.values()) {
    // IOS derives the PRF from the integrity algorithms when a non-AEAD proposal sets none.
    if (p.prf.isDefault) p.prf = { ...p.integrity, isDefault: true, line: null };
    p.refused = refusalOf(p, release, shieldDisabled);
  }
  const ordered = [...proposals.values()];
  // `crypto ikev2 proposal default` typed in the config replaces the smart default one; `no crypto ikev2 proposal default` removes it.
  if (!proposals.has('default') && !removed.proposal) ordered.push(defaultProposal(release));
  return {
    configured,
    proposals: ordered,
    policies: policies.size > 0 || removed.policy ? [...policies.values()] : [defaultPolicy()],
    keyrings: [...keyrings.values()],
    profiles: [...profiles.values()],
    globalDpd,
    authorizationPolicies,
    options,
  };
}

function applyProfile(p: Ikev2Profile, s: ConfigStatement): void {
  switch (s.kind) {
    case 'ikev2-profile-match-identity':
      p.matches.push({ ...s.match, line: s.line });
      break;
    case 'ikev2-profile-identity-local':
      p.localIdentity = set(s.identity, s.line);
      break;
    case 'ikev2-profile-auth':
      if (s.side === 'local') p.localAuth = set(s.method, s.line);
      else if (!p.remoteAuth.value.includes(s.method)) p.remoteAuth = set([...p.remoteAuth.value, s.method], s.line);
      if (s.key !== null) p.inlineKeys.push({ side: s.side, key: s.key, line: s.line });
      break;
    case 'ikev2-profile-keyring':
      p.keyring = set({ kind: s.source, name: s.name }, s.line);
      break;
    case 'ikev2-profile-trustpoint':
      p.trustpoints.push({ name: s.name, line: s.line });
      break;
    case 'ikev2-profile-lifetime':
      p.lifetimeSeconds = set(s.seconds, s.line);
      break;
    case 'ikev2-profile-dpd':
      p.dpd = set(s.dpd, s.line);
      break;
    case 'ikev2-profile-virtual-template':
      p.virtualTemplate = { number: s.number, line: s.line };
      break;
    case 'ikev2-profile-fvrf':
      p.fvrf = set(s.vrf, s.line);
      break;
    default:
      break;
  }
}
