import type { Negotiation } from '../../core/analysis.ts';
import type { Timeline } from '../../core/timeline/timeline.ts';
import { stepOfFinding } from '../../core/timeline/finding-step.ts';

/** The message steps an error finding names: where the negotiation failed. */
export function failedSteps(negotiation: Negotiation, timeline: Timeline): Set<number> {
  const steps = new Set<number>();
  for (const finding of negotiation.findings) {
    if (finding.severity !== 'error' || !finding.message) continue;
    const step = stepOfFinding(timeline, finding);
    if (step !== null) steps.add(step);
  }
  return steps;
}

/** The first of them, where a failed negotiation opens; null when it did not fail. */
export function firstFailedStep(failed: ReadonlySet<number>): number | null {
  let first: number | null = null;
  for (const step of failed) if (first === null || step < first) first = step;
  return first;
}
