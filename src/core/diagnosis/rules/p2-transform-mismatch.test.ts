import { DiagnosisMemo } from '../memo.ts';
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { contextFromText, type DiagnosisContext } from '../context.ts';
import { attachedConfig } from '../../attach-config.ts';
import { readLog } from '../../log/records.ts';
import { simulate } from '../../sim/simulate.ts';
import { writeDebug } from '../../sim/debug-writer.ts';
import { PRESETS, scenarioOf } from '../../sim/presets.ts';
import { rule } from './p2-transform-mismatch.ts';

const read = (path: string) => readFileSync(new URL(`../../../../fixtures/${path}`, import.meta.url), 'utf8');

/** Both routers' debug output as the simulation writes it for a preset, in one paste. */
function simulated(name: string): { text: string; preset: (typeof PRESETS)[number] } {
  const preset = PRESETS.find((p) => p.name === name);
  if (!preset) throw new Error(`no preset ${name}`);
  const trace = simulate(scenarioOf(preset));
  return { text: `${writeDebug(trace, 'initiator')}\n${writeDebug(trace, 'responder')}`, preset };
}

// Realistic IOS 15 responder lines (not in the corpus): proposal 1 refused, proposal 2 of the same Quick Mode accepted.
const sameQuickMode = [
  '*Mar  1 00:04:00.100: ISAKMP:(1001):Checking IPSec proposal 1',
  '*Mar  1 00:04:00.100: ISAKMP: transform 1, ESP_3DES',
  '*Mar  1 00:04:00.100: ISAKMP:(1001):atts are acceptable.',
  '*Mar  1 00:04:00.100: IPSEC(ipsec_process_proposal): transform proposal not supported for identity: {esp-3des esp-md5-hmac }',
  '*Mar  1 00:04:00.100: ISAKMP:(1001):Checking IPSec proposal 2',
  '*Mar  1 00:04:00.100: ISAKMP: transform 1, ESP_AES',
  '*Mar  1 00:04:00.100: ISAKMP:(1001):atts are acceptable.',
  '*Mar  1 00:04:00.200: ISAKMP:(1001):Old State = IKE_QM_SPI_STARVE  New State = IKE_QM_R_QM2',
  '*Mar  1 00:04:00.300: ISAKMP:(1001):Old State = IKE_QM_R_QM2  New State = IKE_QM_PHASE2_COMPLETE',
].join('\n');

const cases: { name: string; ctx: () => DiagnosisContext; severities: string[] }[] = [
  { name: 'corpus 18: error 256 on Transport-UDP', ctx: () => contextFromText(read('corpus/18-l2tp-transport-udp-error256-responder-issue-excerpts.log')), severities: ['error'] },
  { name: 'corpus 10: refused, then a later Quick Mode accepted: warning', ctx: () => contextFromText(read('corpus/10-p1-keylength-mismatch-and-p2-transform-mismatch-transcribed.log')), severities: ['warning'] },
  { name: 'proposal 1 refused, proposal 2 accepted: info', ctx: () => contextFromText(sameQuickMode), severities: ['info'] },
  { name: 'simulated transform-mismatch preset: one error for five refusals', ctx: () => contextFromText(simulated('transform-mismatch').text), severities: ['error'] },
  { name: 'simulated proxy-mismatch preset: not a transform problem', ctx: () => contextFromText(simulated('proxy-mismatch').text), severities: [] },
  { name: 'seed: accepted', ctx: () => contextFromText(read('seed/ios-ikev1-main-mode-debugs.txt')), severities: [] },
  { name: 'corpus 07: responder accepts', ctx: () => contextFromText(read('corpus/07-qm-responder-iosxe-cryptomap-pppoe.log')), severities: [] },
];

for (const c of cases) {
  test(c.name, () => {
    expect(rule.diagnose(c.ctx()).map((f) => f.severity)).toEqual(c.severities);
  });
}

test('corpus 18: the offered transforms, the mode, the evidence lines', () => {
  const [f] = rule.diagnose(contextFromText(read('corpus/18-l2tp-transport-udp-error256-responder-issue-excerpts.log')));
  expect(f?.summary).toContain('esp-aes 256 esp-sha512-hmac');
  expect(f?.summary).toContain('Transport-UDP');
  expect(f?.fix).toContain("'mode transport'");
  expect(f?.lines.map((l) => l.line)).toEqual([75, 77, 78]);
  expect(f?.message).toBe('QM1');
});

test("two logs: the initiator's PROPOSAL_NOT_CHOSEN is joined to the responder's error 256", () => {
  // Realistic initiator lines (file 0); the responder's lines are corpus 18's (file 1).
  const initiator = [
    '*Mar  1 00:05:00.100: ISAKMP:(1001): sending packet to 91.0.0.101 my_port 4500 peer_port 4500 (I) QM_IDLE',
    '*Mar  1 00:05:00.300: ISAKMP:(1001): processing NOTIFY PROPOSAL_NOT_CHOSEN protocol 3',
  ].join('\n');
  const events = [...readLog(initiator, 0).events, ...readLog(read('corpus/18-l2tp-transport-udp-error256-responder-issue-excerpts.log'), 1).events];
  const [f] = rule.diagnose({ negotiation: null, events, configs: {}, memo: new DiagnosisMemo() });
  expect(f?.lines).toContainEqual({ file: 0, line: 2 });
  expect(f?.lines).toContainEqual({ file: 1, line: 77 });
  expect(f?.summary).toMatch(/told with PROPOSAL_NOT_CHOSEN.*the reason is this refusal/);
  expect(f?.side).toBe('responder');
});

test("responder config: the transform set lines to change", () => {
  const { text, preset } = simulated('transform-mismatch');
  const responder = attachedConfig(2, preset.responder.config);
  const [f] = rule.diagnose(contextFromText(text, 0, { responder }));
  // BRANCH: 'crypto ipsec transform-set TSET esp-aes esp-sha-hmac' (line 8) and 'set transform-set TSET' (line 14).
  expect(f?.configLines).toEqual([
    { file: 2, line: 8 },
    { file: 2, line: 14 },
  ]);
  expect(f?.fix).toContain('esp-aes 256 esp-sha256-hmac');
});
