import { fixture, ruleCases, simulated } from './rule-cases.test-helper.ts';

// Realistic IOS 15 initiator lines (the corpus has no initiator-side refusal): QM1 sent, PROPOSAL_NOT_CHOSEN back.
const initiator = [
  '*Mar  1 00:07:00.100: ISAKMP:(1001):beginning Quick Mode exchange, M-ID of 1371333358',
  '*Mar  1 00:07:00.100: ISAKMP:(1001): sending packet to 91.0.0.101 my_port 500 peer_port 500 (I) QM_IDLE',
  '*Mar  1 00:07:00.300: ISAKMP:(1001): received packet from 91.0.0.101 dport 500 sport 500 Global (I) QM_IDLE',
  '*Mar  1 00:07:00.300: ISAKMP:(1001): processing NOTIFY PROPOSAL_NOT_CHOSEN protocol 3',
  '*Mar  1 00:07:00.300: ISAKMP:(1001):peer does not do paranoid keepalives.',
].join('\n');
const corpus18 = fixture('corpus/18-l2tp-transport-udp-error256-responder-issue-excerpts.log');
const transform = simulated('transform-mismatch');

ruleCases('P2_REJECTED_BY_PEER', [
  { name: "initiator's log only: the cause is in the peer's log", logs: initiator, severities: ['error'] },
  // Beside corpus 18's responder log: nothing says the two are one exchange, so the initiator's refusal stays its own.
  { name: "two logs of different exchanges: the initiator's refusal is still reported on its own negotiation", logs: [initiator, corpus18], severities: ['error'], negotiation: 0, lines: [{ file: 0, line: 4 }] },
  {
    name: "the simulated preset's two logs: joined to the responder's error 256, not reported here",
    logs: [transform.initiator, transform.responder],
    severities: [],
  },
  { name: "the simulated preset, the initiator's log alone: the cause is in the peer's log", logs: transform.initiator, severities: ['error'], side: 'responder', message: 'QM1' },
  // Realistic responder line alone: refused without a reason printed.
  { name: 'responder refusal without reason', logs: 'ISAKMP:(1001): phase 2 SA policy not acceptable! (local 10.0.0.2 remote 10.0.0.1)', severities: ['error'] },
  { name: 'corpus 18: the reason is printed', logs: corpus18, severities: [] },
  { name: 'corpus 01: success', logs: fixture('corpus/01-mm-qm-success-initiator-iosxe-cryptomap.log'), severities: [] },
  {
    name: "says the cause is in the peer's log, explains the red herring",
    logs: initiator,
    severities: ['error'],
    summary: ['own log'],
    side: 'responder',
    lines: [{ file: 0, line: 4 }],
    explained: [{ file: 0, line: 5 }],
  },
]);
