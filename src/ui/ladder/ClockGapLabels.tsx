import { memo } from 'react';
import type { Negotiation } from '../../core/analysis.ts';
import type { MessageTiming } from '../../core/clock/deltas.ts';
import { formatDelta } from '../../core/clock/duration.ts';
import type { LadderArrow, LadderLayout } from '../../core/ladder/layout.ts';
import { messageLabel } from '../inspector/format.ts';

interface ClockGapLabelsProps {
  layout: LadderLayout;
  negotiation: Negotiation;
  arrows: readonly LadderArrow[];
  /** Per message of the timeline (an arrow's `index`). */
  timings: readonly MessageTiming[];
  k: number;
}

/** Below this zoom the rows are too close for more than the arrows' names. */
const DETAIL_MIN_ZOOM = 0.6;

/**
 * How long after the message before it each router printed a message, in the gutter beside that router's
 * lane: the initiator's clock on the left (under the time), the responder's on the right. Each clock only
 * ever measures its own router's lines, so the two gutters never compare clocks.
 */
export const ClockGapLabels = memo(function ClockGapLabels({ layout, negotiation, arrows, timings, k }: ClockGapLabelsProps) {
  if (k < DETAIL_MIN_ZOOM) return null;
  const name = (index: number) => {
    const arrow = layout.arrows[index];
    return arrow ? messageLabel(arrow) : '';
  };
  return (
    <g aria-hidden="true" className="text-slate-600 dark:text-slate-400">
      {arrows.flatMap((arrow) =>
        (timings[arrow.index]?.gaps ?? []).map((gap) => {
          const left = gap.side === 'initiator';
          const router = negotiation.routers[gap.side];
          return (
            <text
              key={`${arrow.step}.${gap.side}`}
              data-testid={`ladder.delta.${gap.side}`}
              data-step={arrow.step}
              x={layout.lanes[gap.side].x + (left ? -14 : 14)}
              y={arrow.y * k + (left ? 17 : 4)}
              textAnchor={left ? 'end' : 'start'}
              fill="currentColor"
              className="font-mono text-[10px]"
            >
              {formatDelta(gap.ms)}
              <title>{`${formatDelta(gap.ms)} after ${name(gap.after)}, on ${router.name || router.address}'s clock`}</title>
            </text>
          );
        }),
      )}
    </g>
  );
});
