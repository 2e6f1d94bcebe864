import { describe, expect, test } from 'vitest';
import { compareLines } from '../ike/line-ref.ts';
import type { Message, Negotiation } from '../analysis.ts';
import { analyze } from '../analyze.ts';
import { labSetupOf, runLab } from '../sim/lab.ts';
import { linesPrintedBy } from './printed-by.ts';
import { buildTimeline } from './timeline.ts';

/**
 * The lab's failing presets, whose retransmissions no corpus log holds: what each router's simulated debug
 * output orders, analysed as the page does (both logs as two files), as one paste of both, and alone.
 */
function debugOf(preset: string) {
  const run = runLab(labSetupOf(preset)!);
  if (!run.ok) throw new Error(run.error);
  return run;
}

function negotiationOf(preset: string, how: 'two files' | 'one paste' | 'initiator' | 'responder'): Negotiation {
  const run = debugOf(preset);
  const files =
    how === 'two files'
      ? run.files.filter((f) => f.kind === 'log')
      : how === 'one paste'
        ? [{ name: 'both.log', text: `${run.debug.initiator}\n${run.debug.responder}` }]
        : [{ name: `${how}.log`, text: run.debug[how] }];
  const negotiations = analyze(files).negotiations;
  expect(negotiations).toHaveLength(1);
  if (how === 'two files' || how === 'one paste') expect(negotiations[0]!.role).toBe('both');
  return negotiations[0]!;
}

function orderedMessages(n: Negotiation): Message[] {
  const timeline = buildTimeline(n);
  return timeline.messageSteps.map((i) => (timeline.steps[i] as { message: Message }).message);
}

const names = (messages: readonly Message[]) => messages.map((m) => `${m.name}${m.retransmission ? '*' : ''}`);

describe('p1-policy-mismatch: the responder refuses each MM1 with a NOTIFY', () => {
  for (const how of ['two files', 'one paste', 'initiator', 'responder'] as const) {
    test(`${how}: each NOTIFY right after the MM1 it refuses`, () => {
      const messages = orderedMessages(negotiationOf('p1-policy-mismatch', how));
      expect(names(messages)).toEqual(['MM1', 'NOTIFY', ...Array.from({ length: 5 }, () => ['MM1*', 'NOTIFY']).flat()]);
      messages.forEach((m, at) => {
        if (m.name === 'NOTIFY') expect(messages[at - 1]!.attempt).toBe(m.attempt);
      });
    });
  }
});

describe('psk-mismatch: both routers resend, MM5 and MM4 in turn, until they give up', () => {
  for (const how of ['two files', 'one paste'] as const) {
    test(`${how}: MM1..MM5, then each MM4 resend after the MM5 the responder had last received`, () => {
      const n = negotiationOf('psk-mismatch', how);
      const messages = orderedMessages(n);
      expect(names(messages)).toEqual(['MM1', 'MM2', 'MM3', 'MM4', 'MM5', ...Array.from({ length: 5 }, () => ['MM4*', 'MM5*']).flat()]);
      // The MM5 a resend of MM4 answers: the last one the responder's log shows arriving before it resent.
      const arrivals = messages.filter((m) => m.name === 'MM5');
      for (const resend of messages.filter((m) => m.name === 'MM4' && m.retransmission)) {
        const sent = linesPrintedBy(n, resend, 'responder')[0]!;
        const answered = arrivals.filter((m) => compareLines(linesPrintedBy(n, m, 'responder')[0]!, sent) < 0).at(-1)!;
        expect(answered.attempt).toBe(resend.attempt - 1);
        expect(messages.indexOf(resend)).toBeGreaterThan(messages.indexOf(answered));
      }
    });
  }

  test('the initiator alone: its log order, each resent MM5 then the MM4 resend that crossed it', () => {
    const messages = orderedMessages(negotiationOf('psk-mismatch', 'initiator'));
    expect(names(messages)).toEqual(['MM1', 'MM2', 'MM3', 'MM4', 'MM5', ...Array.from({ length: 5 }, () => ['MM5*', 'MM4*']).flat()]);
  });
});

describe('the state changes follow the same order', () => {
  test('p1-policy-mismatch, both routers: the responder takes each MM1 in, refuses it, then deletes its SA', () => {
    const timeline = buildTimeline(negotiationOf('p1-policy-mismatch', 'two files'));
    const labels = timeline.steps.flatMap((s) => {
      if (s.kind === 'message') return [s.message.name];
      return s.transition.from === s.transition.to ? [] : [`${s.transition.side[0]}:${s.transition.to}`];
    });
    expect(labels.filter((l) => !l.startsWith('i:'))).toEqual(
      Array.from({ length: 6 }, () => ['MM1', 'r:IKE_R_MM1', 'NOTIFY', 'r:IKE_DEST_SA']).flat(),
    );
    // The initiator: in IKE_I_MM1 before the first MM1, and gives up after the last refusal.
    expect(labels.filter((l) => l.startsWith('i:'))).toEqual(['i:IKE_I_MM1', 'i:IKE_DEST_SA']);
    expect(labels.indexOf('i:IKE_I_MM1')).toBe(0);
    expect(labels.indexOf('i:IKE_DEST_SA')).toBeGreaterThan(labels.lastIndexOf('NOTIFY'));
  });
});
