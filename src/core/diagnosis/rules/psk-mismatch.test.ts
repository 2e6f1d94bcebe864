import { findPreset } from '../../sim/presets.ts';
import { fixture, lines, ruleCases, simulated } from './rule-cases.test-helper.ts';

// Realistic IOS 15 initiator lines for a key mismatch (no corpus file has the retransmissions): MM5 resent
// in MM_KEY_EXCH until the SA dies.
const retransmitted = [
  '*Mar  1 00:10:01.001: ISAKMP:(1001): sending packet to 10.0.0.2 my_port 500 peer_port 500 (I) MM_KEY_EXCH',
  '*Mar  1 00:10:11.001: ISAKMP:(1001): retransmitting phase 1 MM_KEY_EXCH...',
  '*Mar  1 00:10:11.001: ISAKMP (1001): incrementing error counter on sa, attempt 1 of 5: retransmit phase 1',
  '*Mar  1 00:10:11.001: ISAKMP:(1001): retransmitting phase 1 MM_KEY_EXCH',
  '*Mar  1 00:10:21.001: ISAKMP (1001): incrementing error counter on sa, attempt 2 of 5: retransmit phase 1',
  '*Mar  1 00:10:51.001: ISAKMP:(1001):peer does not do paranoid keepalives.',
  '*Mar  1 00:10:51.001: ISAKMP:(1001):deleting SA reason "Death by retransmission P1" state (I) MM_KEY_EXCH (peer 10.0.0.2)',
].join('\n');

// Corpus 21's line after a received packet line that names no state (hand-written, IOS 12's form, because no
// corpus file has the syslog inside a negotiation whose mode no line shows).
const badMessageNoMode = [
  '*Mar  1 00:42:09.401: ISAKMP (0:1): received packet from 192.1.20.2 (R)',
  fixture('corpus/21-psk-mismatch-ikmp-bad-message-single-line.log').split('\n').find((l) => l.startsWith('*') && l.includes('IKMP_BAD_MESSAGE')) ?? '',
].join('\n');

const preset = findPreset('psk-mismatch');
if (!preset) throw new Error('preset missing');
const sim = simulated('psk-mismatch');

ruleCases('PSK_MISMATCH', [
  { name: 'MM5 retransmitted until Death by retransmission P1', logs: retransmitted, severities: ['error'] },
  {
    name: 'a bad message where no line shows the mode: no mode named',
    logs: badMessageNoMode,
    severities: ['error'],
    summary: ['phase 1 stops at its first encrypted message (MM5 in Main Mode).'],
  },
  { name: 'MM5 resent in MM_KEY_EXCH: Main Mode named', logs: retransmitted, severities: ['error'], summary: ['Main Mode stops at MM5.'] },
  { name: 'seed: phase 1 completes', logs: fixture('seed/ios-ikev1-main-mode-debugs.txt'), severities: [] },
  { name: 'corpus 02: no key at all is NO_PSK', logs: fixture('corpus/02-no-psk-configured-initiator-iosxe.log'), severities: [] },
  { name: 'corpus 08: success with PFS', logs: fixture('corpus/08-mm-qm-success-initiator-ios124-pfs-annotated-zh.log'), severities: [] },
  {
    name: 'retransmissions: MM5, counted once per resend',
    logs: retransmitted,
    severities: ['error'],
    message: 'MM5',
    summary: ['resent MM5 2 times', 'Death by retransmission P1'],
  },
  { name: 'retransmissions: the red herring explained', logs: retransmitted, severities: ['error'], explained: lines(6) },
  {
    name: 'with both configs the fix names both key lines',
    logs: [sim.initiator, sim.responder],
    configs: [preset.initiator.config, preset.responder.config],
    severities: ['error'],
    configFiles: [2, 3],
    configLines: [
      { file: 2, line: 7 },
      { file: 3, line: 7 },
    ],
  },
  {
    name: "the responder's log and config: the responder's key line, MM4 resent",
    logs: sim.responder,
    configs: [preset.responder.config],
    severities: ['error'],
    summary: ['BRANCH resent MM4 5 times'],
    configLines: [{ file: 1, line: 7 }],
  },
]);
