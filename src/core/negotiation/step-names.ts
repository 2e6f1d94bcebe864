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

/**
 * The phase 1 message a packet is, from the SA state printed on its line. The state tells how many messages
 * the router had received; IOS may print a packet sent before its state moved on, and one received after.
 * Where two messages fit (a responder's MM4 and MM6, both in MM_KEY_EXCH), the later one once the router has
 * received the message before it.
 */
export function printedMessage(mode: 'main' | 'aggressive', side: Side, dir: Dir, printed: string, received: (m: MessageName) => boolean): MessageName | null {
  const progress = printedProgress(mode, printed);
  if (progress === null) return null;
  const steps = messageSteps(mode, side);
  const fits = (s: MessageStep, shift: number): boolean => s.dir === dir && Math.min(s.received + shift, progress.last) === progress.at;
  let candidates = steps.filter((s) => fits(s, 0));
  if (candidates.length === 0) candidates = steps.filter((s) => fits(s, dir === 'out' ? -1 : 1));
  for (let i = candidates.length - 1; i > 0; i -= 1) {
    const c = candidates[i] as MessageStep;
    const before = steps[steps.indexOf(c) - 1];
    if (before === undefined || before.dir !== 'in' || received(before.message)) return c.message;
  }
  return candidates[0]?.message ?? null;
}

/** Without a printed state: the first message of the side's steps in this direction that has not been seen. */
export function nextUnseen(exchange: ExchangeKind, side: Side, dir: Dir, seen: (m: MessageName) => boolean): MessageName | null {
  for (const s of messageSteps(exchange, side)) if (s.dir === dir && !seen(s.message)) return s.message;
  return null;
}

/**
 * A message that is not a resend, by what the side has seen so far: the latest of its direction every message
 * before which, from the other direction, has been seen (QM3 once QM2 came; until then QM1 again).
 */
export function reachedMessage(exchange: ExchangeKind, side: Side, dir: Dir, seen: (m: MessageName) => boolean): MessageName | null {
  const steps = messageSteps(exchange, side);
  let first: MessageName | null = null;
  let latest: MessageName | null = null;
  let reachable = true;
  for (const s of steps) {
    if (s.dir !== dir) {
      reachable = reachable && seen(s.message);
      continue;
    }
    first ??= s.message;
    if (reachable) latest = s.message;
  }
  return latest ?? first;
}
