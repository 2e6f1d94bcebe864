import { fixture, lines, ruleCases } from './rule-cases.test-helper.ts';

// Real excerpts (fixtures/partial/README.md): ESP for an SA the router no longer has, then the new Main Mode
// the peer starts. A RECVD_PKT_INV_SPI line pasted alone is a stray event, not a negotiation (stray-events.test.ts).
const failover = fixture('partial/failover-inv-spi-numbered-notes-ko-book.log');
const cleared = fixture('partial/clear-keystrokes-inv-spi-responder-notes.log');
// Written in IOS 15 form (no real excerpt has it): the NOTIFY after the packet that carried it (a NOTIFY line
// alone joins no negotiation).
const invalidSpiNotify = [
  'ISAKMP (0:1): received packet from 10.1.1.2 dport 500 sport 500 Global (I) QM_IDLE',
  'ISAKMP (0:1): processing NOTIFY INVALID_SPI protocol 3',
].join('\n');

ruleCases('INVALID_SPI', [
  { name: 'failover to a standby router: RECVD_PKT_INV_SPI, then a new Main Mode', logs: failover, severities: ['warning'], lines: lines(6) },
  { name: 'a clear on this router while the peer still sends ESP', logs: cleared, severities: ['warning'], lines: lines(15) },
  { name: 'NOTIFY INVALID_SPI from the peer', logs: invalidSpiNotify, severities: ['warning'], lines: lines(2) },
  { name: 'corpus 23: another CRYPTO syslog (IKMP_NO_SA)', logs: fixture('corpus/23-ikmp-no-sa-not-initialization-offer-hub-iosxe.log'), severities: [] },
  // Written in IOS 15 form (no corpus file has it), after its packet: a NOTIFY that is no SPI error.
  { name: 'INITIAL_CONTACT', logs: ['ISAKMP:(1011): received packet from 10.1.1.2 dport 500 sport 500 Global (R) MM_KEY_EXCH', 'ISAKMP:(1011):processing NOTIFY INITIAL_CONTACT protocol 1'].join('\n'), severities: [] },
  { name: 'the fix names invalid-spi-recovery', logs: failover, severities: ['warning'], fix: ['crypto isakmp invalid-spi-recovery'] },
  // every common cause of one side losing an SA the other still uses
  { name: 'the explanation names a clear, a reboot, an expired SA, a failover', logs: cleared, severities: ['warning'], summary: ['clear crypto sa', 'reboot', 'expired', 'failover'] },
]);
