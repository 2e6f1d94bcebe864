/**
 * A packet named as the message of its exchange, from the steps the state machines define for each side
 * (`fsm/message-steps.ts`): by the state IOS printed on the packet line, by the next message not seen yet, or
 * by what the side has seen of the exchange so far.
 */
import type { MessageName } from '../ike/messages.ts';
import type { Side } from '../ike/sides.ts';
import { printedProgress } from '../ike/vocabulary.ts';
import { messageSteps, type ExchangeKind, type MessageStep } from '../fsm/message-steps.ts';

type Dir = 'out' | 'in';

/** The messages a side has seen (or received): a Set, or a draft's message list. Read per packet, so no closure. */
export interface SeenMessages {
  has(name: MessageName): boolean;
}

function fits(s: MessageStep, dir: Dir, shift: number, progress: { at: number; last: number }): boolean {
  return s.dir === dir && Math.min(s.received + shift, progress.last) === progress.at;
}

/**
 * The phase 1 message a packet is, from the SA state printed on its line. The state tells how many messages
 * the router had received; IOS may print a packet sent before its state moved on, and one received after.
 * Where two messages fit (a responder's MM4 and MM6, both in MM_KEY_EXCH), the later one once the router has
 * received the message before it.
 */
export function printedMessage(mode: 'main' | 'aggressive', side: Side, dir: Dir, printed: string, received: SeenMessages): MessageName | null {
  const progress = printedProgress(mode, printed);
  if (progress === null) return null;
  const steps = messageSteps(mode, side);
  let shift = 0;
  if (!steps.some((s) => fits(s, dir, 0, progress))) shift = dir === 'out' ? -1 : 1;
  let first: MessageName | null = null;
  let chosen: MessageName | null = null;
  // the latest fitting step whose message before it, if received, has come; else the first that fits
  for (let i = 0; i < steps.length; i += 1) {
    const s = steps[i] as MessageStep;
    if (!fits(s, dir, shift, progress)) continue;
    if (first === null) {
      first = s.message;
      continue;
    }
    const before = steps[i - 1];
    if (before === undefined || before.dir !== 'in' || received.has(before.message)) chosen = s.message;
  }
  return chosen ?? first;
}

/** Without a printed state: the first message of the side's steps in this direction that has not been seen. */
export function nextUnseen(exchange: ExchangeKind, side: Side, dir: Dir, seen: SeenMessages): MessageName | null {
  for (const s of messageSteps(exchange, side)) if (s.dir === dir && !seen.has(s.message)) return s.message;
  return null;
}

/**
 * A message that is not a resend, by what the side has seen so far: the latest of its direction every message
 * before which, from the other direction, has been seen (QM3 once QM2 came; until then QM1 again).
 */
export function reachedMessage(exchange: ExchangeKind, side: Side, dir: Dir, seen: SeenMessages): MessageName | null {
  const steps = messageSteps(exchange, side);
  let first: MessageName | null = null;
  let latest: MessageName | null = null;
  let reachable = true;
  for (const s of steps) {
    if (s.dir !== dir) {
      reachable = reachable && seen.has(s.message);
      continue;
    }
    first ??= s.message;
    if (reachable) latest = s.message;
  }
  return latest ?? first;
}
