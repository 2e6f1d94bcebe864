/**
 * Lost or unanswered, on the lab's IOS output (no corpus log holds a lost message): each router's log alone,
 * and both merged. The logs decide: a message is lost only where the receiver's log is there and lacks it.
 */
import { describe, expect, test } from 'vitest';
import { analyze } from '../analyze.ts';
import type { Negotiation } from '../analysis.ts';
import { labSetupOf, runLab } from '../sim/lab.ts';
import type { SimFaults } from '../sim/trace.ts';

function negotiationOf(preset: string, logs: readonly ('initiator' | 'responder')[], faults?: SimFaults): Negotiation {
  const setup = labSetupOf(preset);
  if (!setup) throw new Error(`no preset ${preset}`);
  const run = runLab(faults ? { ...setup, faults } : setup);
  if (!run.ok) throw new Error(run.error);
  const n = analyze(logs.map((side) => ({ name: `${side}.log`, text: run.debug[side] }))).negotiations[0];
  if (!n) throw new Error(`${preset}: no negotiation`);
  return n;
}

const told = (n: Negotiation): string[] =>
  [...n.phase1.messages, ...n.phase2.flatMap((p) => p.messages)].flatMap((m) => (m.delivery ? [`${m.name}#${m.attempt}:${m.delivery}`] : []));

describe('delivery', () => {
  const lostMm3: SimFaults = { lose: [{ from: 'initiator', message: 'MM3' }] };

  test('both logs, the first MM3 lost on the way: that copy is lost, its resend arrived', () => {
    const n = negotiationOf('seed', ['initiator', 'responder'], lostMm3);
    expect(n.role).toBe('both');
    expect(told(n)).toEqual(['MM3#1:lost']);
  });

  test('the same exchange from the initiator alone: nothing shows a loss, and MM3 was answered in the end', () => {
    expect(told(negotiationOf('seed', ['initiator'], lostMm3))).toEqual([]);
  });

  test('psk-mismatch, both logs: the resent MM4 and MM5 all arrived, none is lost or unanswered', () => {
    expect(told(negotiationOf('psk-mismatch', ['initiator', 'responder']))).toEqual([]);
  });

  test('psk-mismatch, the initiator alone: MM5 went unanswered six times, never lost', () => {
    expect(told(negotiationOf('psk-mismatch', ['initiator']))).toEqual([1, 2, 3, 4, 5, 6].map((a) => `MM5#${a}:unanswered`));
  });

  test('p1-policy-mismatch, the initiator alone: each MM1 was refused by a NOTIFY, so it was answered', () => {
    expect(told(negotiationOf('p1-policy-mismatch', ['initiator']))).toEqual([]);
  });

  test('a clean exchange: nothing lost, nothing unanswered, from either log or both', () => {
    for (const logs of [['initiator'], ['responder'], ['initiator', 'responder']] as const) expect(told(negotiationOf('seed', logs))).toEqual([]);
  });
});
