import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { effectiveConfigFromText } from './effective.ts';
import { ikev2ConfigRelations } from './ikev2-relations.ts';
import { decidingOf, linesOf } from './relations.ts';
import type { Ikev2MessageName } from '../ike/messages.ts';

const read = (name: string) => readFileSync(new URL(`../../../fixtures/configs/ikev2/${name}`, import.meta.url), 'utf8');
const r15 = effectiveConfigFromText(read('gre-r15-otus.cfg'));
const lines = (message: Ikev2MessageName, attribute?: Parameters<typeof ikev2ConfigRelations>[1]['attribute']) =>
  linesOf(ikev2ConfigRelations(r15, { message, peer: '185.82.208.1', ...(attribute ? { attribute } : {}) }));

describe("an IKEv2 message's config lines (R15 of a GRE over IPsec lab)", () => {
  test('IKE_SA_INIT and its response: the policy, the proposal it names and the proposal lines', () => {
    expect(lines('IKE_SA_INIT')).toEqual([1, 2, 3, 4, 6, 7]);
    expect(lines('IKE_SA_INIT.response')).toEqual(lines('IKE_SA_INIT'));
    // the integrity line decides the hash; the PRF, unsaid, is decided by the proposal's implicit line
    expect(decidingOf(ikev2ConfigRelations(r15, { message: 'IKE_SA_INIT', attribute: 'hash' }))).toEqual({ lines: [3], defaultsIn: [1] });
  });

  test('IKE_AUTH: the profile (match identity, authentication, keyring) and the keyring peer with its key', () => {
    expect(lines('IKE_AUTH', 'psk')).toEqual([9, 10, 11, 12, 14, 18, 25]);
    expect(lines('IKE_AUTH', 'identity')).toEqual([14, 15, 25]);
    expect(lines('IKE_AUTH', 'auth')).toEqual([14, 16, 17, 25]);
    // the child SA: the IPsec profile's transform set and the tunnel that uses it
    expect(lines('IKE_AUTH', 'transform')).toEqual([20, 21, 23, 24, 27, 33]);
  });

  test("a keyring peer for another address is not this peer's key: only the keyring the profile names is", () => {
    expect(linesOf(ikev2ConfigRelations(r15, { message: 'IKE_AUTH', attribute: 'psk', peer: '192.0.2.9' }))).toEqual([9, 14, 18, 25]);
  });

  test('no policy configured: the default policy and proposal decide IKE_SA_INIT, from the router as a whole', () => {
    // Hand-written: the smallest FlexVPN config that leaves the proposal to IOS's smart defaults.
    const cfg = effectiveConfigFromText('crypto ikev2 profile P\n match identity remote any\n authentication local pre-share\n authentication remote pre-share\n');
    expect(decidingOf(ikev2ConfigRelations(cfg, { message: 'IKE_SA_INIT', attribute: 'encryption' }))).toEqual({ lines: [], defaultsIn: [0] });
    expect(decidingOf(ikev2ConfigRelations(cfg, { message: 'IKE_AUTH', attribute: 'auth' }))).toEqual({ lines: [3, 4], defaultsIn: [] });
  });
});
