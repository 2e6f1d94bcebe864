import { fixture, lines, ruleCases } from './rule-cases.test-helper.ts';

// Realistic IOS 15 lines (the corpus has none with the tunnel going down): the peer deletes an established SA.
const deleted = [
  '*Mar  1 00:20:51.951: ISAKMP:(1001):Old State = IKE_I_MM6  New State = IKE_P1_COMPLETE',
  '*Mar  1 00:30:51.951: ISAKMP:(1001):processing DELETE payload. message ID = 1830462463',
  '*Mar  1 00:30:51.951: ISAKMP:(1001):peer does not do paranoid keepalives.',
  '*Mar  1 00:30:51.951: ISAKMP:(1001):deleting SA reason "P1 delete notify (in)" state (I) QM_IDLE       (peer 10.1.1.2)',
  '*Mar  1 00:30:51.955: ISAKMP:(1001):Input = IKE_MESG_INTERNAL, IKE_PHASE1_DEL',
  '*Mar  1 00:30:51.955: ISAKMP:(1001):Old State = IKE_P1_COMPLETE  New State = IKE_DEST_SA',
].join('\n');
const corpus06 = fixture('corpus/06-nat-t-mm-qm-initiator-behind-nat-iosxe.log');

ruleCases('SA_DELETED_BY_PEER', [
  { name: 'an established SA deleted by the peer: warning', logs: deleted, severities: ['warning'] },
  { name: 'corpus 06: a stale SA cleared, then the negotiation completes: info', logs: corpus06, severities: ['info'] },
  { name: 'corpus 08: the same on IOS 12.4', logs: fixture('corpus/08-mm-qm-success-initiator-ios124-pfs-annotated-zh.log'), severities: ['info'] },
  { name: 'seed: no DELETE', logs: fixture('seed/ios-ikev1-main-mode-debugs.txt'), severities: [] },
  { name: 'corpus 02: our own SA purged is no DELETE from the peer', logs: fixture('corpus/02-no-psk-configured-initiator-iosxe.log'), severities: [] },
  { name: 'the paranoid keepalives line is explained as a red herring', logs: deleted, severities: ['warning'], summary: ['red herring'], explained: lines(3), lines: lines(2, 4) },
  { name: 'corpus 06: the side is the router that sent the DELETE', logs: corpus06, severities: ['info'], side: 'responder', fix: [/^Nothing to fix\.$/] },
]);
