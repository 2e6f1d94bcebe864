/**
 * Where a log and a config seem to disagree, say why. The seed's case: its transform set says
 * `mode transport`, yet its VTI's Quick Mode proposes Tunnel encapsulation.
 */
import { encryptionWord, authWord, hashWord, sameTransforms, splitTransforms } from './observed.ts';
import type { EffectiveConfig, IsakmpPolicy, Setting, TransformSet } from './model.ts';
import { isVti, phase2Sources, transformSetsOf, type Phase2Source } from './phase2-sources.ts';
import type { ConfigAttribute } from './relations.ts';

export type Encapsulation = 'tunnel' | 'transport' | 'tunnel-udp' | 'transport-udp';

/** What a log showed, in the log's own words; every field optional. */
export interface Observed {
  /** The peer's address, to pick the crypto map entry or tunnel. */
  peer?: string | null;
  /** The phase 1 proposal (MM1/AM1), e.g. `{ encryption: 'AES-CBC', keyLength: 256, hash: 'SHA', group: 14, auth: 'pre-share', lifetimeSeconds: 86400 }`. */
  proposal?: {
    encryption?: string | null;
    keyLength?: number | null;
    hash?: string | null;
    group?: number | null;
    auth?: string | null;
    lifetimeSeconds?: number | null;
  } | null;
  encapsulation?: Encapsulation | null;
  /** `esp-aes esp-sha-hmac`. */
  transform?: string | null;
  pfsGroup?: number | null;
  /** The phase 2 lifetime the SA was installed with. */
  saLifetimeSeconds?: number | null;
}

/** One explanation: the topic, whether log and config agree once IOS's rules are applied, why, and the lines. */
export interface Explanation {
  topic: ConfigAttribute;
  agrees: boolean;
  summary: string;
  lines: number[];
}

function lineOf(setting: Setting<unknown>, header: number | null): number[] {
  const line = setting.isDefault ? header : setting.line;
  return line === null ? [] : [line];
}

function uniq(lines: readonly number[]): number[] {
  return [...new Set(lines)].sort((a, b) => a - b);
}

function valueText(value: string, s: Setting<unknown>): string {
  return s.isDefault ? `${value} (IOS default)` : value;
}

function explainProposal(cfg: EffectiveConfig, p: NonNullable<Observed['proposal']>): Explanation | null {
  const enc = p.encryption ? encryptionWord(p.encryption) : null;
  const hash = p.hash ? hashWord(p.hash) : null;
  const auth = p.auth ? authWord(p.auth) : null;
  const differences = (policy: IsakmpPolicy): string[] => {
    const d: string[] = [];
    if (enc && enc !== policy.encryption.value) d.push(`encryption ${policy.encryption.value} vs ${enc}`);
    if (enc === 'aes' && p.keyLength && p.keyLength !== policy.keyLength.value) d.push(`key length ${policy.keyLength.value ?? '-'} vs ${p.keyLength}`);
    if (hash && hash !== policy.hash.value) d.push(`hash ${policy.hash.value} vs ${hash}`);
    if (typeof p.group === 'number' && p.group !== policy.group.value) d.push(`group ${policy.group.value} vs ${p.group}`);
    if (auth && auth !== policy.auth.value) d.push(`authentication ${policy.auth.value} vs ${auth}`);
    return d;
  };
  if (!enc && !hash && !auth && typeof p.group !== 'number') return null;
  const match = cfg.policies.find((policy) => differences(policy).length === 0);
  if (match) {
    const parts = [
      valueText(match.encryption.value === 'aes' ? `AES ${match.keyLength.value ?? 128}` : match.encryption.value.toUpperCase(), match.encryption),
      valueText(match.hash.value.toUpperCase(), match.hash),
      valueText(`group ${match.group.value}`, match.group),
      valueText(match.auth.value, match.auth),
      valueText(`${match.lifetimeSeconds.value} s`, match.lifetimeSeconds),
    ];
    let summary = `The proposal is policy ${match.priority}: ${parts.join(', ')}.`;
    if (typeof p.lifetimeSeconds === 'number' && p.lifetimeSeconds !== match.lifetimeSeconds.value) {
      summary += ` The lifetime differs (${p.lifetimeSeconds} s seen): lifetimes need not match, the shorter one is used.`;
    }
    const header = match.line;
    const lines = [header, ...lineOf(match.encryption, header), ...lineOf(match.hash, header), ...lineOf(match.group, header), ...lineOf(match.auth, header), ...lineOf(match.lifetimeSeconds, header)];
    return { topic: 'encryption', agrees: true, summary, lines: uniq(lines.filter((l): l is number => l !== null)) };
  }
  const detail = cfg.policies.map((policy) => `policy ${policy.priority}: ${differences(policy).join(', ')}`).join('; ');
  return {
    topic: 'encryption',
    agrees: false,
    summary: `No ISAKMP policy of this router has these values (${detail}): if the peer sent them, this router rejects the proposal; if this router sent them, its config has changed since.`,
    lines: uniq(cfg.policies.flatMap((policy) => (policy.line === null ? [] : [policy.line]))),
  };
}

function modeLines(sets: readonly TransformSet[]): number[] {
  return sets.flatMap((t) => lineOf(t.mode, t.line));
}

function explainEncapsulation(cfg: EffectiveConfig, observed: Encapsulation, sources: readonly Phase2Source[]): Explanation | null {
  const udp = observed.endsWith('-udp');
  const mode = udp ? observed.slice(0, -4) : observed;
  const natNote = udp
    ? ` The '-UDP' form means NAT-T: a NAT was detected between the peers in MM3/MM4, so ESP travels in UDP 4500${cfg.natKeepalive.value === null ? '' : ` (NAT keepalive ${cfg.natKeepalive.value} s)`}.`
    : '';
  const natLines = udp && cfg.natKeepalive.line !== null ? [cfg.natKeepalive.line] : [];
  for (const source of sources) {
    const sets = transformSetsOf(cfg, source.policy);
    if (sets.length === 0) continue;
    const transport = sets.some((t) => t.mode.value === 'transport');
    const allTransport = sets.every((t) => t.mode.value === 'transport');
    if (source.kind === 'tunnel' && isVti(source.iface)) {
      const tunnelMode = source.iface.tunnel?.mode;
      const lines = uniq([...modeLines(sets), ...(tunnelMode ? lineOf(tunnelMode, source.iface.line) : []), ...natLines]);
      if (mode === 'tunnel') {
        const why = transport
          ? `The transform set says 'mode transport', but interface ${source.iface.name} is a static VTI ('tunnel mode ${tunnelMode?.value ?? 'ipsec'}'): a VTI always negotiates tunnel mode, because its proxies are any/any (0.0.0.0/0 or ::/0) and not the two tunnel endpoints, so transport mode cannot carry the traffic. IOS ignores the transform set's mode here.`
          : `Interface ${source.iface.name} is a static VTI: it always negotiates tunnel mode.`;
        return { topic: 'encapsulation', agrees: true, summary: why + natNote, lines };
      }
      return {
        topic: 'encapsulation',
        agrees: false,
        summary: `Transport mode was negotiated, but interface ${source.iface.name} is a static VTI, which always proposes and requires tunnel mode: the log is probably not of this tunnel.${natNote}`,
        lines,
      };
    }
    const lines = uniq([...modeLines(sets), ...(source.kind === 'crypto-map' && source.entry.acl ? [source.entry.acl.line] : []), ...natLines]);
    if (mode === 'tunnel' && transport) {
      const required = sets.some((t) => t.mode.value === 'transport' && t.requireMode);
      if (required && allTransport) {
        return { topic: 'encapsulation', agrees: false, summary: `Every transform set says 'mode transport require', yet tunnel mode was negotiated: the SA cannot come from this config.${natNote}`, lines };
      }
      return {
        topic: 'encapsulation',
        agrees: true,
        summary: `The transform set asks for transport mode, yet tunnel mode was negotiated: IOS offers transport only when the protected traffic runs between the two peers' own addresses (GRE over IPsec, an ACL such as 'permit gre host A host B'); for any other traffic it falls back to tunnel mode. 'mode transport require' would refuse the fallback.${natNote}`,
        lines,
      };
    }
    if (mode === 'transport' && !transport) {
      return {
        topic: 'encapsulation',
        agrees: true,
        summary: `This router's transform set is in tunnel mode${sets.every((t) => t.mode.isDefault) ? ' (the IOS default)' : ''}, yet transport mode was negotiated: the peer proposed transport ('mode transport' on its side) for traffic between the two peers' own addresses, and IOS accepts that.${natNote}`,
        lines,
      };
    }
    return { topic: 'encapsulation', agrees: true, summary: `${mode === 'tunnel' ? 'Tunnel' : 'Transport'} mode, as the transform set says.${natNote}`, lines };
  }
  return null;
}

function explainTransform(cfg: EffectiveConfig, observed: string, sources: readonly Phase2Source[]): Explanation {
  const seen = splitTransforms(observed);
  const used = sources.flatMap((s) => transformSetsOf(cfg, s.policy));
  // An excerpt may hold transform sets that no crypto map or profile names yet.
  const sets = used.length > 0 ? used : cfg.transformSets;
  const match = sets.find((t) => sameTransforms(t.transforms, seen));
  const setLines = sources.flatMap((s) => lineOf(s.policy?.transformSets ?? { value: [], line: null, isDefault: true }, s.header));
  if (match) {
    return { topic: 'transform', agrees: true, summary: `Transform set ${match.name} (${match.transforms.join(' ')}).`, lines: uniq([match.line, ...setLines]) };
  }
  const configured = sets.map((t) => `${t.name}: ${t.transforms.join(' ')}`).join('; ') || 'none';
  return {
    topic: 'transform',
    agrees: false,
    summary: `No transform set used with this peer is '${seen.join(' ')}' (configured: ${configured}): if the peer proposed it, this router rejects it (P2_TRANSFORM_MISMATCH).`,
    lines: uniq([...sets.map((t) => t.line), ...setLines]),
  };
}

function explainPfs(observed: number | null, sources: readonly Phase2Source[]): Explanation | null {
  const source = sources.find((s) => s.policy !== null);
  if (!source?.policy) return null;
  const pfs = source.policy.pfsGroup;
  const lines = lineOf(pfs, source.kind === 'tunnel' ? (source.profile?.line ?? null) : source.header);
  if (pfs.value === observed) {
    return { topic: 'pfs', agrees: true, summary: observed === null ? 'No PFS on either side.' : `PFS group ${observed}, as configured.`, lines };
  }
  if (pfs.value === null) {
    return {
      topic: 'pfs',
      agrees: true,
      summary: `This router has no 'set pfs', yet the exchange carried PFS group ${observed ?? ''}: the peer initiated with PFS, and an IOS responder without PFS accepts it. Initiated from this side, the peer would reject a proposal without PFS.`,
      lines,
    };
  }
  if (observed === null) {
    return {
      topic: 'pfs',
      agrees: false,
      summary: `This router requires PFS group ${pfs.value} but the exchange carried none: as responder it rejects such a Quick Mode (P2_PFS_MISMATCH).`,
      lines,
    };
  }
  return { topic: 'pfs', agrees: false, summary: `This router's PFS group is ${pfs.value}, the exchange used group ${observed}: the groups must match.`, lines };
}

function explainSaLifetime(observed: number, sources: readonly Phase2Source[]): Explanation | null {
  const source = sources.find((s) => s.policy !== null);
  if (!source?.policy) return null;
  const setting = source.policy.lifetimeSeconds;
  const lines = lineOf(setting, source.kind === 'tunnel' ? (source.profile?.line ?? null) : source.header);
  const configured = setting.value;
  if (observed === configured) return { topic: 'sa-lifetime', agrees: true, summary: `SA lifetime ${configured} s${setting.isDefault ? ' (IOS default)' : ''}.`, lines };
  if (observed < configured) {
    return { topic: 'sa-lifetime', agrees: true, summary: `The SA lifetime is ${observed} s, below this router's ${configured} s: lifetimes need not match, the shorter one (the peer's, or time already elapsed) is used.`, lines };
  }
  return { topic: 'sa-lifetime', agrees: false, summary: `The SA lifetime ${observed} s is above this router's ${configured} s: IOS would have used the shorter one.`, lines };
}

/** Explains observed values against the config: agreement once IOS's rules are applied, or why not, with lines. */
export function explainObserved(cfg: EffectiveConfig, observed: Observed): Explanation[] {
  const out: Explanation[] = [];
  const sources = phase2Sources(cfg, observed.peer ?? null);
  if (observed.proposal) {
    const e = explainProposal(cfg, observed.proposal);
    if (e) out.push(e);
  }
  if (observed.encapsulation) {
    const e = explainEncapsulation(cfg, observed.encapsulation, sources);
    if (e) out.push(e);
  }
  if (observed.transform) out.push(explainTransform(cfg, observed.transform, sources));
  if (observed.pfsGroup !== undefined) {
    const e = explainPfs(observed.pfsGroup, sources);
    if (e) out.push(e);
  }
  if (typeof observed.saLifetimeSeconds === 'number') {
    const e = explainSaLifetime(observed.saLifetimeSeconds, sources);
    if (e) out.push(e);
  }
  return out;
}
