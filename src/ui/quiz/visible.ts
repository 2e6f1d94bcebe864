import { linesOfStep, type Timeline } from '../../core/timeline/timeline.ts';

/** The last line of `file` that the visible steps have printed (0: none yet). */
export function visibleLines(shown: Timeline, file: number): number {
  let last = 0;
  for (const step of shown.steps) for (const l of linesOfStep(step)) if (l.file === file && l.line > last) last = l.line;
  return last;
}

/**
 * The lines of `file` that only steps after `upTo` print (a line a visible step printed too stays visible).
 * One paste can hold both routers' logs, one after the other: cutting it after the last line shown would
 * still show the first router's later messages.
 */
export function futureLines(timeline: Timeline, upTo: number, file: number): Set<number> {
  const future = new Set<number>();
  for (const step of timeline.steps.slice(upTo + 1)) for (const l of linesOfStep(step)) if (l.file === file) future.add(l.line);
  for (const step of timeline.steps.slice(0, upTo + 1)) for (const l of linesOfStep(step)) if (l.file === file) future.delete(l.line);
  return future;
}

/** What stands in for a line a learner may not see yet. */
export const HIDDEN_LINE = '⋯';

/** A log as far as the visible steps have printed it, the lines of later steps masked. */
export function quizText(text: string, shown: Timeline, timeline: Timeline, upTo: number, file: number): string {
  const cut = firstLines(text, visibleLines(shown, file));
  const future = futureLines(timeline, upTo, file);
  if (future.size === 0) return cut;
  const lines = cut.split('\n');
  for (const line of future) if (line <= lines.length) lines[line - 1] = HIDDEN_LINE;
  return lines.join('\n');
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
