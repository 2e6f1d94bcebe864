import type { LineRef, Message, Negotiation, Side, Transition } from '../../core/analysis.ts';

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

const compareLines = (a: LineRef, b: LineRef) => a.file - b.file || a.line - b.line;

/** The lines of a message that belong to one router: those inside that router's span of state changes. */
function linesOfSide(message: Message, span: { first: LineRef; last: LineRef } | undefined): LineRef[] {
  if (!span) return [];
  return message.lines.filter((l) => compareLines(l, span.first) >= -8 && compareLines(l, span.last) <= 8);
}

function spanOf(transitions: readonly Transition[]): { first: LineRef; last: LineRef } | undefined {
  if (transitions.length === 0) return undefined;
  const sorted = transitions.map((t) => t.line).sort(compareLines);
  return { first: sorted[0]!, last: sorted[sorted.length - 1]! };
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

  const spans: Record<Side, { first: LineRef; last: LineRef } | undefined> = {
    initiator: spanOf(transitions.filter((t) => t.transition.side === 'initiator').map((t) => t.transition)),
    responder: spanOf(transitions.filter((t) => t.transition.side === 'responder').map((t) => t.transition)),
  };
  // For each side, the first line it logged of each message (undefined when that side did not log it).
  const firstLineBySide = (side: Side) =>
    messages.map(({ message }) => {
      const own = negotiation.role === 'both' ? linesOfSide(message, spans[side]) : message.lines;
      return own.length > 0 ? [...own].sort(compareLines)[0] : undefined;
    });
  const linesBySide: Record<Side, (LineRef | undefined)[]> = {
    initiator: firstLineBySide('initiator'),
    responder: firstLineBySide('responder'),
  };

  const placed: Placed[] = messages.map(({ message, exchange }, index) => ({
    step: { kind: 'message', message, exchange },
    after: index - 1,
    sideRank: 2,
    order: index,
  }));
  transitions.forEach(({ transition, exchange }, order) => {
    const own = linesBySide[transition.side];
    let after = -1;
    own.forEach((line, index) => {
      if (line && compareLines(line, transition.line) < 0) after = Math.max(after, index);
    });
    // In a gap, the receiver of the message before it reacts first, then the sender of the next one.
    const previous = messages[after]?.message;
    const sideRank = previous && previous.from !== transition.side ? 0 : 1;
    placed.push({ step: { kind: 'transition', transition, exchange }, after, sideRank, order });
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
