/**
 * Phase 1 of the compatibility check: A's policies proposed in MM1 in priority order, B taking the first of its
 * own that matches (MM2); the keys each side finds for the other (MM1 on the initiator, MM5 when they differ).
 */
import { isWeakPhase1, releaseNames } from './defaults.ts';
import { describePolicy } from './effective.ts';
import type { LineRef } from '../ike/line-ref.ts';
import type { ExchangeMessageName } from '../ike/messages.ts';
import { ref, settingRef, type AddFinding, type Side } from './check-common.ts';
import type { IsakmpPolicy, Setting } from './model.ts';
import { keyFor } from './peer-view.ts';

export interface Phase1Context {
  A: Side;
  B: Side;
  /** A's address as B sees it, and B's as A sees it. */
  aAddress: string | null;
  bAddress: string | null;
  /** The ISAKMP profile A's initiating entry names (`set isakmp-profile`): its keyring holds A's key. */
  aProfile?: string | null;
  /** That profile starts phase 1 in Aggressive Mode (`initiate mode aggressive`). */
  aggressive?: boolean;
  add: AddFinding;
}

export interface Phase1Result {
  fails: ExchangeMessageName | null;
  agreedPolicy: { initiator: number; responder: number } | null;
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

/** Checks phase 1 between A (initiator) and B (responder), adding findings. */
export function checkPhase1(ctx: Phase1Context): Phase1Result {
  const { A, B, aAddress, bAddress, add } = ctx;
  const aCfg = A.cfg;
  const bCfg = B.cfg;
  let phase1Fails: ExchangeMessageName | null = null;
  let agreedPolicy: Phase1Result['agreedPolicy'] = null;
  // Each side searches the keyrings of its own address (and A those of its entry's ISAKMP profile).
  const aKey = keyFor(aCfg, bAddress, { local: aAddress, profile: ctx.aProfile ?? null });
  const bKey = keyFor(bCfg, aAddress, { local: bAddress });
  const aProfile = ctx.aProfile ? aCfg.isakmpProfiles.find((p) => p.name === ctx.aProfile && p.keyring.value !== null) : undefined;
  const aRing = aProfile ? ` in keyring ${aProfile.keyring.value ?? ''} (ISAKMP profile ${aProfile.name}'s)` : '';
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
      lines: [...(policy ? settingRef(A, policy.auth, policy.line) : []), ...ref(A, aProfile?.keyring.line)],
      summary: `${A.name} has no pre-shared key for ${bAddress ?? 'the peer'}${aRing}: it cannot start Main Mode ("No pre-shared key with ${bAddress ?? 'peer'}!").`,
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
          for (const ref of settingRef(A, fieldSetting(nearest.pa, field), nearest.pa.line)) lines.push(ref);
          for (const ref of settingRef(B, fieldSetting(nearest.pb, field), nearest.pb.line)) lines.push(ref);
        }
        const commands = nearest.diff.map((f) => fieldCommand(nearest.pa, f)).join(', ');
        fix =
          nearest.pb.line === null
            ? `${B.name} has no 'crypto isakmp policy' (IOS's default suite is used): add one with ${commands} (as ${A.name}'s policy ${nearest.pa.priority}).`
            : `e.g. on ${B.name} policy ${nearest.pb.priority}: ${commands} (as ${A.name}'s policy ${nearest.pa.priority}), or the reverse on ${A.name}.`;
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
          summary: ctx.aggressive
            ? `The pre-shared keys differ: in Aggressive Mode ${A.name} checks ${B.name}'s hash in AM2 with its own key, and it does not match; phase 1 stops there.`
            : `The pre-shared keys differ: ${B.name} cannot decrypt MM5 ("failed its sanity check or is malformed"), ${A.name} retransmits until "Death by retransmission P1".`,
          fix: `Use the same key on both lines.`,
        });
      }
    }
  }
  return { fails: phase1Fails, agreedPolicy };
}
