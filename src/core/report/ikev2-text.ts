/** The IKEv2 part of `analyze`'s text report: the IKE SA, its child SAs and the SM Trace states. */
import type { Negotiation, Transition } from '../analysis.ts';
import type { Side } from '../ike/sides.ts';

function states(transitions: readonly Transition[], side: Side): string | null {
  const mine = transitions.filter((t) => t.side === side);
  if (mine.length === 0) return null;
  const path: string[] = [mine[0]?.from ?? ''];
  for (const t of mine) if (t.to !== path[path.length - 1]) path.push(t.to);
  return path.join(' → ');
}

export function ikev2Text(n: Negotiation, out: string[]): void {
  const sa = n.ikeSa;
  if (sa === undefined) return;
  out.push(`  IKE SA ${sa.spis.initiator}/${sa.spis.responder} (IKEv2): ${sa.outcome}`);
  if (sa.proposal !== null) out.push(`    Proposal: ${sa.proposal.transforms.join(' ')}`);
  for (const side of ['initiator', 'responder'] as const) {
    const s = states(sa.transitions, side);
    if (s) out.push(`    ${side} states: ${s}`);
  }
  for (const c of n.childSas ?? []) {
    const bits = [c.transform, c.refusal !== null ? `refused: ${c.refusal}` : null].filter((x) => x !== null);
    out.push(`  Child SA (message ID ${c.messageId}): ${c.outcome}${bits.length > 0 ? ` — ${bits.join(', ')}` : ''}`);
    if (c.spis) out.push(`    SPIs: inbound ${c.spis.inbound ?? '?'}, outbound ${c.spis.outbound ?? '?'}`);
    if (c.trafficSelectors) out.push(`    Traffic selectors: ${c.trafficSelectors.local.join(', ')} ↔ ${c.trafficSelectors.remote.join(', ')}`);
  }
}
