/** The IKEv2 part of `analyze`'s text report: the IKE SA, its child SAs and the SM Trace states. */
import type { Negotiation } from '../analysis.ts';
import { childSaTitle, ikeSaTitle, shownText, statePath } from './case-facts.ts';

export function ikev2Text(n: Negotiation, out: string[]): void {
  const sa = n.ikeSa;
  if (sa === undefined) return;
  out.push(`  ${ikeSaTitle(sa, n.childSas ?? [])}`);
  if (sa.shown) out.push(`    Shown: ${shownText(sa.shown)}`);
  if (sa.proposal !== null) out.push(`    Proposal: ${sa.proposal.transforms.join(' ')}`);
  for (const side of ['initiator', 'responder'] as const) {
    const s = statePath(sa.transitions, side);
    if (s) out.push(`    ${side} states: ${s}`);
  }
  for (const c of n.childSas ?? []) {
    const bits = [c.transform, c.refusal !== null ? `refused: ${c.refusal}` : null].filter((x) => x !== null);
    out.push(`  ${childSaTitle(c)}: ${c.outcome}${bits.length > 0 ? ` — ${bits.join(', ')}` : ''}`);
    if (c.spis) out.push(`    SPIs: inbound ${c.spis.inbound ?? '?'}, outbound ${c.spis.outbound ?? '?'}`);
    if (c.trafficSelectors) out.push(`    Traffic selectors: ${c.trafficSelectors.local.join(', ')} ↔ ${c.trafficSelectors.remote.join(', ')}`);
  }
}
