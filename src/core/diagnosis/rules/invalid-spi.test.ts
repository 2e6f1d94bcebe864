import { lines, ruleCases } from './rule-cases.test-helper.ts';

// The corpus has no invalid-SPI line: these are written in IOS 15 form, the NOTIFY after the packet that
// carried it (a NOTIFY line alone joins no negotiation).
const invalidSpiSyslog = "*Mar  1 00:20:52.011: %CRYPTO-4-RECVD_PKT_INV_SPI: decaps: rec'd IPSEC packet has invalid spi for destaddr=10.1.1.1, prot=50, spi=0x5B2A7C1E(1529510942), srcaddr=10.1.1.2";
const invalidSpiNotify = [
  'ISAKMP (0:1): received packet from 10.1.1.2 dport 500 sport 500 Global (I) QM_IDLE',
  'ISAKMP (0:1): processing NOTIFY INVALID_SPI protocol 3',
].join('\n');

ruleCases('INVALID_SPI', [
  { name: 'RECVD_PKT_INV_SPI', logs: invalidSpiSyslog, severities: ['warning'], lines: lines(1) },
  { name: 'NOTIFY INVALID_SPI from the peer', logs: invalidSpiNotify, severities: ['warning'], lines: lines(2) },
  // The corpus 23 line, IKMP_NO_SA, on its own.
  { name: 'another CRYPTO syslog', logs: '%CRYPTO-4-IKMP_NO_SA: IKE message from 203.0.113.10 has no SA and is not an initialization offer', severities: [] },
  // Written in IOS 15 form (no corpus file has it), after its packet: a NOTIFY that is no SPI error.
  { name: 'INITIAL_CONTACT', logs: ['ISAKMP:(1011): received packet from 10.1.1.2 dport 500 sport 500 Global (R) MM_KEY_EXCH', 'ISAKMP:(1011):processing NOTIFY INITIAL_CONTACT protocol 1'].join('\n'), severities: [] },
  { name: 'the fix names invalid-spi-recovery', logs: invalidSpiSyslog, severities: ['warning'], fix: ['crypto isakmp invalid-spi-recovery'] },
  // every common cause of one side losing an SA the other still uses
  { name: 'the explanation names a clear, a reboot, an expired SA, a failover', logs: invalidSpiSyslog, severities: ['warning'], summary: ['clear crypto sa', 'reboot', 'expired', 'failover'] },
]);
