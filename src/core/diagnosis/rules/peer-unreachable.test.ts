import { fixture, ruleCases, simulated } from './rule-cases.test-helper.ts';

// Realistic IOS 12.4 lines (no corpus file has an unanswered MM1).
const unanswered = [
  '*Mar  1 00:01:05.123: ISAKMP:(0): beginning Main Mode exchange',
  '*Mar  1 00:01:05.123: ISAKMP:(0): sending packet to 192.0.2.2 my_port 500 peer_port 500 (I) MM_NO_STATE',
  '*Mar  1 00:01:15.123: ISAKMP:(0): retransmitting phase 1 MM_NO_STATE...',
  '*Mar  1 00:01:15.123: ISAKMP (0:0): incrementing error counter on sa, attempt 1 of 5: retransmit phase 1',
  '*Mar  1 00:01:15.123: ISAKMP:(0): retransmitting phase 1 MM_NO_STATE',
  '*Mar  1 00:01:15.123: ISAKMP:(0): sending packet to 192.0.2.2 my_port 500 peer_port 500 (I) MM_NO_STATE',
  '*Mar  1 00:01:25.123: ISAKMP (0:0): incrementing error counter on sa, attempt 2 of 5: retransmit phase 1',
  '*Mar  1 00:01:55.123: ISAKMP:(0):peer does not do paranoid keepalives.',
  '*Mar  1 00:01:55.123: ISAKMP:(0):deleting SA reason "Death by retransmission P1" state (I) MM_NO_STATE (peer 192.0.2.2)',
];
const answered = [...unanswered.slice(0, 6), '*Mar  1 00:01:15.200: ISAKMP (0:0): received packet from 192.0.2.2 dport 500 sport 500 Global (I) MM_NO_STATE'];

ruleCases('PEER_UNREACHABLE', [
  { name: 'MM1 resent, never answered, Death by retransmission', logs: unanswered.join('\n'), severities: ['error'] },
  { name: 'MM1 resent once, then answered', logs: answered.join('\n'), severities: [] },
  { name: 'corpus 14: start of Main Mode, nothing resent', logs: fixture('corpus/14-mm-start-initiator-pastebin-wrapped-80col.log'), severities: [] },
  { name: 'corpus 01: success', logs: fixture('corpus/01-mm-qm-success-initiator-iosxe-cryptomap.log'), severities: [] },
  {
    name: 'names MM1, the peer and the red herring',
    logs: unanswered.join('\n'),
    severities: ['error'],
    message: 'MM1',
    side: 'initiator',
    summary: ['192.0.2.2'],
    explainedText: /red herring/,
  },
  { name: "the simulated preset, the initiator's log: MM1 never answered", logs: simulated('peer-unreachable').initiator, severities: ['error'], message: 'MM1', side: 'initiator' },
]);
