/**
 * IKEv2 drafts → negotiations: one per IKE SA, the two routers' drafts of one SA merged by its SPI pair
 * (SESSION and SA IDs, and the ASA's tags, are each router's own). The messages keep the log's order; a
 * merged message carries the lines of both routers.
 */
import type { ChildSa, IkeSa, Ikev2Message, Negotiation, Outcome, Router, Transition } from '../../analysis.ts';
import type { LineRef } from '../../ike/line-ref.ts';
import { otherSide, type Side } from '../../ike/sides.ts';
import type { V2Draft, V2DraftMessage } from './draft.ts';
import { markLiveness } from './liveness.ts';

const ZERO_SPI = '0000000000000000';

function compare(a: LineRef, b: LineRef): number {
  return a.file - b.file || a.line - b.line;
}

/** Who sent a message: the original initiator's flag when decoded, else the printing router's side and the direction. */
function sender(m: V2DraftMessage, side: Side | null): Side {
  if (m.fromInitiator !== null) return m.fromInitiator ? 'initiator' : 'responder';
  if (side !== null) return m.dir === 'out' ? side : otherSide(side);
  // IKE_SA_INIT and IKE_AUTH are always asked by the initiator
  return m.response ? 'responder' : 'initiator';
}

function message(m: V2DraftMessage, side: Side | null, withDir: boolean): Ikev2Message {
  const from = sender(m, side);
  const printer: Side = m.dir === 'out' ? from : otherSide(from);
  const out: Ikev2Message = {
    name: m.exchange,
    response: m.response,
    messageId: m.messageId,
    from,
    lines: sorted(m.lines),
    payloads: m.payloads,
    encrypted: m.encrypted,
    retransmission: m.attempt > 1,
    attempt: m.attempt,
    time: m.time,
    packetLines: printer === 'initiator' ? { initiator: m.packetLine } : { responder: m.packetLine },
  };
  if (m.liveness) out.liveness = true;
  if (withDir) out.dir = m.dir;
  return out;
}

/** A copy of `lines` in input order: one router's lines come in that order already, and are not sorted again. */
function sorted(lines: readonly LineRef[]): LineRef[] {
  const copy = lines.slice();
  for (let i = 1; i < copy.length; i += 1) if (compare(copy[i - 1]!, copy[i]!) > 0) return copy.sort(compare);
  return copy;
}

/** SM Trace lines → each change of state, with the event printed in the state it left. */
function transitions(d: V2Draft, side: Side): Transition[] {
  const out: Transition[] = [];
  for (let i = 1; i < d.states.length; i += 1) {
    const prev = d.states[i - 1];
    const cur = d.states[i];
    if (prev === undefined || cur === undefined || prev.state === cur.state) continue;
    out.push({ from: prev.state, to: cur.state, input: prev.event, line: cur.line, allowed: null, side, inputLine: prev.line, time: cur.time, node: null });
  }
  return out;
}

function ikeOutcome(ds: readonly V2Draft[]): Outcome {
  if (ds.some((d) => d.up)) return 'complete';
  if (ds.some((d) => d.failures.length > 0 || d.states.some(failsTheSa))) return 'failed';
  return 'incomplete';
}

/**
 * SM Trace's own word that the negotiation failed: EV_FAIL (every capture prints it on a failure path only:
 * INIT_DONE or AUTH_DONE, then EXIT), also where the excerpt holds no error line of the failure.
 */
function failsTheSa(s: { event: string }): boolean {
  return s.event === 'EV_FAIL';
}

/**
 * The initiator's state machine read the IKE_AUTH response without a child SA in it: it went on from I_PROC_AUTH
 * to AUTH_DONE with no EV_PROC_SA_TS, the step that takes the child SA's proposal and selectors. Every success
 * capture prints that step (corpus 29, 33, 38); an ASA whose child SA the responder refused does not (corpus 27,
 * whose response shows NO_PROPOSAL_CHOSEN, and CAIDA's no-crypto-map-peer initiator, whose response is not decoded).
 */
function readAuthResponseWithoutChild(d: Pick<V2Draft, 'side' | 'states'>): boolean {
  if (d.side !== 'initiator') return false;
  let processing = false;
  for (const s of d.states) {
    if (s.state === 'I_PROC_AUTH') {
      if (s.event === 'EV_PROC_SA_TS') return false;
      processing = true;
    } else if (processing && s.state === 'AUTH_DONE') return true;
  }
  return false;
}

/**
 * A CREATE_CHILD_SA request that rekeys the IKE SA, not a child: it carries a KE and an SA but no traffic
 * selectors (RFC 7296 1.3.2). One whose payloads the log does not show (only ENCR) is not told apart: kept as a child.
 */
function rekeysIkeSa(m: Ikev2Message): boolean {
  const p = m.payloads;
  return p.includes('SA') && p.includes('KE') && !p.includes('TSi') && !p.includes('TSr') && !p.includes('NOTIFY(REKEY_SA)');
}

/**
 * The child SAs: the first negotiated in IKE_AUTH (or the first CREATE_CHILD_SA of an excerpt that holds no
 * IKE_AUTH), then one per later CREATE_CHILD_SA exchange that creates or rekeys a child, by its message ID. The
 * proposal, SPIs and selectors the log prints are the first child's; a later one has its outcome and refusal.
 */
function childSas(ds: readonly V2Draft[], messages: readonly Ikev2Message[], localSide: Side): ChildSa[] {
  const carriers: Ikev2Message[] = [];
  for (const m of messages) {
    if (m.response || (m.name !== 'IKE_AUTH' && m.name !== 'CREATE_CHILD_SA')) continue;
    if (m.name === 'CREATE_CHILD_SA' && rekeysIkeSa(m)) continue;
    if (carriers.some((c) => c.name === m.name && c.messageId === m.messageId && c.from === m.from)) continue;
    carriers.push(m);
  }
  const up = ds.some((d) => d.up);
  const failed = ds.some((d) => d.failures.length > 0);
  const noChild = ds.some(readAuthResponseWithoutChild);
  return carriers.map((carrier, i) => {
    const response = messages.find((m) => m.name === carrier.name && m.response && m.messageId === carrier.messageId);
    const refusal = ds.flatMap((d) => d.childRefusals).find((r) => r.messageId === carrier.messageId) ?? null;
    const withoutChild = i === 0 && carrier.name === 'IKE_AUTH' && noChild;
    const outcome: Outcome = refusal !== null || withoutChild || (i === 0 && failed && !up) ? 'failed' : response !== undefined && up ? 'complete' : 'incomplete';
    if (i > 0) return { messageId: carrier.messageId, outcome, transform: null, spis: null, trafficSelectors: null, refusal: refusal?.notify ?? null };
    const own = ds.find((d) => d.side === localSide) ?? ds[0];
    const proposal = ds.map((d) => d.childProposal).find((p) => p !== null) ?? null;
    const spis = own === undefined || (own.childSpis.inbound === null && own.childSpis.outbound === null) ? null : { ...own.childSpis };
    const ts = ds.map((d) => d.selectors).find((s) => s !== null) ?? null;
    return {
      messageId: carrier.messageId,
      outcome,
      transform: proposal === null ? null : proposal.join(' '),
      spis,
      trafficSelectors: ts === null ? null : localSide === 'initiator' ? { local: ts.initiator, remote: ts.responder } : { local: ts.responder, remote: ts.initiator },
      refusal: refusal?.notify ?? null,
    };
  });
}

function router(side: Side, d: V2Draft | undefined, address: string | null, logged: boolean): Router {
  return { side, name: (logged ? d?.name : null) ?? address ?? '?', address: address ?? '', logged };
}

/** The drafts' evidence in log order, each event with the side of the router that printed it. */
function evidenceOf(ds: readonly V2Draft[]): Pick<Negotiation, 'evidence' | 'evidenceSides'> {
  const all = ds.flatMap((d) => d.evidence.map((e) => ({ e, side: d.side })));
  // one router's evidence came in input order: sorting it again, as a merged pair's must be, changes nothing
  if (!inOrder(all)) all.sort((a, b) => compare(a.e.at, b.e.at));
  return { evidence: all.map((x) => x.e), evidenceSides: all.map((x) => x.side) };
}

function inOrder(all: readonly { e: { at: LineRef } }[]): boolean {
  for (let i = 1; i < all.length; i += 1) if (compare(all[i - 1]!.e.at, all[i]!.e.at) > 0) return false;
  return true;
}

/** What a message and the other router's copy of it share: exchange, request or response, message ID, attempt. */
function copyKey(m: V2DraftMessage): string {
  return `${m.exchange} ${m.response ? 'response' : 'request'} ${m.messageId} ${m.attempt}`;
}

/** One negotiation from one router's draft, or from both routers' drafts of the same SA. */
function negotiation(ds: V2Draft[], index: number): Negotiation {
  for (const d of ds) markLiveness(d.messages);
  const merged = ds.length === 2;
  const a = ds[0]!;
  const side: Side | null = merged ? 'initiator' : a.side;
  const own: Side = side ?? 'initiator';
  const messages: Ikev2Message[] = [];
  if (merged) {
    const [init, resp] = a.side === 'initiator' ? [a, ds[1]!] : [ds[1]!, a];
    // the initiator's log gives the order; the responder's copy of each message adds its lines
    const copies = new Map<string, V2DraftMessage[]>();
    for (const r of resp.messages) {
      const key = copyKey(r);
      const list = copies.get(key);
      if (list === undefined) copies.set(key, [r]);
      else list.push(r);
    }
    const taken = new Set<V2DraftMessage>();
    for (const m of init.messages) {
      const mine = message(m, 'initiator', false);
      const copy = copies.get(copyKey(m))?.find((r) => !taken.has(r));
      if (copy !== undefined) {
        taken.add(copy);
        const other = message(copy, 'responder', false);
        mine.sideLines = { initiator: mine.lines, responder: other.lines };
        mine.lines = [...mine.lines, ...other.lines];
        mine.packetLines = { ...mine.packetLines, ...other.packetLines };
        // the sender prints what it built; the receiver what it decrypted
        const sent = m.dir === 'out' ? m : copy;
        const got = m.dir === 'out' ? copy : m;
        mine.payloads = sent.payloads.length === 1 && sent.payloads[0] === 'ENCR' ? got.payloads : sent.payloads;
        if (copy.liveness) mine.liveness = true;
      } else {
        mine.sideLines = { initiator: mine.lines, responder: [] };
      }
      messages.push(mine);
    }
    for (const r of resp.messages) {
      if (taken.has(r)) continue;
      const theirs = message(r, 'responder', false);
      theirs.sideLines = { initiator: [], responder: theirs.lines };
      messages.push(theirs);
    }
  } else {
    for (const m of a.messages) messages.push(message(m, a.side, true));
  }
  const init = ds.find((d) => d.side === 'initiator');
  const resp = ds.find((d) => d.side === 'responder');
  // one router's lines that do not show its role: it is in the lane it is drawn in, and its log is there
  const placed = (s: Side): V2Draft | undefined => (s === 'initiator' ? init : resp) ?? (side === null && s === own ? a : undefined);
  const initAddress = init?.local ?? resp?.peer ?? (own === 'initiator' ? a.local : a.peer);
  const respAddress = resp?.local ?? init?.peer ?? (own === 'responder' ? a.local : a.peer);
  const responderSpi = ds.map((d) => d.spis.responder).find((s) => s !== ZERO_SPI) ?? ZERO_SPI;
  const outcome = ikeOutcome(ds);
  const ikeSa: IkeSa = {
    spis: a.noSpis ? null : { initiator: a.spis.initiator, responder: responderSpi },
    outcome,
    messages,
    transitions: ds.flatMap((d) => transitions(d, d.side ?? own)),
    proposal: (() => {
      const p = ds.map((d) => d.ikeProposal).find((x) => x !== null) ?? null;
      return p === null ? null : { transforms: p };
    })(),
  };
  const first = ds.map((d) => d.first).sort(compare)[0]!;
  const last = ds.map((d) => d.last).sort(compare)[ds.length - 1]!;
  return {
    id: `n${index + 1}`,
    local: (own === 'initiator' ? initAddress : respAddress) ?? '',
    peer: (own === 'initiator' ? respAddress : initAddress) ?? '',
    role: merged ? 'both' : (side ?? 'unknown'),
    ikeVersion: 2,
    phase1: { mode: null, outcome, messages: [], transitions: [], proposal: null },
    phase2: [],
    ikeSa,
    childSas: childSas(ds, messages, own),
    findings: [],
    routers: { initiator: router('initiator', placed('initiator'), initAddress ?? null, placed('initiator') !== undefined), responder: router('responder', placed('responder'), respAddress ?? null, placed('responder') !== undefined) },
    informational: [],
    span: { first, last },
    ...evidenceOf(ds),
  };
}

/**
 * The IKEv2 negotiations, numbered after the `before` IKEv1 ones; each draft's records are pointed at the
 * negotiation it became.
 */
export function ikev2Negotiations(drafts: readonly V2Draft[], before: number, setNegotiation: (record: number, n: number) => void): Negotiation[] {
  const groups: V2Draft[][] = [];
  /** The group a draft is alone in, until its partner joins it. */
  const alone = new Map<V2Draft, V2Draft[]>();
  const bySpi = new Map<string, V2Draft[]>();
  for (const d of drafts) {
    if (d.messages.length === 0 && d.states.length === 0 && d.noSpis !== true) {
      for (const r of d.records) setNegotiation(r, -1);
      continue;
    }
    const partner = d.noSpis ? undefined : bySpi.get(d.spis.initiator)?.find((o) => o.file !== d.file && o.side !== null && d.side !== null && o.side !== d.side);
    const group = partner === undefined ? undefined : alone.get(partner);
    if (group !== undefined) {
      group.push(d);
      alone.delete(partner!);
    } else {
      const own = [d];
      groups.push(own);
      alone.set(d, own);
    }
    const list = bySpi.get(d.spis.initiator);
    if (list === undefined) bySpi.set(d.spis.initiator, [d]);
    else list.push(d);
  }
  return groups.map((g, i) => {
    for (const d of g) for (const r of d.records) setNegotiation(r, before + i);
    return negotiation(g, before + i);
  });
}
