import type { Message, Negotiation, Transition } from '../../core/analysis.ts';
import { type LineRef, compareLines } from '../../core/ike/line-ref.ts';
import type { Side } from '../../core/ike/sides.ts';

/**
 * What playback steps through: a negotiation's messages and both routers' state changes in protocol order.
 * The two routers' clocks need not agree (the seed's R2 is 130 ms behind R3), so the order comes from the
 * messages, not the timestamps: each message is a point both sides have in common, and every state change is
 * placed after the last message its own router had logged before it.
 */
export type Step =
  | { kind: 'message'; message: Message; exchange: Exchange }
  | { kind: 'transition'; transition: Transition; exchange: Exchange };

/** Which exchange a step belongs to: phase 1, the Quick Mode with this index, or informational. */
export type Exchange = { phase: 'phase1' } | { phase: 'phase2'; index: number } | { phase: 'informational' };

export interface Timeline {
  steps: readonly Step[];
  /** Index into `steps` of each message step, in order: the ladder's arrows. */
  messageSteps: readonly number[];
}

interface Placed {
  step: Step;
  /** Position among messages: the step comes after message `after` (-1: before the first). */
  after: number;
  /** Tie-breakers inside one gap between messages. */
  sideRank: number;
  order: number;
}

interface Span {
  first: LineRef;
  last: LineRef;
}


function spanOf(lines: readonly LineRef[]): Span | undefined {
  if (lines.length === 0) return undefined;
  const sorted = [...lines].sort(compareLines);
  return { first: sorted[0]!, last: sorted[sorted.length - 1]! };
}

/**
 * The lines of a message that one router printed: in a merged negotiation the analysis says which; in a
 * one-sided log every line is the local router's.
 */
function linesOfSide(negotiation: Negotiation, message: Message, side: Side): readonly LineRef[] {
  if (message.sideLines) return message.sideLines[side];
  const local: Side = negotiation.role === 'responder' ? 'responder' : 'initiator';
  return side === local ? message.lines : [];
}

/** The last index in `sorted` whose key is at or before `line` (sorted by key), or -1. */
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
 * One router's view of the messages, indexed for placing its state changes: the messages it received by
 * where its lines of them start, and all messages with lines of it by start and by end.
 */
interface SideIndex {
  received: { first: LineRef; index: number }[];
  byFirst: { span: Span; index: number }[];
  byLast: { last: LineRef; maxIndex: number }[];
}

function indexSide(side: Side, messages: readonly Message[], spans: readonly (Span | undefined)[]): SideIndex {
  const withSpan = spans.flatMap((span, index) => (span ? [{ span, index }] : []));
  const received = withSpan
    .filter(({ index }) => messages[index]!.from !== side)
    .map(({ span, index }) => ({ first: span.first, index }))
    .sort((a, b) => compareLines(a.first, b.first) || a.index - b.index);
  const byFirst = [...withSpan].sort((a, b) => compareLines(a.span.first, b.span.first) || a.index - b.index);
  const byLast = [...withSpan].sort((a, b) => compareLines(a.span.last, b.span.last) || a.index - b.index);
  // For "the last message that ended before this line": the highest index among those ending earlier.
  let maxIndex = -1;
  const lasts = byLast.map(({ span, index }) => {
    maxIndex = Math.max(maxIndex, index);
    return { last: span.last, maxIndex };
  });
  // A running maximum over messages received, too, so "the last received" is the latest in protocol order.
  let receivedMax = -1;
  const receivedRunning = received.map(({ first, index }) => {
    receivedMax = Math.max(receivedMax, index);
    return { first, index: receivedMax };
  });
  return { received: receivedRunning, byFirst, byLast: lasts };
}

/** Where a state change goes among the messages of its own router's log (after message n; -1: before all). */
function placeTransition(transition: Transition, messages: readonly Message[], index: SideIndex): number {
  const line = transition.line;
  if (transition.input.startsWith('IKE_MESG_FROM_PEER')) {
    // A reaction to the last message this router received.
    const at = lastAtOrBefore(index.received, (r) => r.first, line);
    return at >= 0 ? index.received[at]!.index : -1;
  }
  // The message whose lines of this router surround the state change, if any: the latest one starting before it.
  const candidate = lastAtOrBefore(index.byFirst, (m) => m.span.first, line);
  for (let i = candidate; i >= 0 && i >= candidate - 2; i--) {
    const { span, index: inside } = index.byFirst[i]!;
    if (compareLines(line, span.last) > 0) continue;
    const sender = messages[inside]!.from === transition.side;
    // Building a message happens before it leaves; IKE_PROCESS_COMPLETE is the state once it has left.
    return sender && !transition.input.endsWith('IKE_PROCESS_COMPLETE') ? inside - 1 : inside;
  }
  const ended = lastAtOrBefore(index.byLast, (m) => m.last, line, true);
  return ended >= 0 ? index.byLast[ended]!.maxIndex : -1;
}

export function buildTimeline(negotiation: Negotiation): Timeline {
  const messages: { message: Message; exchange: Exchange }[] = [
    ...negotiation.phase1.messages.map((message) => ({ message, exchange: { phase: 'phase1' } as Exchange })),
    ...negotiation.phase2.flatMap((p2, index) =>
      p2.messages.map((message) => ({ message, exchange: { phase: 'phase2', index } as Exchange })),
    ),
    ...negotiation.informational.map((message) => ({ message, exchange: { phase: 'informational' } as Exchange })),
  ];
  const transitions: { transition: Transition; exchange: Exchange }[] = [
    ...negotiation.phase1.transitions.map((transition) => ({ transition, exchange: { phase: 'phase1' } as Exchange })),
    ...negotiation.phase2.flatMap((p2, index) =>
      p2.transitions.map((transition) => ({ transition, exchange: { phase: 'phase2', index } as Exchange })),
    ),
  ];
  const plainMessages = messages.map((m) => m.message);
  const indexes: Record<Side, SideIndex> = {
    initiator: indexSide('initiator', plainMessages, plainMessages.map((m) => spanOf(linesOfSide(negotiation, m, 'initiator')))),
    responder: indexSide('responder', plainMessages, plainMessages.map((m) => spanOf(linesOfSide(negotiation, m, 'responder')))),
  };

  const placed: Placed[] = messages.map(({ message, exchange }, index) => ({
    step: { kind: 'message', message, exchange },
    after: index - 1,
    sideRank: 3,
    order: index,
  }));
  transitions.forEach(({ transition, exchange }) => {
    const after = placeTransition(transition, plainMessages, indexes[transition.side]);
    // In a gap: first the state the sender of the message before it is in once it has left, then the
    // receiver's reaction, then anything else; each router's own steps in the order it logged them.
    const previous = plainMessages[after];
    const leftSender = previous?.from === transition.side && transition.input.endsWith('IKE_PROCESS_COMPLETE');
    const sideRank = leftSender ? 0 : previous && previous.from !== transition.side ? 1 : 2;
    placed.push({ step: { kind: 'transition', transition, exchange }, after, sideRank, order: transition.line.file * 1e9 + transition.line.line });
  });

  placed.sort((a, b) => {
    const gapA = a.step.kind === 'message' ? a.after + 0.5 : a.after;
    const gapB = b.step.kind === 'message' ? b.after + 0.5 : b.after;
    return gapA - gapB || a.sideRank - b.sideRank || a.order - b.order;
  });

  const steps = placed.map((p) => p.step);
  const messageSteps = steps.flatMap((step, index) => (step.kind === 'message' ? [index] : []));
  return { steps, messageSteps };
}
