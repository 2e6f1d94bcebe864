/**
 * Will two routers agree? Router A initiates, router B responds, as IOS would run it: A proposes its policies
 * in priority order, B takes the first of its own that matches; the same for transform sets in Quick Mode;
 * then keys (MM5), proxies and PFS. Each finding names the lines to change, on which router.
 */
import type { FindingCode, LineRef, Severity } from '../analysis.ts';
import { containsMatch, formatIp, formatMatch, matchesAddress, parseIp } from './address.ts';
import { isWeakGroup, isWeakPhase1, isWeakTransform, releaseNames } from './defaults.ts';
import { describePolicy } from './effective.ts';
import type { AccessList, EffectiveConfig, IsakmpPolicy, PreSharedKey, Setting, TransformSet } from './model.ts';
import { sameTransforms } from './observed.ts';
import { isVti, phase2Sources, sourcePeer, transformSetsOf, type Phase2Source } from './phase2-sources.ts';
import type { MessageName } from './relations.ts';

export type Agreement = 'agree' | 'disagree';

export interface CheckFinding {
  code: FindingCode;
  severity: Severity;
  /** The message where the negotiation would stop (or the finding shows), null for advice. */
  message: MessageName | null;
  /** Config lines to change (file 0 is router A, file 1 router B unless `files` says otherwise). */
  lines: LineRef[];
  summary: string;
  fix: string;
}

export interface CompatibilityResult {
  phase1: Agreement;
  phase2: Agreement;
  failsAt: MessageName | null;
  findings: CheckFinding[];
  /** The policies that would be agreed (A's proposal, B's policy), when phase 1 agrees. */
  agreedPolicy: { initiator: number; responder: number } | null;
  /** The transform sets that would be agreed, when phase 2 agrees. */
  agreedTransformSet: { initiator: string; responder: string } | null;
  /** The addresses each side uses for the other, as far as the configs show them. */
  addresses: { a: string | null; b: string | null };
}

export interface CheckOptions {
  /** The file numbers of A and B in `LineRef`s; default [0, 1]. */
  files?: readonly [number, number];
}

const order: MessageName[] = ['MM1', 'MM2', 'MM3', 'MM4', 'MM5', 'MM6', 'QM1', 'QM2', 'QM3'];

interface Side {
  cfg: EffectiveConfig;
  file: number;
  name: string;
}

function ref(side: Side, line: number | null | undefined): LineRef[] {
  return line === null || line === undefined ? [] : [{ file: side.file, line }];
}

/** The line to change for a setting: its own, or the header it would go under when it is an IOS default. */
function settingRef(side: Side, setting: Setting<unknown>, header: number | null): LineRef[] {
  return ref(side, setting.isDefault ? header : setting.line);
}

function keyFor(cfg: EffectiveConfig, peer: string | null): PreSharedKey | null {
  const ip = peer ? parseIp(peer) : null;
  let best: PreSharedKey | null = null;
  let bestLength = -1;
  for (const k of cfg.keys) {
    if (k.peer.kind !== 'address') continue;
    if (ip && !matchesAddress(k.peer.match, ip)) continue;
    // The most specific key wins, as in IOS.
    if (k.peer.match.prefixLength > bestLength) {
      best = k;
      bestLength = k.peer.match.prefixLength;
    }
  }
  return best;
}

function policyDiff(a: IsakmpPolicy, b: IsakmpPolicy): string[] {
  const d: string[] = [];
  if (a.encryption.value !== b.encryption.value || a.keyLength.value !== b.keyLength.value) d.push('encryption');
  if (a.hash.value !== b.hash.value) d.push('hash');
  if (a.group.value !== b.group.value) d.push('group');
  if (a.auth.value !== b.auth.value) d.push('auth');
  return d;
}

function fieldSetting(p: IsakmpPolicy, field: string): Setting<unknown> {
  if (field === 'encryption') return p.encryption;
  if (field === 'hash') return p.hash;
  if (field === 'group') return p.group;
  return p.auth;
}

function fieldCommand(p: IsakmpPolicy, field: string): string {
  if (field === 'encryption') return p.encryption.value === 'aes' ? `encryption aes ${p.keyLength.value ?? 128}` : `encryption ${p.encryption.value}`;
  if (field === 'hash') return `hash ${p.hash.value}`;
  if (field === 'group') return `group ${p.group.value}`;
  return `authentication ${p.auth.value}`;
}

/** The mode A proposes with a transform set: VTIs and non-GRE traffic go in tunnel mode whatever the set says. */
function proposedMode(source: Phase2Source, set: TransformSet, peers: { a: string | null; b: string | null }): 'tunnel' | 'transport' {
  if (set.mode.value === 'tunnel') return 'tunnel';
  if (source.kind === 'tunnel') return isVti(source.iface) ? 'tunnel' : 'transport';
  // Transport only when the protected traffic runs between the peers themselves (GRE over IPsec).
  const a = peers.a ? parseIp(peers.a) : null;
  const b = peers.b ? parseIp(peers.b) : null;
  const permits = source.acl?.entries.filter((e) => e.entry.action === 'permit') ?? [];
  const hostToHost = permits.length > 0 && permits.every((e) => e.entry.source && e.entry.destination && a && b && e.entry.source.prefixLength === (a.family === 4 ? 32 : 128) && matchesAddress(e.entry.source, a) && matchesAddress(e.entry.destination, b));
  return hostToHost ? 'transport' : 'tunnel';
}

function aclPermits(acl: AccessList | null): { entry: AccessList['entries'][number]['entry']; line: number }[] {
  return acl?.entries.filter((e) => e.entry.action === 'permit') ?? [];
}

/**
 * The addresses a router terminates IKE on for a source: the address of the interface carrying the crypto map,
 * or of the tunnel source. Null when the config does not show it (negotiated, DHCP, interface not pasted).
 */
function ikeAddresses(cfg: EffectiveConfig, source: Phase2Source): string[] | null {
  const addressesOf = (name: string): string[] | null => {
    const iface = cfg.interfaces.find((i) => i.name.toLowerCase() === name.toLowerCase());
    if (!iface || iface.negotiatedAddress) return null;
    const found = iface.addresses.filter((a) => !a.linkLocal).map((a) => formatIp(a.match.address));
    return found.length > 0 ? found : null;
  };
  if (source.kind === 'tunnel') {
    const src = source.iface.tunnel?.source?.value;
    if (!src) return null;
    const ip = parseIp(src);
    return ip ? [formatIp(ip)] : addressesOf(src);
  }
  if (source.interfaces.length === 0) return null;
  const all: string[] = [];
  for (const i of source.interfaces) {
    const found = addressesOf(i.name);
    if (!found) return null;
    all.push(...found);
  }
  return all;
}

/** Picks the phase 2 source of each router that points at the other (crypto map peer or tunnel destination). */
function pairSources(a: EffectiveConfig, b: EffectiveConfig): { sa: Phase2Source | null; sb: Phase2Source | null } {
  const as = phase2Sources(a);
  const bs = phase2Sources(b);
  let best: { sa: Phase2Source | null; sb: Phase2Source | null; score: number } = { sa: as[0] ?? null, sb: bs[0] ?? null, score: -1 };
  const owns = (cfg: EffectiveConfig, address: string | null) => address !== null && cfg.localAddresses.some((l) => l.address === address);
  for (const sa of as) {
    for (const sb of bs) {
      let score = 0;
      if (owns(b, sourcePeer(sa))) score += 2;
      if (owns(a, sourcePeer(sb))) score += 2;
      if (sa.kind === sb.kind) score += 1;
      if (sa.kind === 'crypto-map' && sb.kind === 'crypto-map' && mirrored(sa.acl, sb.acl).ok) score += 1;
      if (score > best.score) best = { sa, sb, score };
    }
  }
  return { sa: best.sa, sb: best.sb };
}

function mirrored(aAcl: AccessList | null, bAcl: AccessList | null): { ok: boolean; uncovered: { line: number }[] } {
  const aPermits = aclPermits(aAcl);
  const bPermits = aclPermits(bAcl);
  const uncovered = aPermits.filter(
    (pa) =>
      !bPermits.some(
        (pb) =>
          pa.entry.source !== null &&
          pa.entry.destination !== null &&
          pb.entry.source !== null &&
          pb.entry.destination !== null &&
          (pb.entry.protocol === 'ip' || pb.entry.protocol === 'ipv6' || pb.entry.protocol === pa.entry.protocol) &&
          containsMatch(pb.entry.source, pa.entry.destination) &&
          containsMatch(pb.entry.destination, pa.entry.source),
      ),
  );
  return { ok: aPermits.length > 0 && uncovered.length === 0, uncovered };
}

function proxiesText(source: Phase2Source): string {
  if (source.kind === 'tunnel') return `any/any (tunnel mode ${source.iface.tunnel?.mode.value ?? ''})`;
  const first = aclPermits(source.acl)[0];
  if (!first) return `ACL ${source.entry.acl?.name ?? '(none)'}`;
  return `${first.entry.source ? formatMatch(first.entry.source) : '?'} → ${first.entry.destination ? formatMatch(first.entry.destination) : '?'}`;
}

/** Predicts the negotiation between router A (initiator) and router B (responder) from their configs. */
export function checkCompatibility(aCfg: EffectiveConfig, bCfg: EffectiveConfig, options: CheckOptions = {}): CompatibilityResult {
  const [fileA, fileB] = options.files ?? [0, 1];
  const A: Side = { cfg: aCfg, file: fileA, name: aCfg.router ?? 'A' };
  const B: Side = { cfg: bCfg, file: fileB, name: bCfg.router ?? 'B' };
  if (A.name === B.name) {
    A.name = `A (${A.name})`;
    B.name = `B (${B.name})`;
  }
  const findings: CheckFinding[] = [];
  const add = (f: CheckFinding) => findings.push(f);

  const { sa, sb } = pairSources(aCfg, bCfg);
  // Where A sends (B's address) and where B sends (A's address), from the configs themselves.
  const bAddress = (sa ? sourcePeer(sa) : null) ?? bCfg.localAddresses[0]?.address ?? null;
  const aAddress = (sb ? sourcePeer(sb) : null) ?? aCfg.localAddresses[0]?.address ?? null;

  let unreachable = false;
  for (const [from, to, source, address, toSource] of [
    [A, B, sa, bAddress, sb],
    [B, A, sb, aAddress, sa],
  ] as const) {
    const own = toSource ? ikeAddresses(to.cfg, toSource) : null;
    if (!source || !address || !own || own.length === 0 || own.includes(address)) continue;
    const peerLine = source.kind === 'tunnel' ? source.iface.tunnel?.destination?.line : source.entry.peers[0]?.line;
    if (from === A) unreachable = true;
    add({
      code: 'PEER_UNREACHABLE',
      severity: from === A ? 'error' : 'warning',
      message: from === A ? 'MM1' : null,
      lines: ref(from, peerLine),
      summary: `${from.name} sends IKE to ${address}, which is not the address ${to.name} terminates IKE on (${own.join(', ')})${from === A ? '' : `: only matters when ${from.name} initiates`}.`,
      fix: `On ${from.name}, point ${source.kind === 'tunnel' ? "'tunnel destination'" : "'set peer'"} at ${to.name}'s address.`,
    });
  }

  // ----- Phase 1: MM1/MM2 policy, keys.
  let phase1Fails: MessageName | null = unreachable ? 'MM1' : null;
  let agreedPolicy: CompatibilityResult['agreedPolicy'] = null;
  const aKey = keyFor(aCfg, bAddress);
  const bKey = keyFor(bCfg, aAddress);
  const usable = (side: Side) => side.cfg.policies.filter((p) => p.refused === null);
  const aRefused = aCfg.policies.filter((p) => p.refused !== null);
  const bRefused = bCfg.policies.filter((p) => p.refused !== null);
  for (const [side, refused] of [
    [A, aRefused],
    [B, bRefused],
  ] as const) {
    for (const p of refused) {
      add({
        code: 'WEAK_CRYPTO',
        severity: 'error',
        message: 'MM1',
        lines: [...ref(side, p.line), ...settingRef(side, p.encryption, p.line), ...settingRef(side, p.group, p.line)],
        summary: `${side.name} policy ${p.priority} (${describePolicy(p)}) is refused on ${releaseNames[side.cfg.release]}: ${p.refused ?? ''}.`,
        fix: `On ${side.name}, use AES and DH group 14 or higher in policy ${p.priority} (both routers alike), or configure 'crypto engine compliance shield disable'.`,
      });
    }
  }
  const aProposals = usable(A).filter((p) => p.auth.value !== 'pre-share' || aKey !== null);
  if (usable(A).length > 0 && aProposals.length === 0) {
    phase1Fails = 'MM1';
    const policy = usable(A)[0];
    add({
      code: 'NO_PSK',
      severity: 'error',
      message: 'MM1',
      lines: policy ? settingRef(A, policy.auth, policy.line) : [],
      summary: `${A.name} has no pre-shared key for ${bAddress ?? 'the peer'}: it cannot start Main Mode ("No pre-shared key with ${bAddress ?? 'peer'}!").`,
      fix: `On ${A.name}: crypto isakmp key KEY address ${bAddress ?? 'PEER'} (the same key on ${B.name}).`,
    });
  } else if (usable(A).length === 0) {
    phase1Fails = 'MM1';
  }
  if (phase1Fails === null) {
    // B checks A's proposals in A's order against its own policies in priority order.
    let match: { pa: IsakmpPolicy; pb: IsakmpPolicy } | null = null;
    let nearest: { pa: IsakmpPolicy; pb: IsakmpPolicy; diff: string[] } | null = null;
    const bPolicies = usable(B);
    for (const pa of aProposals) {
      for (const pb of bPolicies) {
        const diff = policyDiff(pa, pb);
        if (diff.length === 0) {
          match = { pa, pb };
          break;
        }
        if (!nearest || diff.length < nearest.diff.length) nearest = { pa, pb, diff };
      }
      if (match) break;
    }
    if (match && match.pb.auth.value === 'pre-share' && bKey === null) {
      phase1Fails = 'MM1';
      add({
        code: 'NO_PSK',
        severity: 'error',
        message: 'MM1',
        lines: settingRef(B, match.pb.auth, match.pb.line),
        summary: `${B.name} has no pre-shared key for ${aAddress ?? 'the initiator'}, so it cannot accept a pre-shared-key proposal.`,
        fix: `On ${B.name}: crypto isakmp key KEY address ${aAddress ?? 'PEER'} (the same key as on ${A.name}).`,
      });
    } else if (!match) {
      phase1Fails = 'MM1';
      const lines: LineRef[] = [];
      let fix = `Make one policy on both routers use the same encryption, hash, DH group and authentication`;
      if (nearest) {
        for (const field of nearest.diff) {
          lines.push(...settingRef(A, fieldSetting(nearest.pa, field), nearest.pa.line), ...settingRef(B, fieldSetting(nearest.pb, field), nearest.pb.line));
        }
        fix = `e.g. on ${B.name} policy ${nearest.pb.priority}: ${nearest.diff.map((f) => fieldCommand(nearest.pa, f)).join(', ')} (as ${A.name}'s policy ${nearest.pa.priority}), or the reverse on ${A.name}.`;
      }
      add({
        code: 'P1_POLICY_MISMATCH',
        severity: 'error',
        message: 'MM1',
        lines,
        summary: `No policy of ${B.name} matches ${A.name}'s proposals (${aProposals.map(describePolicy).join('; ')} vs ${bPolicies.map(describePolicy).join('; ') || 'none usable'}): MM1 is answered with "phase 1 SA policy not acceptable".`,
        fix,
      });
    } else {
      agreedPolicy = { initiator: match.pa.priority, responder: match.pb.priority };
      const { pa, pb } = match;
      if (pa.lifetimeSeconds.value !== pb.lifetimeSeconds.value) {
        add({
          code: 'LIFETIME_ADJUSTED',
          severity: 'info',
          message: 'MM2',
          lines: [...settingRef(A, pa.lifetimeSeconds, pa.line), ...settingRef(B, pb.lifetimeSeconds, pb.line)],
          summary: `Phase 1 lifetimes differ (${pa.lifetimeSeconds.value} s on ${A.name}, ${pb.lifetimeSeconds.value} s on ${B.name}): the shorter one, ${Math.min(pa.lifetimeSeconds.value, pb.lifetimeSeconds.value)} s, is used.`,
          fix: 'Nothing to fix; align the lifetimes to avoid surprises.',
        });
      }
      const weak = [pa.encryption.value, pa.hash.value, `group${pa.group.value}`].filter(isWeakPhase1);
      if (weak.length > 0) {
        add({
          code: 'WEAK_CRYPTO',
          severity: 'warning',
          message: 'MM1',
          lines: [...ref(A, pa.line), ...ref(B, pb.line)],
          summary: `Phase 1 would use ${weak.join(', ')} (${describePolicy(pa)}): weak, and refused by IOS-XE 17.11 and later.`,
          fix: 'On both routers: encryption aes 256, hash sha256, group 14 (or higher).',
        });
      }
      if (pa.auth.value === 'pre-share' && aKey && bKey && aKey.key !== bKey.key) {
        phase1Fails = 'MM5';
        add({
          code: 'PSK_MISMATCH',
          severity: 'error',
          message: 'MM5',
          lines: [...ref(A, aKey.line), ...ref(B, bKey.line)],
          summary: `The pre-shared keys differ: ${B.name} cannot decrypt MM5 ("failed its sanity check or is malformed"), ${A.name} retransmits until "Death by retransmission P1".`,
          fix: `Use the same key on both lines.`,
        });
      }
    }
  }

  // ----- Phase 2: QM1 transform, proxies, PFS.
  let phase2Fails: MessageName | null = null;
  let agreedTransformSet: CompatibilityResult['agreedTransformSet'] = null;
  if (!sa || !sb) {
    phase2Fails = 'QM1';
    const missing = !sa ? A : B;
    add({
      code: 'P2_PROXY_MISMATCH',
      severity: 'error',
      message: 'QM1',
      lines: [],
      summary: `${missing.name} has no crypto map entry and no 'tunnel protection' for the peer: ${missing === A ? 'nothing triggers phase 2' : 'Quick Mode finds no matching map ("map_db_find_best did not find matching map")'}.`,
      fix: `On ${missing.name}, add a crypto map entry (set peer, set transform-set, match address) applied to the outside interface, or a VTI with 'tunnel protection ipsec profile'.`,
    });
  } else {
    const aSets = transformSetsOf(aCfg, sa.policy);
    const bSets = transformSetsOf(bCfg, sb.policy);
    let chosen: { ta: TransformSet; tb: TransformSet } | null = null;
    for (const ta of aSets) {
      const tb = bSets.find((t) => sameTransforms(t.transforms, ta.transforms));
      if (tb) {
        chosen = { ta, tb };
        break;
      }
    }
    const setLines = (side: Side, source: Phase2Source, sets: readonly TransformSet[]) => [
      ...sets.map((t) => ({ file: side.file, line: t.line })),
      ...(source.policy ? settingRef(side, source.policy.transformSets, source.header) : ref(side, source.header)),
    ];
    if (!chosen) {
      phase2Fails = 'QM1';
      const describe = (sets: readonly TransformSet[]) => sets.map((t) => `${t.name}: ${t.transforms.join(' ')}`).join('; ') || 'none';
      add({
        code: 'P2_TRANSFORM_MISMATCH',
        severity: 'error',
        message: 'QM1',
        lines: [...setLines(A, sa, aSets), ...setLines(B, sb, bSets)],
        summary: `No transform set in common (${A.name} ${describe(aSets)} vs ${B.name} ${describe(bSets)}): ${B.name} answers QM1 with "transform proposal not supported" / PROPOSAL_NOT_CHOSEN.`,
        fix: aSets[0] ? `e.g. on ${B.name}: crypto ipsec transform-set ${bSets[0]?.name ?? aSets[0].name} ${aSets[0].transforms.join(' ')}` : `Define a transform set on ${A.name} and name it with 'set transform-set'.`,
      });
    } else {
      const { ta, tb } = chosen;
      const mode = proposedMode(sa, ta, { a: aAddress, b: bAddress });
      const bMode = sb.kind === 'tunnel' && isVti(sb.iface) ? 'tunnel' : tb.mode.value;
      if (tb.requireMode && bMode !== mode) {
        phase2Fails = 'QM1';
        add({
          code: 'P2_TRANSFORM_MISMATCH',
          severity: 'error',
          message: 'QM1',
          lines: [...settingRef(A, ta.mode, ta.line), ...settingRef(B, tb.mode, tb.line)],
          summary: `${A.name} proposes ${mode} mode, ${B.name}'s transform set ${tb.name} requires ${bMode} mode.`,
          fix: `Use the same mode on both, or drop 'require' on ${B.name}.`,
        });
      } else {
        agreedTransformSet = { initiator: ta.name, responder: tb.name };
      }
      const weak = ta.transforms.filter(isWeakTransform);
      if (weak.length > 0) {
        add({
          code: 'WEAK_CRYPTO',
          severity: aCfg.release === 'iosxe-17.11' && !aCfg.complianceShieldDisabled.value ? 'error' : 'warning',
          message: 'QM1',
          lines: [...ref(A, ta.line), ...ref(B, tb.line)],
          summary: `Phase 2 would use ${weak.join(', ')}: weak, and refused by IOS-XE 17.11 and later.`,
          fix: 'On both routers: esp-aes 256 esp-sha256-hmac (or esp-gcm 256).',
        });
      }
    }

    // Proxies.
    const aVti = sa.kind === 'tunnel';
    const bVti = sb.kind === 'tunnel';
    const proxyLines = (side: Side, source: Phase2Source) =>
      source.kind === 'tunnel'
        ? [...ref(side, source.iface.line), ...settingRef(side, source.iface.tunnel?.mode ?? { value: '', line: null, isDefault: true }, source.iface.line)]
        : [...ref(side, source.entry.acl?.line), ...aclPermits(source.acl).map((e) => ({ file: side.file, line: e.line }))];
    let proxyProblem: string | null = null;
    if (aVti !== bVti) proxyProblem = `one side is a VTI (proxies any/any), the other a crypto map (proxies from its ACL)`;
    else if (aVti && bVti && sa.iface.tunnel?.mode.value !== sb.iface.tunnel?.mode.value) {
      proxyProblem = `the tunnel modes differ ('${sa.iface.tunnel?.mode.value ?? ''}' vs '${sb.iface.tunnel?.mode.value ?? ''}')`;
    } else if (sa.kind === 'crypto-map' && sb.kind === 'crypto-map') {
      if (!sa.acl || !sb.acl) {
        add({
          code: 'P2_PROXY_MISMATCH',
          severity: 'info',
          message: 'QM1',
          lines: [...ref(A, sa.entry.acl?.line), ...ref(B, sb.entry.acl?.line)],
          summary: `The proxies cannot be checked: ${!sa.acl ? A.name : B.name}'s config does not define access list ${(!sa.acl ? sa.entry.acl?.name : sb.entry.acl?.name) ?? '(no match address)'}.`,
          fix: 'Paste the access lists named by match address.',
        });
      } else {
        const m = mirrored(sa.acl, sb.acl);
        if (!m.ok) proxyProblem = `the crypto ACLs are not mirror images (${proxiesText(sa)} on ${A.name} is not permitted in reverse by ${B.name}'s ACL ${sb.acl.name})`;
      }
    }
    if (proxyProblem) {
      phase2Fails ??= 'QM1';
      add({
        code: 'P2_PROXY_MISMATCH',
        severity: 'error',
        message: 'QM1',
        lines: [...proxyLines(A, sa), ...proxyLines(B, sb)],
        summary: `Proxy identities disagree: ${proxyProblem}. ${B.name} answers QM1 with "proxy identities not supported" (error 32).`,
        fix: aVti !== bVti ? 'Use the same kind on both: two VTIs (tunnel mode ipsec ...) or two crypto maps with mirrored ACLs.' : `Mirror the ACLs: ${B.name}'s ACL must permit the reverse of ${A.name}'s (swap source and destination).`,
      });
    }

    // PFS: the initiator's choice must be acceptable to the responder.
    const aPfs = sa.policy?.pfsGroup ?? null;
    const bPfs = sb.policy?.pfsGroup ?? null;
    const aHeader = sa.kind === 'tunnel' ? (sa.profile?.line ?? null) : sa.header;
    const bHeader = sb.kind === 'tunnel' ? (sb.profile?.line ?? null) : sb.header;
    if (aPfs && bPfs && aPfs.value !== bPfs.value) {
      const lines = [...settingRef(A, aPfs, aHeader), ...settingRef(B, bPfs, bHeader)];
      if (aPfs.value === null || (bPfs.value !== null && aPfs.value !== bPfs.value)) {
        phase2Fails ??= 'QM1';
        add({
          code: 'P2_PFS_MISMATCH',
          severity: 'error',
          message: 'QM1',
          lines,
          summary:
            aPfs.value === null
              ? `${B.name} requires PFS group ${bPfs.value ?? ''} but ${A.name} proposes no PFS: ${B.name} rejects QM1.`
              : `PFS groups differ (${A.name} group ${aPfs.value}, ${B.name} group ${bPfs.value ?? ''}): ${B.name} rejects QM1.`,
          fix: `'set pfs group${bPfs.value ?? aPfs.value ?? ''}' on both routers, or on neither.`,
        });
      } else {
        add({
          code: 'P2_PFS_MISMATCH',
          severity: 'warning',
          message: null,
          lines,
          summary: `Only ${A.name} sets PFS (group ${aPfs.value}): initiated by ${A.name} it works (${B.name} accepts the PFS proposal); initiated by ${B.name} it fails, ${A.name} rejecting a Quick Mode without PFS.`,
          fix: `'set pfs group${aPfs.value}' on ${B.name} too, or remove it from ${A.name}.`,
        });
      }
      const group = aPfs.value ?? bPfs.value;
      if (group !== null && isWeakGroup(group)) {
        add({
          code: 'WEAK_CRYPTO',
          severity: 'warning',
          message: 'QM1',
          lines,
          summary: `PFS group ${group} is weak, and refused by IOS-XE 17.11 and later.`,
          fix: 'set pfs group14 (or higher) on both routers.',
        });
      }
    } else if (aPfs?.value != null && isWeakGroup(aPfs.value)) {
      add({
        code: 'WEAK_CRYPTO',
        severity: 'warning',
        message: 'QM1',
        lines: [...settingRef(A, aPfs, aHeader), ...(bPfs ? settingRef(B, bPfs, bHeader) : [])],
        summary: `PFS group ${aPfs.value} is weak, and refused by IOS-XE 17.11 and later.`,
        fix: 'set pfs group14 (or higher) on both routers.',
      });
    }

    // Lifetimes: the shorter wins.
    const aLife = sa.policy?.lifetimeSeconds;
    const bLife = sb.policy?.lifetimeSeconds;
    if (aLife && bLife && aLife.value !== bLife.value) {
      add({
        code: 'LIFETIME_ADJUSTED',
        severity: 'info',
        message: 'QM2',
        lines: [...settingRef(A, aLife, aHeader), ...settingRef(B, bLife, bHeader)],
        summary: `Phase 2 lifetimes differ (${aLife.value} s vs ${bLife.value} s): the shorter one, ${Math.min(aLife.value, bLife.value)} s, is used.`,
        fix: 'Nothing to fix; align the lifetimes to avoid surprises.',
      });
    }
  }

  const fails: MessageName[] = [];
  if (phase1Fails !== null) fails.push(phase1Fails);
  if (phase2Fails !== null) fails.push(phase2Fails);
  fails.sort((x, y) => order.indexOf(x) - order.indexOf(y));
  return {
    phase1: phase1Fails === null ? 'agree' : 'disagree',
    phase2: phase2Fails === null ? 'agree' : 'disagree',
    failsAt: fails[0] ?? null,
    findings,
    agreedPolicy,
    agreedTransformSet,
    addresses: { a: aAddress, b: bAddress },
  };
}
