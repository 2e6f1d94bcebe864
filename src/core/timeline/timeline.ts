import type { Message, Negotiation, Transition } from '../analysis.ts';
import { type LineRef, compareLines } from '../ike/line-ref.ts';
import { SIDES, type Side } from '../ike/sides.ts';
import { ikeSaMessages } from './ikev2-messages.ts';
import { causalOrder } from './message-order.ts';
import { linesPrintedBy } from './printed-by.ts';
import { placeTransition, rankInGap, sideView } from './state-placement.ts';

/**
 * A negotiation's messages and both routers' state changes in the order they happened: the one order the
 * ladder draws, playback steps through and the quiz reveals. Messages are ordered by each router's log and by
 * causality between the two (message-order.ts); each state change then goes among the messages of its own
 * router's log (state-placement.ts).
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

const PHASE1: Exchange = { phase: 'phase1' };
const INFORMATIONAL: Exchange = { phase: 'informational' };

function firstOf(lines: readonly LineRef[]): LineRef | null {
  let first: LineRef | null = null;
  for (const line of lines) if (first === null || compareLines(line, first) < 0) first = line;
  return first;
}

export function buildTimeline(negotiation: Negotiation): Timeline {
  // IKEv2: the IKE SA's exchanges take phase 1's place on the ladder
  const sa = negotiation.ikeSa;
  const built: { message: Message; exchange: Exchange }[] = sa !== undefined ? ikeSaMessages(sa).map((message) => ({ message, exchange: PHASE1 })) : [
    ...negotiation.phase1.messages.map((message) => ({ message, exchange: PHASE1 })),
    ...negotiation.phase2.flatMap((p2, index) => {
      const exchange: Exchange = { phase: 'phase2', index };
      return p2.messages.map((message) => ({ message, exchange }));
    }),
    ...negotiation.informational.map((message) => ({ message, exchange: INFORMATIONAL })),
  ];
  const transitions: { transition: Transition; exchange: Exchange }[] = sa !== undefined ? sa.transitions.map((transition) => ({ transition, exchange: PHASE1 })) : [
    ...negotiation.phase1.transitions.map((transition) => ({ transition, exchange: PHASE1 })),
    ...negotiation.phase2.flatMap((p2, index) => {
      const exchange: Exchange = { phase: 'phase2', index };
      return p2.transitions.map((transition) => ({ transition, exchange }));
    }),
  ];

  const printed = built.map(({ message }) => ({
    initiator: linesPrintedBy(negotiation, message, 'initiator'),
    responder: linesPrintedBy(negotiation, message, 'responder'),
  }));
  // an IKEv2 router builds its next request while the last exchange is open: its packet line places a message
  const at = (message: Message, index: number, side: Side): LineRef | null =>
    (sa !== undefined ? message.packetLines?.[side] : undefined) ?? firstOf(printed[index]![side]);
  const order = causalOrder(
    built.map(({ message }, index) => ({
      from: message.from,
      firstLine: { initiator: at(message, index, 'initiator'), responder: at(message, index, 'responder') },
    })),
  );
  const messages = order.map((index) => built[index]!);
  const ordered = messages.map((m) => m.message);
  const views = Object.fromEntries(
    SIDES.map((side) => [side, sideView(side, ordered, order.map((index) => printed[index]![side]))]),
  ) as Record<Side, ReturnType<typeof sideView>>;

  // Each state change in the gap after message `after`; within a gap by rank, then by its line.
  const gaps = transitions.map(({ transition, exchange }) => {
    const after = placeTransition(transition, views[transition.side]);
    return { transition, exchange, after, rank: rankInGap(transition, ordered[after]) };
  });
  gaps.sort((a, b) => a.after - b.after || a.rank - b.rank || compareLines(a.transition.line, b.transition.line));

  const steps: Step[] = [];
  const messageSteps: number[] = [];
  let g = 0;
  const flushGap = (after: number) => {
    for (; g < gaps.length && gaps[g]!.after === after; g++) {
      const { transition, exchange } = gaps[g]!;
      steps.push({ kind: 'transition', transition, exchange });
    }
  };
  flushGap(-1);
  messages.forEach(({ message, exchange }, index) => {
    messageSteps.push(steps.length);
    steps.push({ kind: 'message', message, exchange });
    flushGap(index);
  });
  return { steps, messageSteps };
}

/** The timeline up to and including step `upTo`: what a learner may see while answering. */
export function timelineUpTo(timeline: Timeline, upTo: number): Timeline {
  return { steps: timeline.steps.slice(0, upTo + 1), messageSteps: timeline.messageSteps.filter((s) => s <= upTo) };
}

/** The lines a step printed: a message's lines, or a state change's `Input =` and `New State` lines. */
export function linesOfStep(step: Step): readonly LineRef[] {
  if (step.kind === 'message') return step.message.lines;
  const { line, inputLine } = step.transition;
  return inputLine ? [inputLine, line] : [line];
}
