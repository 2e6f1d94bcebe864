import { describe, expect, test } from 'vitest';
import { analyze } from '../../core/analyze.ts';
import { readFileSync } from 'node:fs';
import { buildTimeline } from '../../core/timeline/timeline.ts';
import { indexLineSteps, stepOfLine } from './line-steps.ts';

const seed = readFileSync('fixtures/seed/ios-ikev1-main-mode-debugs.txt', 'utf8');
const negotiation = analyze([{ name: 'ios-ikev1-main-mode-debugs.txt', text: seed }]).negotiations[0]!;
const timeline = buildTimeline(negotiation);
const index = indexLineSteps(timeline);

describe('the step a log line selects', () => {
  test('every line of a message selects that message', () => {
    for (const stepIndex of timeline.messageSteps) {
      const step = timeline.steps[stepIndex]!;
      if (step.kind !== 'message') continue;
      const first = step.message.lines[0]!;
      const owner = timeline.steps[stepOfLine(index, first.file, first.line, null)!]!;
      expect(owner.kind === 'message' && owner.message.name).toBe(step.message.name);
    }
  });

  test("a state change's line selects the message printed around it, else the state change", () => {
    timeline.steps.forEach((step, at) => {
      if (step.kind !== 'transition') return;
      const { file, line } = step.transition.line;
      const selected = stepOfLine(index, file, line, null)!;
      const owner = timeline.steps[selected]!;
      if (owner.kind === 'message') expect(owner.message.lines).toContainEqual(expect.objectContaining({ file, line }));
      else expect(selected).toBe(at);
    });
  });

  test('a continuation line selects through its record, and a line of none selects nothing', () => {
    const step = timeline.steps[timeline.messageSteps[0]!]!;
    if (step.kind !== 'message') throw new Error('a message step');
    const first = step.message.lines[0]!;
    expect(stepOfLine(index, first.file, 999_999, first.line)).toBe(timeline.messageSteps[0]);
    expect(stepOfLine(index, first.file, 1, null)).toBeNull();
    expect(stepOfLine(index, 7, first.line, null)).toBeNull();
  });
});
