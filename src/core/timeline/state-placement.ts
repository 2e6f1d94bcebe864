import { type LineRef, compareLines } from '../ike/line-ref.ts';
import type { Side } from '../ike/sides.ts';
import type { Message, Transition } from '../analysis.ts';

/**
 * Where each router's state changes go among the messages once they are in order. A router's log says when
 * each message left or arrived: the line of its packet (`Message.packetLines`, decided by the builder). A
 * state change goes after the last message whose packet its router had printed before it: what a router prints
 * before a message's packet is the building of that message, what it prints after comes once it has left or
 * arrived. Nothing here reads a protocol's own words (state or input names).
 */

/** The line of a message's packet in one router's log, else the first line that router printed of it. */
function whenPrinted(message: Message, side: Side, lines: readonly LineRef[]): LineRef | null {
  const packet = message.packetLines?.[side];
  if (packet !== undefined) return packet;
  let first: LineRef | null = null;
  for (const line of lines) if (first === null || compareLines(line, first) < 0) first = line;
  return first;
}

/**
 * One router's view of the ordered messages: those it printed, by the line of their packet, each with the
 * latest position in order reached so far (a message its log shows early may come later in order: they crossed).
 */
export interface SideView {
  side: Side;
  byPacket: { packet: LineRef; latest: number }[];
}

/** `lines[i]` are the lines this router printed of the i-th message in order. */
export function sideView(side: Side, messages: readonly Message[], lines: readonly (readonly LineRef[])[]): SideView {
  const printed = lines.flatMap((own, index) => {
    if (own.length === 0) return [];
    const packet = whenPrinted(messages[index]!, side, own);
    return packet === null ? [] : [{ packet, index }];
  });
  printed.sort((a, b) => compareLines(a.packet, b.packet) || a.index - b.index);
  let latest = -1;
  return {
    side,
    byPacket: printed.map(({ packet, index }) => {
      latest = Math.max(latest, index);
      return { packet, latest };
    }),
  };
}

/** The position of the message a state change comes after (-1: before all), among its own router's messages. */
export function placeTransition(transition: Transition, view: SideView): number {
  // the last packet printed before the state change (binary search)
  let low = 0;
  let high = view.byPacket.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (compareLines(view.byPacket[middle]!.packet, transition.line) < 0) low = middle + 1;
    else high = middle;
  }
  return low > 0 ? view.byPacket[low - 1]!.latest : -1;
}

/**
 * Inside one gap between two messages: first the states of the router that sent the message before it, once
 * it has left, then the receiver's reaction; each router's own in the order it logged them.
 */
export function rankInGap(transition: Transition, previous: Message | undefined): number {
  if (previous === undefined) return 0;
  return previous.from === transition.side ? 0 : 1;
}
