import { fixture, lines, ruleCases } from './rule-cases.test-helper.ts';

const corpus23 = fixture('corpus/23-ikmp-no-sa-not-initialization-offer-hub-iosxe.log');

ruleCases('NO_SA_FOR_PACKET', [
  { name: 'corpus 23: IKMP_NO_SA, the SA is ACTIVE afterwards: info', logs: corpus23, severities: ['info'] },
  { name: 'corpus 01: success', logs: fixture('corpus/01-mm-qm-success-initiator-iosxe-cryptomap.log'), severities: [] },
  { name: 'corpus 23: names the peer and the line', logs: corpus23, severities: ['info'], summary: ['203.0.113.10'], lines: lines(11) },
]);
