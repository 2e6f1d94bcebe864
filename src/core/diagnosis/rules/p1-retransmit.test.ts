import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { analyzedContext } from '../analyzed-context.ts';
import { contextFromText } from '../context.ts';
import { rule } from './p1-retransmit.ts';

const read = (path: string) => readFileSync(new URL(`../../../../fixtures/${path}`, import.meta.url), 'utf8');

// Realistic IOS 15 responder lines (no corpus file has them): MM1 received twice, MM2 resent, then MM3 arrives.
const recovered = [
  '*Mar  1 00:02:00.100: ISAKMP (0): received packet from 192.0.2.1 dport 500 sport 500 Global (N) NEW SA',
  '*Mar  1 00:02:00.110: ISAKMP:(0): sending packet to 192.0.2.1 my_port 500 peer_port 500 (R) MM_SA_SETUP',
  '*Mar  1 00:02:10.100: ISAKMP (0): received packet from 192.0.2.1 dport 500 sport 500 Global (R) MM_SA_SETUP',
  '*Mar  1 00:02:10.100: ISAKMP:(0):phase 1 packet is a duplicate of a previous packet.',
  '*Mar  1 00:02:10.100: ISAKMP:(0): retransmitting due to retransmit phase 1',
  '*Mar  1 00:02:10.100: ISAKMP:(0): retransmitting phase 1 MM_SA_SETUP...',
  '*Mar  1 00:02:10.300: ISAKMP (0): received packet from 192.0.2.1 dport 500 sport 500 Global (R) MM_SA_SETUP',
  '*Mar  1 00:02:10.300: ISAKMP:(0):Old State = IKE_R_MM2  New State = IKE_R_MM3',
  '*Mar  1 00:02:10.500: ISAKMP:(1001):Old State = IKE_R_MM5  New State = IKE_P1_COMPLETE',
];

const cases: { name: string; text: string; severity: 'error' | 'warning' | 'info' | null }[] = [
  { name: 'duplicate MM1 and MM2 resent, then phase 1 completes: info', text: recovered.join('\n'), severity: 'info' },
  { name: 'the same without the end of the exchange: warning', text: recovered.slice(0, 6).join('\n'), severity: 'warning' },
  { name: 'seed: nothing resent', text: read('seed/ios-ikev1-main-mode-debugs.txt'), severity: null },
  { name: 'corpus 06: NAT-T success', text: read('corpus/06-nat-t-mm-qm-initiator-behind-nat-iosxe.log'), severity: null },
];

for (const c of cases) {
  test(c.name, () => {
    expect(rule.diagnose(contextFromText(c.text)).map((f) => f.severity)).toEqual(c.severity ? [c.severity] : []);
  });
}

test('the responder resent MM2', () => {
  const [f] = rule.diagnose(analyzedContext(recovered.join('\n')));
  expect(f?.side).toBe('responder');
  expect(f?.message).toBe('MM2');
  expect(f?.summary).toContain('not a failure');
});
