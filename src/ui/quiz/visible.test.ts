import { describe, expect, test } from 'vitest';
import { analyze } from '../../core/analyze.ts';
import { labSetupOf, runLab } from '../../core/sim/lab.ts';
import { buildTimeline } from '../playback/timeline.ts';
import { firstLines, visibleLines, visibleTimeline } from './visible.ts';

const run = runLab(labSetupOf('seed')!);
if (!run.ok) throw new Error(run.error);
const logs = run.files.filter((f) => f.kind === 'log');
const timeline = buildTimeline(analyze(logs).negotiations[0]!);

describe('what a quiz shows', () => {
  test('the timeline is cut after the step in view, messages and all', () => {
    const mm3 = timeline.messageSteps[2]!;
    const shown = visibleTimeline(timeline, mm3 - 1);
    expect(shown.steps).toHaveLength(mm3);
    expect(shown.messageSteps).toEqual(timeline.messageSteps.slice(0, 2));
    expect(visibleTimeline(timeline, -1).steps).toEqual([]);
  });

  test('each log shows only the lines printed so far, and more as steps are revealed', () => {
    const early = visibleTimeline(timeline, timeline.messageSteps[1]!);
    const all = visibleTimeline(timeline, timeline.steps.length - 1);
    for (const file of [0, 1]) {
      const total = logs[file]!.text.split('\n').length;
      expect(visibleLines(early, file)).toBeGreaterThan(0);
      expect(visibleLines(early, file)).toBeLessThan(visibleLines(all, file));
      expect(visibleLines(all, file)).toBeLessThanOrEqual(total);
    }
    // Before anything happened, nothing of either log is shown.
    expect(visibleLines(visibleTimeline(timeline, -1), 0)).toBe(0);
  });

  const cuts = [
    { text: 'a\nb\nc\n', count: 2, out: 'a\nb\n' },
    { text: 'a\nb\nc', count: 5, out: 'a\nb\nc' },
    { text: 'a\nb', count: 0, out: '' },
    { text: 'a\nb', count: Number.POSITIVE_INFINITY, out: 'a\nb' },
  ];
  for (const c of cuts) test(`firstLines(${JSON.stringify(c.text)}, ${c.count})`, () => expect(firstLines(c.text, c.count)).toBe(c.out));
});
