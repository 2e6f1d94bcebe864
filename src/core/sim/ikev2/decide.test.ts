/** The IKEv2 decisions on real FlexVPN configs (fixtures/configs/ikev2, sources in its README) read by the config model. */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { effectiveConfigFromText } from '../../config/effective.ts';
import { childOffer, chooseChild, chooseIkeProposal, ikeOffer, initiatorProfile, keysFor, localIdentity, profileFor } from './decide.ts';

const config = (name: string) => effectiveConfigFromText(readFileSync(`fixtures/configs/ikev2/${name}`, 'utf8'));
const azure = config('azure-ce-local-remote-keys.cfg');
const r15 = config('gre-r15-otus.cfg');
const r16 = config('gre-r16-otus.cfg');

describe('the IKE SA proposals', () => {
  test("a policy's match address local picks it for that address only; elsewhere the default policy applies", () => {
    const on = ikeOffer(azure, '66.198.12.106');
    expect(on).toMatchObject({ policy: 'Cust30-azure-policy', viaDefault: false });
    expect(on.proposals.map((p) => p.name)).toEqual(['Cust30-azure-proposal']);
    const off = ikeOffer(azure, '192.0.2.1');
    expect(off).toMatchObject({ policy: 'default', viaDefault: true });
    expect(off.proposals.map((p) => p.name)).toEqual(['default']);
  });

  test("both ends of the OTUS lab agree on their proposal; the Azure router's shares AES-CBC-256 with it but no integrity or group", () => {
    expect(chooseIkeProposal(ikeOffer(r15, '185.82.208.2').proposals, ikeOffer(r16, '185.82.208.1').proposals)).toEqual({
      proposal: 'IKEv2-GRE', encryption: 'aes-cbc-256', integrity: 'sha256', prf: 'sha256', group: 21,
    });
    expect(chooseIkeProposal(ikeOffer(r15, '185.82.208.2').proposals, ikeOffer(azure, '66.198.12.106').proposals)).toBeNull();
  });
});

describe('profile, identity and keys', () => {
  test("the tunnel's IPsec profile names the initiator's profile; an IPsec profile no interface uses names none", () => {
    expect(initiatorProfile(r15, '185.82.208.1')?.name).toBe('IKEv2-PROFILE');
    expect(localIdentity(initiatorProfile(r15, '185.82.208.1'), '185.82.208.2')).toEqual({ kind: 'address', value: '185.82.208.2' });
    // the Azure excerpt applies its IPsec profile nowhere: only a profile named default would be used
    expect(initiatorProfile(azure, '52.168.162.84')).toBeNull();
  });

  test("the responder's profile by the peer's identity: an address its match identity remote takes, none for another; identity local is sent", () => {
    const profile = profileFor(azure, { kind: 'address', value: '52.168.162.84' }, '66.198.12.106');
    expect(profile?.name).toBe('Cust30-azure-profile');
    expect(localIdentity(profile, '10.9.9.9')).toEqual({ kind: 'address', value: '66.198.12.106' });
    expect(profileFor(azure, { kind: 'address', value: '52.168.162.85' }, '66.198.12.106')).toBeNull();
    expect(profileFor(azure, { kind: 'fqdn', value: 'azure.example.com' }, '66.198.12.106')).toBeNull();
  });

  test("pre-shared-key local and remote of the keyring's peer block, found by the peer's address", () => {
    const profile = profileFor(azure, { kind: 'address', value: '52.168.162.84' }, '66.198.12.106');
    const keys = keysFor(azure, profile, '52.168.162.84', { kind: 'address', value: '52.168.162.84' });
    expect(keys).toMatchObject({ keyring: 'Cust30-azure-keyring', peer: 'azure', local: { key: 'IamSecure123' }, remote: { key: 'IamSecure123' } });
    expect(keysFor(azure, profile, '198.51.100.9', { kind: 'address', value: '198.51.100.9' })).toMatchObject({ peer: null, local: null, remote: null });
    expect(keysFor(r15, initiatorProfile(r15, '185.82.208.1'), '185.82.208.1', { kind: 'address', value: '185.82.208.1' })).toMatchObject({ peer: 'SPB', local: { key: 'OTUS' } });
  });
});

describe('the child SA', () => {
  test("the OTUS ends' transform sets agree, both transport mode over GRE, selectors any/any", () => {
    const offer = childOffer(r15, '185.82.208.1')!;
    expect(offer).toMatchObject({ transformSets: [{ name: 'IPSEC-TRANSFORM', transforms: ['esp-aes 256', 'esp-sha256-hmac'], mode: 'transport' }], local: null, remote: null });
    expect(chooseChild(offer, childOffer(r16, '185.82.208.2')!)).toEqual({ transformSet: 'IPSEC-TRANSFORM', refusal: null });
  });

  test('the same transforms in another mode are NO_PROPOSAL_CHOSEN', () => {
    const offer = childOffer(r15, '185.82.208.1')!;
    const tunnel = { ...offer, transformSets: offer.transformSets.map((t) => ({ ...t, mode: 'tunnel' as const })) };
    expect(chooseChild(offer, tunnel)).toEqual({ transformSet: null, refusal: 'NO_PROPOSAL_CHOSEN' });
  });
});
