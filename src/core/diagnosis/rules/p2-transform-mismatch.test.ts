import { fixture, lines, ruleCases, simulated } from './rule-cases.test-helper.ts';

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

// Realistic initiator lines (file 0) beside corpus 18's responder (file 1): nothing in them (addresses, message
// IDs) says they are one exchange, so each is a negotiation of its own and nothing is joined.
const initiator = [
  '*Mar  1 00:05:00.100: ISAKMP:(1001): sending packet to 91.0.0.101 my_port 4500 peer_port 4500 (I) QM_IDLE',
  '*Mar  1 00:05:00.300: ISAKMP:(1001): processing NOTIFY PROPOSAL_NOT_CHOSEN protocol 3',
].join('\n');
const corpus18 = fixture('corpus/18-l2tp-transport-udp-error256-responder-issue-excerpts.log');
const transform = simulated('transform-mismatch');

ruleCases('P2_TRANSFORM_MISMATCH', [
  { name: 'corpus 18: error 256 on Transport-UDP', logs: corpus18, severities: ['error'] },
  // R2's part of corpus 10: a refusal, then a proposal accepted ('Map Accepted'). The transcript elides the lines
  // that would start a new Quick Mode in R2's log (the ping between them is R1's), so what R2 printed reads as
  // the next proposal of the same Quick Mode: recovered, not a failure.
  {
    name: 'corpus 10: refused, then a proposal accepted: info',
    logs: fixture('corpus/10-p1-keylength-mismatch-and-p2-transform-mismatch-transcribed.log'),
    severities: ['info'],
    lines: lines(86),
    fix: [/^Nothing to fix/],
  },
  { name: 'proposal 1 refused, proposal 2 accepted: info', logs: sameQuickMode, severities: ['info'] },
  { name: 'simulated transform-mismatch preset: one error for five refusals', logs: transform.paste, severities: ['error'] },
  { name: 'simulated proxy-mismatch preset: not a transform problem', logs: simulated('proxy-mismatch').paste, severities: [] },
  { name: 'seed: accepted', logs: fixture('seed/ios-ikev1-main-mode-debugs.txt'), severities: [] },
  { name: 'corpus 07: responder accepts', logs: fixture('corpus/07-qm-responder-iosxe-cryptomap-pppoe.log'), severities: [] },
  {
    name: 'corpus 18: the offered transforms, the mode, the evidence lines',
    logs: corpus18,
    severities: ['error'],
    summary: ['esp-aes 256 esp-sha512-hmac', 'Transport-UDP'],
    fix: ["'mode transport'"],
    lines: lines(75, 77, 78),
    message: 'QM1',
  },
  {
    name: "two logs of different exchanges: the responder's error 256 is its own, the other log's PROPOSAL_NOT_CHOSEN not joined",
    logs: [initiator, corpus18],
    severities: ['error'],
    lines: [
      { file: 1, line: 75 },
      { file: 1, line: 77 },
      { file: 1, line: 78 },
    ],
    side: 'responder',
  },
  {
    name: "the simulated preset's two logs: the initiator's PROPOSAL_NOT_CHOSEN joined to the responder's error 256",
    logs: [transform.initiator, transform.responder],
    severities: ['error'],
    linesInclude: [
      { file: 0, line: 74 },
      { file: 1, line: 59 },
    ],
    summary: [/198\.51\.100\.1 was told with PROPOSAL_NOT_CHOSEN \(198\.51\.100\.1's log, line 74\); the reason is this refusal/],
    side: 'responder',
    without: ['P2_REJECTED_BY_PEER'],
  },
  {
    name: 'responder config: the transform set lines to change',
    logs: transform.paste,
    configs: [transform.preset.responder.config],
    severities: ['error'],
    // BRANCH: 'crypto ipsec transform-set TSET esp-aes esp-sha-hmac' (line 8) and 'set transform-set TSET' (line 14).
    configLines: [
      { file: 1, line: 8 },
      { file: 1, line: 14 },
    ],
    fix: ['esp-aes 256 esp-sha256-hmac'],
  },
]);
