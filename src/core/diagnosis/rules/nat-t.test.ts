import { fixture, ruleCases } from './rule-cases.test-helper.ts';

const corpus06 = fixture('corpus/06-nat-t-mm-qm-initiator-behind-nat-iosxe.log');

ruleCases('NAT_T', [
  { name: 'corpus 06: initiator behind NAT, port 4500', logs: corpus06, severities: ['info'] },
  { name: 'corpus 18: Transport-UDP on port 4500', logs: fixture('corpus/18-l2tp-transport-udp-error256-responder-issue-excerpts.log'), severities: ['info'] },
  // Corpus 01 prints "His hash no match - this node outside NAT" and then "No NAT Found for self or peer".
  { name: 'corpus 01: NAT discovery finds none', logs: fixture('corpus/01-mm-qm-success-initiator-iosxe-cryptomap.log'), severities: [] },
  { name: 'seed: no NAT', logs: fixture('seed/ios-ikev1-main-mode-debugs.txt'), severities: [] },
  { name: 'corpus 06: this router is the one behind the NAT', logs: corpus06, severities: ['info'], summary: ['this router is behind a NAT'], linesInclude: [{ file: 0, line: 93 }] },
  // show crypto isakmp sa detail alone: capability N on the row is NAT-T; a row without it is none
  { name: 'isakmp sa detail, capability N', logs: fixture('partial/show-isakmp-sa-detail-nat-cap-ipsec-sa-detail-cut-crypto-map-blog.log'), severities: ['info'], summary: ['capability N'], linesInclude: [{ file: 0, line: 11 }] },
  { name: 'isakmp sa detail, no capability letter', logs: fixture('partial/show-isakmp-sa-detail-two-rsig-rows-dmvpn-hub-otus-lab.log'), severities: [] },
]);
