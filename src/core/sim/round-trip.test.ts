/**
 * The simulation's debug output analysed by the real log analysis (`analyze`), both routers' output
 * given together as two files: the analysis must find one two-sided negotiation whose messages, states
 * and outcomes are the simulation's, with each resend drawn as a resend of the message it repeats.
 */
import { describe, expect, test } from 'vitest';
import { analyze } from '../analyze.ts';
import type { Analysis } from '../analysis.ts';
import { writeDebug, type DebugStyle } from './debug-writer.ts';
import { PRESETS, findPreset, type SimPreset } from './presets.ts';
import { scenarioOf } from './preset-scenario.ts';
import { simulate } from './simulate.ts';
import type { SimTrace } from './trace.ts';
import type { Side } from '../ike/sides.ts';
import type { ExchangeMessageName } from '../ike/messages.ts';

function roundTrip(p: SimPreset, styleAsked?: DebugStyle): { trace: SimTrace; analysis: Analysis } {
  const trace = simulate(scenarioOf(p));
  const style = styleAsked ?? (p.initiator.platform === 'ios' ? 'ios-15' : 'ios-xe');
  const analysis = analyze([
    { name: `${p.name}-initiator.log`, text: writeDebug(trace, 'initiator', style) },
    { name: `${p.name}-responder.log`, text: writeDebug(trace, 'responder', style) },
  ]);
  return { trace, analysis };
}

/** The messages the simulation put on the wire, first sendings only, phase 1 then Quick Mode. */
function simulatedMessages(trace: SimTrace, phase: 'phase1' | 'phase2'): string[] {
  return trace.steps.flatMap((s) => {
    if (s.event.kind !== 'send' || s.event.retransmission || s.event.message === 'NOTIFY' || s.event.message === 'DELETE') return [];
    const quick = s.event.message.startsWith('QM');
    return quick === (phase === 'phase2') ? [s.event.message] : [];
  });
}

function analysedMessages(analysis: Analysis, phase: 'phase1' | 'phase2'): string[] {
  const n = analysis.negotiations[0];
  if (!n) return [];
  const messages = phase === 'phase1' ? n.phase1.messages : n.phase2.flatMap((q) => q.messages);
  return messages.filter((m) => !m.retransmission).map((m) => m.name);
}

/** How often each message went on the wire in the simulation, resends and informational exchanges included. */
function sentCounts(trace: SimTrace): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const s of trace.steps) if (s.event.kind === 'send') counts[s.event.message] = (counts[s.event.message] ?? 0) + 1;
  return counts;
}

function ladderCounts(analysis: Analysis): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const n of analysis.negotiations) {
    for (const m of [...n.phase1.messages, ...n.phase2.flatMap((q) => q.messages), ...n.informational]) counts[m.name] = (counts[m.name] ?? 0) + 1;
  }
  return counts;
}

function preset(name: string): SimPreset {
  const p = findPreset(name);
  if (!p) throw new Error(`no preset ${name}`);
  return p;
}

describe('every preset reads back', () => {
  for (const p of PRESETS) {
    test(`${p.name}: every line understood, every transition allowed, phase 1 ${p.expect.phase1}`, () => {
      const { analysis } = roundTrip(p);
      expect(analysis.input.unrecognized).toEqual([]);
      const n = analysis.negotiations[0];
      expect(n?.phase1.outcome).toBe(p.expect.phase1);
      const transitions = analysis.negotiations.flatMap((x) => [...x.phase1.transitions, ...x.phase2.flatMap((q) => q.transitions)]);
      expect(transitions.length).toBeGreaterThan(0);
      expect(transitions.filter((t) => t.allowed !== true)).toEqual([]);
    });
  }
});

describe('ladder and outcome read back', () => {
  for (const p of PRESETS) {
    test(`${p.name}: one negotiation with the simulated messages, outcomes and routers`, () => {
      const { trace, analysis } = roundTrip(p);
      expect(analysis.negotiations).toHaveLength(1);
      const n = analysis.negotiations[0];
      // with the initiator's packets lost the responder prints nothing: one router's view only
      expect(n?.role).toBe(p.faults.unreachable === true ? 'initiator' : 'both');
      expect(n?.phase1.mode).toBe(p.mode);
      expect(n?.phase1.outcome).toBe(trace.outcome.phase1);
      expect(analysedMessages(analysis, 'phase1')).toEqual(simulatedMessages(trace, 'phase1'));
      expect(analysedMessages(analysis, 'phase2')).toEqual(simulatedMessages(trace, 'phase2'));
      expect(n?.phase2.map((q) => q.outcome)).toEqual(trace.outcome.phase2 === 'incomplete' ? [] : [trace.outcome.phase2]);
      expect(n?.routers.initiator.address).toBe(p.initiator.address);
      expect(n?.routers.responder.address).toBe(p.responder.address);
    });

    for (const style of ['ios-xe', 'ios-15'] as const) {
      test(`${p.name}, ${style}: every message sent, resends and informational ones included, is on the ladder as often`, () => {
        const { trace, analysis } = roundTrip(p, style);
        expect(analysis.input.unrecognized).toEqual([]);
        expect(analysis.negotiations).toHaveLength(1);
        expect(ladderCounts(analysis)).toEqual(sentCounts(trace));
      });
    }
  }

  test('the seed keeps its addresses and transform set', () => {
    const { analysis } = roundTrip(preset('seed'));
    expect(analysis.negotiations[0]).toMatchObject({ local: '2001:DB8::2', peer: '2001:DB8::3', phase1: { mode: 'main' } });
    expect(analysis.negotiations[0]?.phase2[0]?.transform).toBe('esp-aes esp-sha-hmac');
  });

  test('psk-mismatch: the responder resends MM4 (it never read MM5), the initiator resends MM5', () => {
    const { analysis } = roundTrip(preset('psk-mismatch'));
    const resent = analysis.negotiations[0]?.phase1.messages.filter((m) => m.retransmission).map((m) => `${m.name}#${m.attempt}`);
    expect(resent).toEqual(['MM4#2', 'MM4#3', 'MM4#4', 'MM4#5', 'MM4#6', 'MM5#2', 'MM5#3', 'MM5#4', 'MM5#5', 'MM5#6']);
  });

  test('p1-policy-mismatch: each resent MM1 is drawn as a resend of the first, and each refusal as a NOTIFY', () => {
    const { analysis } = roundTrip(preset('p1-policy-mismatch'));
    const n = analysis.negotiations[0];
    expect(n?.phase1.messages.map((m) => `${m.name}#${m.attempt}`)).toEqual(['MM1#1', 'MM1#2', 'MM1#3', 'MM1#4', 'MM1#5', 'MM1#6']);
    expect(n?.informational.map((m) => m.name)).toEqual(Array<string>(6).fill('NOTIFY'));
    expect(n?.findings.map((f) => f.code)).toContain('P1_POLICY_MISMATCH');
  });

  test('proxy-mismatch: the responder\'s `map_db_find_best did not find matching map` is evidence of the refusal', () => {
    const { analysis } = roundTrip(preset('proxy-mismatch'));
    const n = analysis.negotiations[0];
    const map = n?.evidence.filter((e) => e.type === 'ipsec-rejected' && e.reason === 'map') ?? [];
    expect(map.length).toBeGreaterThan(0);
    expect(map.every((e) => e.at.file === 1)).toBe(true);
    expect(n?.findings.map((f) => f.code)).toContain('P2_PROXY_MISMATCH');
  });

  for (const name of ['transform-mismatch', 'proxy-mismatch', 'pfs-mismatch']) {
    test(`${name}: the resent QM1 stays QM1, and the refusal fails phase 2`, () => {
      const { analysis } = roundTrip(preset(name));
      const q = analysis.negotiations[0]?.phase2[0];
      expect(q?.messages.map((m) => `${m.name}#${m.attempt}`)).toEqual(['QM1#1', 'QM1#2', 'QM1#3', 'QM1#4', 'QM1#5', 'QM1#6']);
      expect(q?.outcome).toBe('failed');
    });
  }
});

describe('a message lost on the way reads back with the resends it caused', () => {
  const lost: { preset: string; from: Side; message: ExchangeMessageName }[] = [
    ...(['MM1', 'MM3', 'MM5', 'QM1', 'QM3'] as const).map((message) => ({ preset: 'seed', from: 'initiator' as const, message })),
    ...(['MM2', 'MM4', 'MM6', 'QM2'] as const).map((message) => ({ preset: 'seed', from: 'responder' as const, message })),
    ...(['MM2', 'MM6', 'QM2'] as const).map((message) => ({ preset: 'nat-t', from: 'responder' as const, message })),
    { preset: 'nat-t', from: 'initiator', message: 'QM3' },
    { preset: 'aggressive', from: 'initiator', message: 'AM1' },
    { preset: 'aggressive', from: 'responder', message: 'AM2' },
    { preset: 'transform-mismatch', from: 'responder', message: 'MM6' },
  ];
  for (const c of lost) {
    test(`${c.preset}, ${c.message} from the ${c.from} lost: one negotiation, every send on the ladder, outcomes kept`, () => {
      const p = preset(c.preset);
      const { trace, analysis } = roundTrip({ ...p, faults: { ...p.faults, lose: [{ from: c.from, message: c.message }] } });
      expect(trace.steps.some((s) => s.event.kind === 'send' && s.event.lost)).toBe(true);
      expect(analysis.input.unrecognized).toEqual([]);
      expect(analysis.negotiations).toHaveLength(1);
      expect(ladderCounts(analysis)).toEqual(sentCounts(trace));
      const n = analysis.negotiations[0];
      expect(n?.phase1.outcome).toBe(trace.outcome.phase1);
      expect(n?.phase2.map((q) => q.outcome)).toEqual([trace.outcome.phase2]);
    });
  }

  // The initiator's QM1 reaches the responder before the resent AM3 does; the responder, still in IKE_R_AM2,
  // prints it `(R) QM_IDLE` and `phase 2 packet is a duplicate`, with no message ID. Those copies open the
  // Quick Mode the responder takes up once AM3 arrives, so each of the initiator's QM1 sendings is matched
  // with the copy that reached the responder, and none is drawn lost.
  test('aggressive, AM3 from the initiator lost: the responder\'s early QM1s are named QM1', () => {
    const p = preset('aggressive');
    const { trace, analysis } = roundTrip({ ...p, faults: { lose: [{ from: 'initiator', message: 'AM3' }] } });
    expect(analysedMessages(analysis, 'phase1')).toEqual(['AM1', 'AM2', 'AM3']);
    expect(ladderCounts(analysis)).toEqual(sentCounts(trace));
    const quick = analysis.negotiations[0]?.phase2[0]?.messages ?? [];
    expect(quick.filter((m) => m.name === 'QM1').map((m) => m.delivery)).not.toContain('lost');
    expect(analysis.negotiations[0]?.informational).toEqual([]);
  });

  test('aggressive, AM3 from the initiator lost: the responder\'s log alone puts the early copies in its Quick Mode', () => {
    const p = preset('aggressive');
    const trace = simulate(scenarioOf({ ...p, faults: { lose: [{ from: 'initiator', message: 'AM3' }] } }));
    const style = p.initiator.platform === 'ios' ? 'ios-15' : 'ios-xe';
    const analysis = analyze([{ name: 'responder.log', text: writeDebug(trace, 'responder', style) }]);
    const n = analysis.negotiations[0];
    expect(n?.informational).toEqual([]);
    expect(n?.phase2.map((q) => q.messages.map((m) => `${m.name}#${m.attempt}`))).toEqual([['QM1#1', 'QM1#2', 'QM1#3', 'QM2#1', 'QM3#1']]);
  });
});
