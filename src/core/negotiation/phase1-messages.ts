/**
 * Packets become messages: a packet sent or received is named as its phase 1 message (from the state it was
 * printed in, or the next in order), told as a resend, or set aside for Quick Mode and informational exchanges.
 */
import type { PayloadSummary } from '../analysis.ts';
import type { LineRef } from '../ike/line-ref.ts';
import { AGGRESSIVE_MODE, MAIN_MODE, type MessageName } from '../ike/messages.ts';
import type { Draft, DraftMessage } from './draft.ts';
import { setSide } from './message-lines.ts';
import { latestQuickMode, placeLate } from './quick-mode.ts';
import { nextUnseen, printedMessage } from './step-names.ts';

export function packet(
  d: Draft,
  dir: 'out' | 'in',
  at: LineRef,
  time: number | null,
  state: string | null,
  role: 'I' | 'R' | 'N' | null,
  localPort: number | null,
  peerPort: number | null,
): void {
  if (role === 'I') setSide(d, 'initiator', 3);
  else if (role === 'R' || role === 'N') setSide(d, 'responder', 3);
  if (d.side === null && d.messages.length === 0 && d.phase2.length === 0) setSide(d, dir === 'out' ? 'initiator' : 'responder', 1);
  // a packet sent takes the lines printed while it was built
  let lines: LineRef[] = [at];
  if (dir === 'out') {
    lines = d.pending;
    lines.push(at);
    d.pending = [];
  }
  d.building = false;
  // QM_IDLE means phase 1 is done, unless the router's own states say it is not yet: a Quick Mode packet
  // that overtook the last phase 1 message, not a phase 1 message itself
  const early = state === 'QM_IDLE' && phase1Pending(d);
  if (state === 'QM_IDLE' && !early) d.p1Complete = true;
  if (state !== null && (state.startsWith('MM_') || state.startsWith('AG_'))) d.modeShown = true;
  // after completion only a resend of our last phase 1 message still goes out in a Main Mode state
  const late = (d.p1Complete || early) && !(dir === 'out' && d.retransmitPending && state !== null && (state.startsWith('MM_') || state.startsWith('AG_')));
  const m: DraftMessage = {
    name: null,
    dir,
    lines,
    packet: at,
    payloads: dir === 'out' ? d.pendingPayloads.splice(0) : [],
    time,
    saState: state,
    ports: localPort !== null && peerPort !== null ? { local: localPort, peer: peerPort } : null,
    messageId: late ? null : 0,
    retransmission: false,
    attempt: 1,
    late,
    notifies: [],
    firstUnnamed: 0,
    seemingVendor: null,
  };
  if (!late && dir === 'out' && m.payloads.some(isRefusal)) {
    informational(d, m);
  } else if (!late) {
    const side = d.side ?? (dir === 'out' ? 'initiator' : 'responder');
    let name: MessageName | null = null;
    if (state !== null) {
      const mode = state.startsWith('AG_') || d.mode === 'aggressive' ? 'aggressive' : 'main';
      name = printedMessage(mode, side, dir, state, d.received);
      if (state.startsWith('AG_')) becomeAggressive(d);
    }
    if (name === null) name = nextUnseen(d.mode, side, dir, d.messages);
    // a timer's resend is the last message this router sent, whatever state it is in by now
    if (dir === 'out' && d.retransmitPending) name = d.messages.lastName('out') ?? name;
    m.name = name;
    const earlier = d.messages.count(name);
    if (earlier > 0) {
      m.retransmission = true;
      m.attempt = earlier + 1;
    }
    if (dir === 'in' && name !== null) d.received.add(name);
    d.messages.push(m);
    if ((name === 'MM6' || name === 'AM3') && !m.retransmission && ((side === 'initiator') === (dir === 'in') || name === 'AM3')) {
      // phase 1 is complete once the last message went through, even without FSM lines
      d.p1Complete = d.p1Complete || d.transitions.length === 0;
    }
  } else if (dir === 'out' && d.pendingQuickNode !== null) {
    m.messageId = d.pendingQuickNode;
    d.pendingQuickNode = null;
    placeLate(d, m);
  } else if (dir === 'out' && d.retransmitPending && latestQuickMode(d) !== null) {
    // `retransmitting phase 2`: the Quick Mode message this router sent last, not a new exchange
    m.messageId = latestQuickMode(d)?.messageId ?? null;
    m.retransmission = true;
    placeLate(d, m);
  } else {
    d.informational.push(m);
  }
  d.retransmitPending = false;
  d.current = m;
}

/** `phase 1 (or 2) packet is a duplicate of a previous packet`: the packet just received is a resend by the peer. */
export function duplicate(d: Draft): void {
  const m = d.current;
  if (m === null) return;
  m.retransmission = true;
  if (m.dir !== 'in') return;
  const phase1State = m.saState !== null && (m.saState.startsWith('MM_') || m.saState.startsWith('AG_'));
  if (m.late && phase1State && m.messageId === null) {
    // phase 1 is complete here, but the peer missed our last message and resends its own (MM5 for a lost MM6)
    const i = d.informational.lastIndexOf(m);
    if (i >= 0) d.informational.splice(i, 1);
    m.late = false;
    m.messageId = 0;
    d.messages.push(m);
  }
  if (!m.late) {
    // printed in the state the router is in by now: a copy of what the peer sent last, not the next message
    const i = d.messages.lastIndexOf(m);
    const name = i > 0 ? d.messages.lastName('in', i) : null;
    if (name !== null) {
      d.messages.rename(m, name);
      // the others of its name, and itself
      m.attempt = d.messages.count(name);
    }
    return;
  }
  const quick = latestQuickMode(d);
  const i = d.informational.lastIndexOf(m);
  // a Quick Mode resend prints no message ID: it belongs to the latest Quick Mode
  if (m.messageId === null && i >= 0 && quick !== null) {
    d.informational.splice(i, 1);
    m.messageId = quick.messageId;
    placeLate(d, m);
  } else if (m.messageId === null && i >= 0 && m.saState === 'QM_IDLE') {
    // no Quick Mode yet: a copy of the peer's first phase 2 packet, which the Quick Mode to come answers
    d.earlyPhase2.push(m);
  }
}

/** A phase 1 packet that is an informational exchange: named by its payloads, numbered among its likes. */
export function informational(d: Draft, m: DraftMessage): void {
  m.name = null;
  m.retransmission = false;
  m.attempt = 1 + d.informational.filter((x) => x.dir === m.dir && x.messageId === m.messageId && x.payloads.some(isRefusal)).length;
  d.informational.push(m);
}

const PAYLOAD_BIT: Readonly<Partial<Record<string, number>>> = { SA: 1, KE: 2, NONCE: 4, ID: 8 };

/**
 * A phase 1 payload processed (or built) in the message at hand: SA, KE, NONCE and ID in one message of the
 * first exchange is Aggressive Mode's first message or its answer, even when no state line says the mode (Main
 * Mode carries them in three messages: SA; KE and NONCE; ID). The payloads of a message are those since its
 * packet line, or since the last one when the excerpt starts after it.
 */
export function exchangePayload(d: Draft, type: string, messageId: number | null): void {
  if (d.mode === 'aggressive' || d.p1Complete || (messageId !== null && messageId !== 0) || d.messages.length > 2) return;
  d.exchangePayloads |= PAYLOAD_BIT[type] ?? 0;
  if (d.exchangePayloads === 15) becomeAggressive(d);
}

/**
 * The exchange turns out to be Aggressive Mode: a responder's `(N) NEW SA` packet is printed before any
 * state tells the mode, so the first message and its answer were named as Main Mode's.
 */
export function becomeAggressive(d: Draft): void {
  d.modeShown = true;
  if (d.mode === 'aggressive') return;
  d.mode = 'aggressive';
  for (const m of d.messages.all) {
    const at = m.name === 'MM1' || m.name === 'MM2' ? MAIN_MODE.indexOf(m.name) : -1;
    const renamed = AGGRESSIVE_MODE[at];
    if (renamed !== undefined) d.messages.rename(m, renamed);
  }
}

/** The router printed phase 1 states and the latest is not yet IKE_P1_COMPLETE. */
function phase1Pending(d: Draft): boolean {
  const t = d.transitions[d.transitions.length - 1];
  return t !== undefined && !d.p1Complete && t.to !== 'IKE_P1_COMPLETE' && t.to !== 'IKE_DEST_SA';
}

/** A NOTIFY that refuses the peer's proposal. */
export function isRefusal(p: PayloadSummary): boolean {
  return p.type === 'NOTIFY' && p.detail !== null && p.detail.indexOf('PROPOSAL_CHOSEN') >= 0;
}
