/**
 * `show crypto ipsec sa` beside IKEv2 output: the SA pair it lists with a peer that an IKEv2 negotiation of the
 * same file has is that negotiation's child SA (IPsec's show output does not say which IKE version made it), not
 * an IKEv1 negotiation of its own. Its SPIs join the child SA that has one of them, or make a child SA listed by
 * show output.
 */
import type { ChildSa, Negotiation } from '../../analysis.ts';
import type { Draft } from '../draft.ts';
import type { ShownSpi } from '../show-output.ts';

/** The IKEv2 negotiation, by its index in `ikev2`, that a show-only IKEv1 draft's peer belongs to; -1 when none. */
export function ikev2PeerOf(d: Draft, ikev2: readonly Negotiation[]): number {
  if (d.peer === null) return -1;
  for (let i = ikev2.length - 1; i >= 0; i -= 1) {
    const n = ikev2[i]!;
    if (n.peer === d.peer && n.span.first.file === d.router.file && (d.local === null || n.local === '' || n.local === d.local)) return i;
  }
  return -1;
}

/**
 * `n` with the SAs `show crypto ipsec sa` lists of it (the draft's), as its child SA's SPIs, and the transforms the
 * output lists under them (`shown`: every SPI the show output lists) where the debug lines said none.
 */
export function withIpsecShow(n: Negotiation, d: Draft, shown: readonly ShownSpi[]): Negotiation {
  const sas = d.phase2.flatMap((p) => p.sas);
  const inbound = sas.find((s) => s.direction === 'inbound')?.spi ?? null;
  const outbound = sas.find((s) => s.direction === 'outbound')?.spi ?? null;
  if (inbound === null && outbound === null) return withTrafficOnly(n, d);
  const listed = (spi: string | null): string | null => (spi === null ? null : (shown.find((s) => s.spi === spi && s.transform !== null)?.transform ?? null));
  const shownTransform = sas.find((s) => s.transform !== null)?.transform ?? listed(inbound) ?? listed(outbound);
  const children = (n.childSas ?? []).slice();
  const evidence = withTransformLines(n, sas.map((s) => s.spi), shown);
  const i = children.findIndex((c) => c.spis !== null && ((inbound !== null && c.spis.inbound === inbound) || (outbound !== null && c.spis.outbound === outbound)));
  if (i >= 0) {
    const c = children[i]!;
    children[i] = { ...c, transform: c.transform ?? shownTransform, spis: { inbound: c.spis?.inbound ?? inbound, outbound: c.spis?.outbound ?? outbound } };
  } else {
    const transform = shownTransform;
    // an SA pair listed, or packets both ways (show-alone.ts): the exchange that made it completed
    const complete = (inbound !== null && outbound !== null) || d.phase2.some((p) => p.complete);
    const child: ChildSa = { messageId: null, outcome: complete ? 'complete' : 'incomplete', transform, spis: { inbound, outbound }, trafficSelectors: null, refusal: null };
    children.push(child);
  }
  return { ...n, ...evidence, childSas: children };
}

/** `n`'s evidence with the transform lines show output lists under the SPIs (the algorithms its child SA uses, WEAK_CRYPTO's evidence). */
function withTransformLines(n: Negotiation, spis: readonly string[], shown: readonly ShownSpi[]): Pick<Negotiation, 'evidence' | 'evidenceSides'> {
  const known = new Set(n.evidence);
  const evidence = n.evidence.slice();
  for (const s of shown) {
    if (!spis.includes(s.spi)) continue;
    for (const e of s.said) {
      if (e.type !== 'show-ipsec-transform' || known.has(e)) continue;
      known.add(e);
      evidence.push(e);
    }
  }
  // printed by the router whose log this is: its side where the negotiation is one router's
  const side = n.role === 'initiator' || n.role === 'responder' ? n.role : null;
  return { evidence, evidenceSides: [...n.evidenceSides, ...evidence.slice(n.evidence.length).map(() => side)] };
}

/**
 * A block cut before its SAs (a guide's excerpt) whose counters show packets both ways: a child SA carried
 * traffic, so the exchange that made it completed; its SPIs unsaid. Nothing when the negotiation already has one.
 */
function withTrafficOnly(n: Negotiation, d: Draft): Negotiation {
  const carried = d.phase2.find((p) => p.complete);
  if (carried === undefined || (n.childSas ?? []).length > 0) return n;
  const selectors = carried.proxies === null ? null : { local: [carried.proxies.local], remote: [carried.proxies.remote] };
  const child: ChildSa = { messageId: null, outcome: 'complete', transform: null, spis: null, trafficSelectors: selectors, refusal: null };
  return { ...n, childSas: [child] };
}
