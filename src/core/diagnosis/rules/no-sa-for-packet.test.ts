import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { contextFromText } from '../context.ts';
import { rule } from './no-sa-for-packet.ts';

const read = (path: string) => readFileSync(new URL(`../../../../fixtures/${path}`, import.meta.url), 'utf8');

const cases: { name: string; text: string; severities: string[] }[] = [
  { name: 'corpus 23: IKMP_NO_SA, the SA is ACTIVE afterwards: info', text: read('corpus/23-ikmp-no-sa-not-initialization-offer-hub-iosxe.log'), severities: ['info'] },
  // The corpus line alone: nothing shows the SA came up.
  { name: 'the syslog line alone: warning', text: '%CRYPTO-4-IKMP_NO_SA: IKE message from 203.0.113.10 has no SA and is not an initialization offer', severities: ['warning'] },
  { name: 'corpus 21: BAD_MESSAGE is not NO_SA', text: read('corpus/21-psk-mismatch-ikmp-bad-message-single-line.log'), severities: [] },
  { name: 'corpus 01: success', text: read('corpus/01-mm-qm-success-initiator-iosxe-cryptomap.log'), severities: [] },
];

for (const c of cases) {
  test(c.name, () => {
    expect(rule.diagnose(contextFromText(c.text)).map((f) => f.severity)).toEqual(c.severities);
  });
}

test('corpus 23: names the peer and the line', () => {
  const [f] = rule.diagnose(contextFromText(read('corpus/23-ikmp-no-sa-not-initialization-offer-hub-iosxe.log')));
  expect(f?.summary).toContain('203.0.113.10');
  expect(f?.lines).toEqual([{ file: 0, line: 11 }]);
});
