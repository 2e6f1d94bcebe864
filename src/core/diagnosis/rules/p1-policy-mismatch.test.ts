import { findPreset } from '../../sim/presets.ts';
import { fixture, lab, lines, ruleCases, simulated } from './rule-cases.test-helper.ts';

const corpus10 = fixture('corpus/10-p1-keylength-mismatch-and-p2-transform-mismatch-transcribed.log');

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

// Realistic IOS initiator lines (no corpus file has them): the responder's refusal as the initiator sees it,
// after the MM1 it refuses.
const refusedMm1 = [
  '*Mar  1 00:03:00.000: ISAKMP:(0): sending packet to 10.0.0.2 my_port 500 peer_port 500 (I) MM_NO_STATE',
  '*Mar  1 00:03:00.100: ISAKMP (0): received packet from 10.0.0.2 dport 500 sport 500 Global (I) MM_NO_STATE',
  '*Mar  1 00:03:00.100: ISAKMP:(0): processing NOTIFY NO_PROPOSAL_CHOSEN protocol 1',
].join('\n');

// Corpus 10's four refusal lines without the packet line before them, as engineers paste the error alone: no
// line shows a role or a mode. The router that printed them refused (it checked the proposal).
const refusalAlone = corpus10.split('\n').filter((l) => l.trimStart().startsWith('ISAKMP-ERROR: (0):')).slice(0, 4).join('\n');

const preset = findPreset('p1-policy-mismatch');
if (!preset) throw new Error('preset missing');
const sim = simulated('p1-policy-mismatch');
// The Lab's preset with HQ (the initiator) offering group 5: BRANCH policy 10 says 'encryption aes 128'
// (line 3) and 'group 14' (line 6), HQ offers AES 256 and group 5.
const group5 = lab('p1-policy-mismatch', { initiator: preset.initiator.config.replace(' group 14\n', ' group 5\n') });

ruleCases('P1_POLICY_MISMATCH', [
  { name: 'corpus 10: key length refused, no offers accepted: error', logs: corpus10, severities: ['error'] },
  { name: 'a refused policy followed by an accepted one: info', logs: recovered, severities: ['info'] },
  { name: 'the refusal alone, log cut: warning', logs: recovered.split('\n').slice(0, 8).join('\n'), severities: ['warning'] },
  { name: 'NO_PROPOSAL_CHOSEN received in Main Mode', logs: refusedMm1, severities: ['error'], lines: lines(3) },
  { name: 'seed: policy 10 accepted at once', logs: fixture('seed/ios-ikev1-main-mode-debugs.txt'), severities: [] },
  { name: 'corpus 22: accepted', logs: fixture('corpus/22-p1-lifetime-negotiation-responder-notes-snippet.log'), severities: [] },
  {
    // R2's part of corpus 10 prints no proposal (the attribute lines above it are R1's, of another run): none is named.
    // R2's lines do not show the mode: the refused message is phase 1's first, Main Mode's or Aggressive Mode's
    name: 'corpus 10: names the attribute and the first message',
    logs: corpus10,
    severities: ['error'],
    summary: ['AES key length', /^R2 refused every phase 1 proposal: /],
    message: 'MM1/AM1',
    side: 'responder',
    lines: lines(48, 49, 50, 51),
  },
  {
    name: 'the refusal lines alone, no role shown: the logging router refused, on its lane, no mode named',
    logs: refusalAlone,
    severities: ['error'],
    summary: [/^25\.2\.2\.2 refused every phase 1 proposal: /, 'Phase 1 stops at its first message (MM1/AM1).'],
    message: 'MM1/AM1',
    side: 'initiator',
  },
  {
    name: "the simulated responder's log: names the proposal it refused and the policy it checked",
    logs: sim.responder,
    severities: ['error'],
    summary: ['(AES-CBC 256, SHA256, group 14, pre-share)', 'checked against priority 10', 'AES key length'],
    message: 'MM1',
  },
  {
    name: "the simulated initiator's log: told NO_PROPOSAL_CHOSEN, the cause is in the responder's log",
    logs: sim.initiator,
    severities: ['error'],
    summary: ["which attribute differed is in the responder's own log"],
    fix: [/Here the attributes differed\.$/],
    message: 'MM2',
    side: 'initiator',
  },
  { name: 'recovered: says it is not a failure', logs: recovered, severities: ['info'], summary: ['not a failure'] },
  {
    name: 'responder config only: the policy line to edit and the command',
    logs: group5.logs[1],
    configs: [group5.configs[1]],
    severities: ['error'],
    fix: ["'crypto isakmp policy 10'", 'encryption aes 256, group 5'],
    configLines: [
      { file: 1, line: 3 },
      { file: 1, line: 6 },
    ],
  },
  {
    name: 'both configs: the compatibility check names lines on both routers',
    logs: [sim.initiator, sim.responder],
    configs: [preset.initiator.config, preset.responder.config],
    severities: ['error'],
    configFiles: [2, 3],
    fix: [/policy 10/],
  },
]);
