import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { checkCompatibility } from './compatibility.ts';
import { effectiveConfig, effectiveConfigFromText } from './effective.ts';
import { parseConfig } from './parse.ts';

const read = (name: string) => readFileSync(new URL(`../../../fixtures/configs/ikev2/${name}`, import.meta.url), 'utf8');
const r15 = read('gre-r15-otus.cfg');
const r16 = read('gre-r16-otus.cfg');
const check = (a: string, b: string) => checkCompatibility(effectiveConfigFromText(a), effectiveConfigFromText(b));
/** R16 with one line changed: derived from the real config to show one failure each. */
const r16With = (from: string, to: string) => {
  if (!r16.includes(from)) throw new Error(`R16 has no '${from}'`);
  return r16.replace(from, to);
};
const codes = (r: ReturnType<typeof check>) => r.findings.map((f) => `${f.severity} ${f.code} ${f.message ?? '-'} ${f.lines.map((l) => `${l.file}:${l.line}`).join(',')}`);

describe('check on two IKEv2 routers (both ends of a GRE over IPsec lab)', () => {
  test('as published they agree: IKE SA and child SA, the proposal and transform sets named', () => {
    const r = check(r15, r16);
    expect([r.ikeVersion, r.phase1, r.phase2, r.failsAt]).toEqual([2, 'agree', 'agree', null]);
    expect(r.agreedProposal).toEqual({ initiator: 'IKEv2-GRE', responder: 'IKEv2-GRE', algorithms: 'aes-cbc-256 sha256 prf sha256 group 21' });
    expect(r.agreedTransformSet).toEqual({ initiator: 'IPSEC-TRANSFORM', responder: 'IPSEC-TRANSFORM' });
    expect(codes(r)).toEqual([]);
  });

  test('different keys: PSK_MISMATCH in IKE_AUTH, naming both key lines', () => {
    const r = check(r15, r16With('pre-shared-key OTUS', 'pre-shared-key OTUS-X'));
    expect(r.failsAt).toBe('IKE_AUTH');
    expect(codes(r)).toEqual(['error PSK_MISMATCH IKE_AUTH 0:12,1:12']);
    expect(r.findings[0]?.summary).toContain('AUTHENTICATION_FAILED');
  });

  test('no group in common: NO_PROPOSAL_CHOSEN in IKE_SA_INIT, naming both proposals and policies', () => {
    const r = check(r15, r16With('group 21', 'group 14'));
    expect([r.phase1, r.failsAt]).toEqual(['disagree', 'IKE_SA_INIT']);
    expect(codes(r)).toEqual(['error P1_POLICY_MISMATCH IKE_SA_INIT 0:1,0:2,0:3,0:4,0:6,1:1,1:2,1:3,1:4,1:6']);
    expect(r.findings[0]?.summary).toMatch(/no group shared\. .* NO_PROPOSAL_CHOSEN/);
  });

  test("a profile that matches another identity: IDENTITY_MISMATCH, naming the responder's match lines", () => {
    const r = check(r15, r16With('match identity remote address 204.11.12.5 255.255.255.255', 'match identity remote fqdn r15.example.com'));
    expect(r.failsAt).toBe('IKE_AUTH');
    expect(codes(r)).toEqual(['error IDENTITY_MISMATCH IKE_AUTH 0:14,1:14,1:15']);
  });

  test('no transform set in common: the child SA is refused in IKE_AUTH with NO_PROPOSAL_CHOSEN, the IKE SA comes up', () => {
    const r = check(r15, r16With('esp-aes 256 esp-sha256-hmac', 'esp-aes 128 esp-sha-hmac'));
    expect([r.phase1, r.phase2, r.failsAt]).toEqual(['agree', 'disagree', 'IKE_AUTH']);
    expect(r.findings.map((f) => `${f.code} ${f.message}`)).toEqual(['P2_TRANSFORM_MISMATCH IKE_AUTH']);
    expect(r.findings[0]?.summary).toContain('NO_PROPOSAL_CHOSEN: the IKE SA comes up, the child SA does not');
  });

  test('authentication methods that do not meet: AUTH_METHOD_MISMATCH', () => {
    const r = check(r15, r16With(' authentication remote pre-share', ' authentication remote rsa-sig'));
    expect(codes(r)).toEqual(['error AUTH_METHOD_MISMATCH IKE_AUTH 0:17,1:16']);
  });

  test('a policy bound to another local address: no policy for the IKE SA', () => {
    const r = check(r15, r16With('\n proposal IKEv2-GRE\n', '\n match address local 10.9.9.9\n proposal IKEv2-GRE\n'));
    expect(r.failsAt).toBe('IKE_SA_INIT');
    expect(r.findings[0]?.summary).toContain('No IKEv2 policy of B applies to its address 185.82.208.1');
  });
});

describe('one router IKEv1, the other IKEv2', () => {
  // R16 turned into an IKEv1 peer: its IPsec profile names no IKEv2 profile, an isakmp policy and key added.
  const r16v1 = `${r16.replace(' set ikev2-profile IKEv2-PROFILE\n', '')}crypto isakmp policy 10\n authentication pre-share\ncrypto isakmp key OTUS address 204.11.12.5\n`;
  test('the IKEv1 router initiating: refused in MM1, the version named first with the line that makes the other IKEv2', () => {
    const r = check(r16v1, r15);
    expect([r.ikeVersion, r.failsAt]).toEqual([1, 'MM1']);
    expect(codes(r)[0]).toBe('error P1_POLICY_MISMATCH MM1 1:25');
    expect(r.findings[0]?.summary).toBe('A negotiates IKEv1 with B, but B is set up for IKEv2 with A: B answers MM1 from its IKEv1 configuration alone, and it does not fit.');
  });
  test('the IKEv2 router initiating to a router whose IKEv2 profile still matches it: it works one way, a warning says the other', () => {
    const r = check(r15, r16v1);
    expect([r.ikeVersion, r.failsAt]).toEqual([2, null]);
    expect(codes(r)).toEqual(['warning P1_POLICY_MISMATCH - 0:25']);
  });
});

describe('smart defaults in the check', () => {
  // Hand-written: two FlexVPN routers that configure no proposal or policy, so IOS's default ones meet.
  const router = (self: string, peer: string) =>
    `crypto ikev2 keyring K\n peer P\n  address ${peer}\n  pre-shared-key s3cret\ncrypto ikev2 profile PR\n match identity remote address ${peer} 255.255.255.255\n authentication local pre-share\n authentication remote pre-share\n keyring local K\ncrypto ipsec profile IP\n set ikev2-profile PR\ninterface Tunnel0\n tunnel source ${self}\n tunnel mode ipsec ipv4\n tunnel destination ${peer}\n tunnel protection ipsec profile IP\ninterface Ethernet0/0\n ip address ${self} 255.255.255.0\n`;
  test('the default proposals meet on their first algorithms; the IPsec profiles name no transform set', () => {
    const r = check(router('10.0.0.1', '10.0.0.2'), router('10.0.0.2', '10.0.0.1'));
    expect(r.phase1).toBe('agree');
    expect(r.agreedProposal).toEqual({ initiator: 'default', responder: 'default', algorithms: 'aes-cbc-256 sha512 prf sha512 group 5' });
  });
});

describe('smart defaults on real configs', () => {
  test("Cisco's FlexVPN spoke-to-spoke example: `crypto ipsec profile default` naming only its IKEv2 profile offers the default transform set", () => {
    // One paste holds the hub and two spokes; spoke1's Tunnel0 goes to the hub's 10.0.0.100.
    const parsed = parseConfig(read('flexvpn-spoke-to-spoke-bgp-hub-two-spokes-cisco-doc.cfg'));
    const r = checkCompatibility(effectiveConfig(parsed, { router: 'spoke1' }), effectiveConfig(parsed, { router: 'hub' }));
    expect([r.ikeVersion, r.phase1, r.phase2, r.failsAt]).toEqual([2, 'agree', 'agree', null]);
    expect(r.agreedTransformSet).toEqual({ initiator: 'default', responder: 'default' });
    expect(codes(r)).toEqual([]);
  });

  test('a profile that names a transform set no line defines still offers nothing (R16 derived, its set line renamed)', () => {
    const r = check(r15, r16With('set transform-set IPSEC-TRANSFORM', 'set transform-set NO-SUCH-SET'));
    expect([r.phase2, r.failsAt]).toEqual(['disagree', 'IKE_AUTH']);
    expect(r.findings.map((f) => f.code)).toContain('P2_TRANSFORM_MISMATCH');
  });

  test("an IWAN hub and spoke in a front-door VRF: their proposal no policy names is never offered, the default one is (as the hub's show crypto ikev2 sa shows: AES-CBC 256, SHA512, DH group 5)", () => {
    const r = check(read('dmvpn-iwan-fvrf-spoke1-running-config.cfg'), read('dmvpn-iwan-fvrf-hub-running-config.cfg'));
    expect([r.ikeVersion, r.phase1, r.phase2, r.failsAt]).toEqual([2, 'agree', 'agree', null]);
    expect(r.agreedProposal).toEqual({ initiator: 'default', responder: 'default', algorithms: 'aes-cbc-256 sha512 prf sha512 group 5' });
    expect(r.agreedTransformSet).toEqual({ initiator: 'AES256/SHA/TRANSPORT', responder: 'AES256/SHA/TRANSPORT' });
  });

  test('a certificate lab with R1 and R2 in one page (```bash blocks, blank lines inside sections): rsa-sig both ways, they agree', () => {
    const parsed = parseConfig(read('svti-rsa-sig-r1-r2-lab-blank-lines.cfg'));
    expect(parsed.routers).toEqual(['R1', 'R2']);
    const r = checkCompatibility(effectiveConfig(parsed, { router: 'R1' }), effectiveConfig(parsed, { router: 'R2' }));
    expect([r.ikeVersion, r.phase1, r.phase2, r.failsAt]).toEqual([2, 'agree', 'agree', null]);
    expect(r.agreedProposal?.algorithms).toBe('aes-cbc-256 sha512 prf sha512 group 16');
  });

  test('an IWAN branch to its MPLS hub: an AES-GCM proposal with a PRF and no integrity is complete, and they agree', () => {
    const r = check(read('iwan-gcm-branch2-wan-two-tunnels.cfg'), read('iwan-gcm-hq-wan-mpls-hub.cfg'));
    expect([r.ikeVersion, r.phase1, r.phase2, r.failsAt]).toEqual([2, 'agree', 'agree', null]);
    expect(r.agreedProposal?.algorithms).toBe('aes-gcm-256 prf sha512 group 19');
    expect(codes(r)).toEqual([]);
  });

  test('a crypto map with `set ikev2-profile` and certificates (R15 and R18 of a course lab, whole configs): they agree, as their show crypto ikev2 session does (AES-CBC 128, MD5, DH 2, RSA)', () => {
    const r = check(read('otus-lab14-r15-cert.cfg'), read('otus-lab14-r18-cert.cfg'));
    expect([r.ikeVersion, r.phase1, r.phase2, r.failsAt]).toEqual([2, 'agree', 'agree', null]);
    expect(r.agreedProposal?.algorithms).toBe('aes-cbc-128 md5 prf md5 group 2');
  });

  test('a DMVPN spoke to a hub whose proposal no policy names (R27 and R14): the hub answers from the default proposal, which holds the spoke\'s', () => {
    const r = check(read('otus-lab14-r27-cert.cfg'), read('otus-lab14-r14-cert.cfg'));
    expect([r.ikeVersion, r.phase1, r.phase2, r.failsAt]).toEqual([2, 'agree', 'agree', null]);
    expect(r.agreedProposal).toEqual({ initiator: 'PH1', responder: 'default', algorithms: 'aes-cbc-128 md5 prf md5 group 2' });
  });

  test("the same example with the hub's smart defaults removed: no proposal to answer IKE_SA_INIT, no transform set for the child SA", () => {
    // Hand-written: two lines appended to the hub (the removals flexvpn-svti-smart-defaults-r1-notes.cfg types), as no
    // stored source pairs a router that removes them with a peer relying on them.
    const text = `${read('flexvpn-spoke-to-spoke-bgp-hub-two-spokes-cisco-doc.cfg')}hostname hub\nno crypto ikev2 proposal default\nno crypto ipsec transform-set default\n`;
    const parsed = parseConfig(text);
    const r = checkCompatibility(effectiveConfig(parsed, { router: 'spoke1' }), effectiveConfig(parsed, { router: 'hub' }));
    expect([r.phase1, r.phase2, r.failsAt]).toEqual(['disagree', 'disagree', 'IKE_SA_INIT']);
    expect(r.findings.map((f) => `${f.code} ${f.message ?? '-'}`)).toEqual(['P1_POLICY_MISMATCH IKE_SA_INIT', 'P2_TRANSFORM_MISMATCH IKE_AUTH']);
  });
});

