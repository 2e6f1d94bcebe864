/** The simulation's IKEv2 decisions on real FlexVPN configs (fixtures/configs/ikev2, sources in its README) read by the config model. */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { effectiveConfig, effectiveConfigFromText } from '../../config/effective.ts';
import { parseConfig } from '../../config/parse.ts';
import { findIkev2Preset } from './presets.ts';
import { childOffer, chooseChild, ikeOffer, initiatorProfile, keyringOf } from './decide.ts';

const config = (name: string) => effectiveConfigFromText(readFileSync(`fixtures/configs/ikev2/${name}`, 'utf8'));
const azure = config('azure-ce-local-remote-keys.cfg');
const r15 = config('gre-r15-otus.cfg');
const r16 = config('gre-r16-otus.cfg');

describe('the offer of one router', () => {
  test("a policy's match address local picks it for that address; on another address no policy applies", () => {
    const on = ikeOffer(azure, '66.198.12.106');
    expect(on).toMatchObject({ policy: 'Cust30-azure-policy', viaDefault: false });
    expect(on.proposals.map((p) => p.name)).toEqual(['Cust30-azure-proposal']);
    expect(ikeOffer(azure, '192.0.2.1')).toEqual({ policy: null, viaDefault: false, proposals: [] });
  });

  test('a router with no policy of its own offers the smart default policy and proposal', () => {
    const cfg = effectiveConfigFromText('crypto ikev2 keyring K\n peer P\n  address 192.0.2.2\n  pre-shared-key k\n');
    const offer = ikeOffer(cfg, '192.0.2.1');
    expect(offer).toMatchObject({ policy: 'default', viaDefault: true });
    expect(offer.proposals.map((p) => p.name)).toEqual(['default']);
  });
});

describe('the profile and keyring a router initiates with', () => {
  test("the tunnel's IPsec profile names the profile and its keyring; an IPsec profile no interface uses names none", () => {
    const profile = initiatorProfile(r15, '185.82.208.1');
    expect(profile?.name).toBe('IKEv2-PROFILE');
    expect(keyringOf(profile)).toBe('IKEv2-PSK');
    expect(initiatorProfile(azure, '52.168.162.84')).toBeNull();
  });
});

describe('the child SA', () => {
  test("the OTUS ends' transform sets agree, transport mode over GRE, selectors of the tunnel", () => {
    const offer = childOffer(r15, '185.82.208.1')!;
    expect(offer).toMatchObject({ transformSets: [{ name: 'IPSEC-TRANSFORM', transforms: ['esp-aes 256', 'esp-sha256-hmac'], mode: 'transport' }], selectors: { kind: 'tunnel' } });
    expect(chooseChild(offer, childOffer(r16, '185.82.208.2')!)).toEqual({ transformSet: 'IPSEC-TRANSFORM', refusal: null });
  });

  test('the same transforms in another mode are NO_PROPOSAL_CHOSEN', () => {
    const offer = childOffer(r15, '185.82.208.1')!;
    const tunnel = { ...offer, transformSets: offer.transformSets.map((t) => ({ ...t, mode: 'tunnel' as const })) };
    expect(chooseChild(offer, tunnel)).toEqual({ transformSet: null, refusal: 'NO_PROPOSAL_CHOSEN' });
  });

  test("crypto map ACLs: mirrored ones fit, the ts-mismatch preset's do not (TS_UNACCEPTABLE)", () => {
    const p = findIkev2Preset('ikev2-ts-mismatch')!;
    const a = effectiveConfigFromText(p.initiator.config);
    const b = effectiveConfigFromText(p.responder.config);
    expect(chooseChild(childOffer(a, p.responder.address)!, childOffer(b, p.initiator.address)!)).toEqual({ transformSet: 'TS-1', refusal: 'TS_UNACCEPTABLE' });
    const mirror = effectiveConfigFromText(p.responder.config.replace('permit ip 10.2.0.0 0.0.0.255 10.3.0.0 0.0.0.255', 'permit ip 10.2.0.0 0.0.0.255 10.1.0.0 0.0.0.255'));
    expect(chooseChild(childOffer(a, p.responder.address)!, childOffer(mirror, p.initiator.address)!).refusal).toBeNull();
  });
});

describe("the child SA's transform sets, as the check decides them (config/ikev2-decide.ts childTransformSets)", () => {
  const text = readFileSync('fixtures/configs/ikev2/flexvpn-spoke-to-spoke-bgp-hub-two-spokes-cisco-doc.cfg', 'utf8');
  const hub = (extra: string) => effectiveConfig(parseConfig(`${text}${extra}`), { router: 'hub' });
  test("Cisco's example names none: the hub offers IOS's default set, and nothing once `no crypto ipsec transform-set default` removed it", () => {
    expect(childOffer(hub(''), '10.0.0.110')?.transformSets.map((t) => `${t.name}: ${t.transforms.join(' ')}`)).toEqual(['default: esp-aes esp-sha-hmac']);
    // hand-written: the removal flexvpn-svti-smart-defaults-r1-notes.cfg types, appended to the hub
    expect(childOffer(hub('hostname hub\nno crypto ipsec transform-set default\n'), '10.0.0.110')?.transformSets).toEqual([]);
  });
});
