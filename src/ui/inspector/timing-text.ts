import type { Negotiation } from '../../core/analysis.ts';
import type { MessageTiming } from '../../core/clock/deltas.ts';
import { formatDelta } from '../../core/clock/duration.ts';
import type { Side } from '../../core/ike/sides.ts';

/** A long run of resends lists its first few: the rhythm shows in them. */
const RESENDS_LISTED = 6;

/** "R2's clock": whose clock a time was read from. */
const clockOf = (negotiation: Negotiation, side: Side) => {
  const router = negotiation.routers[side];
  return `${router.name || router.address}'s clock`;
};

/**
 * The inspector's sentences about one message's timing: how long after the message before it each router
 * printed it, and when it was sent again (or, for a resend, how long after its first sending). Nothing when
 * the log has no timestamps. `nameOf(i)` names the timeline's i-th message as the ladder labels it.
 */
export function timingSentences(negotiation: Negotiation, timing: MessageTiming | undefined, nameOf: (index: number) => string): string[] {
  if (!timing) return [];
  const sentences = timing.gaps.map((gap) => `${formatDelta(gap.ms)} after ${nameOf(gap.after)} (${clockOf(negotiation, gap.side)})`);
  if (timing.resendOf) {
    const { first, ms, side } = timing.resendOf;
    sentences.push(
      ms === null || side === null
        ? `a resend of ${nameOf(first)}; no router logged both with a time`
        : `${formatDelta(ms)} after its first sending (${clockOf(negotiation, side)})`,
    );
  }
  if (timing.resends.length > 0 && timing.resends.every((r) => r.ms === null)) {
    // no clock on the lines: how often, and nothing made up about when
    sentences.push(`resent ${timing.resends.length}×, the log printing no time for it`);
  } else if (timing.resends.length > 0) {
    const listed = timing.resends.slice(0, RESENDS_LISTED).map((r) => (r.ms === null ? 'untimed' : formatDelta(r.ms)));
    const at = listed.join(', ') + (timing.resends.length > RESENDS_LISTED ? '…' : '');
    const sides = [...new Set(timing.resends.flatMap((r) => (r.side ? [r.side] : [])))];
    const clocks = sides.length > 0 ? ` (${sides.map((s) => clockOf(negotiation, s)).join(', ')})` : '';
    sentences.push(`resent ${timing.resends.length}× at ${at}${clocks}`);
  }
  return sentences;
}
