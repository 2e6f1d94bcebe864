import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analyze } from '../../core/analyze.ts';
import { buildTimeline, type Step } from './timeline.ts';
import { messageStepAt, stateAt } from './cursor.ts';

const seed = readFileSync('fixtures/seed/ios-ikev1-main-mode-debugs.txt', 'utf8');
const negotiation = analyze([{ name: 'seed', text: seed }]).negotiations[0]!;
const timeline = buildTimeline(negotiation);
const label = (step: Step) =>
  step.kind === 'message' ? step.message.name : `${step.transition.side[0]}:${step.transition.to}`;
const labels = timeline.steps.map(label);

describe('the seed negotiation as a timeline', () => {
  test('messages come in protocol order', () => {
    expect(timeline.messageSteps.map((i) => label(timeline.steps[i]!))).toEqual([
      'MM1', 'MM2', 'MM3', 'MM4', 'MM5', 'MM6', 'QM1', 'QM2', 'QM3',
    ]);
  });

  const causality: [string, string][] = [
    // The initiator is in IKE_I_MM1 before MM1 leaves; the responder enters IKE_R_MM1 when MM1 arrives.
    ['i:IKE_I_MM1', 'MM1'],
    ['MM1', 'r:IKE_R_MM1'],
    ['r:IKE_R_MM2', 'i:IKE_I_MM2'],
    ['MM2', 'i:IKE_I_MM2'],
    ['MM5', 'r:IKE_R_MM5'],
    ['MM6', 'i:IKE_I_MM6'],
    ['i:IKE_QM_I_QM1', 'QM1'],
    ['QM1', 'r:IKE_QM_SPI_STARVE'],
    ['r:IKE_QM_R_QM2', 'QM2'],
    ['QM2', 'i:IKE_QM_PHASE2_COMPLETE'],
    ['QM3', 'r:IKE_QM_PHASE2_COMPLETE'],
  ];
  for (const [before, after] of causality) {
    test(`${before} comes before ${after}`, () => {
      expect(labels.indexOf(before)).toBeGreaterThanOrEqual(0);
      expect(labels.indexOf(before)).toBeLessThan(labels.indexOf(after));
    });
  }

  test('every transition of both routers is a step', () => {
    const transitions = negotiation.phase1.transitions.length + negotiation.phase2.reduce((n, p) => n + p.transitions.length, 0);
    expect(timeline.steps.length).toBe(transitions + timeline.messageSteps.length);
  });

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
