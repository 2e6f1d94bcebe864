/**
 * The SAs of the compatibility check (IKEv1's phase 2, IKEv2's child SA): the transform set B picks from A's
 * proposal, the proxy identities (mirrored ACLs, or any/any on both VTIs), PFS and lifetimes.
 */
import { containsMatch, formatMatch } from './address.ts';
import { ref, settingRef, type AddFinding, type CheckMessage, type Side } from './check-common.ts';
import { isWeakGroup, isWeakTransform, releaseNames } from './defaults.ts';
import type { AccessList, EffectiveConfig } from './model.ts';
import { sameTransforms } from './observed.ts';
import { aclPermits, proposedMode } from './peer-view.ts';
import { isDynamic, isVti, transformSetsOf, type Phase2Source } from './phase2-sources.ts';
import { childTransformSets, type OfferedSet } from './ikev2-decide.ts';

/**
 * How the exchange that negotiates the SAs answers each refusal: IKEv1's Quick Mode, or IKEv2's IKE_AUTH (whose
 * first child SA takes its keys from IKE_SA_INIT: PFS is negotiated only when a CREATE_CHILD_SA rekeys it).
 */
export interface ChildExchange {
  request: CheckMessage;
  response: CheckMessage;
  noPolicy: string;
  transformRefused: string;
  proxiesRefused: string;
  /** The exchange PFS is checked in, and whether its refusal stops the first SAs. */
  pfs: { message: CheckMessage; stopsFirst: boolean; refused: string };
}

export const QUICK_MODE_CHILD: ChildExchange = {
  request: 'QM1',
  response: 'QM2',
  noPolicy: 'Quick Mode finds no matching map ("map_db_find_best did not find matching map")',
  transformRefused: 'answers QM1 with "transform proposal not supported" / PROPOSAL_NOT_CHOSEN',
  proxiesRefused: 'answers QM1 with "proxy identities not supported" (error 32)',
  pfs: { message: 'QM1', stopsFirst: true, refused: 'rejects QM1' },
};

export const IKE_AUTH_CHILD: ChildExchange = {
  request: 'IKE_AUTH',
  response: 'IKE_AUTH.response',
  noPolicy: 'IKE_AUTH finds no child SA policy for the traffic selectors and is answered with TS_UNACCEPTABLE',
  transformRefused: 'answers IKE_AUTH with NO_PROPOSAL_CHOSEN: the IKE SA comes up, the child SA does not',
  proxiesRefused: 'answers IKE_AUTH with TS_UNACCEPTABLE: the IKE SA comes up, the child SA does not',
  pfs: { message: 'CREATE_CHILD_SA', stopsFirst: false, refused: 'refuses the first rekey (CREATE_CHILD_SA), the child SA ending at its lifetime' },
};

/** The transform sets a side offers for the child SA: IKE_AUTH's take IKEv2's smart default (ikev2-decide.ts). */
function offeredSets(cfg: EffectiveConfig, source: Phase2Source, child: ChildExchange): OfferedSet[] {
  return child === IKE_AUTH_CHILD ? childTransformSets(cfg, source) : transformSetsOf(cfg, source.policy);
}

export interface Phase2Context {
  /** The exchange that carries the SA proposal; Quick Mode unless told. */
  child?: ChildExchange;
  A: Side;
  B: Side;
  sa: Phase2Source | null;
  sb: Phase2Source | null;
  aAddress: string | null;
  bAddress: string | null;
  add: AddFinding;
}

export interface Phase2Result {
  fails: CheckMessage | null;
  agreedTransformSet: { initiator: string; responder: string } | null;
}

/** True when every proxy pair A's ACL permits is permitted in reverse by B's ACL (which may be wider). */
export function mirrored(aAcl: AccessList | null, bAcl: AccessList | null): { ok: boolean; uncovered: { line: number }[] } {
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

/** True when the router's release refuses weak algorithms (IOS-XE 17.11+ without the compliance shield disabled). */
function refusesWeak(cfg: EffectiveConfig): boolean {
  return cfg.release === 'iosxe-17.11' && !cfg.complianceShieldDisabled.value;
}

/** Checks phase 2 between A (initiator) and B (responder), adding findings. */
export function checkPhase2(ctx: Phase2Context): Phase2Result {
  const { A, B, sa, sb, aAddress, bAddress, add } = ctx;
  const child = ctx.child ?? QUICK_MODE_CHILD;
  const aCfg = A.cfg;
  const bCfg = B.cfg;
  let phase2Fails: CheckMessage | null = null;
  let agreedTransformSet: Phase2Result['agreedTransformSet'] = null;
  if (!sa || !sb) {
    phase2Fails = child.request;
    const missing = !sa ? A : B;
    add({
      code: 'P2_PROXY_MISMATCH',
      severity: 'error',
      message: child.request,
      lines: [],
      summary: `${missing.name} has no crypto map entry and no 'tunnel protection' for the peer: ${missing === A ? 'nothing triggers phase 2' : child.noPolicy}.`,
      fix: `On ${missing.name}, add a crypto map entry (set peer, set transform-set, match address) applied to the outside interface, or a VTI with 'tunnel protection ipsec profile'.`,
    });
  } else {
    let refusedSets = false;
    for (const [side, source] of [
      [A, sa],
      [B, sb],
    ] as const) {
      for (const t of transformSetsOf(side.cfg, source.policy).filter((x) => x.refused !== null)) {
        add({
          code: 'WEAK_CRYPTO',
          severity: 'error',
          message: child.request,
          lines: ref(side, t.line),
          summary: `${side.name} transform set ${t.name} (${t.transforms.join(' ')}) is refused on ${releaseNames[side.cfg.release]}: ${t.refused ?? ''}.`,
          fix: `On ${side.name}: esp-aes 256 esp-sha256-hmac (both routers alike), or configure 'crypto engine compliance shield disable'.`,
        });
        refusedSets = true;
      }
    }
    const aSets = offeredSets(aCfg, sa, child).filter((t) => t.refused === null);
    const bSets = offeredSets(bCfg, sb, child).filter((t) => t.refused === null);
    let chosen: { ta: OfferedSet; tb: OfferedSet } | null = null;
    for (const ta of aSets) {
      const tb = bSets.find((t) => sameTransforms(t.transforms, ta.transforms));
      if (tb) {
        chosen = { ta, tb };
        break;
      }
    }
    const setLines = (side: Side, source: Phase2Source, sets: readonly OfferedSet[]) => [
      ...sets.flatMap((t) => ref(side, t.line)),
      ...(source.policy ? settingRef(side, source.policy.transformSets, source.header) : ref(side, source.header)),
    ];
    if (!chosen && refusedSets && (aSets.length === 0 || bSets.length === 0)) {
      // The refusal above is the cause; no separate transform mismatch.
      phase2Fails = child.request;
    } else if (!chosen) {
      phase2Fails = child.request;
      const describe = (sets: readonly OfferedSet[]) => sets.map((t) => `${t.name}: ${t.transforms.join(' ')}`).join('; ') || 'none';
      add({
        code: 'P2_TRANSFORM_MISMATCH',
        severity: 'error',
        message: child.request,
        lines: [...setLines(A, sa, aSets), ...setLines(B, sb, bSets)],
        summary: `No transform set in common (${A.name} ${describe(aSets)} vs ${B.name} ${describe(bSets)}): ${B.name} ${child.transformRefused}.`,
        fix: aSets[0] ? `e.g. on ${B.name}: crypto ipsec transform-set ${bSets[0]?.name ?? aSets[0].name} ${aSets[0].transforms.join(' ')}` : `Define a transform set on ${A.name} and name it with 'set transform-set'.`,
      });
    } else {
      const { ta, tb } = chosen;
      const mode = proposedMode(sa, ta, { a: aAddress, b: bAddress });
      const bMode = sb.kind === 'tunnel' && isVti(sb.iface) ? 'tunnel' : tb.mode.value;
      if (tb.requireMode && bMode !== mode) {
        phase2Fails = child.request;
        add({
          code: 'P2_TRANSFORM_MISMATCH',
          severity: 'error',
          message: child.request,
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
          severity: 'warning',
          message: child.request,
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
    // A dynamic map's entry without `match address` takes the proxies the initiator proposes.
    const bTakesAny = isDynamic(sb) && sb.kind === 'crypto-map' && sb.entry.acl === null;
    if (bTakesAny) proxyProblem = null;
    else if (aVti !== bVti) proxyProblem = `one side is a VTI (proxies any/any), the other a crypto map (proxies from its ACL)`;
    else if (aVti && bVti && sa.iface.tunnel?.mode.value !== sb.iface.tunnel?.mode.value) {
      proxyProblem = `the tunnel modes differ ('${sa.iface.tunnel?.mode.value ?? ''}' vs '${sb.iface.tunnel?.mode.value ?? ''}')`;
    } else if (sa.kind === 'crypto-map' && sb.kind === 'crypto-map') {
      if (!sa.acl || !sb.acl) {
        add({
          code: 'P2_PROXY_MISMATCH',
          severity: 'info',
          message: child.request,
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
      phase2Fails ??= child.request;
      add({
        code: 'P2_PROXY_MISMATCH',
        severity: 'error',
        message: child.request,
        lines: [...proxyLines(A, sa), ...proxyLines(B, sb)],
        summary: `Proxy identities disagree: ${proxyProblem}. ${B.name} ${child.proxiesRefused}.`,
        fix: aVti !== bVti ? 'Use the same kind on both: two VTIs (tunnel mode ipsec ...) or two crypto maps with mirrored ACLs.' : `Mirror the ACLs: ${B.name}'s ACL must permit the reverse of ${A.name}'s (swap source and destination).`,
      });
    }

    // PFS: the initiator's choice must be acceptable to the responder.
    const aPfs = sa.policy?.pfsGroup ?? null;
    const bPfs = sb.policy?.pfsGroup ?? null;
    const aHeader = sa.kind === 'tunnel' ? (sa.profile?.line ?? null) : sa.header;
    const bHeader = sb.kind === 'tunnel' ? (sb.profile?.line ?? null) : sb.header;
    const pfsLines = aPfs ? [...settingRef(A, aPfs, aHeader), ...(bPfs ? settingRef(B, bPfs, bHeader) : [])] : [];
    const pfsDiffer = aPfs !== null && bPfs !== null && aPfs.value !== bPfs.value;
    if (pfsDiffer) {
      if (aPfs.value === null || bPfs.value !== null) {
        if (child.pfs.stopsFirst) phase2Fails ??= child.pfs.message;
        add({
          code: 'P2_PFS_MISMATCH',
          severity: child.pfs.stopsFirst ? 'error' : 'warning',
          message: child.pfs.message,
          lines: pfsLines,
          summary:
            aPfs.value === null
              ? `${B.name} requires PFS group ${bPfs.value ?? ''} but ${A.name} proposes no PFS: ${B.name} ${child.pfs.refused}.`
              : `PFS groups differ (${A.name} group ${aPfs.value}, ${B.name} group ${bPfs.value ?? ''}): ${B.name} ${child.pfs.refused}.`,
          fix: `'set pfs group${bPfs.value ?? aPfs.value ?? ''}' on both routers, or on neither.`,
        });
      } else {
        add({
          code: 'P2_PFS_MISMATCH',
          severity: 'warning',
          message: null,
          lines: pfsLines,
          summary: `Only ${A.name} sets PFS (group ${aPfs.value}): initiated by ${A.name} it works (${B.name} accepts the PFS proposal); initiated by ${B.name} it fails, ${A.name} rejecting a Quick Mode without PFS.`,
          fix: `'set pfs group${aPfs.value}' on ${B.name} too, or remove it from ${A.name}.`,
        });
      }
    }
    // the group the Quick Mode would use: the one proposed, or the one required when they differ
    const pfsGroup = pfsDiffer ? (aPfs?.value ?? bPfs?.value ?? null) : (aPfs?.value ?? null);
    if (pfsGroup !== null && isWeakGroup(pfsGroup)) {
      const refused = refusesWeak(aCfg) || refusesWeak(bCfg);
      if (refused) phase2Fails ??= child.pfs.message;
      add({
        code: 'WEAK_CRYPTO',
        severity: refused ? 'error' : 'warning',
        message: child.request,
        lines: pfsLines,
        summary: `PFS group ${pfsGroup} is weak, and refused by IOS-XE 17.11 and later.`,
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
        message: child.response,
        lines: [...settingRef(A, aLife, aHeader), ...settingRef(B, bLife, bHeader)],
        summary: `Phase 2 lifetimes differ (${aLife.value} s vs ${bLife.value} s): the shorter one, ${Math.min(aLife.value, bLife.value)} s, is used.`,
        fix: 'Nothing to fix; align the lifetimes to avoid surprises.',
      });
    }
  }
  return { fails: phase2Fails, agreedTransformSet };
}
