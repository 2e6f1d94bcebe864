/**
 * Round trip: what each simulated router prints, read back, replays through the machines with no
 * refused step and gives back the simulation's own state changes and messages, for every preset and
 * both output styles.
 */
import type { Side } from '../ike/sides.ts';
import { describe, expect, test } from 'vitest';
import { printInput } from '../fsm/events.ts';
import { printedTransitions } from '../fsm/printed-transitions.ts';
import { replayTransitions } from '../fsm/replay.ts';
import { writeDebug, writeDebugOutput, type DebugStyle } from './debug-writer.ts';
import { PRESETS, findPreset } from './presets.ts';
import { scenarioOf } from './preset-scenario.ts';
import { simulate } from './simulate.ts';
import type { SimTrace } from './trace.ts';

/** The state lines IOS prints for a trace: a retransmission prints none, giving up prints IKE_PHASE1_DEL. */
function expectedStateLines(trace: SimTrace, side: Side): string[] {
  return trace.steps.flatMap((s) => {
    if (s.side !== side || s.event.kind !== 'input') return [];
    const e = s.event;
    if (e.input.type === 'IKE_MESG_FROM_TIMER.IKE_TIMER_EXPIRED') {
      if (e.retransmitted || e.exchange === 'quickmode') return [];
      return [`${e.from} -IKE_MESG_INTERNAL, IKE_PHASE1_DEL-> ${e.to}`];
    }
    return [`${e.from} -${printInput(e.input)}-> ${e.to}`];
  });
}

function countOf(text: string, needle: string): number {
  return text.split(needle).length - 1;
}

const styles: DebugStyle[] = ['ios-xe', 'ios-15'];

describe('debug output round trip', () => {
  for (const p of PRESETS) {
    for (const style of styles) {
      test(`${p.name}, ${style}: both routers' output replays to the simulated states`, () => {
        const trace = simulate(scenarioOf(p));
        for (const side of ['initiator', 'responder'] as const) {
          const text = writeDebug(trace, side, style);
          const streams = printedTransitions(text);
          const printed = streams.flatMap((s) => s.transitions.map((t) => `${t.from} -${t.source}, ${t.event}-> ${t.to}`));
          const expected = expectedStateLines(trace, side);
          expect(printed.slice().sort()).toEqual(expected.slice().sort());
          for (const stream of streams) {
            const platform = side === 'initiator' ? p.initiator.platform : p.responder.platform;
            const steps = replayTransitions(side, stream.exchange, stream.transitions, { mode: p.mode, platform });
            expect(steps.filter((s) => !s.allowed)).toEqual([]);
          }
          const sends = trace.steps.filter((s) => s.side === side && s.event.kind === 'send').length;
          const receives = trace.steps.filter((s) => s.side === side && s.event.kind === 'receive').length;
          expect(countOf(text, 'sending packet to ')).toBe(sends);
          expect(countOf(text, 'received packet from ')).toBe(receives);
          // Every line is a timestamped debug line or the continuation of a multi-line IPSEC record.
          for (const line of text === '' ? [] : text.trimEnd().split('\n')) expect(line).toMatch(/^(?:\*Mar {2}1 \d\d:\d\d:\d\d\.\d{3}: \S| {2,8}\S)/);
        }
      });
    }
  }

  test('each step knows the lines it printed', () => {
    const trace = simulate(scenarioOf(findPreset('seed') ?? PRESETS[0]!));
    const { text, spans } = writeDebugOutput(trace, 'initiator', 'ios-15');
    const lines = text.trimEnd().split('\n');
    // Spans cover every line, in order, without gaps.
    expect(spans[0]?.first).toBe(1);
    expect(spans.at(-1)?.last).toBe(lines.length);
    for (const [i, span] of spans.entries()) {
      const previous = spans[i - 1];
      if (previous && previous.first !== span.first) expect(span.first).toBe(previous.last + 1);
    }
    const linesOf = (message: string) => {
      const send = trace.steps.find((s) => s.side === 'initiator' && s.event.kind === 'send' && s.event.message === message);
      const span = spans.find((x) => x.step === send?.index);
      return span ? lines.slice(span.first - 1, span.last).join('\n') : '';
    };
    // MM3 goes out with the state change that sends it, as IOS prints them together.
    expect(linesOf('MM3')).toContain('(I) MM_SA_SETUP');
    expect(linesOf('MM3')).toContain('Old State = IKE_I_MM2  New State = IKE_I_MM3');
    expect(linesOf('QM1')).toContain('beginning Quick Mode exchange');
  });

  test('IOS-XE and 15.x prefixes', () => {
    const trace = simulate(scenarioOf(findPreset('seed') ?? PRESETS[0]!));
    expect(writeDebug(trace, 'initiator', 'ios-xe')).toContain('ISAKMP-PAK: (0):sending packet to 2001:DB8::3 my_port 500 peer_port 500 (I) MM_NO_STATE');
    expect(writeDebug(trace, 'initiator', 'ios-15')).toContain('ISAKMP:(0): sending packet to 2001:DB8::3 my_port 500 peer_port 500 (I) MM_NO_STATE');
    expect(writeDebug(trace, 'responder', 'ios-15')).toContain('ISAKMP (0): received packet from 2001:DB8::2 dport 500 sport 500 Global (N) NEW SA');
  });

  test('the failures print the lines a TAC engineer looks for', () => {
    const lines = (name: string, side: Side) => writeDebug(simulate(scenarioOf(findPreset(name) ?? PRESETS[0]!)), side);
    expect(lines('peer-unreachable', 'initiator')).toContain('deleting SA reason "Death by retransmission P1"');
    expect(lines('peer-unreachable', 'initiator')).toContain('retransmitting phase 1 MM_NO_STATE...');
    expect(lines('psk-mismatch', 'responder')).toContain('%CRYPTO-4-IKMP_BAD_MESSAGE: IKE message from 198.51.100.1 failed its sanity check or is malformed');
    expect(lines('p1-policy-mismatch', 'responder')).toContain('Proposed key length does not match policy');
    expect(lines('p1-policy-mismatch', 'responder')).toContain('phase 1 SA policy not acceptable! (local 203.0.113.2 remote 198.51.100.1)');
    expect(lines('transform-mismatch', 'responder')).toContain('IPSec policy invalidated proposal with error 256');
    expect(lines('proxy-mismatch', 'responder')).toContain('IPSec policy invalidated proposal with error 32');
    expect(lines('pfs-mismatch', 'initiator')).toContain('processing NOTIFY PROPOSAL_NOT_CHOSEN protocol 3');
    expect(lines('nat-t', 'initiator')).toContain('my_port 4500 peer_port 4500 (I) MM_KEY_EXCH');
  });
});
