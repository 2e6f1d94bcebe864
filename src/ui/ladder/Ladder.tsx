import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { Negotiation } from '../../core/analysis.ts';
import type { Timeline } from '../../core/timeline/timeline.ts';
import { layoutLadder, visibleRange } from '../../core/ladder/layout.ts';
import { useLadderZoom } from './useLadderZoom.ts';
import { ArrowView, type StepStatus } from './ArrowView.tsx';
import { BadgeView } from './BadgeView.tsx';
import { LaneHeader, Lifelines } from './LanesView.tsx';
import { LadderToolbar } from './LadderToolbar.tsx';
import { ClockGapLabels } from './ClockGapLabels.tsx';
import type { MessageTiming } from '../../core/clock/deltas.ts';
import './ladder.css';

export interface LadderProps {
  negotiation: Negotiation;
  timeline: Timeline;
  /** Index into `timeline.steps` of the current step; -1 before the first. */
  cursor: number;
  selectedStep: number | null;
  /** Message steps where the negotiation failed (an error finding names them): marked on their arrows. */
  failedSteps?: ReadonlySet<number>;
  onSelectStep: (step: number) => void;
  /** What the timestamps say of each message (per arrow index), drawn in the lanes' gutters. */
  timings?: readonly MessageTiming[] | undefined;
}

/** Up to this many arrows and badges, all are drawn; beyond it only those in view. */
const DRAW_ALL_LIMIT = 400;

/** Below this zoom the badges' rows overlap: only the arrows are drawn. */
const BADGE_MIN_ZOOM = 0.5;

const statusOf = (step: number, cursor: number): StepStatus =>
  step < cursor ? 'past' : step === cursor ? 'current' : 'future';

/** Follows the size of the element the ladder is drawn in. */
function useElementSize(target: RefObject<HTMLElement | null>) {
  const [size, setSize] = useState({ width: 0, height: 0 });
  useEffect(() => {
    const element = target.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      if (!entry) return;
      const { width, height } = entry.contentRect;
      setSize((old) => (old.width === width && old.height === height ? old : { width, height }));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [target]);
  return size;
}

/**
 * The negotiation as a sequence diagram: the initiator's and responder's lifelines, one arrow per message,
 * a badge where a router's state changes, times on the left. Only the rows in view are drawn, so a
 * negotiation of 10,000 messages pans as smoothly as the seed's nine.
 */
export function Ladder({ negotiation, timeline, cursor, selectedStep, failedSteps, onSelectStep, timings }: LadderProps) {
  const container = useRef<HTMLDivElement>(null);
  const svg = useRef<SVGSVGElement>(null);
  const size = useElementSize(container);

  const layout = useMemo(
    () => layoutLadder(negotiation, timeline, { width: size.width, height: 0 }),
    [negotiation, timeline, size.width],
  );
  const bounds = useMemo(() => ({ content: layout.height, view: size.height }), [layout.height, size.height]);
  const { view, reset, zoomBy, reveal } = useLadderZoom(svg, bounds);
  const { k, ty } = view;
  const { headerHeight, messageRowHeight } = layout.config;

  const top = -ty / k;
  const bottom = (size.height - ty) / k;
  const virtual = layout.arrows.length + layout.badges.length > DRAW_ALL_LIMIT;
  // A small negotiation is drawn whole: every arrow stays in the tab order and findable, off screen or not.
  const drawn = virtual ? visibleRange(layout, top, bottom) : layout;

  // Another negotiation starts at the top, at zoom 1.
  useEffect(() => reset(), [negotiation, timeline, reset]);

  // Keep the current step in view as playback moves.
  const cursorY = cursor >= 0 ? layout.stepY[cursor] : undefined;
  const viewHeight = size.height;
  useEffect(() => {
    if (cursorY !== undefined && viewHeight > 0) reveal(cursorY, headerHeight + messageRowHeight);
  }, [cursorY, viewHeight, reveal, headerHeight, messageRowHeight]);

  const onFocusArrow = useCallback(
    (y: number) => reveal(y, headerHeight + messageRowHeight / 2),
    [reveal, headerHeight, messageRowHeight],
  );
  const timeX = layout.lanes.initiator.x - 14;

  return (
    <div className="flex h-full min-h-0 flex-col">
      <LadderToolbar
        zoom={k}
        onZoomIn={() => zoomBy(1.25)}
        onZoomOut={() => zoomBy(0.8)}
        onReset={reset}
        messages={layout.arrows.length}
        drawn={virtual ? drawn.arrows.length : null}
      />
      <div ref={container} className="relative min-h-0 flex-1 overflow-x-auto overflow-y-hidden">
        <svg
          ref={svg}
          width={layout.width}
          height={size.height}
          role="group"
          aria-label="Ladder of the negotiation"
          className="block touch-none select-none"
          data-testid="ladder"
        >
          <Lifelines layout={layout} bottom={Math.min(size.height, ty + k * (layout.height - layout.config.footerHeight))} />
          <g transform={`translate(0,${ty})`}>
            {k >= BADGE_MIN_ZOOM &&
              drawn.badges.map((badge) => (
                <BadgeView key={badge.step} badge={badge} k={k} status={statusOf(badge.step, cursor)} />
              ))}
            {drawn.arrows.map((arrow) => (
              <ArrowView
                key={arrow.step}
                arrow={arrow}
                k={k}
                status={statusOf(arrow.step, cursor)}
                selected={arrow.step === selectedStep}
                failed={failedSteps?.has(arrow.step) ?? false}
                rowHeight={messageRowHeight * k}
                timeX={timeX}
                onSelect={onSelectStep}
                onFocusArrow={onFocusArrow}
              />
            ))}
            {timings && <ClockGapLabels layout={layout} negotiation={negotiation} arrows={drawn.arrows} timings={timings} k={k} />}
          </g>
          <LaneHeader layout={layout} />
        </svg>
      </div>
    </div>
  );
}
