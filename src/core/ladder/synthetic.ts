import type { Side } from '../ike/sides.ts';
import type { MessageName, PayloadType } from '../ike/messages.ts';
import type { LineRef } from '../ike/line-ref.ts';
import type { Delivery, Message, Negotiation, Phase2, Transition } from '../analysis.ts';

/**
 * Negotiations made by hand, for the ladder's tests and its performance check: the shape the analysis gives,
 * without a log behind it. `syntheticNegotiation(n)` is a two-sided Main Mode followed by as many Quick Modes
 * as it takes to reach n messages, each router's lines in its own block.
 */

export interface MessageSpec {
  name: MessageName;
  from: Side;
  lines: LineRef[];
  payloads?: PayloadType[];
  retransmission?: boolean;
  attempt?: number;
  time?: number | null;
  messageId?: number;
  /** In a two-sided negotiation, which router printed which line (the analysis says so for merged logs). */
  sideLines?: { initiator: LineRef[]; responder: LineRef[] };
  delivery?: Delivery;
}

export function makeMessage(spec: MessageSpec): Message {
  const first = spec.lines[0] ?? { file: 0, line: 1 };
  return {
    name: spec.name,
    from: spec.from,
    lines: spec.lines,
    messageId: spec.messageId ?? 0,
    payloads: (spec.payloads ?? []).map((type) => ({ type, detail: null, line: first })),
    retransmission: spec.retransmission ?? false,
    attempt: spec.attempt ?? 1,
    time: spec.time ?? null,
    saState: null,
    ports: null,
    ...(spec.sideLines ? { sideLines: spec.sideLines } : {}),
    ...(spec.delivery ? { delivery: spec.delivery } : {}),
  };
}

export interface TransitionSpec {
  side: Side;
  from: string;
  to: string;
  line: LineRef;
  input?: string;
  allowed?: boolean | null;
  node?: number | null;
  time?: number | null;
}

export function makeTransition(spec: TransitionSpec): Transition {
  return {
    from: spec.from,
    to: spec.to,
    input: spec.input ?? 'IKE_MESG_FROM_PEER, IKE_MM_EXCH',
    line: spec.line,
    allowed: spec.allowed === undefined ? true : spec.allowed,
    side: spec.side,
    inputLine: { file: spec.line.file, line: spec.line.line - 1 },
    time: spec.time ?? null,
    node: spec.node ?? null,
  };
}

export interface NegotiationSpec {
  role?: Negotiation['role'];
  initiator?: { name: string; address: string; logged?: boolean };
  responder?: { name: string; address: string; logged?: boolean };
  phase1: { messages: Message[]; transitions: Transition[]; mode?: 'main' | 'aggressive' };
  phase2?: { messageId: number; messages: Message[]; transitions: Transition[] }[];
  informational?: Message[];
}

export function makeNegotiation(spec: NegotiationSpec): Negotiation {
  const initiator = spec.initiator ?? { name: 'R2', address: '2001:DB8::2' };
  const responder = spec.responder ?? { name: 'R3', address: '2001:DB8::3' };
  const role = spec.role ?? 'both';
  const phase2: Phase2[] = (spec.phase2 ?? []).map((p2) => ({
    messageId: p2.messageId,
    outcome: 'complete',
    messages: p2.messages,
    transform: null,
    encapsulation: null,
    spis: null,
    pfsGroup: null,
    transitions: p2.transitions,
    sas: [],
    proxies: null,
    lifetimeSeconds: null,
    lifetimeKb: null,
    verification: null,
  }));
  const negotiation: Omit<Negotiation, 'evidence' | 'evidenceSides'> = {
    id: `${initiator.address}-${responder.address}`,
    local: role === 'responder' ? responder.address : initiator.address,
    peer: role === 'responder' ? initiator.address : responder.address,
    role,
    ikeVersion: 1,
    phase1: {
      mode: spec.phase1.mode ?? 'main',
      outcome: 'complete',
      messages: spec.phase1.messages,
      transitions: spec.phase1.transitions,
      proposal: null,
    },
    phase2,
    findings: [],
    routers: {
      initiator: {
        side: 'initiator',
        name: initiator.name,
        address: initiator.address,
        logged: initiator.logged ?? role !== 'responder',
      },
      responder: {
        side: 'responder',
        name: responder.name,
        address: responder.address,
        logged: responder.logged ?? role !== 'initiator',
      },
    },
    informational: spec.informational ?? [],
    span: { first: { file: 0, line: 1 }, last: { file: 0, line: 1 } },
  };
  // No diagnosis evidence: the ladder does not read it.
  return { evidence: [], evidenceSides: [], ...negotiation } as Negotiation;
}

/**
 * Both routers' logs in one file, one block after the other as in the seed (a paste of both); each message
 * says which router printed which of its lines, as the analysis does for a merged negotiation.
 */
const FIRST_LINE: Record<Side, number> = { initiator: 1, responder: 10_000_001 };

/**
 * A two-sided negotiation of at least `messageCount` messages (rounded up to whole exchanges): Main Mode, then
 * Quick Modes with message IDs 1, 2, 3... Every message has a line in both routers' blocks, every state
 * change a line in its router's block, and times advance 4 ms a message from 08:33:43.000.
 */
export function syntheticNegotiation(messageCount: number): Negotiation {
  const nextLine: Record<Side, number> = { ...FIRST_LINE };
  let time = (8 * 3600 + 33 * 60 + 43) * 1000;
  const line = (side: Side): LineRef => {
    const ref = { file: 0, line: nextLine[side] };
    nextLine[side] += 2;
    return ref;
  };
  const send = (name: MessageName, from: Side, payloads: PayloadType[], messageId = 0): Message => {
    time += 4;
    const to: Side = from === 'initiator' ? 'responder' : 'initiator';
    const [sent, received] = [line(from), line(to)];
    const sideLines = from === 'initiator' ? { initiator: [sent], responder: [received] } : { initiator: [received], responder: [sent] };
    return makeMessage({ name, from, lines: [sent, received], payloads, time, messageId, sideLines });
  };
  const change = (side: Side, from: string, to: string, node: number | null = null): Transition =>
    makeTransition({ side, from, to, line: line(side), node, time, allowed: true });

  const mm: Message[] = [];
  const mmT: Transition[] = [];
  mmT.push(change('initiator', 'IKE_READY', 'IKE_I_MM1'));
  mm.push(send('MM1', 'initiator', ['SA', 'VID', 'VID', 'VID', 'VID']));
  mmT.push(change('responder', 'IKE_READY', 'IKE_R_MM1'));
  mm.push(send('MM2', 'responder', ['SA', 'VID', 'VID', 'VID', 'VID']));
  mmT.push(change('responder', 'IKE_R_MM1', 'IKE_R_MM2'));
  mmT.push(change('initiator', 'IKE_I_MM1', 'IKE_I_MM2'));
  mm.push(send('MM3', 'initiator', ['KE', 'NONCE', 'VID', 'VID', 'VID', 'VID']));
  mmT.push(change('initiator', 'IKE_I_MM2', 'IKE_I_MM3'));
  mmT.push(change('responder', 'IKE_R_MM2', 'IKE_R_MM3'));
  mm.push(send('MM4', 'responder', ['KE', 'NONCE', 'VID', 'VID', 'VID', 'VID']));
  mmT.push(change('responder', 'IKE_R_MM3', 'IKE_R_MM4'));
  mmT.push(change('initiator', 'IKE_I_MM3', 'IKE_I_MM4'));
  mm.push(send('MM5', 'initiator', ['ID', 'HASH', 'NOTIFY']));
  mmT.push(change('initiator', 'IKE_I_MM4', 'IKE_I_MM5'));
  mmT.push(change('responder', 'IKE_R_MM4', 'IKE_R_MM5'));
  mm.push(send('MM6', 'responder', ['ID', 'HASH']));
  mmT.push(change('responder', 'IKE_R_MM5', 'IKE_P1_COMPLETE'));
  mmT.push(change('initiator', 'IKE_I_MM5', 'IKE_I_MM6'));
  mmT.push(change('initiator', 'IKE_I_MM6', 'IKE_P1_COMPLETE'));

  const phase2: NonNullable<NegotiationSpec['phase2']> = [];
  for (let id = 1; mm.length + phase2.length * 3 < messageCount; id++) {
    const messages: Message[] = [];
    const transitions: Transition[] = [];
    messages.push(send('QM1', 'initiator', ['HASH', 'SA', 'NONCE', 'ID', 'ID'], id));
    transitions.push(change('initiator', 'IKE_QM_READY', 'IKE_QM_I_QM1', id));
    transitions.push(change('responder', 'IKE_QM_READY', 'IKE_QM_SPI_STARVE', id));
    messages.push(send('QM2', 'responder', ['HASH', 'SA', 'NONCE', 'ID', 'ID'], id));
    transitions.push(change('responder', 'IKE_QM_SPI_STARVE', 'IKE_QM_R_QM2', id));
    transitions.push(change('initiator', 'IKE_QM_I_QM1', 'IKE_QM_PHASE2_COMPLETE', id));
    messages.push(send('QM3', 'initiator', ['HASH'], id));
    transitions.push(change('responder', 'IKE_QM_R_QM2', 'IKE_QM_PHASE2_COMPLETE', id));
    phase2.push({ messageId: id, messages, transitions });
  }

  return makeNegotiation({ role: 'both', phase1: { messages: mm, transitions: mmT }, phase2 });
}
