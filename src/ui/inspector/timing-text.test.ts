import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analyze } from '../../core/analyze.ts';
import { messageTimings } from '../../core/clock/deltas.ts';
import { lineClockOf } from '../../core/clock/printed-at.ts';
import { writeDebug } from '../../core/sim/debug-writer.ts';
import { findPreset } from '../../core/sim/presets.ts';
import { scenarioOf } from '../../core/sim/preset-scenario.ts';
import { simulate } from '../../core/sim/simulate.ts';
import { buildTimeline } from '../../core/timeline/timeline.ts';
import { timingSentences } from './timing-text.ts';

function sentencesOf(files: { name: string; text: string }[]) {
  const analysis = analyze(files);
  const negotiation = analysis.negotiations[0]!;
  const timeline = buildTimeline(negotiation);
  const timings = messageTimings(negotiation, timeline, lineClockOf(analysis.lineTables, analysis.records));
  const names = timeline.messageSteps.map((s) => {
    const step = timeline.steps[s]!;
    return step.kind === 'message' ? step.message.name + (step.message.retransmission ? ` ×${step.message.attempt}` : '') : '';
  });
  return names.map((name, i) => ({ name, said: timingSentences(negotiation, timings[i], (j) => names[j] ?? '') }));
}

describe("the inspector's timing sentences", () => {
  test('both routers of the seed: each gap with the clock it was read on', () => {
    const said = sentencesOf([{ name: 'seed', text: readFileSync('fixtures/seed/ios-ikev1-main-mode-debugs.txt', 'utf8') }]);
    expect(said[0]).toEqual({ name: 'MM1', said: [] });
    expect(said[3]).toEqual({ name: 'MM4', said: ["+24 ms after MM3 (R2's clock)", "+24 ms after MM3 (R3's clock)"] });
  });

  test('an unreachable peer (its logs name no router: the address does): the first MM1 lists its resends, each resend its time since the first', () => {
    const trace = simulate(scenarioOf(findPreset('peer-unreachable')!));
    const said = sentencesOf([
      { name: 'hq.log', text: writeDebug(trace, 'initiator', 'ios-xe') },
      { name: 'branch.log', text: writeDebug(trace, 'responder', 'ios-xe') },
    ]);
    expect(said[0]!.said).toEqual(["resent 5× at +10.0 s, +20.0 s, +30.0 s, +40.0 s, +50.0 s (198.51.100.1's clock)"]);
    expect(said[2]).toEqual({ name: 'MM1 ×3', said: ["+10.0 s after MM1 ×2 (198.51.100.1's clock)", "+20.0 s after its first sending (198.51.100.1's clock)"] });
  });

  test('resends printed without timestamps are counted, with no made-up times (corpus 24, IKEv2)', () => {
    const said = sentencesOf([{ name: '24', text: readFileSync('fixtures/corpus/24-ike-sa-init-no-response-retransmit-initial-exchange-failed-initiator-iosxe16.log', 'utf8') }]);
    expect(said[0]!.said).toEqual(['resent 3×, the log printing no time for it']);
  });

  test('a log without timestamps says nothing of time', () => {
    const said = sentencesOf([{ name: '06', text: readFileSync('fixtures/corpus/06-nat-t-mm-qm-initiator-behind-nat-iosxe.log', 'utf8') }]);
    expect(said.every((s) => s.said.length === 0)).toBe(true);
  });
});
