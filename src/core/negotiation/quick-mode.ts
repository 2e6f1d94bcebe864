/**
 * Quick Mode while the log is read: each phase 2 by its message ID, the late packets placed in it, and what
 * its lines tell of the proposal, the IPsec request and the SAs created.
 */
import type { Encapsulation } from '../analysis.ts';
import type { IkeEvent } from '../log/events.ts';
import type { LineRef } from '../ike/line-ref.ts';
import type { Draft, DraftMessage, DraftPhase2 } from './draft.ts';
import { setSide } from './message-lines.ts';
import { lookupTable } from '../ike/lookup-table.ts';

const ENCAPS = lookupTable<Encapsulation>({
  '1': 'tunnel',
  '2': 'transport',
  '3': 'tunnel-udp',
  '4': 'transport-udp',
  '61443': 'tunnel-udp',
  '61444': 'transport-udp',
});

/** A late packet's message ID became known from the lines after it. */
export function resolveNode(d: Draft, node: number): void {
  const m = d.current;
  if (m !== null && !m.late && m.dir === 'in' && m.retransmission && m.messageId === 0 && m.lines.length === 1 && d.messages.last() === m) {
    // a packet printed in a phase 1 state that repeats a name already received, right away given an exchange of its
    // own (`set new node N`): an informational exchange in the middle of phase 1 (RESPONDER_LIFETIME in MM6), not a resend
    d.messages.pop();
    m.name = null;
    m.retransmission = false;
    m.attempt = 1;
    m.late = true;
    m.messageId = null;
    d.informational.push(m);
  }
  if (m !== null && m.late && m.messageId === null) {
    m.messageId = node;
    const i = d.informational.lastIndexOf(m);
    if (i >= 0) d.informational.splice(i, 1);
    placeLate(d, m);
  }
  d.activePhase2 = phase2ById(d, node);
}

export function placeLate(d: Draft, m: DraftMessage): void {
  const p = phase2ById(d, m.messageId ?? 0);
  if (p.messages.length === 0 && m.dir === 'in' && p.messageId !== 0) takeEarlyCopies(d, p);
  p.messages.push(m);
  if (p.side === null) p.side = m.dir === 'out' ? 'initiator' : 'responder';
  d.activePhase2 = p;
}

/**
 * The copies of the peer's phase 2 packet received before any Quick Mode (`Draft.earlyPhase2`) open the
 * first Quick Mode this router receives: the first is the peer's first sending, the rest its resends.
 */
function takeEarlyCopies(d: Draft, p: DraftPhase2): void {
  const early = d.earlyPhase2;
  if (early.length === 0) return;
  const moved = new Set(early);
  d.informational = d.informational.filter((x) => !moved.has(x));
  early.forEach((m, k) => {
    m.messageId = p.messageId;
    m.retransmission = k > 0;
    p.messages.push(m);
  });
  d.earlyPhase2 = [];
}

export function phase2ById(d: Draft, node: number): DraftPhase2 {
  let p = d.phase2ByNode.get(node);
  if (!p) {
    p = newPhase2(node);
    d.phase2.push(p);
    d.phase2ByNode.set(node, p);
  }
  return p;
}

function newPhase2(node: number): DraftPhase2 {
  return {
    messageId: node,
    messages: [],
    transitions: [],
    side: null,
    cipher: null,
    keyLength: null,
    authenticator: null,
    encapsulation: null,
    pfsGroup: null,
    lifetimeSeconds: null,
    lifetimeKb: null,
    requestTransform: null,
    createdTransform: null,
    proxies: null,
    sas: [],
    complete: false,
    failed: false,
    informational: false,
    quick: false,
  };
}

export function quickAttribute(d: Draft, e: IkeEvent): void {
  const p = d.activePhase2;
  if (!p) return;
  p.quick = true;
  switch (e.type) {
    case 'p2-transform':
      p.cipher = e.name;
      break;
    case 'p2-attr':
      switch (e.attr) {
        case 'encaps': {
          const code = e.value.split(' ')[0] ?? '';
          p.encapsulation = ENCAPS[code] ?? null;
          break;
        }
        case 'authenticator':
          p.authenticator = e.value;
          break;
        case 'keyLength':
          p.keyLength = e.number;
          break;
        case 'group':
          p.pfsGroup = e.number;
          break;
        case 'lifeDuration':
          // seconds come first in IOS output; kilobytes follow their own `life type in kilobytes` line
          if (p.lifetimeSeconds === null) p.lifetimeSeconds = e.number;
          else p.lifetimeKb = e.number;
          break;
        default:
          break;
      }
      break;
    case 'p2-atts':
      if (!e.acceptable) p.failed = true;
      break;
    default:
      break;
  }
}

export function ipsecRequest(d: Draft, e: Extract<IkeEvent, { type: 'ipsec-request' }>): void {
  if (e.local !== null && d.local === null) d.local = e.local;
  if (e.kind === 'sa_request') {
    if (d.side === null) setSide(d, 'initiator', 1);
    if (e.transform !== null) d.requestTransform = e.transform;
    if (e.localProxy && e.remoteProxy) d.requestProxies = { local: e.localProxy, remote: e.remoteProxy };
    return;
  }
  // the responder checks a Quick Mode's proposal: when its packet is not in the paste, the check is its start
  const active = d.activePhase2;
  const p =
    e.kind === 'validate' &&
    (active === null || (active.messages.length === 0 && (active.failed || active.complete)))
      ? quickModeSeenAlone(d, 'responder')
      : active;
  if (!p) return;
  if (e.transform !== null && p.requestTransform === null) p.requestTransform = e.transform;
  if (e.localProxy && e.remoteProxy) p.proxies = { local: e.localProxy, remote: e.remoteProxy };
}

export function ipsecSa(d: Draft, e: Extract<IkeEvent, { type: 'ipsec-sa' }>): void {
  const p = d.activePhase2 ?? d.phase2[d.phase2.length - 1];
  if (!p) return;
  let direction = e.direction;
  if (direction === null && e.dest !== null) {
    if (e.dest === d.local || d.router.locals.has(e.dest)) direction = 'inbound';
    else if (e.dest === d.peer) direction = 'outbound';
  }
  if (direction === null) direction = p.sas.some((s) => s.direction === 'inbound') ? 'outbound' : 'inbound';
  if (e.transform !== null) p.createdTransform = e.transform;
  if (e.lifetimeSeconds !== null) p.lifetimeSeconds = e.lifetimeSeconds;
  if (e.lifetimeKb !== null) p.lifetimeKb = e.lifetimeKb;
  p.sas.push({
    direction,
    spi: e.spi,
    spiDecimal: e.spiDecimal,
    transform: e.transform,
    lifetimeKb: e.lifetimeKb,
    lifetimeSeconds: e.lifetimeSeconds,
    line: e.at,
    status: null,
    statusLine: null,
  });
}

/**
 * A Quick Mode told by IPsec's lines alone (a proposal check, a refusal, an SA created), with no ISAKMP line to
 * give its message ID: the latest such one, or a new one under message ID 0.
 */
export function quickModeSeenAlone(d: Draft, side: 'initiator' | 'responder' | null = null): DraftPhase2 {
  const active = d.activePhase2;
  let p: DraftPhase2;
  if (active !== null && !(side !== null && (active.failed || active.complete))) {
    p = active;
  } else if (active === null && !d.phase2ByNode.has(0)) {
    p = phase2ById(d, 0);
  } else {
    // a new proposal check after that Quick Mode ended: the next Quick Mode, its message ID not printed either
    p = newPhase2(0);
    d.phase2.push(p);
    d.phase2ByNode.set(0, p);
  }
  p.quick = true;
  if (side !== null && p.side === null) {
    p.side = side;
    setSide(d, side, 1);
  }
  d.activePhase2 = p;
  return p;
}

/** The SA the router now sends on (`update_current_outbound_sa`): its Quick Mode completed and installed it. */
export function ipsecOutbound(d: Draft, spi: string, at: LineRef): void {
  const p = d.activePhase2 ?? d.phase2[d.phase2.length - 1] ?? quickModeSeenAlone(d);
  p.quick = true;
  p.complete = true;
  if (!p.sas.some((s) => s.spi === spi)) {
    p.sas.push({
      direction: 'outbound',
      spi,
      spiDecimal: Number.parseInt(spi.slice(2), 16),
      transform: null,
      lifetimeKb: null,
      lifetimeSeconds: null,
      line: at,
      status: null,
      statusLine: null,
    });
  }
}

/** The latest Quick Mode of the draft. */
export function latestQuickMode(d: Draft): DraftPhase2 | null {
  for (let i = d.phase2.length - 1; i >= 0; i -= 1) {
    const p = d.phase2[i];
    if (p && p.quick) return p;
  }
  return null;
}

/** The latest Quick Mode of the draft that has not completed. */
export function openQuickMode(d: Draft): DraftPhase2 | null {
  for (let i = d.phase2.length - 1; i >= 0; i -= 1) {
    const p = d.phase2[i];
    if (p && p.quick && !p.complete) return p;
  }
  return null;
}
