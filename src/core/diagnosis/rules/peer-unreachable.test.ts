import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { contextFromText } from '../context.ts';
import { rule } from './peer-unreachable.ts';

const read = (path: string) => readFileSync(new URL(`../../../../fixtures/${path}`, import.meta.url), 'utf8');

// Realistic IOS 12.4 lines (no corpus file has an unanswered MM1).
const unanswered = [
  '*Mar  1 00:01:05.123: ISAKMP:(0): beginning Main Mode exchange',
  '*Mar  1 00:01:05.123: ISAKMP:(0): sending packet to 192.0.2.2 my_port 500 peer_port 500 (I) MM_NO_STATE',
  '*Mar  1 00:01:15.123: ISAKMP:(0): retransmitting phase 1 MM_NO_STATE...',
  '*Mar  1 00:01:15.123: ISAKMP (0:0): incrementing error counter on sa, attempt 1 of 5: retransmit phase 1',
  '*Mar  1 00:01:15.123: ISAKMP:(0): retransmitting phase 1 MM_NO_STATE',
  '*Mar  1 00:01:15.123: ISAKMP:(0): sending packet to 192.0.2.2 my_port 500 peer_port 500 (I) MM_NO_STATE',
  '*Mar  1 00:01:25.123: ISAKMP (0:0): incrementing error counter on sa, attempt 2 of 5: retransmit phase 1',
  '*Mar  1 00:01:55.123: ISAKMP:(0):peer does not do paranoid keepalives.',
  '*Mar  1 00:01:55.123: ISAKMP:(0):deleting SA reason "Death by retransmission P1" state (I) MM_NO_STATE (peer 192.0.2.2)',
];
const answered = [...unanswered.slice(0, 6), '*Mar  1 00:01:15.200: ISAKMP (0:0): received packet from 192.0.2.2 dport 500 sport 500 Global (I) MM_NO_STATE'];

const cases: { name: string; text: string; severity: 'error' | 'warning' | null }[] = [
  { name: 'MM1 resent, never answered, Death by retransmission', text: unanswered.join('\n'), severity: 'error' },
  { name: 'MM1 resent once, then answered', text: answered.join('\n'), severity: null },
  { name: 'corpus 14: start of Main Mode, nothing resent', text: read('corpus/14-mm-start-initiator-pastebin-wrapped-80col.log'), severity: null },
  { name: 'corpus 01: success', text: read('corpus/01-mm-qm-success-initiator-iosxe-cryptomap.log'), severity: null },
];

for (const c of cases) {
  test(c.name, () => {
    expect(rule.diagnose(contextFromText(c.text)).map((f) => f.severity)).toEqual(c.severity ? [c.severity] : []);
  });
}

test('names MM1, the peer and the red herring', () => {
  const [f] = rule.diagnose(contextFromText(unanswered.join('\n')));
  expect(f?.message).toBe('MM1');
  expect(f?.side).toBe('initiator');
  expect(f?.summary).toContain('192.0.2.2');
  expect(f?.explained?.[0]?.text).toMatch(/red herring/);
});
