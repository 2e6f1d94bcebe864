/**
 * The contract's view of a draft: its messages, its phase 1 proposal, its two routers and the lines it spans,
 * as the Analysis types tell them.
 */
import type { Message, Phase1Proposal, Router } from '../analysis.ts';
import { otherSide, type Side } from '../ike/sides.ts';
import { compareLines, type LineRef } from '../ike/line-ref.ts';
import type { Draft, DraftMessage } from './draft.ts';

/** The contract's message; `name`, `retransmission` and `attempt` as finally told, when they differ from the draft's. */
export function message(m: DraftMessage, side: Side | null, name = m.name, retransmission = m.retransmission, attempt = m.attempt): Message {
  const own = side ?? (m.dir === 'out' ? 'initiator' : 'responder');
  return {
    name: name ?? 'UNKNOWN',
    from: m.dir === 'out' ? own : otherSide(own),
    dir: m.dir,
    // exact-size copies: arrays grown line by line carry spare capacity, a long log holds thousands of them
    lines: m.lines.slice(),
    packetLines: own === 'initiator' ? { initiator: m.packet } : { responder: m.packet },
    messageId: m.messageId ?? 0,
    payloads: m.payloads.slice(),
    retransmission,
    attempt,
    time: m.time,
    saState: m.saState,
    ports: m.ports,
  };
}

export function proposal(d: Draft): Phase1Proposal | null {
  const p = d.accepted ?? d.offered ?? d.shownProposal;
  if (p === null || (p.encryption === null && p.hash === null)) return null;
  return {
    encryption: p.encryption ?? '',
    keyLength: p.keyLength,
    hash: p.hash ?? '',
    group: p.group,
    auth: p.auth ?? '',
    lifetimeSeconds: d.actualLifetime ?? p.lifetimeSeconds,
  };
}

export function localAddress(d: Draft): string | null {
  if (d.local !== null) return d.local;
  for (const a of d.router.locals) return a;
  return null;
}

/** `known`: the address the other router's log gives this one, when this router's own log never prints it. */
export function routerOf(d: Draft, side: Side, known: string | null = null): Router {
  const address = localAddress(d) ?? known;
  return { side, name: d.router.name ?? address ?? 'this router', address: address ?? '', logged: true };
}

export function peerRouter(d: Draft, side: Side): Router {
  return { side, name: d.peer ?? 'peer', address: d.peer ?? '', logged: false };
}

export function span(drafts: readonly Draft[]): { first: LineRef; last: LineRef } {
  let first = drafts[0]?.first ?? { file: 0, line: 1 };
  let last = drafts[0]?.last ?? first;
  for (const d of drafts) {
    if (compareLines(d.first, first) < 0) first = d.first;
    if (compareLines(d.last, last) > 0) last = d.last;
  }
  return { first, last };
}

/** Input order, where a message with no lines yet sorts as equal to any. */
export function compareMaybeLines(a: LineRef | undefined, b: LineRef | undefined): number {
  return a === undefined || b === undefined ? 0 : compareLines(a, b);
}
