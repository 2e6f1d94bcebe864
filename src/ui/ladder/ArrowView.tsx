import { memo, useState, type KeyboardEvent } from 'react';
import type { LadderArrow } from '../../core/ladder/layout.ts';

/** Where an arrow stands relative to the playback cursor. */
export type StepStatus = 'past' | 'current' | 'future';

interface ArrowViewProps {
  arrow: LadderArrow;
  /** Vertical zoom: the arrow is drawn at y * k (its group is already translated by the pan). */
  k: number;
  status: StepStatus;
  selected: boolean;
  /** The negotiation failed on this message (an error finding names it). */
  failed: boolean;
  /** Height of a message row on screen (its height at zoom 1 times k). */
  rowHeight: number;
  /** x of the time labels' right edge. */
  timeX: number;
  onSelect: (step: number) => void;
  onFocusArrow: (y: number) => void;
}

const COLOR: Record<StepStatus, string> = {
  past: 'text-slate-800 dark:text-slate-100',
  current: 'text-teal-700 dark:text-teal-300',
  future: 'text-slate-500 dark:text-slate-400',
};

const HEAD = 9;

/**
 * One message: a line from the sender's lane to the receiver's, its name above, its payloads below, its time
 * on the left. A button: click, Enter or Space selects it.
 */
export const ArrowView = memo(function ArrowView({
  arrow,
  k,
  status,
  selected,
  failed,
  rowHeight,
  timeX,
  onSelect,
  onFocusArrow,
}: ArrowViewProps) {
  const y = arrow.y * k;
  const direction = Math.sign(arrow.x2 - arrow.x1) || 1;
  const left = Math.min(arrow.x1, arrow.x2);
  const right = Math.max(arrow.x1, arrow.x2);
  const middle = (arrow.x1 + arrow.x2) / 2;
  const tip = arrow.xEnd;
  const lineEnd = arrow.lost ? tip : tip - direction * HEAD;
  const label = arrow.retransmission ? `${arrow.name} ×${arrow.attempt}` : arrow.name;
  // Zoomed far out the rows are too close for text: the lines alone show the rhythm of the exchange.
  const hitHeight = Math.min(44, rowHeight);
  const showLabel = k >= 0.3;
  const showDetail = k >= 0.6;

  const onKeyDown = (event: KeyboardEvent<SVGGElement>) => {
    if (event.key === 'Enter' || event.key === ' ') {
      // Space here selects the arrow: it neither scrolls the page nor reaches the page's play/pause key.
      event.preventDefault();
      event.stopPropagation();
      onSelect(arrow.step);
    }
  };

  const [focusRing, setFocusRing] = useState(false);

  return (
    <g
      role="button"
      tabIndex={0}
      aria-label={failed ? `${arrow.ariaLabel}, failed here` : arrow.ariaLabel}
      data-failed={failed || undefined}
      aria-pressed={selected}
      data-testid={`ladder.arrow.${arrow.name}`}
      data-step={arrow.step}
      data-from={arrow.from}
      data-status={status}
      className={`group cursor-pointer outline-none ${COLOR[status]}`}
      onClick={() => onSelect(arrow.step)}
      onKeyDown={onKeyDown}
      onFocus={(event) => {
        setFocusRing(event.currentTarget.matches(':focus-visible'));
        onFocusArrow(arrow.y);
      }}
      onBlur={() => setFocusRing(false)}
    >
      <rect
        x={left - 4}
        y={y - hitHeight / 2}
        width={right - left + 8}
        height={hitHeight}
        rx={6}
        className={selected ? 'fill-teal-50 stroke-teal-600 dark:fill-teal-950 dark:stroke-teal-400' : 'fill-transparent stroke-transparent'}
        strokeWidth={2}
      />
      {/* Keyboard focus: a dashed ring outside the selection's frame, in the page's focus colour; drawn only
          on the focused arrow, so thousands of arrows cost no extra element. */}
      {focusRing && (
        <rect
          x={left - 8}
          y={y - hitHeight / 2 - 4}
          width={right - left + 16}
          height={hitHeight + 8}
          rx={8}
          data-focus-ring
          className="fill-none stroke-focus"
          strokeWidth={2}
          strokeDasharray="5 3"
        />
      )}
      <line
        x1={arrow.x1}
        y1={y}
        x2={lineEnd}
        y2={y}
        stroke="currentColor"
        strokeWidth={selected || status === 'current' ? 2.5 : 1.5}
        strokeOpacity={status === 'future' ? 0.6 : 1}
        strokeDasharray={arrow.retransmission ? '6 4' : undefined}
      />
      {status === 'current' && (
        <line
          key={arrow.step}
          className="ladder-travel"
          x1={arrow.x1}
          y1={y}
          x2={lineEnd}
          y2={y}
          pathLength={1}
          stroke="currentColor"
          strokeWidth={4}
          strokeLinecap="round"
        />
      )}
      {arrow.lost ? (
        <path
          d={`M${tip - 6},${y - 6}L${tip + 6},${y + 6}M${tip - 6},${y + 6}L${tip + 6},${y - 6}`}
          className="stroke-red-700 dark:stroke-red-400"
          strokeWidth={2.5}
          aria-hidden="true"
        />
      ) : (
        <path
          d={`M${tip},${y}L${tip - direction * HEAD},${y - 5}L${tip - direction * HEAD},${y + 5}Z`}
          // an open head: the log does not show the message arriving, nor that it did not
          fill={arrow.unanswered ? 'none' : 'currentColor'}
          stroke={arrow.unanswered ? 'currentColor' : undefined}
          data-unanswered={arrow.unanswered || undefined}
          aria-hidden="true"
        />
      )}
      {showLabel && (
        <text x={middle} y={y - 7} textAnchor="middle" fill="currentColor" className="text-xs font-semibold">
          {label}
          {arrow.lost ? ' (lost)' : arrow.unanswered ? ' (unanswered)' : ''}
        </text>
      )}
      {showLabel && failed && (
        <text x={right + 6} y={y - 7} className="fill-red-700 text-xs font-bold dark:fill-red-400">
          ✕ failed<title>The negotiation failed here: see the findings</title>
        </text>
      )}
      {showLabel && arrow.notAllowed && (
        <text
          x={middle + label.length * 4 + (arrow.lost ? 28 : arrow.unanswered ? 52 : 0) + 14}
          y={y - 7}
          textAnchor="middle"
          className="fill-amber-700 text-sm font-bold dark:fill-amber-400"
        >
          ⚠<title>A state change here is not allowed by the model</title>
        </text>
      )}
      {showDetail && arrow.payloads && (
        <text x={middle} y={y + 15} textAnchor="middle" fill="currentColor" className="text-[11px]" aria-hidden="true">
          {arrow.payloads}
        </text>
      )}
      {showDetail && arrow.time && (
        <text x={timeX} y={y + 4} textAnchor="end" fill="currentColor" className="font-mono text-[11px]" aria-hidden="true">
          {arrow.time}
        </text>
      )}
    </g>
  );
});
