/**
 * The IKEv2 simulation's debug output analysed by the real log analysis (`analyze`), both routers' output given
 * together as two files, for every IKEv2 preset and in both styles (IOS-XE 17, IOS 15.x / IOS-XE 16.x): one
 * two-sided negotiation whose messages, SM states and outcome are the simulation's, every line understood, every
 * state change allowed by the machines, and the finding the preset is about; the two styles read back alike.
 */
import { describe, expect, test } from 'vitest';
import { analyze } from '../../analyze.ts';
import type { Analysis } from '../../analysis.ts';
import type { Side } from '../../ike/sides.ts';
import { routerOf } from '../preset-scenario.ts';
import { writeIkev2Debug } from './debug-writer.ts';
import type { Ikev2DebugStyle } from './debug-style.ts';
import { IKEV2_PRESETS, type Ikev2Preset } from './presets.ts';
import { simulateIkev2 } from './simulate.ts';
import { ikev2FaultFlags, type Ikev2SimTrace } from './trace.ts';

const STYLES: readonly Ikev2DebugStyle[] = ['iosxe-17', 'ios-15'];

function roundTrip(p: Ikev2Preset, style: Ikev2DebugStyle): { trace: Ikev2SimTrace; analysis: Analysis; text: Record<Side, string> } {
  const trace = simulateIkev2({ initiator: routerOf(p.initiator), responder: routerOf(p.responder), faults: ikev2FaultFlags(p.faults) });
  const text = {
    initiator: `${p.initiator.name}#debug crypto ikev2\n${writeIkev2Debug(trace, 'initiator', style)}`,
    responder: `${p.responder.name}#debug crypto ikev2\n${writeIkev2Debug(trace, 'responder', style)}`,
  };
  const analysis = analyze([
    { name: `${p.name}-initiator.log`, text: text.initiator },
    { name: `${p.name}-responder.log`, text: text.responder },
  ]);
  return { trace, analysis, text };
}

/** The messages on the wire, in the order sent, resends marked. */
function simulated(trace: Ikev2SimTrace): string[] {
  return trace.steps.flatMap((s) => (s.event.kind === 'send' ? [`${s.event.message}${s.event.retransmission ? ' (resend)' : ''}`] : []));
}

/** Each router's SM state changes, in order. */
function simulatedStates(trace: Ikev2SimTrace, side: Side): string[] {
  return trace.steps.flatMap((s) => (s.side === side && s.event.kind === 'transition' ? [`${s.event.from}>${s.event.to}`] : []));
}

describe.each(STYLES)('every IKEv2 preset reads back (%s)', (style) => {
  for (const p of IKEV2_PRESETS) {
    test(`${p.name}: one negotiation, the simulated ladder, states and outcome, ${p.finding ?? 'no finding'}`, () => {
      const { trace, analysis } = roundTrip(p, style);
      expect(trace.outcome).toEqual(p.expect);
      expect(analysis.input.unrecognized).toEqual([]);
      expect(analysis.negotiations).toHaveLength(1);
      const n = analysis.negotiations[0]!;
      expect(n.ikeVersion).toBe(2);
      const unreachable = p.faults.unreachable === true;
      // the responder never hears an unreachable initiator: only one router's log tells
      expect(n.role).toBe(unreachable ? 'initiator' : 'both');
      const ike = n.ikeSa!;
      expect(ike.outcome).toBe(p.expect.phase1);
      const ladder = ike.messages.map((m) => `${m.name}${m.response === true ? ".response" : ""}${m.retransmission ? ' (resend)' : ''}`);
      expect(ladder).toEqual(simulated(trace));
      const transitions = ike.transitions;
      expect(transitions.filter((t) => t.allowed !== true)).toEqual([]);
      for (const side of ['initiator', 'responder'] as const) {
        expect(transitions.filter((t) => t.side === side && t.implied !== true).map((t) => `${t.from}>${t.to}`)).toEqual(simulatedStates(trace, side));
      }
      const codes = n.findings.map((f) => f.code);
      if (p.finding === null) expect(codes).toEqual([]);
      else expect(codes[0]).toBe(p.finding);
      if (p.expect.phase2 === 'complete') expect(n.childSas?.map((c) => c.outcome)).toEqual(['complete']);
    });
  }
});

/** What the analysis says of a negotiation, apart from the lines it cites. */
function reading(a: Analysis) {
  return a.negotiations.map((n) => ({
    role: n.role,
    outcome: n.ikeSa?.outcome,
    ladder: n.ikeSa?.messages.map((m) => `${m.name}${m.response === true ? '.response' : ''}${m.retransmission ? ' (resend)' : ''} ${m.payloads.join(' ')}`),
    states: n.ikeSa?.transitions.map((t) => `${t.side} ${t.from}>${t.to}${t.implied === true ? ' (implied)' : ''}`),
    children: n.childSas?.map((c) => c.outcome),
    findings: n.findings.map((f) => f.code),
  }));
}

describe('IOS-XE 17 output reads as the 15.x output does', () => {
  for (const p of IKEV2_PRESETS) {
    test(`${p.name}: the same ladder, payloads, states, outcome and findings`, () => {
      const xe17 = roundTrip(p, 'iosxe-17');
      expect(xe17.text.initiator).toMatch(/IKEv2-PAK:\(SESSION ID = 1,SA ID = 1\):Next payload: /);
      expect(reading(xe17.analysis)).toEqual(reading(roundTrip(p, 'ios-15').analysis));
    });
  }
});

describe("one router's IOS-XE 17 log alone reads as its 15.x log does", () => {
  // the decode after a Received block names that packet's own payloads: they are not added to the ones its block listed
  for (const p of IKEV2_PRESETS) {
    test(`${p.name}: each side's ladder, payloads and states`, () => {
      const trace = simulateIkev2({ initiator: routerOf(p.initiator), responder: routerOf(p.responder), faults: ikev2FaultFlags(p.faults) });
      for (const side of ['initiator', 'responder'] as const) {
        const one = (style: Ikev2DebugStyle) => reading(analyze([{ name: `${side}.log`, text: `R#debug crypto ikev2\n${writeIkev2Debug(trace, side, style)}` }]));
        expect(one('iosxe-17'), side).toEqual(one('ios-15'));
      }
    });
  }
});
