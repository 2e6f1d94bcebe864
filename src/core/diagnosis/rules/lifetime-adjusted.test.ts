import { fixture, lines, ruleCases } from './rule-cases.test-helper.ts';

const corpus22 = fixture('corpus/22-p1-lifetime-negotiation-responder-notes-snippet.log');

ruleCases('LIFETIME_ADJUSTED', [
  { name: 'corpus 22: 1200 offered, 600 used', logs: corpus22, severities: ['info'] },
  // Realistic IOS initiator lines (not in the corpus): the NOTIFY after the packet that carried it.
  {
    name: 'RESPONDER_LIFETIME received',
    logs: ['ISAKMP:(1001): received packet from 10.0.0.2 dport 500 sport 500 Global (I) MM_SA_SETUP', 'ISAKMP:(1001):processing NOTIFY RESPONDER_LIFETIME protocol 1'].join('\n'),
    severities: ['info'],
    lines: lines(2),
  },
  { name: 'corpus 18: actual life 0 (no adjustment)', logs: fixture('corpus/18-l2tp-transport-udp-error256-responder-issue-excerpts.log'), severities: [] },
  { name: 'seed: 86400 both sides', logs: fixture('seed/ios-ikev1-main-mode-debugs.txt'), severities: [] },
  { name: 'corpus 22: both values and lines', logs: corpus22, severities: ['info'], summary: ['1200 s', '600 s'], lines: lines(14, 16) },
]);
