import type { Negotiation } from '../../core/analysis.ts';
import type { Timeline } from '../../core/timeline/timeline.ts';
import { Ladder } from '../ladder/Ladder.tsx';
import { NO_NEGOTIATION } from '../load/InputAnswerNotice.tsx';
import type { MessageTiming } from '../../core/clock/deltas.ts';

interface LadderViewProps {
  negotiation: Negotiation | undefined;
  /** The analysis is complete and holds no negotiation. */
  nothingToDraw: boolean;
  timeline: Timeline | null;
  cursor: number;
  selectedStep: number | null;
  /** Message steps where the negotiation failed. */
  failedSteps: ReadonlySet<number>;
  onSelectStep: (step: number) => void;
  timings: readonly MessageTiming[] | undefined;
}

/** The ladder once there is a negotiation to draw; a word on why not otherwise. */
export function LadderView({ negotiation, nothingToDraw, timeline, cursor, selectedStep, failedSteps, onSelectStep, timings }: LadderViewProps) {
  if (!negotiation || !timeline) {
    return (
      <p className="p-3 text-sm text-slate-600 dark:text-slate-400">
        {nothingToDraw ? NO_NEGOTIATION : 'Initiator and responder lifelines appear here once the log is analysed.'}
      </p>
    );
  }
  return (
    <Ladder
      negotiation={negotiation}
      timeline={timeline}
      cursor={cursor}
      selectedStep={selectedStep}
      failedSteps={failedSteps}
      onSelectStep={onSelectStep}
      timings={timings}
    />
  );
}
