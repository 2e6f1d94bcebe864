import type { Finding } from '../analysis.ts';
import type { Timeline } from './timeline.ts';

/** The message step where a finding happened: the one named by the finding that holds its first evidence line. */
export function stepOfFinding(timeline: Timeline, finding: Finding): number | null {
  const named = timeline.messageSteps.filter((i) => {
    const step = timeline.steps[i];
    return step?.kind === 'message' && step.message.name === finding.message;
  });
  const evidence = new Set(finding.lines.map((l) => `${l.file}:${l.line}`));
  const holding = named.find((i) => {
    const step = timeline.steps[i];
    return step?.kind === 'message' && step.message.lines.some((l) => evidence.has(`${l.file}:${l.line}`));
  });
  return holding ?? named[named.length - 1] ?? null;
}
