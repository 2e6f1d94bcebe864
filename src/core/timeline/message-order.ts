import { type LineRef, compareLines } from '../ike/line-ref.ts';
import type { Side } from '../ike/sides.ts';

/**
 * The order of a negotiation's messages across two routers' logs. Each router prints in its own time order,
 * so each log orders the messages it shows; the two logs are tied together only by causality: a message is
 * received after it is sent. The clocks of two routers need not agree (the seed's R2 is 130 ms behind R3),
 * so timestamps are never compared across routers. Protocol-neutral: a message here is a sender and the line
 * where each router's log first shows it.
 */
export interface Sighting {
  /** The router that sent the message. */
  from: Side;
  /** The first line of the message each router printed, or null when its log does not show it. */
  firstLine: Readonly<Record<Side, LineRef | null>>;
}

const SIDES: readonly Side[] = ['initiator', 'responder'];

/**
 * Indices into `messages`, in the order they happened: each router's log order kept, every message after
 * what its sender had received before sending it (a response after its request, a refusal after the offer it
 * refuses, a resend after the message it answers). Where the logs leave two messages unordered (they crossed
 * on the wire), the turn goes to the router that did not send the last one, as an exchange alternates; where
 * the logs contradict each other, the builder's order (the index) decides. Messages no log shows keep their
 * place after the message before them. Linear in the messages, after sorting each log's.
 */
export function causalOrder(messages: readonly Sighting[]): number[] {
  const chains: Record<Side, number[]> = { initiator: [], responder: [] };
  for (const side of SIDES) {
    const chain = chains[side];
    messages.forEach((m, index) => {
      if (m.firstLine[side]) chain.push(index);
    });
    chain.sort((a, b) => compareLines(messages[a]!.firstLine[side]!, messages[b]!.firstLine[side]!) || a - b);
  }
  // A message is sent once its sender's log has reached it, or at once when the sender's log does not show it.
  const sent = messages.map((m) => m.firstLine[m.from] === null);
  const placed = new Array<boolean>(messages.length).fill(false);
  const position: Record<Side, number> = { initiator: 0, responder: 0 };
  const order: number[] = [];
  const head = (side: Side): number | undefined => chains[side][position[side]];
  const ready = (side: Side): boolean => {
    const m = head(side);
    return m !== undefined && (messages[m]!.from === side || sent[m]!);
  };

  const next = (): Side => {
    const [i, r] = [head('initiator'), head('responder')];
    if (i === undefined) return 'responder';
    if (r === undefined) return 'initiator';
    const [readyI, readyR] = [ready('initiator'), ready('responder')];
    // Both wait for the other: the logs disagree; the builder's order breaks the knot.
    if (!readyI && !readyR) return i <= r ? 'initiator' : 'responder';
    if (readyI !== readyR) return readyI ? 'initiator' : 'responder';
    // A receipt of a message already placed moves nothing on the ladder: take it first, it may unblock the other.
    if (placed[i] !== placed[r]) return placed[i] ? 'initiator' : 'responder';
    const last = order.length > 0 ? messages[order[order.length - 1]!]!.from : undefined;
    const [fromI, fromR] = [messages[i]!.from, messages[r]!.from];
    if (fromI !== fromR && last !== undefined) return fromI !== last ? 'initiator' : 'responder';
    return i <= r ? 'initiator' : 'responder';
  };

  while (head('initiator') !== undefined || head('responder') !== undefined) {
    const side = next();
    const m = head(side)!;
    position[side]++;
    if (messages[m]!.from === side) sent[m] = true;
    if (!placed[m]) {
      placed[m] = true;
      order.push(m);
    }
  }
  return withUnseen(order, placed);
}

/** Messages no log shows, each run of them right after the message before it in the builder's order. */
function withUnseen(order: readonly number[], placed: readonly boolean[]): number[] {
  if (order.length === placed.length) return [...order];
  const out: number[] = [];
  const appendUnseenAfter = (index: number) => {
    for (let next = index + 1; next < placed.length && !placed[next]; next++) out.push(next);
  };
  appendUnseenAfter(-1);
  for (const index of order) {
    out.push(index);
    appendUnseenAfter(index);
  }
  return out;
}
