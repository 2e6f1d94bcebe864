/**
 * Drafts → Negotiations: each meaningful draft told as a one-sided negotiation, merged with the other router's
 * draft of the same exchange where the input holds both logs, and tied to the show-command output.
 */
import type { Negotiation } from '../analysis.ts';
import type { RecordTableBuilder } from '../log/record-table.ts';
import type { NegotiationBuilder } from './build.ts';
import type { Draft } from './draft.ts';
import { merged, partner, routerQueues } from './merge.ts';
import { oneSided, toSided, type Sided } from './one-sided.ts';
import { verify } from './verify.ts';
import { ikev2Negotiations } from './ikev2/finalize.ts';
import { isStrayDraft, strayEvents } from './stray-events.ts';
import type { StrayEvent } from '../analysis.ts';
import { withShownSas } from './ikev2/show-alone.ts';
import { ikev2PeerOf, withIpsecShow } from './ikev2/ipsec-show.ts';
import type { ShownSpi } from './show-output.ts';

/** Whether a draft holds anything worth showing. */
function meaningful(d: Draft): boolean {
  if (isStrayDraft(d)) return false;
  if (d.messages.length > 0 || d.transitions.length > 0 || d.phase2.length > 0 || d.informational.length > 0 || d.p1Failed || d.listed) return true;
  // IPsec asked for SAs, or a proposal was checked: a negotiation started even if the excerpt stops there
  return d.requestTransform !== null || d.offered !== null || (d.peer !== null && d.notable.length > 0);
}

export function finalizeNegotiations(builder: NegotiationBuilder, records: RecordTableBuilder): { negotiations: Negotiation[]; ikev2: Negotiation[]; events: StrayEvent[] } {
  // IKEv2 first, its records numbered once the IKEv1 ones are counted: `show crypto ipsec sa` of an IKEv2 peer joins it
  // record, negotiation, record, negotiation…: flat, as an IKEv2 log has a pair for each of its many records
  const numbered: number[] = [];
  const later = (record: number, n: number): void => void numbered.push(record, n);
  builder.ikev2.finish();
  const ikev2 = withShownSas(ikev2Negotiations(builder.ikev2.drafts, 0, later), builder.ikev2Shown.entries, 0, later);
  builder.newerPairs();
  const folded: { draft: Draft; into: number }[] = [];
  const sided = builder.drafts
    .filter(meaningful)
    .filter((d) => {
      const into = builder.ipsecShowOnly(d) ? ikev2PeerOf(d, ikev2) : -1;
      if (into >= 0) folded.push({ draft: d, into });
      else if (builder.ipsecShowIkev2(d)) {
        // SAs whose settings say IKEv2 made them, no other line of the peer: an IKEv2 negotiation, its child SA those SAs
        folded.push({ draft: d, into: ikev2.push(ikev2Shell(oneSided(toSided(d), 0), d, builder.show.shown)) - 1 });
        return false;
      }
      return into < 0;
    })
    .map(toSided);
  const used = new Set<Sided>();
  const out: { n: Negotiation; drafts: Draft[] }[] = [];
  const queues = routerQueues(sided);
  for (const a of sided) {
    if (used.has(a)) continue;
    const b = queues.length < 2 ? undefined : partner(a, queues, used);
    used.add(a);
    if (b) {
      used.add(b);
      const [init, resp] = a.side === 'initiator' || b.side === 'responder' ? [a, b] : [b, a];
      out.push({ n: merged(init, resp, out.length), drafts: [init.draft, resp.draft] });
    } else {
      out.push({ n: oneSided(a, out.length), drafts: [a.draft] });
    }
  }
  // records point at drafts while the log is read; now at the negotiations the drafts became
  const target = new Int32Array(builder.drafts.length).fill(-1);
  out.forEach((o, i) => o.drafts.forEach((d) => (target[d.index] = i)));
  for (const f of folded) {
    target[f.draft.index] = out.length + f.into;
    ikev2[f.into] = withIpsecShow(ikev2[f.into]!, f.draft, builder.show.shown);
  }
  records.renumberNegotiations(target);
  verify(builder.show, out.map((o) => o.n));
  for (let i = 0; i < numbered.length; i += 2) {
    const n = numbered[i + 1]!;
    records.setNegotiation(numbered[i]!, n < 0 ? n : out.length + n);
  }
  // numbered after the IKEv1 ones, now counted: these objects are this stage's own, not yet handed out
  ikev2.forEach((n, i) => (n.id = `n${out.length + i + 1}`));
  return { negotiations: out.map((o) => o.n), ikev2, events: strayEvents(builder.drafts) };
}

/**
 * The IKEv2 negotiation of SAs only `show crypto ipsec sa` lists, made of the one-sided view of their draft: its
 * ends, routers, lines and evidence; the IKE SA that made the listed SAs complete, implied; the child SA added by
 * `withIpsecShow` as for any IKEv2 peer.
 */
function ikev2Shell(n: Negotiation, d: Draft, shown: readonly ShownSpi[]): Negotiation {
  // the settings lines of its SAs that put ESP in UDP (`NAT-T-Encaps`): the NAT_T rule's evidence
  const spis = new Set(d.phase2.flatMap((p) => p.sas.map((x) => x.spi)));
  const udp = shown.filter((x) => spis.has(x.spi)).flatMap((x) => x.said.filter((e) => e.type === 'show-ipsec-settings' && e.encapsulation !== null && e.encapsulation.endsWith('-udp')));
  return {
    ...n,
    evidence: [...n.evidence, ...udp],
    evidenceSides: [...n.evidenceSides, ...udp.map(() => null)],
    ikeVersion: 2,
    phase1: { mode: null, outcome: 'complete', messages: [], transitions: [], proposal: null },
    phase2: [],
    ikeSa: { spis: null, outcome: 'complete', implied: true, messages: [], transitions: [], proposal: null },
    childSas: [],
    informational: [],
  };
}
