import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { Negotiation } from './analysis.ts';
import { analyze } from './analyze.ts';
import { assembleNegotiation } from './assemble.ts';
import { attachedConfig, relateConfigs } from './attach-config.ts';
import { diagnose } from './diagnosis/diagnose.ts';
import { DiagnosisMemo } from './diagnosis/memo.ts';
import { TransitionJudge } from './negotiation/judge.ts';

const fixtures = new URL('../../fixtures/', import.meta.url);
const read = (path: string): string => readFileSync(new URL(path, fixtures), 'utf8');

/** Freezes every object reachable from `value`: a stage that writes into its input then throws. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value) && !ArrayBuffer.isView(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** The seed edited so that one step is one the model does not allow. */
const edited = read('seed/ios-ikev1-main-mode-debugs.txt').replace('Old State = IKE_I_MM3  New State = IKE_I_MM4', 'Old State = IKE_I_MM3  New State = IKE_I_MM6');
const configTexts = [read('configs/seed-R2.config.txt'), read('configs/seed-R3.config.txt')];

describe('the stages after the builder read their input and change none of it', () => {
  const analysis = analyze([{ name: 'seed', text: edited }], { configs: configTexts.map((text, i) => ({ name: `r${i}`, text })) });
  const configs = configTexts.map((text, i) => attachedConfig(i + 1, text));
  // the negotiation as the builder gives it: nothing judged, related or diagnosed
  const unjudged = analyze([{ name: 'seed', text: edited }], { replay: false }).negotiations[0]!;
  const built: Negotiation = deepFreeze({ ...unjudged, findings: [] });

  test('replay verdicts, config relations, diagnosis and assembly on a frozen negotiation give the analysis', () => {
    const verdicts = new TransitionJudge().verdicts(built);
    const relations = relateConfigs(built, configs);
    const findings = diagnose({ negotiation: built, events: built.evidence, configs: relations.sides, memo: new DiagnosisMemo() });
    const assembled = assembleNegotiation({ built, verdicts, configs: relations, findings });
    expect(assembled).toEqual(analysis.negotiations[0]);
    expect(built.phase1.transitions.every((t) => t.allowed === null)).toBe(true);
  });

  test('a step the model does not allow carries the model\'s explanation; allowed steps carry none', () => {
    const verdicts = new TransitionJudge().verdicts(built);
    const refused = verdicts.phase1.filter((v) => v.allowed === false);
    expect(refused).toEqual([{ allowed: false, explanation: expect.stringMatching(/^IKE_I_MM6 does not follow IKE_I_MM3 on IKE_MESG_FROM_PEER, IKE_MM_EXCH\. On that input the model goes to IKE_I_MM4/) }]);
    expect(verdicts.phase1.filter((v) => v.allowed === true).every((v) => v.explanation === undefined)).toBe(true);
    const t = analysis.negotiations[0]!.phase1.transitions.find((x) => x.allowed === false);
    expect(t?.explanation).toBe(refused[0]?.explanation);
  });

  test('a judge remembers the streams it judged; the same stream judged again gives equal verdicts', () => {
    const judge = new TransitionJudge();
    const first = judge.verdicts(built);
    expect(judge.verdicts(built)).toEqual(first);
    expect(new TransitionJudge().verdicts(built)).toEqual(first);
  });

  test('without replay every transition stays unjudged', () => {
    expect(unjudged.phase1.transitions.length).toBeGreaterThan(0);
    expect(unjudged.phase1.transitions.every((t) => t.allowed === null && t.explanation === undefined)).toBe(true);
  });
});
