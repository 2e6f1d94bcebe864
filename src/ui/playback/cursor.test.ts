import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analyze } from '../../core/analyze.ts';
import { buildTimeline } from '../../core/timeline/timeline.ts';
import { messageStepAt, stateAt } from './cursor.ts';

const seed = readFileSync('fixtures/seed/ios-ikev1-main-mode-debugs.txt', 'utf8');
const negotiation = analyze([{ name: 'seed', text: seed }]).negotiations[0]!;
const timeline = buildTimeline(negotiation);

describe('the cursor over the seed timeline', () => {
  test('the state at the end is phase 2 complete on both routers', () => {
    const end = timeline.steps.length - 1;
    expect(stateAt(timeline, end, 'initiator').state).toBe('IKE_QM_PHASE2_COMPLETE');
    expect(stateAt(timeline, end, 'responder').state).toBe('IKE_QM_PHASE2_COMPLETE');
    expect(stateAt(timeline, -1, 'initiator').state).toBeNull();
  });

  test('the selected message is the last one at or before the cursor', () => {
    const mm3 = timeline.messageSteps[2]!;
    expect(messageStepAt(timeline, mm3)).toBe(mm3);
    expect(messageStepAt(timeline, mm3 + 1)).toBe(mm3);
    expect(messageStepAt(timeline, -1)).toBeNull();
  });
});
