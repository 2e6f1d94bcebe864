/**
 * Which config lines an IKEv2 message depends on, by attribute: IKE_SA_INIT on the policy and the proposals it
 * offers, IKE_AUTH on the profile the peer selects (identities, authentication, keyring and key) and on the
 * child SA's IPsec profile or crypto map (transform sets, traffic selectors), CREATE_CHILD_SA on the child SA's
 * settings and PFS, INFORMATIONAL on DPD and the lifetimes. The attributes are IKEv1's, where the meaning is the same.
 */
import type { Ikev2MessageName } from '../ike/messages.ts';
import { lookupTable } from '../ike/lookup-table.ts';
import { matchesAddress, parseIp } from './address.ts';
import type { Ikev2Profile, Ikev2Proposal } from './ikev2-model.ts';
import type { EffectiveConfig } from './model.ts';
import { phase2Sources } from './phase2-sources.ts';
import { fromSetting, phase2Relations, uniqueRelations, type ConfigAttribute, type ConfigRelation } from './relations.ts';

const exchangeAttributes = lookupTable<readonly ConfigAttribute[]>({
  IKE_SA_INIT: ['encryption', 'hash', 'group'],
  IKE_AUTH: ['identity', 'auth', 'psk', 'lifetime', 'keepalive', 'transform', 'encapsulation', 'proxies', 'sa-lifetime', 'tunnel'],
  CREATE_CHILD_SA: ['transform', 'encapsulation', 'proxies', 'pfs', 'sa-lifetime'],
  INFORMATIONAL: ['keepalive', 'lifetime', 'sa-lifetime'],
});

/** The attributes an IKEv2 message carries or depends on; a response depends on what its request does. */
export function ikev2AttributesOf(message: Ikev2MessageName): readonly ConfigAttribute[] {
  return exchangeAttributes[message.split('.')[0] ?? ''] ?? [];
}

/** The IPsec profiles and crypto map entries that negotiate with IKEv2 for `peer`. */
function ikev2Sources(cfg: EffectiveConfig, peer: string | null | undefined) {
  return phase2Sources(cfg, peer).filter((s) => s.policy?.ikev2Profile.value != null);
}

/** The profiles used with `peer`: those its IPsec profiles or crypto map entries name, and those matching its address. */
export function ikev2ProfilesFor(cfg: EffectiveConfig, peer: string | null | undefined): Ikev2Profile[] {
  const named = new Set(ikev2Sources(cfg, peer).map((s) => s.policy?.ikev2Profile.value));
  const ip = peer ? parseIp(peer) : null;
  const matching = (p: Ikev2Profile) => p.matches.some((m) => m.kind === 'any' || (m.kind === 'address' && m.match !== null && ip !== null && matchesAddress(m.match, ip)));
  const found = cfg.ikev2.profiles.filter((p) => named.has(p.name) || matching(p));
  return found.length > 0 || ip !== null ? found : cfg.ikev2.profiles;
}

/** The proposals the policies offer, each policy's header first; the default policy and proposal are IOS defaults. */
function proposalRelations(cfg: EffectiveConfig, attribute: ConfigAttribute): ConfigRelation[] {
  const out: ConfigRelation[] = [];
  const byName = new Map(cfg.ikev2.proposals.map((p) => [p.name, p]));
  for (const policy of cfg.ikev2.policies) {
    if (policy.line === null) out.push({ attribute, line: null, isDefault: true, why: 'IKEv2 default policy (no policy configured): the default proposal', context: true });
    else out.push({ attribute, line: policy.line, isDefault: false, why: `IKEv2 policy ${policy.name}`, context: true });
    for (const named of policy.proposals) {
      if (named.line !== null) out.push({ attribute, line: named.line, isDefault: false, why: `proposal ${named.name}`, context: true });
      const proposal = byName.get(named.name);
      if (proposal) for (const r of proposalSetting(proposal, attribute)) out.push(r);
    }
  }
  return out;
}

function proposalSetting(p: Ikev2Proposal, attribute: ConfigAttribute): ConfigRelation[] {
  const what = (label: string, values: readonly (string | number)[]) => `${label} ${values.join(' ')} (proposal ${p.name})`;
  if (p.line === null) {
    // The smart default proposal: decided by the router as a whole (its implicit lines sit at block 0).
    const values = attribute === 'encryption' ? p.encryption.value : attribute === 'group' ? p.groups.value : [...p.integrity.value, ...p.prf.value];
    return [{ attribute, line: null, isDefault: true, why: `${what(attribute, values)}: IOS smart default` }];
  }
  switch (attribute) {
    case 'encryption':
      return [fromSetting(attribute, p.encryption, p.line, what('encryption', p.encryption.value))];
    case 'group':
      return [fromSetting(attribute, p.groups, p.line, what('group', p.groups.value))];
    case 'hash':
      return [fromSetting(attribute, p.integrity, p.line, what('integrity', p.integrity.value)), fromSetting(attribute, p.prf, p.line, what('prf', p.prf.value))];
    default:
      return [];
  }
}

/** The keyring peers a profile's keys come from for `peer` (all of them when the log names no address). */
function keyRelations(cfg: EffectiveConfig, profile: Ikev2Profile, peer: string | null | undefined): ConfigRelation[] {
  const out: ConfigRelation[] = [];
  for (const k of profile.inlineKeys) out.push({ attribute: 'psk', line: k.line, isDefault: false, why: `${k.side} pre-shared key on the authentication line` });
  const ring = profile.keyring.value;
  if (ring === null || ring.kind !== 'local') return out;
  out.push({ attribute: 'psk', line: profile.keyring.line, isDefault: false, why: `keyring local ${ring.name}` });
  const keyring = cfg.ikev2.keyrings.find((k) => k.name === ring.name);
  if (!keyring) return out;
  out.push({ attribute: 'psk', line: keyring.line, isDefault: false, why: `IKEv2 keyring ${keyring.name}`, context: true });
  const ip = peer ? parseIp(peer) : null;
  for (const p of keyring.peers) {
    if (ip && p.address && !matchesAddress(p.address.match, ip)) continue;
    out.push({ attribute: 'psk', line: p.line, isDefault: false, why: `keyring peer ${p.name}`, context: true });
    if (p.address) out.push({ attribute: 'psk', line: p.address.line, isDefault: false, why: 'the peer this key is for' });
    if (p.localKey) out.push({ attribute: 'psk', line: p.localKey.line, isDefault: false, why: 'pre-shared key this router signs with' });
    if (p.remoteKey && p.remoteKey.line !== p.localKey?.line) out.push({ attribute: 'psk', line: p.remoteKey.line, isDefault: false, why: "pre-shared key the peer's AUTH is checked with" });
  }
  return out;
}

function profileRelations(cfg: EffectiveConfig, attribute: ConfigAttribute, peer: string | null | undefined): ConfigRelation[] {
  const out: ConfigRelation[] = [];
  for (const p of ikev2ProfilesFor(cfg, peer)) {
    out.push({ attribute, line: p.line, isDefault: false, why: `IKEv2 profile ${p.name}`, context: true });
    for (const source of ikev2Sources(cfg, peer)) {
      const named = source.policy?.ikev2Profile;
      if (named?.value === p.name) out.push({ attribute, line: named.line, isDefault: false, why: `set ikev2-profile ${p.name}: the profile these SAs are negotiated with`, context: true });
    }
    switch (attribute) {
      case 'identity':
        for (const m of p.matches) out.push({ attribute, line: m.line, isDefault: false, why: "the peer's identity this profile matches" });
        out.push(fromSetting(attribute, p.localIdentity, p.line, p.localIdentity.value ? `identity local ${p.localIdentity.value.kind} ${p.localIdentity.value.value}` : 'identity local address'));
        break;
      case 'auth':
        out.push(fromSetting(attribute, p.localAuth, p.line, `authentication local ${p.localAuth.value ?? '(none)'}`));
        out.push(fromSetting(attribute, p.remoteAuth, p.line, `authentication remote ${p.remoteAuth.value.join(' ') || '(none)'}`));
        for (const t of p.trustpoints) out.push({ attribute, line: t.line, isDefault: false, why: `pki trustpoint ${t.name}` });
        break;
      case 'psk':
        for (const r of keyRelations(cfg, p, peer)) out.push(r);
        break;
      case 'lifetime':
        out.push(fromSetting(attribute, p.lifetimeSeconds, p.line, `IKEv2 SA lifetime ${p.lifetimeSeconds.value} s`));
        break;
      case 'keepalive':
        if (!p.dpd.isDefault) out.push(fromSetting(attribute, p.dpd, p.line, `dpd ${p.dpd.value?.intervalSeconds ?? ''} ${p.dpd.value?.retrySeconds ?? ''} ${p.dpd.value?.mode ?? ''}`));
        break;
      default:
        break;
    }
  }
  return out;
}

function relationsFor(cfg: EffectiveConfig, attribute: ConfigAttribute, peer: string | null | undefined): ConfigRelation[] {
  switch (attribute) {
    case 'encryption':
    case 'hash':
    case 'group':
      return proposalRelations(cfg, attribute);
    case 'identity':
    case 'auth':
    case 'psk':
    case 'lifetime':
    case 'keepalive':
      return profileRelations(cfg, attribute, peer);
    default:
      return phase2Relations(cfg, attribute, ikev2Sources(cfg, peer));
  }
}

/** The config relations of an IKEv2 message (or one attribute of it), deduplicated, in attribute then line order. */
export function ikev2ConfigRelations(cfg: EffectiveConfig, query: { message: Ikev2MessageName; attribute?: ConfigAttribute; peer?: string | null }): ConfigRelation[] {
  const attributes = query.attribute ? [query.attribute] : ikev2AttributesOf(query.message);
  return uniqueRelations(attributes, (attribute) => relationsFor(cfg, attribute, query.peer));
}
