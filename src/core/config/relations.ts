/**
 * Which config lines a message of the negotiation depends on: the seed's "Related configuration" made
 * systematic. Plain inputs (a message name, an attribute, the peer address) so the log analysis can call it
 * without this module knowing its types.
 */
import type { ExchangeMessageName } from '../ike/messages.ts';
import { parseIp, matchesAddress } from './address.ts';
import type { EffectiveConfig, IsakmpPolicy, Setting } from './model.ts';
import { phase2Sources, transformSetsOf, type Phase2Source } from './phase2-sources.ts';

export const configAttributes = [
  'encryption',
  'hash',
  'group',
  'auth',
  'lifetime',
  'psk',
  'identity',
  'nat',
  'keepalive',
  'transform',
  'encapsulation',
  'proxies',
  'pfs',
  'sa-lifetime',
  'tunnel',
] as const;
export type ConfigAttribute = (typeof configAttributes)[number];

/** One config line (or IOS default, line null) that a message or attribute depends on, and why. */
export interface ConfigRelation {
  attribute: ConfigAttribute;
  line: number | null;
  isDefault: boolean;
  why: string;
  /** The header of the block the setting sits in (`crypto isakmp policy 10`): context, not what decides it. */
  context?: true;
}

export interface RelationQuery {
  message: ExchangeMessageName;
  attribute?: ConfigAttribute;
  /** The peer's address as the log prints it; narrows keys, crypto map entries and tunnels to that peer. */
  peer?: string | null;
}

const byMessage: Record<ExchangeMessageName, readonly ConfigAttribute[]> = {
  MM1: ['encryption', 'hash', 'group', 'auth', 'lifetime', 'psk'],
  MM2: ['encryption', 'hash', 'group', 'auth', 'lifetime', 'psk'],
  MM3: ['group', 'psk', 'nat'],
  MM4: ['group', 'psk', 'nat'],
  MM5: ['identity', 'psk', 'keepalive'],
  MM6: ['identity', 'psk', 'keepalive'],
  AM1: ['encryption', 'hash', 'group', 'auth', 'lifetime', 'psk', 'identity'],
  AM2: ['encryption', 'hash', 'group', 'auth', 'lifetime', 'psk', 'identity', 'nat'],
  AM3: ['identity', 'psk'],
  QM1: ['transform', 'encapsulation', 'proxies', 'pfs', 'sa-lifetime', 'tunnel'],
  QM2: ['transform', 'encapsulation', 'proxies', 'pfs', 'sa-lifetime', 'tunnel'],
  QM3: ['sa-lifetime', 'tunnel'],
  NOTIFY: ['lifetime', 'sa-lifetime', 'keepalive'],
  DELETE: ['lifetime', 'sa-lifetime', 'keepalive'],
};

/** The attributes a message carries or depends on. */
export function attributesOf(message: ExchangeMessageName): readonly ConfigAttribute[] {
  return byMessage[message];
}

type PolicyField = 'encryption' | 'hash' | 'group' | 'auth' | 'lifetimeSeconds';

function policyRelations(cfg: EffectiveConfig, attribute: ConfigAttribute, field: PolicyField): ConfigRelation[] {
  const out: ConfigRelation[] = [];
  for (const p of cfg.policies) {
    out.push({ attribute, line: p.line, isDefault: p.line === null, why: p.line === null ? "IOS's default protection suite (no policy configured)" : `ISAKMP policy ${p.priority}`, context: true });
    const setting: Setting<unknown> = p[field];
    out.push(fromSetting(attribute, setting, p.line, `${attrLabel[attribute]} ${settingText(p, field)}`));
  }
  return out;
}

const attrLabel: Record<ConfigAttribute, string> = {
  encryption: 'encryption',
  hash: 'hash',
  group: 'DH group',
  auth: 'authentication',
  lifetime: 'lifetime',
  psk: 'pre-shared key',
  identity: 'identity',
  nat: 'NAT keepalive',
  keepalive: 'keepalive (DPD)',
  transform: 'transform set',
  encapsulation: 'encapsulation mode',
  proxies: 'proxy identities',
  pfs: 'PFS',
  'sa-lifetime': 'SA lifetime',
  tunnel: 'tunnel',
};

function settingText(p: IsakmpPolicy, field: PolicyField): string {
  if (field === 'encryption') return p.encryption.value === 'aes' ? `aes ${p.keyLength.value ?? 128}` : p.encryption.value;
  if (field === 'lifetimeSeconds') return `${p.lifetimeSeconds.value} s`;
  return String(p[field].value);
}

/** A relation for a setting: its own line, or (for an IOS default) the header line where it could be set. */
export function fromSetting(attribute: ConfigAttribute, setting: Setting<unknown>, header: number | null, what: string): ConfigRelation {
  if (!setting.isDefault) return { attribute, line: setting.line, isDefault: false, why: what };
  return { attribute, line: header, isDefault: true, why: `${what} (IOS default, not configured)` };
}

function keyRelations(cfg: EffectiveConfig, peer: string | null | undefined): ConfigRelation[] {
  const ip = peer ? parseIp(peer) : null;
  const keys = cfg.keys.filter((k) => !ip || (k.peer.kind === 'address' && matchesAddress(k.peer.match, ip)) || k.peer.kind === 'hostname');
  const out: ConfigRelation[] = [];
  for (const k of keys) {
    if (k.keyring !== null) {
      const ring = cfg.keyrings.find((r) => r.name === k.keyring);
      if (ring) out.push({ attribute: 'psk', line: ring.line, isDefault: false, why: `keyring ${ring.name}` });
    }
    out.push({ attribute: 'psk', line: k.line, isDefault: false, why: 'pre-shared key for this peer' });
  }
  return out;
}

function identityRelations(cfg: EffectiveConfig): ConfigRelation[] {
  const out: ConfigRelation[] = [];
  if (cfg.identity.isDefault) out.push({ attribute: 'identity', line: null, isDefault: true, why: 'crypto isakmp identity address (IOS default)' });
  else out.push({ attribute: 'identity', line: cfg.identity.line, isDefault: false, why: `crypto isakmp identity ${cfg.identity.value}` });
  for (const p of cfg.isakmpProfiles) {
    out.push({ attribute: 'identity', line: p.line, isDefault: false, why: `ISAKMP profile ${p.name}` });
    for (const m of p.matches) out.push({ attribute: 'identity', line: m.line, isDefault: false, why: 'peer identity this profile matches' });
    if (!p.selfIdentity.isDefault) out.push({ attribute: 'identity', line: p.selfIdentity.line, isDefault: false, why: 'identity this router sends' });
  }
  return out;
}

export function phase2Relations(cfg: EffectiveConfig, attribute: ConfigAttribute, sources: readonly Phase2Source[]): ConfigRelation[] {
  const out: ConfigRelation[] = [];
  const push = (line: number | null, why: string, isDefault = false) => out.push({ attribute, line, isDefault, why });
  for (const source of sources) {
    const where = source.kind === 'tunnel' ? `interface ${source.iface.name}` : `crypto ${source.entry.method === 'dynamic' ? 'dynamic-map' : 'map'} ${source.entry.map} ${source.entry.seq}`;
    const policy = source.policy;
    const policyHeader = source.kind === 'tunnel' ? (source.profile?.line ?? null) : source.entry.line;
    const vtiTunnel = source.kind === 'tunnel' ? source.iface.tunnel : null;
    switch (attribute) {
      case 'transform':
      case 'encapsulation': {
        if (policyHeader !== null) push(policyHeader, source.kind === 'tunnel' ? `IPsec profile ${source.profile?.name ?? ''}` : where);
        if (policy) out.push(fromSetting(attribute, policy.transformSets, policyHeader, 'transform sets proposed'));
        for (const t of transformSetsOf(cfg, policy)) {
          push(t.line, `transform set ${t.name}: ${t.transforms.join(' ')}`);
          if (attribute === 'encapsulation' || !t.mode.isDefault) out.push(fromSetting(attribute, t.mode, t.line, `mode ${t.mode.value}`));
        }
        if (source.kind === 'tunnel') {
          push(source.iface.line, where);
          if (vtiTunnel) out.push(fromSetting(attribute, vtiTunnel.mode, source.iface.line, `tunnel mode ${vtiTunnel.mode.value}`));
          if (vtiTunnel?.protection) push(vtiTunnel.protection.line, `tunnel protection ipsec profile ${vtiTunnel.protection.profile}`);
        }
        break;
      }
      case 'proxies':
        if (source.kind === 'crypto-map') {
          push(source.entry.line, where);
          if (source.entry.acl) push(source.entry.acl.line, `match address ${source.entry.acl.name}`);
          if (source.acl?.line) push(source.acl.line, `access list ${source.acl.name}`);
          for (const e of source.acl?.entries ?? []) if (e.entry.action === 'permit') push(e.line, 'traffic to protect (proxy identities)');
        } else {
          push(source.iface.line, where);
          if (vtiTunnel) out.push(fromSetting(attribute, vtiTunnel.mode, source.iface.line, `tunnel mode ${vtiTunnel.mode.value}: proxies are any/any`));
        }
        break;
      case 'pfs':
        if (policy) out.push(fromSetting(attribute, policy.pfsGroup, policyHeader, policy.pfsGroup.value === null ? 'no PFS' : `PFS group ${policy.pfsGroup.value}`));
        break;
      case 'sa-lifetime':
        if (policy) {
          out.push(fromSetting(attribute, policy.lifetimeSeconds, policyHeader, `SA lifetime ${policy.lifetimeSeconds.value} s`));
          out.push(fromSetting(attribute, policy.lifetimeKilobytes, policyHeader, `SA lifetime ${policy.lifetimeKilobytes.value} KB`));
        }
        break;
      case 'tunnel':
        if (source.kind === 'tunnel') {
          push(source.iface.line, where);
          const t = source.iface.tunnel;
          if (t?.source) push(t.source.line, `tunnel source ${t.source.value}`);
          if (t?.destination) push(t.destination.line, `tunnel destination ${t.destination.address}`);
          if (t) out.push(fromSetting(attribute, t.mode, source.iface.line, `tunnel mode ${t.mode.value}`));
          if (t?.protection) push(t.protection.line, `tunnel protection ipsec profile ${t.protection.profile}`);
        } else {
          push(source.entry.line, where);
          if (source.appliedBy) push(source.appliedBy.line, `crypto map ${source.appliedBy.map} ${source.appliedBy.seq} applies dynamic map ${source.entry.map}`);
          const local = cfg.mapLocalAddresses.find((m) => m.map === (source.appliedBy ?? source.entry).map);
          if (local) push(local.line, `crypto map ${local.map} local-address ${local.iface}: IKE runs from that interface's address`);
          for (const p of source.entry.peers) push(p.line, `set peer ${p.address}`);
          for (const i of source.interfaces) {
            push(i.line, `interface ${i.name}`);
            if (i.cryptoMap) push(i.cryptoMap.line, `crypto map ${i.cryptoMap.name} applied`);
          }
        }
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
      return policyRelations(cfg, attribute, 'encryption');
    case 'hash':
      return policyRelations(cfg, attribute, 'hash');
    case 'group':
      return policyRelations(cfg, attribute, 'group');
    case 'auth':
      return policyRelations(cfg, attribute, 'auth');
    case 'lifetime':
      return policyRelations(cfg, attribute, 'lifetimeSeconds');
    case 'psk':
      return cfg.policies.some((p) => p.auth.value === 'pre-share') ? keyRelations(cfg, peer) : [];
    case 'identity':
      return identityRelations(cfg);
    case 'nat':
      return cfg.natKeepalive.isDefault ? [] : [{ attribute, line: cfg.natKeepalive.line, isDefault: false, why: `NAT keepalive ${cfg.natKeepalive.value ?? ''} s` }];
    case 'keepalive': {
      const global: ConfigRelation[] = cfg.keepalive.isDefault ? [] : [{ attribute, line: cfg.keepalive.line, isDefault: false, why: 'ISAKMP keepalive (DPD)' }];
      // A profile's own `keepalive` (or `no keepalive`) is its peers' DPD, over the global one.
      const profiles = cfg.isakmpProfiles.filter((p) => !p.keepalive.isDefault);
      return [...global, ...profiles.map((p): ConfigRelation => ({ attribute, line: p.keepalive.line, isDefault: false, why: `ISAKMP profile ${p.name}'s keepalive (DPD)` }))];
    }
    default:
      return phase2Relations(cfg, attribute, phase2Sources(cfg, peer));
  }
}

/** The relations of some attributes, each decided once: deduplicated, in attribute then line order. */
export function uniqueRelations(attributes: readonly ConfigAttribute[], relationsOf: (attribute: ConfigAttribute) => readonly ConfigRelation[]): ConfigRelation[] {
  const seen = new Set<string>();
  const out: ConfigRelation[] = [];
  for (const attribute of attributes) {
    for (const r of relationsOf(attribute)) {
      const key = `${r.attribute}:${r.line ?? 'default'}:${r.isDefault}:${r.isDefault ? r.why : ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(r);
    }
  }
  return out;
}

/** The config relations of a message (or of one attribute of it), deduplicated, in attribute then line order. */
export function configRelations(cfg: EffectiveConfig, query: RelationQuery): ConfigRelation[] {
  const attributes = query.attribute ? [query.attribute] : byMessage[query.message];
  return uniqueRelations(attributes, (attribute) => relationsFor(cfg, attribute, query.peer));
}

/** Just the line numbers of some relations, sorted, without duplicates. */
export function linesOf(relations: readonly ConfigRelation[]): number[] {
  const lines = new Set<number>();
  for (const r of relations) if (r.line !== null) lines.add(r.line);
  return [...lines].sort((a, b) => a - b);
}

/** Just the line numbers a message (or attribute) depends on, sorted, without duplicates. */
export function relatedLines(cfg: EffectiveConfig, query: RelationQuery): number[] {
  return linesOf(configRelations(cfg, query));
}

/** Where an attribute's value is decided: the lines that set it, and the blocks whose unsaid IOS default does. */
export interface DecidingLines {
  lines: number[];
  /** Header lines of the blocks (0: the router as a whole) whose implicit default line decides it. */
  defaultsIn: number[];
}

/** The lines of some relations that decide their attribute, without the block headers around them. */
export function decidingOf(relations: readonly ConfigRelation[]): DecidingLines {
  const lines = new Set<number>();
  const defaultsIn = new Set<number>();
  for (const r of relations) {
    if (r.context) continue;
    if (r.isDefault) defaultsIn.add(r.line ?? 0);
    else if (r.line !== null) lines.add(r.line);
  }
  return { lines: [...lines].sort((a, b) => a - b), defaultsIn: [...defaultsIn].sort((a, b) => a - b) };
}

/** The lines that decide one attribute, without the block headers around them. */
export function decidingLines(cfg: EffectiveConfig, query: RelationQuery & { attribute: ConfigAttribute }): DecidingLines {
  return decidingOf(configRelations(cfg, query));
}
