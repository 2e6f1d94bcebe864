import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { contextFromText } from '../context.ts';
import { rule } from './nat-t.ts';

const read = (path: string) => readFileSync(new URL(`../../../../fixtures/${path}`, import.meta.url), 'utf8');

const cases: { name: string; text: string; severities: string[] }[] = [
  { name: 'corpus 06: initiator behind NAT, port 4500', text: read('corpus/06-nat-t-mm-qm-initiator-behind-nat-iosxe.log'), severities: ['info'] },
  { name: 'corpus 18: Transport-UDP on port 4500', text: read('corpus/18-l2tp-transport-udp-error256-responder-issue-excerpts.log'), severities: ['info'] },
  // Corpus 01 prints "His hash no match - this node outside NAT" and then "No NAT Found for self or peer".
  { name: 'corpus 01: NAT discovery finds none', text: read('corpus/01-mm-qm-success-initiator-iosxe-cryptomap.log'), severities: [] },
  { name: 'seed: no NAT', text: read('seed/ios-ikev1-main-mode-debugs.txt'), severities: [] },
];

for (const c of cases) {
  test(c.name, () => {
    expect(rule.diagnose(contextFromText(c.text)).map((f) => f.severity)).toEqual(c.severities);
  });
}

test('corpus 06: this router is the one behind the NAT', () => {
  const [f] = rule.diagnose(contextFromText(read('corpus/06-nat-t-mm-qm-initiator-behind-nat-iosxe.log')));
  expect(f?.summary).toContain('this router is behind a NAT');
  expect(f?.lines).toContainEqual({ file: 0, line: 93 });
});
