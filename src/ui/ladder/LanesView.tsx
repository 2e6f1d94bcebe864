import type { Side } from '../../core/ike/sides.ts';
import type { LadderLayout } from '../../core/ladder/layout.ts';

interface LanesProps {
  layout: LadderLayout;
  /** Where the lifelines stop, in screen pixels. */
  bottom: number;
}

const SIDES: Side[] = ['initiator', 'responder'];

/** The two lifelines, drawn behind the steps, the full height of the view. */
export function Lifelines({ layout, bottom }: LanesProps) {
  const top = layout.config.headerHeight;
  return (
    <g aria-hidden="true">
      {SIDES.map((side) => (
        <line
          key={side}
          x1={layout.lanes[side].x}
          x2={layout.lanes[side].x}
          y1={top}
          y2={Math.max(top, bottom)}
          className="stroke-slate-300 dark:stroke-slate-700"
          strokeWidth={2}
        />
      ))}
    </g>
  );
}

/** The routers' names over their lifelines; stays put while the steps pan beneath it. */
export function LaneHeader({ layout }: { layout: LadderLayout }) {
  const height = layout.config.headerHeight;
  return (
    <g>
      <rect x={0} y={0} width={layout.width} height={height} className="fill-white dark:fill-slate-900" />
      {SIDES.map((side) => {
        const lane = layout.lanes[side];
        return (
          <g key={side} data-testid={`ladder.lifeline.${side}`} aria-label={`${lane.role} ${lane.label}`} role="group">
            <text x={lane.x} y={20} textAnchor="middle" className="fill-slate-900 text-sm font-semibold dark:fill-slate-100">
              {lane.name || lane.address}
            </text>
            <text x={lane.x} y={36} textAnchor="middle" className="fill-slate-600 font-mono text-[11px] dark:fill-slate-300">
              {lane.name && lane.address && lane.name !== lane.address ? `${lane.address} · ${lane.role}` : lane.role}
            </text>
            <line x1={lane.x} x2={lane.x} y1={42} y2={height} className="stroke-slate-300 dark:stroke-slate-700" strokeWidth={2} />
          </g>
        );
      })}
    </g>
  );
}
