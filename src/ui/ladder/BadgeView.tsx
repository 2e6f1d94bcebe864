import { memo } from 'react';
import type { LadderBadge } from '../../core/ladder/layout.ts';
import type { StepStatus } from './ArrowView.tsx';

interface BadgeViewProps {
  badge: LadderBadge;
  k: number;
  status: StepStatus;
}

const COLOR: Record<StepStatus, string> = {
  past: 'text-slate-700 dark:text-slate-300',
  current: 'text-teal-700 dark:text-teal-300',
  future: 'text-slate-500 dark:text-slate-400',
};

/** A router's new state, on its lane at the step where it changed; a step the model rejects is marked. */
export const BadgeView = memo(function BadgeView({ badge, k, status }: BadgeViewProps) {
  const y = badge.y * k;
  const { width, height } = badge;
  const border = badge.notAllowed ? 'stroke-amber-700 dark:stroke-amber-400' : 'stroke-current';
  return (
    <g
      className={COLOR[status]}
      data-testid={`ladder.badge.${badge.side}`}
      data-step={badge.step}
      data-status={status}
    >
      <rect
        x={badge.x - width / 2}
        y={y - height / 2}
        width={width}
        height={height}
        rx={height / 2}
        className={`fill-white dark:fill-slate-900 ${border}`}
        strokeWidth={status === 'current' || badge.notAllowed ? 2 : 1}
        strokeDasharray={badge.notAllowed ? '3 2' : undefined}
      />
      <text x={badge.x} y={y + 4} textAnchor="middle" fill="currentColor" className="font-mono text-[11px]">
        {badge.text}
      </text>
      {badge.notAllowed && (
        <text
          x={badge.x + width / 2 + 10}
          y={y + 5}
          textAnchor="middle"
          className="fill-amber-700 text-sm font-bold dark:fill-amber-400"
        >
          ⚠<title>{`${badge.transition.from} → ${badge.transition.to} is not allowed by the state model`}</title>
        </text>
      )}
    </g>
  );
});
