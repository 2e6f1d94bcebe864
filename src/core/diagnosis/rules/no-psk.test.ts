import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { contextFromText } from '../context.ts';
import { attachedConfig } from '../../attach-config.ts';
import { PRESETS } from '../../sim/presets.ts';
import { rule } from './no-psk.ts';

const read = (path: string) => readFileSync(new URL(`../../../../fixtures/${path}`, import.meta.url), 'utf8');

const cases: { name: string; text: string; severity: 'error' | null }[] = [
  { name: 'corpus 02: no pre-shared key, Main Mode never starts', text: read('corpus/02-no-psk-configured-initiator-iosxe.log'), severity: 'error' },
  // Written in IOS 12.x form (no corpus file has it): the key lookup failing on its own.
  { name: '12.x: No pre-shared key with X!', text: 'ISAKMP (0:1): No pre-shared key with 10.0.0.2!', severity: 'error' },
  { name: 'corpus 01: key found', text: read('corpus/01-mm-qm-success-initiator-iosxe-cryptomap.log'), severity: null },
  { name: 'seed: key found on both sides', text: read('seed/ios-ikev1-main-mode-debugs.txt'), severity: null },
  { name: 'corpus 21: a key mismatch is not a missing key', text: read('corpus/21-psk-mismatch-ikmp-bad-message-single-line.log'), severity: null },
];

for (const c of cases) {
  test(c.name, () => {
    expect(rule.diagnose(contextFromText(c.text)).map((f) => f.severity)).toEqual(c.severity ? [c.severity] : []);
  });
}

test('corpus 02: names the peer, MM1, the lines and the command', () => {
  const [f] = rule.diagnose(contextFromText(read('corpus/02-no-psk-configured-initiator-iosxe.log')));
  expect(f?.message).toBe('MM1');
  expect(f?.side).toBe('initiator');
  expect(f?.lines.map((l) => l.line)).toEqual([20, 21, 22, 27]);
  expect(f?.summary).toContain('203.0.113.1');
  expect(f?.fix).toContain('crypto isakmp key KEY address 203.0.113.1');
});

test('with the peer config loaded, the fix names the key line to copy', () => {
  const preset = PRESETS.find((p) => p.name === 'psk-mismatch');
  if (!preset) throw new Error('preset missing');
  const responder = attachedConfig(2, preset.responder.config);
  const ctx = contextFromText(read('corpus/02-no-psk-configured-initiator-iosxe.log'), 0, { responder });
  const [f] = rule.diagnose(ctx);
  expect(f?.configLines?.some((l) => l.file === 2)).toBe(true);
  expect(f?.fix).toMatch(/same KEY as .* line \d+/);
});
