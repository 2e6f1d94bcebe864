import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analyze } from '../analyze.ts';
import { buildTimeline, type Step } from './timeline.ts';

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
    // The initiator's IKE_QM_I_QM1 is printed once QM1 has left (its packet line first); the same for QM2, QM3.
    ['QM1', 'i:IKE_QM_I_QM1'],
    ['QM1', 'r:IKE_QM_SPI_STARVE'],
    ['QM2', 'r:IKE_QM_R_QM2'],
    ['QM2', 'i:IKE_QM_PHASE2_COMPLETE'],
    ['QM3', 'i:IKE_QM_PHASE2_COMPLETE'],
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

  test('the whole order, state changes with their lines, each after the last packet its router printed before it', () => {
    const steps = timeline.steps.map((step) =>
      step.kind === 'message' ? step.message.name : `${step.transition.side[0]}:${step.transition.to} ${step.transition.line.line}`,
    );
    expect(steps).toEqual([
      'i:IKE_I_MM1 595', 'MM1', 'r:IKE_R_MM1 170', 'r:IKE_R_MM1 211', 'MM2', 'r:IKE_R_MM2 227', 'i:IKE_I_MM2 622',
      'i:IKE_I_MM2 664', 'MM3', 'i:IKE_I_MM3 682', 'r:IKE_R_MM3 241', 'r:IKE_R_MM3 266', 'MM4', 'r:IKE_R_MM4 282',
      'i:IKE_I_MM4 700', 'i:IKE_I_MM4 723', 'MM5', 'i:IKE_I_MM5 757', 'r:IKE_R_MM5 296', 'r:IKE_R_MM5 341', 'MM6',
      'r:IKE_P1_COMPLETE 377', 'i:IKE_I_MM6 805', 'i:IKE_I_MM6 810', 'i:IKE_P1_COMPLETE 815', 'QM1',
      'i:IKE_QM_I_QM1 839', 'i:IKE_P1_COMPLETE 843', 'r:IKE_QM_SPI_STARVE 441', 'QM2', 'r:IKE_QM_R_QM2 461',
      'QM3', 'i:IKE_QM_PHASE2_COMPLETE 946', 'r:IKE_QM_PHASE2_COMPLETE 517',
    ]);
  });
});
