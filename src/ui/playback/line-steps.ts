import type { LineRef } from '../../core/ike/line-ref.ts';
import type { Timeline } from '../../core/timeline/timeline.ts';

/** For each file, the step each of its lines belongs to: a message's lines, or a state change's two lines. */
export type LineSteps = ReadonlyMap<number, ReadonlyMap<number, number>>;

export function indexLineSteps(timeline: Timeline): LineSteps {
  const files = new Map<number, Map<number, number>>();
  const claim = (ref: LineRef | null, step: number) => {
    if (!ref) return;
    let lines = files.get(ref.file);
    if (!lines) files.set(ref.file, (lines = new Map()));
    // The first step to print a line keeps it: a resend's lines are its own, a message's come before its state change.
    if (!lines.has(ref.line)) lines.set(ref.line, step);
  };
  timeline.steps.forEach((step, index) => {
    if (step.kind === 'message') for (const ref of step.message.lines) claim(ref, index);
  });
  timeline.steps.forEach((step, index) => {
    if (step.kind === 'transition') {
      claim(step.transition.inputLine, index);
      claim(step.transition.line, index);
    }
  });
  return files;
}

/** The step a line belongs to, trying the line itself, then the first line of the record it continues. */
export function stepOfLine(index: LineSteps, file: number, line: number, recordStart: number | null): number | null {
  const lines = index.get(file);
  return lines?.get(line) ?? (recordStart === null ? undefined : lines?.get(recordStart)) ?? null;
}
