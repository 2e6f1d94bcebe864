import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analyze, type AnalyzeInput } from '../analyze.ts';
import type { Negotiation } from '../analysis.ts';
import type { Side } from '../ike/sides.ts';
import { buildTimeline, type Timeline } from '../timeline/timeline.ts';
import { writeDebug } from '../sim/debug-writer.ts';
import { findPreset } from '../sim/presets.ts';
import { scenarioOf } from '../sim/preset-scenario.ts';
import { simulate } from '../sim/simulate.ts';
import { linesPrintedBy } from '../timeline/printed-by.ts';
import { elapsed, messageTimings, type MessageTiming } from './deltas.ts';
import { type LineClock, lineClockOf } from './printed-at.ts';

interface Case {
  negotiation: Negotiation;
  timeline: Timeline;
  clock: LineClock;
}

function open(files: AnalyzeInput[]): Case {
  const analysis = analyze(files);
  const negotiation = analysis.negotiations[0]!;
  return { negotiation, timeline: buildTimeline(negotiation), clock: lineClockOf(analysis.lineTables, analysis.records) };
}

const corpus = (name: string): Case => open([{ name, text: readFileSync(`fixtures/corpus/${name}`, 'utf8') }]);

function simulated(preset: string): Case {
  const trace = simulate(scenarioOf(findPreset(preset)!));
  return open([
    { name: 'initiator.log', text: writeDebug(trace, 'initiator', 'ios-xe') },
    { name: 'responder.log', text: writeDebug(trace, 'responder', 'ios-xe') },
  ]);
}

const names = (c: Case) => c.timeline.messageSteps.map((s) => {
  const step = c.timeline.steps[s]!;
  return step.kind === 'message' ? step.message.name : '';
});

/** Each message's gaps as "MM1 i+4" (the router's initial and the milliseconds), after which message. */
const gapsOf = (c: Case, timings: MessageTiming[]) =>
  timings.map((t, i) => [names(c)[i], ...t.gaps.map((g) => `${g.side[0]}+${g.ms} after ${names(c)[g.after]}`)].join(' '));

describe('time between consecutive messages', () => {
  test("one router's log (corpus 01): each message after the one before, on that router's clock", () => {
    const c = corpus('01-mm-qm-success-initiator-iosxe-cryptomap.log');
    expect(gapsOf(c, messageTimings(c.negotiation, c.timeline, c.clock))).toEqual([
      'MM1',
      'MM2 i+4 after MM1', // sent 18:53:16.485, answered 18:53:16.489
      'MM3 i+2 after MM2',
      'MM4 i+21 after MM3',
      'MM5 i+20 after MM4', // the sending packet line's time, 18:53:16.532
      'MM6 i+5 after MM5',
      'QM1 i+1 after MM6',
      'QM2 i+5 after QM1',
      'QM3 i+2 after QM2',
    ]);
  });

  test("a sent message is timed at its sending, not at the start of its construction (corpus 08)", () => {
    const c = corpus('08-mm-qm-success-initiator-ios124-pfs-annotated-zh.log');
    const gaps = gapsOf(c, messageTimings(c.negotiation, c.timeline, c.clock));
    // 'beginning Quick Mode exchange' at 00:55:41.667, 'sending packet' at 00:55:41.779
    expect(gaps.slice(6, 8)).toEqual(['DELETE i+16 after MM6', 'QM1 i+120 after DELETE']);
  });

  test('a responder alone (corpus 07): its own clock only', () => {
    const c = corpus('07-qm-responder-iosxe-cryptomap-pppoe.log');
    expect(gapsOf(c, messageTimings(c.negotiation, c.timeline, c.clock))).toEqual(['QM1', 'QM2 r+78 after QM1', 'QM3 r+248 after QM2']);
  });

  test('both routers (the seed): two gaps per message, each on its own router\'s clock', () => {
    const seed = open([{ name: 'seed', text: readFileSync('fixtures/seed/ios-ikev1-main-mode-debugs.txt', 'utf8') }]);
    const timings = messageTimings(seed.negotiation, seed.timeline, seed.clock);
    // R2's clock reads 132 ms behind R3's: MM1 leaves R2 at 08:33:43.245 and reaches R3 at 08:33:43.377.
    expect(timings[0]!.at).toEqual({ initiator: 30_823_245, responder: 30_823_377 });
    expect(gapsOf(seed, timings).slice(0, 4)).toEqual(['MM1', 'MM2 i+4 after MM1 r+0 after MM1', 'MM3 i+0 after MM2 r+4 after MM2', 'MM4 i+24 after MM3 r+24 after MM3']);
  });

  test("setting one router's clock hours off changes no gap: two clocks are never compared", () => {
    const seed = open([{ name: 'seed', text: readFileSync('fixtures/seed/ios-ikev1-main-mode-debugs.txt', 'utf8') }]);
    const responderLines = new Set(
      seed.timeline.messageSteps.flatMap((s) => {
        const step = seed.timeline.steps[s]!;
        return step.kind === 'message' ? linesPrintedBy(seed.negotiation, step.message, 'responder').map((l) => `${l.file}:${l.line}`) : [];
      }),
    );
    const skewed: LineClock = (line) => {
      const t = seed.clock(line);
      return t !== null && responderLines.has(`${line.file}:${line.line}`) ? t + 5 * 3_600_000 : t;
    };
    const gaps = (clock: LineClock) => messageTimings(seed.negotiation, seed.timeline, clock).map((t) => t.gaps);
    expect(gaps(skewed)).toEqual(gaps(seed.clock));
  });

  test('a log without timestamps (corpus 06) gives no time at all', () => {
    const c = corpus('06-nat-t-mm-qm-initiator-behind-nat-iosxe.log');
    const timings = messageTimings(c.negotiation, c.timeline, c.clock);
    expect(timings.length).toBeGreaterThan(5);
    for (const t of timings) expect(t).toEqual({ at: { initiator: null, responder: null }, gaps: [], resendOf: null, resends: [] });
  });
});

describe('time from a first sending to its resends', () => {
  test('an unreachable peer: MM1 sent again every 10 s, on the sender\'s clock', () => {
    const c = simulated('peer-unreachable');
    const timings = messageTimings(c.negotiation, c.timeline, c.clock);
    expect(timings[0]!.resends.map((r) => [r.attempt, r.ms, r.side])).toEqual([
      [2, 10_000, 'initiator'],
      [3, 20_000, 'initiator'],
      [4, 30_000, 'initiator'],
      [5, 40_000, 'initiator'],
      [6, 50_000, 'initiator'],
    ]);
    expect(timings[2]!.resendOf).toEqual({ first: 0, ms: 20_000, side: 'initiator' });
    expect(gapsOf(c, timings)[1]).toBe('MM1 i+10000 after MM1');
  });

  test('a key mismatch: the resent MM5 on the initiator\'s clock, while the responder\'s clock times its own copies', () => {
    const c = simulated('psk-mismatch');
    const timings = messageTimings(c.negotiation, c.timeline, c.clock);
    const first = names(c).indexOf('MM5');
    const resends = timings[first]!.resends;
    expect(resends.length).toBeGreaterThan(0);
    for (const r of resends) {
      expect(r.side).toBe<Side>('initiator');
      expect(r.ms).toBe((r.attempt - 1) * 10_000);
    }
  });
});

describe('elapsed time of one clock', () => {
  const cases = [
    { name: 'later the same day', from: 1000, to: 1500, ms: 500 },
    { name: 'the same millisecond', from: 1000, to: 1000, ms: 0 },
    { name: 'across midnight', from: 86_399_900, to: 100, ms: 200 },
    { name: 'a few seconds back (a clock set back): no gap rather than a day less 5 s', from: 10_000, to: 5000, ms: null },
  ];
  for (const c of cases) test(c.name, () => expect(elapsed(c.from, c.to)).toBe(c.ms));
});
