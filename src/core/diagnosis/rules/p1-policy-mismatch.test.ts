import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { contextFromText } from '../context.ts';
import { attachedConfig } from '../../attach-config.ts';
import { PRESETS } from '../../sim/presets.ts';
import { rule } from './p1-policy-mismatch.ts';

const read = (path: string) => readFileSync(new URL(`../../../../fixtures/${path}`, import.meta.url), 'utf8');

// Realistic IOS 15 responder lines (the corpus has no recovered refusal): policy 5 refuses the key length,
// policy 10 accepts the same proposal.
const recovered = [
  '*Mar  1 00:03:00.100: ISAKMP:(0):Checking ISAKMP transform 1 against priority 5 policy',
  '*Mar  1 00:03:00.100: ISAKMP:      encryption AES-CBC',
  '*Mar  1 00:03:00.100: ISAKMP:      keylength of 256',
  '*Mar  1 00:03:00.100: ISAKMP:      hash SHA',
  '*Mar  1 00:03:00.100: ISAKMP:      default group 14',
  '*Mar  1 00:03:00.100: ISAKMP:      auth pre-share',
  '*Mar  1 00:03:00.100: ISAKMP:(0):Proposed key length does not match policy',
  '*Mar  1 00:03:00.100: ISAKMP:(0):atts are not acceptable. Next payload is 0',
  '*Mar  1 00:03:00.100: ISAKMP:(0):Checking ISAKMP transform 1 against priority 10 policy',
  '*Mar  1 00:03:00.100: ISAKMP:      encryption AES-CBC',
  '*Mar  1 00:03:00.100: ISAKMP:      keylength of 256',
  '*Mar  1 00:03:00.100: ISAKMP:(0):atts are acceptable. Next payload is 0',
].join('\n');

const cases: { name: string; text: string; severities: string[] }[] = [
  { name: 'corpus 10: key length refused, no offers accepted: error', text: read('corpus/10-p1-keylength-mismatch-and-p2-transform-mismatch-transcribed.log'), severities: ['error'] },
  { name: 'a refused policy followed by an accepted one: info', text: recovered, severities: ['info'] },
  { name: 'the refusal alone, log cut: warning', text: recovered.split('\n').slice(0, 8).join('\n'), severities: ['warning'] },
  // Realistic initiator line: the responder's refusal as the initiator sees it.
  { name: 'NO_PROPOSAL_CHOSEN received in Main Mode', text: 'ISAKMP:(0): processing NOTIFY NO_PROPOSAL_CHOSEN protocol 1', severities: ['error'] },
  { name: 'seed: policy 10 accepted at once', text: read('seed/ios-ikev1-main-mode-debugs.txt'), severities: [] },
  { name: 'corpus 22: accepted', text: read('corpus/22-p1-lifetime-negotiation-responder-notes-snippet.log'), severities: [] },
];

for (const c of cases) {
  test(c.name, () => {
    expect(rule.diagnose(contextFromText(c.text)).map((f) => f.severity)).toEqual(c.severities);
  });
}

test('corpus 10: names the attribute, the proposal and MM1', () => {
  const [f] = rule.diagnose(contextFromText(read('corpus/10-p1-keylength-mismatch-and-p2-transform-mismatch-transcribed.log')));
  expect(f?.summary).toContain('AES key length');
  expect(f?.summary).toContain('AES-CBC 256');
  expect(f?.message).toBe('MM1');
  expect(f?.lines.map((l) => l.line)).toEqual([48, 49, 50, 51]);
});

test('recovered: says it is not a failure', () => {
  const [f] = rule.diagnose(contextFromText(recovered));
  expect(f?.summary).toContain('not a failure');
});

const preset = PRESETS.find((p) => p.name === 'p1-policy-mismatch');
if (!preset) throw new Error('preset missing');

test('responder config only: the policy line to edit and the command', () => {
  const responder = attachedConfig(1, preset.responder.config);
  const [f] = rule.diagnose(contextFromText(read('corpus/10-p1-keylength-mismatch-and-p2-transform-mismatch-transcribed.log'), 0, { responder }));
  // BRANCH policy 10 says 'encryption aes 128' (line 3) and 'group 14' (line 6); R1 offered AES 256 and group 5.
  expect(f?.fix).toContain("'crypto isakmp policy 10'");
  expect(f?.fix).toContain('encryption aes 256, group 5');
  expect(f?.configLines).toEqual([
    { file: 1, line: 3 },
    { file: 1, line: 6 },
  ]);
});

test('both configs: the compatibility check names lines on both routers', () => {
  const configs = { initiator: attachedConfig(1, preset.initiator.config), responder: attachedConfig(2, preset.responder.config) };
  const [f] = rule.diagnose(contextFromText(read('corpus/10-p1-keylength-mismatch-and-p2-transform-mismatch-transcribed.log'), 0, configs));
  expect(new Set(f?.configLines?.map((l) => l.file))).toEqual(new Set([1, 2]));
  expect(f?.fix).toMatch(/policy 10/);
});
