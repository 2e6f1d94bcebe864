import { findPreset } from '../../sim/presets.ts';
import { fixture, lines, ruleCases } from './rule-cases.test-helper.ts';

const corpus02 = fixture('corpus/02-no-psk-configured-initiator-iosxe.log');
const psk = findPreset('psk-mismatch');
if (!psk) throw new Error('preset missing');

ruleCases('NO_PSK', [
  { name: 'corpus 02: no pre-shared key, Main Mode never starts', logs: corpus02, severities: ['error'] },
  // Written in IOS 12.x form (no corpus file has it): the key lookup failing on its own.
  { name: '12.x: No pre-shared key with X!', logs: 'ISAKMP (0:1): No pre-shared key with 10.0.0.2!', severities: ['error'], lines: lines(1) },
  { name: 'corpus 01: key found', logs: fixture('corpus/01-mm-qm-success-initiator-iosxe-cryptomap.log'), severities: [] },
  { name: 'seed: key found on both sides', logs: fixture('seed/ios-ikev1-main-mode-debugs.txt'), severities: [] },
  {
    name: 'corpus 02: names the peer, MM1, the lines and the command',
    logs: corpus02,
    severities: ['error'],
    message: 'MM1',
    side: 'initiator',
    lines: lines(20, 21, 22, 27),
    summary: ['203.0.113.1'],
    fix: ['crypto isakmp key KEY address 203.0.113.1'],
  },
  {
    name: 'with the peer config loaded, the fix names the key line to copy',
    logs: corpus02,
    configs: [psk.responder.config],
    severities: ['error'],
    configFiles: [1],
    fix: [/same KEY as .* line \d+/],
  },
]);
