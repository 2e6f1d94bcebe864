import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { analyzedContext } from '../analyzed-context.ts';
import { contextFromText } from '../context.ts';
import { attachedConfig } from '../../attach-config.ts';
import { PRESETS } from '../../sim/presets.ts';
import { rule } from './psk-mismatch.ts';

const read = (path: string) => readFileSync(new URL(`../../../../fixtures/${path}`, import.meta.url), 'utf8');

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

const cases: { name: string; text: string; severity: 'error' | 'warning' | null }[] = [
  { name: 'corpus 21: one IKMP_BAD_MESSAGE line', text: read('corpus/21-psk-mismatch-ikmp-bad-message-single-line.log'), severity: 'error' },
  { name: 'MM5 retransmitted until Death by retransmission P1', text: retransmitted, severity: 'error' },
  { name: 'seed: phase 1 completes', text: read('seed/ios-ikev1-main-mode-debugs.txt'), severity: null },
  { name: 'corpus 02: no key at all is NO_PSK', text: read('corpus/02-no-psk-configured-initiator-iosxe.log'), severity: null },
  { name: 'corpus 08: success with PFS', text: read('corpus/08-mm-qm-success-initiator-ios124-pfs-annotated-zh.log'), severity: null },
];

for (const c of cases) {
  test(c.name, () => {
    expect(rule.diagnose(contextFromText(c.text)).map((f) => f.severity)).toEqual(c.severity ? [c.severity] : []);
  });
}

test('retransmissions: MM5, counted once per resend', () => {
  const [f] = rule.diagnose(analyzedContext(retransmitted));
  expect(f?.message).toBe('MM5');
  expect(f?.summary).toContain('resent MM5 2 times');
  expect(f?.summary).toContain('Death by retransmission P1');
});

test('retransmissions: the red herring explained', () => {
  const [f] = rule.diagnose(contextFromText(retransmitted));
  expect(f?.explained?.map((e) => e.line.line)).toEqual([6]);
});

test('with both configs the fix names both key lines', () => {
  const preset = PRESETS.find((p) => p.name === 'psk-mismatch');
  if (!preset) throw new Error('preset missing');
  const configs = { initiator: attachedConfig(1, preset.initiator.config), responder: attachedConfig(2, preset.responder.config) };
  const [f] = rule.diagnose(contextFromText(read('corpus/21-psk-mismatch-ikmp-bad-message-single-line.log'), 0, configs));
  expect(new Set(f?.configLines?.map((l) => l.file))).toEqual(new Set([1, 2]));
});
