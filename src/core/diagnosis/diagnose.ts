/** Runs every rule on one negotiation; findings most severe first. */
import { nameInMode } from '../ike/messages.ts';
import type { DiagnosisContext } from './context.ts';
import { bySeverity, type DiagnosedFinding } from './finding.ts';
import type { Rule } from './rule.ts';
import { rule as invalidSpi } from './rules/invalid-spi.ts';
import { rule as lifetimeAdjusted } from './rules/lifetime-adjusted.ts';
import { rule as natT } from './rules/nat-t.ts';
import { rule as noPsk } from './rules/no-psk.ts';
import { rule as noSaForPacket } from './rules/no-sa-for-packet.ts';
import { rule as p1PolicyMismatch } from './rules/p1-policy-mismatch.ts';
import { rule as p1Retransmit } from './rules/p1-retransmit.ts';
import { rule as p2PfsMismatch } from './rules/p2-pfs-mismatch.ts';
import { rule as p2ProxyMismatch } from './rules/p2-proxy-mismatch.ts';
import { rule as p2RejectedByPeer } from './rules/p2-rejected-by-peer.ts';
import { rule as p2TransformMismatch } from './rules/p2-transform-mismatch.ts';
import { rule as peerUnreachable } from './rules/peer-unreachable.ts';
import { rule as pskMismatch } from './rules/psk-mismatch.ts';
import { rule as saDeletedByPeer } from './rules/sa-deleted-by-peer.ts';
import { rule as weakCrypto } from './rules/weak-crypto.ts';

/** In the order a negotiation meets them: phase 1, phase 2, after. */
export const RULES: readonly Rule[] = [
  noPsk,
  peerUnreachable,
  p1PolicyMismatch,
  pskMismatch,
  p1Retransmit,
  p2TransformMismatch,
  p2ProxyMismatch,
  p2PfsMismatch,
  p2RejectedByPeer,
  saDeletedByPeer,
  invalidSpi,
  noSaForPacket,
  natT,
  weakCrypto,
  lifetimeAdjusted,
];

export function diagnose(ctx: DiagnosisContext): DiagnosedFinding[] {
  const out: DiagnosedFinding[] = [];
  const n = ctx.negotiation;
  for (const rule of RULES) {
    for (const f of rule.diagnose(ctx)) {
      // a rule names a phase 1 message by its place in the exchange; the negotiation names it for its mode
      if (f.message !== undefined && n !== null && n.ikeVersion === 1) f.message = nameInMode(f.message, n.phase1.mode);
      out.push(f);
    }
  }
  return out.sort(bySeverity);
}
