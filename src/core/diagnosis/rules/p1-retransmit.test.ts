import { fixture, ruleCases } from './rule-cases.test-helper.ts';

// Realistic IOS 15 responder lines (no corpus file has them): MM1 received twice, MM2 resent, then MM3 arrives.
const recovered = [
  '*Mar  1 00:02:00.100: ISAKMP (0): received packet from 192.0.2.1 dport 500 sport 500 Global (N) NEW SA',
  '*Mar  1 00:02:00.110: ISAKMP:(0): sending packet to 192.0.2.1 my_port 500 peer_port 500 (R) MM_SA_SETUP',
  '*Mar  1 00:02:10.100: ISAKMP (0): received packet from 192.0.2.1 dport 500 sport 500 Global (R) MM_SA_SETUP',
  '*Mar  1 00:02:10.100: ISAKMP:(0):phase 1 packet is a duplicate of a previous packet.',
  '*Mar  1 00:02:10.100: ISAKMP:(0): retransmitting due to retransmit phase 1',
  '*Mar  1 00:02:10.100: ISAKMP:(0): retransmitting phase 1 MM_SA_SETUP...',
  '*Mar  1 00:02:10.300: ISAKMP (0): received packet from 192.0.2.1 dport 500 sport 500 Global (R) MM_SA_SETUP',
  '*Mar  1 00:02:10.300: ISAKMP:(0):Old State = IKE_R_MM2  New State = IKE_R_MM3',
  '*Mar  1 00:02:10.500: ISAKMP:(1001):Old State = IKE_R_MM5  New State = IKE_P1_COMPLETE',
];

ruleCases('P1_RETRANSMIT', [
  { name: 'duplicate MM1 and MM2 resent, then phase 1 completes: info', logs: recovered.join('\n'), severities: ['info'] },
  { name: 'the same without the end of the exchange: warning', logs: recovered.slice(0, 6).join('\n'), severities: ['warning'] },
  { name: 'seed: nothing resent', logs: fixture('seed/ios-ikev1-main-mode-debugs.txt'), severities: [] },
  { name: 'corpus 06: NAT-T success', logs: fixture('corpus/06-nat-t-mm-qm-initiator-behind-nat-iosxe.log'), severities: [] },
  { name: 'the responder resent MM2', logs: recovered.join('\n'), severities: ['info'], side: 'responder', message: 'MM2', summary: ['not a failure'] },
]);
