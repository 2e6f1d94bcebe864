import type { Side } from '../../core/ike/sides.ts';
import type { Transition } from '../../core/analysis.ts';
import type { Timeline } from '../../core/timeline/timeline.ts';

/** A router's state as of the cursor: the last state change it logged, and the way it got there. */
export interface SideState {
  state: string | null;
  path: readonly Transition[];
  /** The latest step, if it is this side's and the model does not allow it. */
  disallowed: Transition | null;
}

export function stateAt(timeline: Timeline, cursor: number, side: Side): SideState {
  const path: Transition[] = [];
  for (let index = 0; index <= cursor && index < timeline.steps.length; index++) {
    const step = timeline.steps[index]!;
    if (step.kind === 'transition' && step.transition.side === side) path.push(step.transition);
  }
  const last = path[path.length - 1];
  return {
    state: last?.to ?? null,
    path,
    disallowed: last && last.allowed === false ? last : null,
  };
}

/** The message step at or before the cursor: the one the views select. */
export function messageStepAt(timeline: Timeline, cursor: number): number | null {
  let found: number | null = null;
  for (const step of timeline.messageSteps) {
    if (step > cursor) break;
    found = step;
  }
  return found;
}
