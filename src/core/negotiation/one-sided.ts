/** A draft told as a one-sided negotiation: what one router's log shows of it, before any merging. */
import { transactionMessage } from '../ike/transaction.ts';
import type { Message, Negotiation, Phase2, Router } from '../analysis.ts';
import type { MessageName } from '../ike/messages.ts';
import { otherSide, type Side } from '../ike/sides.ts';
import { compareMaybeLines, message, peerRouter, proposal, routerOf, span } from './contract-view.ts';
import { markDelivery, printedInOneLog, refusedInOneLog } from './delivery.ts';
import type { Draft, DraftMessage } from './draft.ts';
import { withImpliedPayloads } from './implied-payloads.ts';
import { nameForMode, phase1View, type Phase1View } from './phase1-outcome.ts';
import { phase2Of } from './quick-mode-names.ts';

/** A one-sided negotiation with what merging needs to know about it. */
export interface Sided {
  draft: Draft;
  side: Side | null;
  phase1: Message[];
  phase2: Phase2[];
  informational: Message[];
  /** Phase 1 as this router's lines tell it. */
  p1: Phase1View;
}

export function toSided(d: Draft): Sided {
  const side = d.side;
  const phase1 = d.messages.all.map((m) => message(m, side));
  const informational = d.informational.map((m) => message(m, side, m.name ?? infoName(m, d)));
  const phase2: Phase2[] = [];
  for (const p of d.phase2) {
    const quick = p.quick || p.messages.some((m) => m.payloads.some((x) => x.type === 'SA'));
    if (!quick) {
      for (const m of p.messages) informational.push(message(m, side, infoName(m, d)));
      continue;
    }
    phase2.push(phase2Of(d, p));
  }
  informational.sort((x, y) => compareMaybeLines(x.lines[0], y.lines[0]));
  const p1 = phase1View(d);
  // the draft's message arrays have been copied: drop them now rather than after every draft is done
  d.messages.clear();
  d.informational = [];
  for (const p of d.phase2) p.messages = [];
  return { draft: d, side, phase1, phase2, informational, p1 };
}

/** `Input = IKE_MESG_INTERNAL, IKE_PHASE1_DEL`: the router itself deletes its ISAKMP SA (or, PHASE2_DEL, an IPsec SA). */
const DELETES = /IKE_PHASE[12]_DEL$/;

function infoName(m: DraftMessage, d: Draft): MessageName {
  if (m.payloads.some((p) => p.type === 'DELETE')) return 'DELETE';
  // the transaction exchange: by the packet's state, or its attribute payload (mode config runs in QM_IDLE)
  const transaction = transactionMessage(m.saState);
  if (transaction !== null) return transaction;
  if (m.payloads.some((p) => p.type === 'ATTR')) return 'MODE_CFG';
  // IOS prints no DELETE payload for the notify it sends when it deletes an SA itself: the packet it sends as
  // the delete input comes is that notify (`sending packet ... QM_IDLE`, `purging node`, `IKE_PHASE1_DEL`)
  if (m.dir === 'out' && m.payloads.length === 0 && d.transitions.some((t) => DELETES.test(t.input) && m.lines.some((l) => l.file === t.line.file && l.line === t.line.line))) return 'DELETE';
  if (m.notifies.some((n) => n.indexOf('R_U_THERE') >= 0) || m.payloads.some((p) => p.type === 'NOTIFY' && (p.detail ?? '').indexOf('R_U_THERE') >= 0)) return 'DPD';
  if (m.payloads.some((p) => p.type === 'NOTIFY')) return 'NOTIFY';
  return 'UNKNOWN';
}

export function oneSided(s: Sided, index: number): Negotiation {
  const d = s.draft;
  const side = s.side;
  // a router whose role no line shows but which refused a Quick Mode offer was that offer's responder: it takes the
  // responder's place, so the refusal is told as its own (the role itself stays unknown)
  const own = side ?? (d.notable.some((e) => e.type === 'p2-rejected' || e.type === 'ipsec-rejected') ? 'responder' : 'initiator');
  const row = side === null ? d.unplacedRow : null;
  if (row !== null) return unplaced(s, index, row);
  const local = routerOf(d, own);
  const remote = peerRouter(d, otherSide(own));
  const refused = refusedInOneLog(s.informational);
  nameForMode(s.phase1, s.p1.mode);
  markDelivery(s.phase1, printedInOneLog, refused);
  for (const p of s.phase2) markDelivery(p.messages, printedInOneLog, refused);
  withImpliedPayloads(s.phase1);
  for (const p of s.phase2) withImpliedPayloads(p.messages);
  return {
    id: `n${index + 1}`,
    local: local.address || (d.router.name ?? ''),
    peer: d.peer ?? '',
    role: side ?? 'unknown',
    ikeVersion: 1,
    phase1: phase1Of(s),
    phase2: s.phase2,
    findings: [],
    routers: own === 'initiator' ? { initiator: local, responder: remote } : { initiator: remote, responder: local },
    informational: s.informational,
    span: span([d]),
    evidence: d.notable,
    evidenceSides: new Array<Side | null>(d.notable.length).fill(side),
  };
}

/** The phase 1 one router's lines tell (no spread: a long log has thousands of negotiations). */
function phase1Of(s: Sided): Negotiation['phase1'] {
  const { mode, outcome } = s.p1;
  const messages = s.phase1;
  const transitions = s.draft.transitions;
  const p = proposal(s.draft);
  return s.p1.implied ? { mode, outcome, implied: true, messages, transitions, proposal: p } : { mode, outcome, messages, transitions, proposal: p };
}

/**
 * An SA that one `show crypto isakmp sa` row lists, and nothing else: IOS lists it from its initiator (`src`) to
 * its responder (`dst`), but which of the two printed it no line says. Its ends are named as the row names them;
 * the router that printed it is known by its prompt at most, and its peer not at all.
 */
function unplaced(s: Sided, index: number, row: { src: string; dst: string }): Negotiation {
  const d = s.draft;
  const end = (side: Side, address: string): Router => ({ side, name: address, address, logged: false });
  return {
    id: `n${index + 1}`,
    local: d.router.name ?? '',
    peer: '',
    role: 'unknown',
    ikeVersion: 1,
    phase1: phase1Of(s),
    phase2: s.phase2,
    findings: [],
    routers: { initiator: end('initiator', row.src), responder: end('responder', row.dst) },
    informational: s.informational,
    span: span([d]),
    evidence: d.notable,
    evidenceSides: new Array<Side | null>(d.notable.length).fill(null),
  };
}
