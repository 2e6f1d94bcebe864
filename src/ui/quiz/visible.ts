import type { Timeline } from '../playback/timeline.ts';

/** The timeline up to and including step `upTo`: what a learner may see while answering. */
export function visibleTimeline(timeline: Timeline, upTo: number): Timeline {
  return { steps: timeline.steps.slice(0, upTo + 1), messageSteps: timeline.messageSteps.filter((s) => s <= upTo) };
}

/** The last line of `file` that the visible steps have printed (0: none yet). */
export function visibleLines(shown: Timeline, file: number): number {
  let last = 0;
  for (const step of shown.steps) {
    const lines = step.kind === 'message' ? step.message.lines : [step.transition.line, ...(step.transition.inputLine ? [step.transition.inputLine] : [])];
    for (const l of lines) if (l.file === file && l.line > last) last = l.line;
  }
  return last;
}

/** The first `count` lines of a text. */
export function firstLines(text: string, count: number): string {
  if (!Number.isFinite(count)) return text;
  let end = 0;
  for (let line = 0; line < count; line++) {
    const next = text.indexOf('\n', end);
    if (next < 0) return text;
    end = next + 1;
  }
  return text.slice(0, end);
}
