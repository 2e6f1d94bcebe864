import { type LineRef, compareLines } from '../ike/line-ref.ts';
import type { Side } from '../ike/sides.ts';
import type { Message, Transition } from '../analysis.ts';

/**
 * Where each router's state changes go among the messages once they are in order: a state change sits in
 * its own router's log among the lines of the messages that router handled, so it goes after the last message
 * it had logged before it. Its cause decides the edge cases: a reaction to a received message goes after that
 * message; building a message happens before it leaves.
 */

/** What a state change answers, from its printed input. IOS IKEv1 words; another protocol brings its own. */
type Cause = 'received' | 'sent' | 'local';

function causeOf(transition: Transition): Cause {
  if (transition.input.startsWith('IKE_MESG_FROM_PEER')) return 'received';
  // IKE_PROCESS_COMPLETE is the state once the message built has left.
  if (transition.input.endsWith('IKE_PROCESS_COMPLETE')) return 'sent';
  return 'local';
}

interface Span {
  first: LineRef;
  last: LineRef;
}

function spanOf(lines: readonly LineRef[]): Span | null {
  if (lines.length === 0) return null;
  let first = lines[0]!;
  let last = first;
  for (const line of lines) {
    if (compareLines(line, first) < 0) first = line;
    if (compareLines(line, last) > 0) last = line;
  }
  return { first, last };
}

/** The last index in `sorted` whose key is at or before `line` (strictly before when `strict`), or -1. */
function lastAtOrBefore<T>(sorted: readonly T[], key: (item: T) => LineRef, line: LineRef, strict = false): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    const order = compareLines(key(sorted[middle]!), line);
    if (order < 0 || (!strict && order === 0)) low = middle + 1;
    else high = middle;
  }
  return low - 1;
}

/**
 * One router's view of the ordered messages: those it received by where its lines of them start, and all
 * those with lines of it by start and by end, each with the latest position in order reached so far.
 */
export interface SideView {
  side: Side;
  received: { first: LineRef; latest: number }[];
  byFirst: { span: Span; index: number; latest: number }[];
  byLast: { last: LineRef; latest: number }[];
}

/** `lines[i]` are the lines this router printed of the i-th message in order. */
export function sideView(side: Side, messages: readonly Message[], lines: readonly (readonly LineRef[])[]): SideView {
  const withSpan = lines.flatMap((own, index) => {
    const span = spanOf(own);
    return span ? [{ span, index }] : [];
  });
  const running = <T extends { index: number }>(items: T[]) => {
    let latest = -1;
    return items.map((item) => {
      latest = Math.max(latest, item.index);
      return { item, latest };
    });
  };
  const received = withSpan
    .filter(({ index }) => messages[index]!.from !== side)
    .sort((a, b) => compareLines(a.span.first, b.span.first) || a.index - b.index);
  const byFirst = [...withSpan].sort((a, b) => compareLines(a.span.first, b.span.first) || a.index - b.index);
  const byLast = [...withSpan].sort((a, b) => compareLines(a.span.last, b.span.last) || a.index - b.index);
  return {
    side,
    received: running(received).map(({ item, latest }) => ({ first: item.span.first, latest })),
    byFirst: running(byFirst).map(({ item, latest }) => ({ ...item, latest })),
    byLast: running(byLast).map(({ item, latest }) => ({ last: item.span.last, latest })),
  };
}

/**
 * The position of the message a state change comes after (-1: before all), among its own router's messages.
 * `builtByStates(i)`: whether the i-th message is built by the exchanges' state machines, so that a state
 * change may be the building of it; an informational message (a NOTIFY refusing an offer) is sent aside.
 */
export function placeTransition(
  transition: Transition,
  messages: readonly Message[],
  view: SideView,
  builtByStates: (index: number) => boolean,
): number {
  const line = transition.line;
  const cause = causeOf(transition);
  if (cause === 'received') {
    const at = lastAtOrBefore(view.received, (r) => r.first, line);
    return at >= 0 ? view.received[at]!.latest : -1;
  }
  // The message whose lines of this router surround the state change, if any: the latest one starting before it.
  const candidate = lastAtOrBefore(view.byFirst, (m) => m.span.first, line);
  for (let i = candidate; i >= 0 && i >= candidate - 2; i--) {
    const { span, index, latest } = view.byFirst[i]!;
    if (compareLines(line, span.last) > 0) continue;
    const building = messages[index]!.from === transition.side && cause !== 'sent' && builtByStates(index);
    // Otherwise after every message this router logged before it, even one the order puts later (they crossed).
    return building ? index - 1 : latest;
  }
  const ended = lastAtOrBefore(view.byLast, (m) => m.last, line, true);
  return ended >= 0 ? view.byLast[ended]!.latest : -1;
}

/**
 * Inside one gap between two messages: first the state the sender of the message before it is in once it has
 * left, then the receiver's reaction, then anything else; each router's own in the order it logged them.
 */
export function rankInGap(transition: Transition, previous: Message | undefined): number {
  if (previous?.from === transition.side && causeOf(transition) === 'sent') return 0;
  return previous && previous.from !== transition.side ? 1 : 2;
}
