import { describe, expect, test } from 'vitest';
import { analyze } from '../../core/analyze.ts';
import { labSetupOf, runLab } from '../../core/sim/lab.ts';
import { buildTimeline, timelineUpTo } from '../../core/timeline/timeline.ts';
import { readFileSync } from 'node:fs';
import { firstLines, HIDDEN_LINE, quizText, visibleLines } from './visible.ts';

const run = runLab(labSetupOf('seed')!);
if (!run.ok) throw new Error(run.error);
const logs = run.files.filter((f) => f.kind === 'log');
const timeline = buildTimeline(analyze(logs).negotiations[0]!);

describe('what a quiz shows', () => {
  test('the timeline is cut after the step in view, messages and all', () => {
    const mm3 = timeline.messageSteps[2]!;
    const shown = timelineUpTo(timeline, mm3 - 1);
    expect(shown.steps).toHaveLength(mm3);
    expect(shown.messageSteps).toEqual(timeline.messageSteps.slice(0, 2));
    expect(timelineUpTo(timeline, -1).steps).toEqual([]);
  });

  test('each log shows only the lines printed so far, and more as steps are revealed', () => {
    const early = timelineUpTo(timeline, timeline.messageSteps[1]!);
    const all = timelineUpTo(timeline, timeline.steps.length - 1);
    for (const file of [0, 1]) {
      const total = logs[file]!.text.split('\n').length;
      expect(visibleLines(early, file)).toBeGreaterThan(0);
      expect(visibleLines(early, file)).toBeLessThan(visibleLines(all, file));
      expect(visibleLines(all, file)).toBeLessThanOrEqual(total);
    }
    // Before anything happened, nothing of either log is shown.
    expect(visibleLines(timelineUpTo(timeline, -1), 0)).toBe(0);
  });

  test('one paste holding both routers: the lines of later steps are masked, not only those past the cut', () => {
    // the seed prints R3's whole exchange first, then R2's: R2's MM1 comes after R3's later messages
    const seed = readFileSync(new URL('../../../fixtures/seed/ios-ikev1-main-mode-debugs.txt', import.meta.url), 'utf8');
    const seedTimeline = buildTimeline(analyze([{ name: 'seed', text: seed }]).negotiations[0]!);
    const mm1 = seedTimeline.messageSteps[0]!;
    const shown = timelineUpTo(seedTimeline, mm1);
    const linesOf = (steps: typeof seedTimeline.steps): number[] => steps.flatMap((s) => (s.kind === 'message' ? s.message.lines : [s.transition.line])).map((l) => l.line);
    const seen = new Set(linesOf(shown.steps));
    const later = linesOf(seedTimeline.steps.slice(mm1 + 1)).filter((l) => !seen.has(l));
    const lines = seed.split('\n');
    const cut = firstLines(seed, visibleLines(shown, 0)).split('\n');
    // the cut alone gives answers away
    expect(later.filter((l) => l <= cut.length).length).toBeGreaterThan(0);
    const text = quizText(seed, shown, seedTimeline, mm1, 0).split('\n');
    for (const l of later) if (l <= text.length) expect(text[l - 1]).toBe(HIDDEN_LINE);
    const mm1Lines = seedTimeline.steps[mm1]!.kind === 'message' ? seedTimeline.steps[mm1]!.message.lines : [];
    expect(mm1Lines.length).toBeGreaterThan(0);
    for (const l of mm1Lines) expect(text[l.line - 1]).toBe(lines[l.line - 1]);
  });

  const cuts = [
    { text: 'a\nb\nc\n', count: 2, out: 'a\nb\n' },
    { text: 'a\nb\nc', count: 5, out: 'a\nb\nc' },
    { text: 'a\nb', count: 0, out: '' },
    { text: 'a\nb', count: Number.POSITIVE_INFINITY, out: 'a\nb' },
  ];
  for (const c of cuts) test(`firstLines(${JSON.stringify(c.text)}, ${c.count})`, () => expect(firstLines(c.text, c.count)).toBe(c.out));
});
