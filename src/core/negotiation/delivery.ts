/**
 * Whether each message of one exchange (phase 1, or one Quick Mode) reached its receiver, as far as the logs
 * show it. A message is `lost` only when the receiver's log is there and shows it never arrived: the receiver
 * printed later messages of the exchange but nothing of this one. Without the receiver's log, a message its
 * sender sent again, and after which the peer sent nothing new (the peer's own resends say it missed what came
 * next, and a message the log simply ends after is told nothing about), is `unanswered`.
 */
import type { Delivery, Message } from '../analysis.ts';
import { compareLines, type LineRef } from '../ike/line-ref.ts';
import { otherSide, type Side } from '../ike/sides.ts';

/** Which router printed a line of the message. */
export type PrintedBy = (m: Message, side: Side) => boolean;

/** One router's log: a message it sent was printed by its sender, one it received by its receiver. */
export const printedInOneLog: PrintedBy = (m, side) => (m.dir === 'out') === (side === m.from);

/** One router's log: whether the peer refused the message with an informational exchange printed after it. */
export function refusedInOneLog(informational: readonly Message[]): (m: Message) => boolean {
  let lastRefusal: LineRef | null = null;
  for (const x of informational) {
    const first = x.lines[0];
    if (x.dir === 'in' && first !== undefined && (lastRefusal === null || compareLines(first, lastRefusal) > 0)) lastRefusal = first;
  }
  return (m) => {
    const last = m.lines[m.lines.length - 1];
    return lastRefusal !== null && last !== undefined && compareLines(lastRefusal, last) > 0;
  };
}

/** Two routers' logs merged: each message says which router printed which of its lines. */
export const printedInMerge: PrintedBy = (m, side) => (m.sideLines?.[side].length ?? 0) > 0;

const chainKey = (m: Message): string => `${m.name}|${m.from}`;

/**
 * Sets `delivery` on the messages, in exchange order, where the logs show something went wrong. `refused`:
 * whether a peer's informational message (a NOTIFY refusing it) followed the message: that is an answer too.
 */
export function markDelivery(messages: readonly Message[], printed: PrintedBy, refused: (m: Message) => boolean = () => false): void {
  // from the end: the latest message each side printed, and the latest new one each side sent
  const lastPrinted: Record<Side, number> = { initiator: -1, responder: -1 };
  const lastNew: Record<Side, number> = { initiator: -1, responder: -1 };
  let anyResent = false;
  for (let i = 0; i < messages.length; i += 1) {
    const m = messages[i] as Message;
    if (printed(m, 'initiator')) lastPrinted.initiator = i;
    if (printed(m, 'responder')) lastPrinted.responder = i;
    if (!m.retransmission) lastNew[m.from] = i;
    if (m.retransmission || m.attempt > 1) anyResent = true;
  }
  // unanswered needs a resend, lost the receiver's log: with neither, every message stays as it is
  if (!anyResent && (lastPrinted.initiator < 0 || lastPrinted.responder < 0)) return;
  /** Messages whose sender sent them more than once: the sender waited for an answer and sent again. */
  const resent = new Set<string>();
  if (anyResent) for (const m of messages) if (m.retransmission || m.attempt > 1) resent.add(chainKey(m));
  for (let i = 0; i < messages.length; i += 1) {
    const m = messages[i] as Message;
    const receiver = otherSide(m.from);
    const delivery = deliveryOf(m, i, receiver, printed, lastPrinted[receiver], lastNew[receiver]);
    if (delivery === 'unanswered' && (!resent.has(chainKey(m)) || refused(m))) continue;
    if (delivery !== null) m.delivery = delivery;
  }
}

function deliveryOf(m: Message, i: number, receiver: Side, printed: PrintedBy, receiverLast: number, answerLast: number): Delivery | null {
  if (printed(m, receiver)) return null;
  // the receiver's log covers the exchange past this message, and does not show it
  if (receiverLast > i) return 'lost';
  return printed(m, m.from) && answerLast < i ? 'unanswered' : null;
}
