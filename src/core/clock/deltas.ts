import type { Message, Negotiation } from '../analysis.ts';
import { SIDES, type Side } from '../ike/sides.ts';
import type { Timeline } from '../timeline/timeline.ts';
import { type LineClock, printedAt } from './printed-at.ts';

const DAY = 86_400_000;

/** A gap on one router's clock: since the message at index `after` (among the timeline's messages). */
export interface ClockGap {
  side: Side;
  after: number;
  ms: number;
}

/** One copy of a message sent again, on the clock of a router that printed it and the first sending. */
export interface Resend {
  /** Index of this copy among the timeline's messages. */
  index: number;
  attempt: number;
  /** Since the first sending; null when no router printed both with a time. */
  ms: number | null;
  side: Side | null;
}

/** What the timestamps say about one message of the ladder (index i of the timeline's message steps). */
export interface MessageTiming {
  /** When each router printed it, on its own clock. */
  at: Record<Side, number | null>;
  /**
   * Since the message before it that the same router printed with a time, one gap per router that did: two
   * routers' clocks are never compared. Initiator first.
   */
  gaps: ClockGap[];
  /** For a resend: its first sending's index and the time since it. */
  resendOf: { first: number; ms: number | null; side: Side | null } | null;
  /** For a first sending that was sent again: every later copy. Empty otherwise. */
  resends: Resend[];
}

/**
 * From one time to a later one of the same clock. Times are of the day: a later time that reads earlier has
 * crossed midnight, unless the gap would then be over half a day (a clock set back): null, no gap.
 */
export function elapsed(from: number, to: number): number | null {
  const ms = to - from;
  if (ms >= 0) return ms;
  return ms + DAY < DAY / 2 ? ms + DAY : null;
}

/** The copies of one message: the same name, message ID and sender; attempt 1 opens a new chain. */
const chainKey = (m: Message) => `${m.name}#${m.messageId}#${m.from}`;

/**
 * The time deltas of a negotiation's messages, in the timeline's order: between consecutive messages each
 * router printed, and from a message's first sending to each of its resends. Only times from one router's
 * log are subtracted from each other; a log without timestamps gives no gaps at all.
 */
export function messageTimings(negotiation: Negotiation, timeline: Timeline, clock: LineClock): MessageTiming[] {
  const messages = timeline.messageSteps.map((s) => {
    const step = timeline.steps[s];
    if (step?.kind !== 'message') throw new Error(`step ${s} is not a message`);
    return step.message;
  });
  const last: Record<Side, { index: number; time: number } | null> = { initiator: null, responder: null };
  const chains = new Map<string, number>();
  const timings: MessageTiming[] = [];
  messages.forEach((message, index) => {
    const at = { initiator: printedAt(negotiation, message, 'initiator', clock), responder: printedAt(negotiation, message, 'responder', clock) };
    const gaps: ClockGap[] = [];
    for (const side of SIDES) {
      const time = at[side];
      if (time === null) continue;
      const before = last[side];
      const ms = before === null ? null : elapsed(before.time, time);
      if (before !== null && ms !== null) gaps.push({ side, after: before.index, ms });
      last[side] = { index, time };
    }
    const timing: MessageTiming = { at, gaps, resendOf: null, resends: [] };
    const key = chainKey(message);
    const first = chains.get(key);
    if (message.attempt <= 1 || first === undefined) {
      chains.set(key, index);
    } else {
      const since = sinceFirst(timings[first]!.at, at, message.from);
      timing.resendOf = { first, ...since };
      timings[first]!.resends.push({ index, attempt: message.attempt, ...since });
    }
    timings.push(timing);
  });
  return timings;
}

/** From a first sending to a later copy: on the sender's clock when its log has both, else on the receiver's. */
function sinceFirst(first: Record<Side, number | null>, copy: Record<Side, number | null>, sender: Side): { ms: number | null; side: Side | null } {
  for (const side of sender === 'initiator' ? SIDES : [...SIDES].reverse()) {
    const from = first[side];
    const to = copy[side];
    if (from === null || to === null) continue;
    const ms = elapsed(from, to);
    if (ms !== null) return { ms, side };
  }
  return { ms: null, side: null };
}
