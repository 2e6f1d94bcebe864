import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { effectiveConfigFromText } from '../config/effective.ts';
import { keyLine } from './config-fix.ts';

const r2 = effectiveConfigFromText(readFileSync(new URL('../../../fixtures/configs/ikev1/batfish-ios-crypto-ipsec-r2.cfg', import.meta.url), 'utf8'));

// r2 holds two keys for r1 (2.3.4.6): psk2 in KEYRING (line 11), bound to `local-address 2.3.4.8`, and psk5 in KEYRING_FOR_R1 (line 24)
test('the key line a fix names is the one the router takes from the address it negotiates on', () => {
  expect(keyLine(r2, '2.3.4.6', '2.3.4.8')).toBe(11);
  expect(keyLine(r2, '2.3.4.6', '2.3.4.10')).toBe(24);
});
