/**
 * Will two routers agree? Router A initiates, router B responds, as IOS would run it: A proposes its policies
 * in priority order, B takes the first of its own that matches; the same for transform sets in Quick Mode;
 * then keys (MM5), proxies and PFS. Each finding names the lines to change, on which router.
 */
import { ref, type CheckFinding, type Side } from './check-common.ts';
import type { EffectiveConfig } from './model.ts';
import { ikeAddresses, pairSources } from './peer-view.ts';
import { checkPhase1 } from './phase1-check.ts';
import { checkPhase2 } from './phase2-check.ts';
import { sourcePeer } from './phase2-sources.ts';
import { MAIN_MODE, QUICK_MODE, type ExchangeMessageName } from '../ike/messages.ts';

export type { CheckFinding } from './check-common.ts';

export type Agreement = 'agree' | 'disagree';

export interface CompatibilityResult {
  phase1: Agreement;
  phase2: Agreement;
  failsAt: ExchangeMessageName | null;
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

const order: readonly ExchangeMessageName[] = [...MAIN_MODE, ...QUICK_MODE];

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

  const p1 = checkPhase1({ A, B, aAddress, bAddress, add });
  const phase1Fails = unreachable ? 'MM1' : p1.fails;
  const agreedPolicy = p1.agreedPolicy;
  const p2 = checkPhase2({ A, B, sa, sb, aAddress, bAddress, add });
  const phase2Fails = p2.fails;
  const agreedTransformSet = p2.agreedTransformSet;

  const fails: ExchangeMessageName[] = [];
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
