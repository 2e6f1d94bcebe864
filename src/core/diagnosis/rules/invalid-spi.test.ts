import { expect, test } from 'vitest';
import { contextFromText } from '../context.ts';
import { rule } from './invalid-spi.ts';

// The corpus has no invalid-SPI line: these are written in IOS 15 form.
const cases: { name: string; text: string; severities: string[] }[] = [
  {
    name: 'RECVD_PKT_INV_SPI',
    text: '*Mar  1 00:20:52.011: %CRYPTO-4-RECVD_PKT_INV_SPI: decaps: rec\'d IPSEC packet has invalid spi for destaddr=10.1.1.1, prot=50, spi=0x5B2A7C1E(1529510942), srcaddr=10.1.1.2',
    severities: ['warning'],
  },
  { name: 'NOTIFY INVALID_SPI from the peer', text: 'ISAKMP (0:1): processing NOTIFY INVALID_SPI protocol 3', severities: ['warning'] },
  { name: 'another CRYPTO syslog', text: '%CRYPTO-4-IKMP_NO_SA: IKE message from 203.0.113.10 has no SA and is not an initialization offer', severities: [] },
  { name: 'INITIAL_CONTACT', text: 'ISAKMP:(1011):processing NOTIFY INITIAL_CONTACT protocol 1', severities: [] },
];

for (const c of cases) {
  test(c.name, () => {
    expect(rule.diagnose(contextFromText(c.text)).map((f) => f.severity)).toEqual(c.severities);
  });
}

test('the fix names invalid-spi-recovery', () => {
  const [f] = rule.diagnose(contextFromText(cases[0]?.text ?? ''));
  expect(f?.fix).toContain('crypto isakmp invalid-spi-recovery');
});
