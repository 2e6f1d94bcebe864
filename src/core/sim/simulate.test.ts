/**
 * The simulation over every preset and a few faults: outcomes, retransmission and giving up, an
 * immutable and deterministic trace, and every state change it makes replayed through the machines.
 */
import type { Side } from '../ike/sides.ts';
import { describe, expect, test } from 'vitest';
import { printInput } from '../fsm/events.ts';
import { replayTransitions, type ObservedTransition } from '../fsm/replay.ts';
import { PRESETS, findPreset } from './presets.ts';
import { scenarioOf } from './preset-scenario.ts';
import { simulate, SIM_TIMING } from './simulate.ts';
import type { SimExchange, SimTrace } from './trace.ts';

function transitionsOf(trace: SimTrace, side: Side, exchange: SimExchange): ObservedTransition[] {
  return trace.steps.flatMap((s) => {
    if (s.side !== side || s.event.kind !== 'input' || s.event.exchange !== exchange) return [];
    const [source = '', event = ''] = printInput(s.event.input).split(', ');
    return [{ from: s.event.from, to: s.event.to, source, event }];
  });
}

function sent(trace: SimTrace, side: Side): string[] {
  return trace.steps.flatMap((s) => (s.side === side && s.event.kind === 'send' ? [s.event.message + (s.event.retransmission ? '*' : '')] : []));
}

function preset(name: string) {
  const p = findPreset(name);
  if (!p) throw new Error(`no preset ${name}`);
  return p;
}

describe('presets', () => {
  for (const p of PRESETS) {
    test(`${p.name}: ${p.expect.phase1} phase 1, ${p.expect.phase2} phase 2`, () => {
      const trace = simulate(scenarioOf(p));
      expect(trace.outcome).toEqual(p.expect);
      for (const side of ['initiator', 'responder'] as const) {
        for (const exchange of ['phase1', 'quickmode'] as const) {
          const steps = replayTransitions(side, exchange, transitionsOf(trace, side, exchange), {
            mode: p.mode,
            platform: side === 'initiator' ? p.initiator.platform : p.responder.platform,
          });
          expect(steps.filter((s) => !s.allowed)).toEqual([]);
        }
      }
    });
  }
});

describe('the trace', () => {
  test('is deterministic and immutable', () => {
    const a = simulate(scenarioOf(preset('seed')));
    const b = simulate(scenarioOf(preset('seed')));
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(Object.isFrozen(a.steps)).toBe(true);
    expect(a.steps.every((s) => Object.isFrozen(s) && Object.isFrozen(s.event) && Object.isFrozen(s.states.initiator))).toBe(true);
    expect(a.steps.map((s) => s.index)).toEqual(a.steps.map((_, i) => i));
  });

  test('time never goes back', () => {
    for (const p of PRESETS) {
      const steps = simulate(scenarioOf(p)).steps;
      expect(steps.every((s, i) => i === 0 || s.at >= (steps[i - 1]?.at ?? 0))).toBe(true);
    }
  });

  test('the seed: messages in Main Mode and Quick Mode order, 12.4/15.x path without install wait', () => {
    const trace = simulate(scenarioOf(preset('seed')));
    expect(sent(trace, 'initiator')).toEqual(['MM1', 'MM3', 'MM5', 'QM1', 'QM3']);
    expect(sent(trace, 'responder')).toEqual(['MM2', 'MM4', 'MM6', 'QM2']);
    expect(transitionsOf(trace, 'responder', 'quickmode').map((t) => t.to)).toEqual([
      'IKE_QM_SPI_STARVE',
      'IKE_QM_R_QM2',
      'IKE_QM_PHASE2_COMPLETE',
    ]);
    expect(trace.steps.at(-1)?.states).toEqual({
      initiator: { phase1: 'IKE_P1_COMPLETE', quickmode: 'IKE_QM_PHASE2_COMPLETE' },
      responder: { phase1: 'IKE_P1_COMPLETE', quickmode: 'IKE_QM_PHASE2_COMPLETE' },
    });
  });

  test("each message carries the lines of its router's config it depends on", () => {
    const trace = simulate(scenarioOf(preset('seed')));
    const sendOf = (side: Side, message: string) =>
      trace.steps.find((s) => s.side === side && s.event.kind === 'send' && s.event.message === message)?.event;
    // R2's preset config: line 2 `crypto isakmp policy 10`, 3 `authentication pre-share`, 4 the key, 5 the transform set.
    expect(sendOf('initiator', 'MM1')).toMatchObject({ config: expect.arrayContaining([2, 3, 4]) });
    expect(sendOf('initiator', 'QM1')).toMatchObject({ config: expect.arrayContaining([5]) });
    const mm1In = trace.steps.find((s) => s.side === 'responder' && s.event.kind === 'receive' && s.event.message === 'MM1');
    expect(mm1In?.event).toMatchObject({ config: expect.arrayContaining([2, 3, 4]) });
  });

  test('IOS-XE routers wait in IKE_QM_IPSEC_INSTALL_AWAIT', () => {
    const trace = simulate(scenarioOf(preset('nat-t')));
    expect(transitionsOf(trace, 'initiator', 'quickmode').map((t) => t.to)).toEqual([
      'IKE_QM_I_QM1',
      'IKE_QM_IPSEC_INSTALL_AWAIT',
      'IKE_QM_PHASE2_COMPLETE',
    ]);
  });

  test('NAT-T floats IKE to UDP 4500 from MM5 on', () => {
    const trace = simulate(scenarioOf(preset('nat-t')));
    const ports = trace.steps.flatMap((s) => (s.side === 'initiator' && s.event.kind === 'send' ? [`${s.event.message}:${s.event.port}`] : []));
    expect(ports).toEqual(['MM1:500', 'MM3:500', 'MM5:4500', 'QM1:4500', 'QM3:4500']);
    expect(trace.steps.some((s) => s.event.kind === 'note' && s.event.note.kind === 'nat-detected')).toBe(true);
  });

  test('an unreachable peer: MM1 sent, retransmitted five times, then Death by retransmission P1', () => {
    const trace = simulate(scenarioOf(preset('peer-unreachable')));
    expect(sent(trace, 'initiator')).toEqual(['MM1', 'MM1*', 'MM1*', 'MM1*', 'MM1*', 'MM1*']);
    expect(sent(trace, 'responder')).toEqual([]);
    const last = trace.steps.at(-1);
    expect(last?.event).toMatchObject({ kind: 'input', from: 'IKE_I_MM1', to: 'IKE_DEST_SA', deleteReason: 'Death by retransmission P1' });
    expect(last?.at).toBe(6 * SIM_TIMING.retransmitMs);
  });

  test('a lost MM3 is retransmitted and the negotiation completes', () => {
    const p = preset('seed');
    const trace = simulate({ ...scenarioOf(p), faults: { lose: [{ from: 'initiator', message: 'MM3' }] } });
    expect(trace.outcome).toEqual({ phase1: 'complete', phase2: 'complete' });
    expect(sent(trace, 'initiator').slice(0, 3)).toEqual(['MM1', 'MM3', 'MM3*']);
  });

  test('a lost MM4: the initiator retransmits MM3, the responder sees a duplicate and resends MM4', () => {
    const trace = simulate({ ...scenarioOf(preset('seed')), faults: { lose: [{ from: 'responder', message: 'MM4' }] } });
    expect(trace.outcome.phase1).toBe('complete');
    expect(trace.steps.some((s) => s.side === 'responder' && s.event.kind === 'note' && s.event.note.kind === 'duplicate')).toBe(true);
    expect(sent(trace, 'responder').slice(0, 3)).toEqual(['MM2', 'MM4', 'MM4*']);
  });

  test('a PSK mismatch: the responder cannot read MM5, both sides give up', () => {
    const trace = simulate(scenarioOf(preset('psk-mismatch')));
    expect(trace.steps.filter((s) => s.event.kind === 'note' && s.event.note.kind === 'bad-message').length).toBeGreaterThan(0);
    const final = trace.steps.at(-1)?.states;
    expect(final?.initiator.phase1).toBe('IKE_DEST_SA');
    expect(final?.responder.phase1).toBe('IKE_DEST_SA');
  });

  test('a phase 1 policy mismatch: the responder refuses MM1 with a NOTIFY and deletes the SA', () => {
    const trace = simulate(scenarioOf(preset('p1-policy-mismatch')));
    // Every retransmitted MM1 finds no SA at the responder, starts a new one and is refused again.
    expect(sent(trace, 'responder')).toEqual(['NOTIFY', 'NOTIFY', 'NOTIFY', 'NOTIFY', 'NOTIFY', 'NOTIFY']);
    const refusal = trace.steps.find((s) => s.side === 'responder' && s.event.kind === 'input' && s.event.to === 'IKE_DEST_SA');
    expect(refusal?.event).toMatchObject({ from: 'IKE_R_MM1', deleteReason: 'Phase1 SA policy proposal not accepted' });
    const check = trace.steps.find((s) => s.event.kind === 'note' && s.event.note.kind === 'policy-checks');
    expect(check?.event).toMatchObject({ note: { choice: { chosen: null, checks: [{ mismatch: 'keyLength' }] } } });
  });

  for (const [name, refusal] of [
    ['transform-mismatch', 'transform'],
    ['proxy-mismatch', 'proxy'],
    ['pfs-mismatch', 'pfs'],
  ] as const) {
    test(`${name}: QM1 refused for its ${refusal}, the node stays in IKE_QM_READY, QM1 dies by retransmission`, () => {
      const trace = simulate(scenarioOf(preset(name)));
      const check = trace.steps.find((s) => s.event.kind === 'note' && s.event.note.kind === 'phase2-check');
      expect(check?.event).toMatchObject({ note: { choice: { accepted: null, refusal } } });
      expect(transitionsOf(trace, 'responder', 'quickmode')[0]).toMatchObject({ from: 'IKE_QM_READY', to: 'IKE_QM_READY' });
      expect(sent(trace, 'responder')).toContain('NOTIFY');
      expect(trace.steps.some((s) => s.event.kind === 'input' && s.event.deleteReason === 'Death by retransmission P2')).toBe(true);
    });
  }
});
