import { bisector } from 'd3-array';
import { isErrorNotify } from '../ike/ikev2.ts';
import type { Message, Negotiation, Transition } from '../analysis.ts';
import type { MessageName, PayloadType } from '../ike/messages.ts';
import { sideWord, type Side } from '../ike/sides.ts';
import type { Timeline } from '../timeline/timeline.ts';

/**
 * The ladder's geometry as a pure function of a negotiation, its playback timeline and the drawing's size:
 * two lanes, one arrow per message step, one badge per state change, each step at its own y, top to bottom in
 * protocol order. React draws it; nothing here measures the DOM, so it is the same in Node and in the page.
 */

/** Every constant of the drawing, in pixels at zoom 1. */
export interface LadderConfig {
  /** From each edge of the drawing to its lane: room for the time labels and half a badge. */
  laneInset: number;
  /** The inset it shrinks to, before the lanes come closer, when the drawing is narrow. */
  minLaneInset: number;
  /** The lanes never come closer than this, however narrow the drawing (it then scrolls sideways). */
  minLaneGap: number;
  /** Above the first step: the lane names. */
  headerHeight: number;
  /** One message arrow with its label above and its payloads below. */
  messageRowHeight: number;
  /** One state badge. */
  badgeRowHeight: number;
  /** Below the last step. */
  footerHeight: number;
  badgeHeight: number;
  /** Width of one character of the badges' monospace text (11 px), to size a badge without measuring it. */
  badgeCharWidth: number;
  badgePaddingX: number;
  /** How far from sender to receiver a lost message's arrow gets before its cross (0..1). */
  lostFraction: number;
}

export const defaultLadderConfig: LadderConfig = {
  laneInset: 150,
  minLaneInset: 88,
  minLaneGap: 190,
  headerHeight: 56,
  messageRowHeight: 52,
  badgeRowHeight: 28,
  footerHeight: 24,
  badgeHeight: 20,
  badgeCharWidth: 6.7,
  badgePaddingX: 7,
  lostFraction: 0.7,
};

export interface LadderLane {
  side: Side;
  x: number;
  name: string;
  address: string;
  /** "R2 2001:DB8::2", or the address alone when the router has no name of its own. */
  label: string;
  /** The router's role as the log shows it: `initiator`, `responder`, or that it is not shown. */
  role: string;
}

export interface LadderArrow {
  /** Index into `timeline.steps`. */
  step: number;
  /** Index among the message steps (0 for the first arrow). */
  index: number;
  message: Message;
  name: MessageName;
  from: Side;
  to: Side;
  /** Sender's lane. */
  x1: number;
  /** Receiver's lane. */
  x2: number;
  /** Where the line stops: x2, or short of it when the message was lost. */
  xEnd: number;
  y: number;
  /** "SA · VID×4"; empty when the log showed no payloads. */
  payloads: string;
  retransmission: boolean;
  attempt: number;
  /** The receiver's log shows it never arrived (the message's `delivery`, decided in core). */
  lost: boolean;
  /** Only the sender's log tells of it: sent again, and the peer sent nothing new after it. */
  unanswered: boolean;
  /** A state change the model rejects belongs to this message. */
  notAllowed: boolean;
  /** "08:33:43.377", when the message's first line had a time of day. */
  time: string | null;
  /** What a screen reader says for this arrow. */
  ariaLabel: string;
}

export interface LadderBadge {
  /** Index into `timeline.steps`. */
  step: number;
  transition: Transition;
  side: Side;
  /** Centre of the badge, on its lane. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** The new state, as IOS names it: IKE_I_MM1. */
  text: string;
  /** The model does not allow this step. */
  notAllowed: boolean;
}

export interface LadderLayout {
  config: LadderConfig;
  /** Size of the whole drawing at zoom 1 (at least the size asked for). */
  width: number;
  height: number;
  lanes: Record<Side, LadderLane>;
  /** In step order, so by increasing y. */
  arrows: readonly LadderArrow[];
  /** In step order, so by increasing y. */
  badges: readonly LadderBadge[];
  /** The y of every step of the timeline (a state that does not change shares the row above it). */
  stepY: readonly number[];
  /** For every step, the index in `arrows` of the last arrow at or before it, -1 before the first. */
  arrowAtStep: readonly number[];
}

const other = (side: Side): Side => (side === 'initiator' ? 'responder' : 'initiator');

/** Milliseconds since midnight as HH:MM:SS.mmm. */
export function formatTime(ms: number): string {
  const total = Math.max(0, Math.floor(ms));
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  const hours = Math.floor(total / 3_600_000);
  const minutes = Math.floor(total / 60_000) % 60;
  const seconds = Math.floor(total / 1000) % 60;
  return `${pad(hours, 2)}:${pad(minutes, 2)}:${pad(seconds, 2)}.${pad(total % 1000, 3)}`;
}

/**
 * Payload types in the order first seen, repeats counted: "SA · VID×4"; one the log does not list but the
 * protocol requires (implied, decided in core) in parentheses: "(SA) · VID×4"; a notify that refuses (IKEv2's
 * NO_PROPOSAL_CHOSEN, AUTHENTICATION_FAILED…) by its name, the reason the exchange stops: "NOTIFY(TS_UNACCEPTABLE)".
 */
export function summarizePayloads(message: Message, separator = ' · ', implied = (type: PayloadType) => `(${type})`): string {
  const types: string[] = [];
  const counts: number[] = [];
  for (const payload of message.payloads) {
    const refusal = payload.type === 'NOTIFY' && payload.detail !== null && isErrorNotify(payload.detail) ? `NOTIFY(${payload.detail})` : null;
    const type = refusal ?? (payload.implied ? implied(payload.type) : payload.type);
    const at = types.indexOf(type);
    if (at === -1) {
      types.push(type);
      counts.push(1);
    } else {
      counts[at]! += 1;
    }
  }
  return types.map((type, i) => (counts[i]! > 1 ? `${type}×${counts[i]}` : type)).join(separator);
}

function laneOf(negotiation: Negotiation, side: Side, x: number): LadderLane {
  const router = negotiation.routers[side];
  const label = router.name && router.name !== router.address ? `${router.name} ${router.address}` : router.address;
  return { side, x, name: router.name, address: router.address, label, role: sideWord(negotiation.role, side) };
}


function ariaLabelOf(
  arrow: Pick<LadderArrow, 'name' | 'from' | 'to' | 'message' | 'payloads' | 'retransmission' | 'attempt' | 'lost' | 'unanswered' | 'notAllowed' | 'time'>,
  negotiation: Negotiation,
): string {
  const router = (side: Side) => negotiation.routers[side].name || negotiation.routers[side].address;
  const parts = [arrow.name, `${arrow.from} ${router(arrow.from)} to ${arrow.to} ${router(arrow.to)}`];
  if (arrow.payloads) parts.push(summarizePayloads(arrow.message, ', ', (type) => `${type} (implied by the protocol)`));
  if (arrow.retransmission) parts.push(`retransmission, attempt ${arrow.attempt}`);
  if (arrow.lost) parts.push('lost');
  if (arrow.unanswered) parts.push('unanswered');
  if (arrow.notAllowed) parts.push('not allowed by the state model');
  if (arrow.time) parts.push(`at ${arrow.time}`);
  return parts.join(', ');
}

/** Everything that does not depend on the drawing's width: worked out once per timeline and config. */
interface Rows {
  arrows: Omit<LadderArrow, 'x1' | 'x2' | 'xEnd'>[];
  badges: Omit<LadderBadge, 'x'>[];
  stepY: number[];
  arrowAtStep: number[];
  bottom: number;
}

function rowsOf(negotiation: Negotiation, timeline: Timeline, c: LadderConfig): Rows {
  const { steps } = timeline;

  // A state change the model rejects belongs to the message its router handled just before it (or, before
  // any, to the first one after it): the message it received, or the one it sent.
  const notAllowed = new Set<number>();
  let arrowIndex = -1;
  const arrowAtStep: number[] = [];
  steps.forEach((step) => {
    if (step.kind === 'message') arrowIndex++;
    arrowAtStep.push(arrowIndex);
    if (step.kind === 'transition' && step.transition.allowed === false) {
      notAllowed.add(Math.max(arrowIndex, 0));
    }
  });

  const stepY: number[] = [];
  const arrows: Rows['arrows'] = [];
  const badges: Rows['badges'] = [];
  let bottom = c.headerHeight;
  let lastY = c.headerHeight;
  steps.forEach((step, stepIndex) => {
    if (step.kind === 'message') {
      const index = arrows.length;
      const message = step.message;
      const y = bottom + c.messageRowHeight / 2;
      bottom += c.messageRowHeight;
      const arrow = {
        step: stepIndex,
        index,
        message,
        name: message.name,
        from: message.from,
        to: other(message.from),
        y,
        payloads: summarizePayloads(message),
        retransmission: message.retransmission,
        attempt: message.attempt,
        lost: message.delivery === 'lost',
        unanswered: message.delivery === 'unanswered',
        notAllowed: notAllowed.has(index),
        time: message.time === null ? null : formatTime(message.time),
      };
      arrows.push({ ...arrow, ariaLabel: ariaLabelOf(arrow, negotiation) });
      lastY = y;
    } else if (step.transition.to !== step.transition.from) {
      const t = step.transition;
      const y = bottom + c.badgeRowHeight / 2;
      bottom += c.badgeRowHeight;
      badges.push({
        step: stepIndex,
        transition: t,
        side: t.side,
        y,
        width: t.to.length * c.badgeCharWidth + 2 * c.badgePaddingX,
        height: c.badgeHeight,
        text: t.to,
        notAllowed: t.allowed === false,
      });
      lastY = y;
    }
    stepY.push(lastY);
  });
  return { arrows, badges, stepY, arrowAtStep, bottom };
}

/**
 * Rows by timeline and config: a resize lays out only the lanes again, not 10,000 rows. A timeline is built
 * for one negotiation and not changed after, so it is the key; the negotiation is checked all the same.
 */
const rowsCache = new WeakMap<Timeline, { negotiation: Negotiation; config: string; rows: Rows }>();

function cachedRowsOf(negotiation: Negotiation, timeline: Timeline, c: LadderConfig): Rows {
  const config = JSON.stringify(c);
  const hit = rowsCache.get(timeline);
  if (hit && hit.negotiation === negotiation && hit.config === config) return hit.rows;
  const rows = rowsOf(negotiation, timeline, c);
  rowsCache.set(timeline, { negotiation, config, rows });
  return rows;
}

export function layoutLadder(
  negotiation: Negotiation,
  timeline: Timeline,
  size: { width: number; height: number },
  config: Partial<LadderConfig> = {},
): LadderLayout {
  const c: LadderConfig = { ...defaultLadderConfig, ...config };
  const inset = Math.min(c.laneInset, Math.max(c.minLaneInset, (size.width - c.minLaneGap) / 2));
  const initiatorX = inset;
  const responderX = Math.max(size.width - inset, initiatorX + c.minLaneGap);
  const lanes: Record<Side, LadderLane> = {
    initiator: laneOf(negotiation, 'initiator', initiatorX),
    responder: laneOf(negotiation, 'responder', responderX),
  };
  const rows = cachedRowsOf(negotiation, timeline, c);
  return {
    config: c,
    width: Math.max(size.width, responderX + inset),
    height: Math.max(size.height, rows.bottom + c.footerHeight),
    lanes,
    arrows: rows.arrows.map((arrow) => {
      const x1 = lanes[arrow.from].x;
      const x2 = lanes[arrow.to].x;
      return { ...arrow, x1, x2, xEnd: arrow.lost ? x1 + (x2 - x1) * c.lostFraction : x2 };
    }),
    badges: rows.badges.map((badge) => ({ ...badge, x: lanes[badge.side].x })),
    stepY: rows.stepY,
    arrowAtStep: rows.arrowAtStep,
  };
}

export interface VisibleItems {
  arrows: readonly LadderArrow[];
  badges: readonly LadderBadge[];
}

const byY = bisector((item: { y: number }) => item.y);

/**
 * The arrows and badges whose rows overlap [viewTop, viewBottom] (drawing coordinates at zoom 1): a binary
 * search each, so the cost follows what is in view, not the length of the negotiation.
 */
export function visibleRange(layout: LadderLayout, viewTop: number, viewBottom: number): VisibleItems {
  const reach = layout.config.messageRowHeight / 2;
  const slice = <T extends { y: number }>(items: readonly T[]) =>
    items.slice(byY.left(items, viewTop - reach), byY.right(items, viewBottom + reach));
  return { arrows: slice(layout.arrows), badges: slice(layout.badges) };
}
