import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { checkCompatibility, type CompatibilityResult } from './compatibility.ts';
import type { IosRelease } from './defaults.ts';
import { effectiveConfigFromText } from './effective.ts';

const root = new URL('../../../fixtures/', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');
const corpus = (prefix: string) => {
  const name = readdirSync(new URL('corpus/', root)).find((f) => f.startsWith(prefix) && f.endsWith('.config.txt'));
  if (!name) throw new Error(`no corpus config ${prefix}`);
  return read(`corpus/${name}`);
};

/** A LAN-to-LAN crypto map router; `self`/`peer` are the outside addresses, `lan`/`remote` the /24s. */
function router(self: string, peer: string, lan: string, remote: string): string {
  return [
    'crypto isakmp policy 10', //                          1
    ' encr aes 256', //                                     2
    ' hash sha256', //                                      3
    ' authentication pre-share', //                         4
    ' group 14', //                                         5
    `crypto isakmp key s3cret address ${peer}`, //          6
    'crypto ipsec transform-set TS esp-aes 256 esp-sha256-hmac', // 7
    ' mode tunnel', //                                      8
    'crypto map CM 10 ipsec-isakmp', //                     9
    ` set peer ${peer}`, //                                 10
    ' set transform-set TS', //                             11
    ' match address 101', //                                12
    'interface GigabitEthernet0/0', //                      13
    ` ip address ${self} 255.255.255.0`, //                 14
    ' crypto map CM', //                                    15
    `access-list 101 permit ip ${lan} 0.0.0.255 ${remote} 0.0.0.255`, // 16
  ].join('\n');
}

/** A static VTI router (`tunnel mode ipsec ipv4`) with the same phase 1 policy as `router`. */
function vti(self: string, peer: string): string {
  return [
    ...router(self, peer, '0.0.0.0', '0.0.0.0').split('\n').slice(0, 8), // lines 1-8: policy, key, transform set
    'crypto ipsec profile P', //                            9
    'interface Tunnel0', //                                 10
    ' tunnel source GigabitEthernet0/0', //                 11
    ` tunnel destination ${peer}`, //                       12
    ' tunnel protection ipsec profile P', //                13
    ' tunnel mode ipsec ipv4', //                           14
    'crypto ipsec profile P', //                            15
    ' set transform-set TS', //                             16
    'interface GigabitEthernet0/0', //                      17
    ` ip address ${self} 255.255.255.0`, //                 18
  ].join('\n');
}

const A = router('10.0.0.1', '10.0.0.2', '192.168.1.0', '192.168.2.0');
const B = router('10.0.0.2', '10.0.0.1', '192.168.2.0', '192.168.1.0');

/** Replaces one line (1-based) of a config text; '' removes its content but keeps the numbering. */
function edit(text: string, line: number, replacement: string): string {
  const lines = text.split('\n');
  lines[line - 1] = replacement;
  return lines.join('\n');
}

function insert(text: string, after: number, added: string): string {
  const lines = text.split('\n');
  lines.splice(after, 0, added);
  return lines.join('\n');
}

function check(a: string, b: string, release: IosRelease = 'classic', routers: readonly (string | undefined)[] = []): CompatibilityResult {
  const opts = (r?: string) => (r ? { router: r, release } : { release });
  return checkCompatibility(effectiveConfigFromText(a, opts(routers[0])), effectiveConfigFromText(b, opts(routers[1])));
}

const codes = (r: CompatibilityResult) => r.findings.map((f) => `${f.severity} ${f.code}`);
const lines = (r: CompatibilityResult, code: string) => r.findings.filter((f) => f.code === code).flatMap((f) => f.lines.map((l) => `${l.file}:${l.line}`));

describe('a compatibility case for every finding a config can cause', () => {
  const cases: { name: string; a: string; b: string; release?: IosRelease; verdict: [string, string, string | null]; codes: string[]; lines?: [string, string[]] }[] = [
    { name: 'mirrored routers agree', a: A, b: B, verdict: ['agree', 'agree', null], codes: [] },
    {
      name: 'P1_POLICY_MISMATCH: AES 192 against AES 256',
      a: A,
      b: edit(B, 2, ' encr aes 192'),
      verdict: ['disagree', 'agree', 'MM1'],
      codes: ['error P1_POLICY_MISMATCH'],
      lines: ['P1_POLICY_MISMATCH', ['0:2', '1:2']],
    },
    {
      name: 'P1_POLICY_MISMATCH: a default hash points at the policy line',
      a: A,
      b: edit(B, 3, ''),
      verdict: ['disagree', 'agree', 'MM1'],
      codes: ['error P1_POLICY_MISMATCH'],
      lines: ['P1_POLICY_MISMATCH', ['0:3', '1:1']],
    },
    { name: 'NO_PSK on the initiator', a: edit(A, 6, ''), b: B, verdict: ['disagree', 'agree', 'MM1'], codes: ['error NO_PSK'], lines: ['NO_PSK', ['0:4']] },
    { name: 'NO_PSK on the responder', a: A, b: edit(B, 6, 'crypto isakmp key s3cret address 10.9.9.9'), verdict: ['disagree', 'agree', 'MM1'], codes: ['error NO_PSK'], lines: ['NO_PSK', ['1:4']] },
    {
      name: 'PSK_MISMATCH',
      a: A,
      b: edit(B, 6, 'crypto isakmp key other address 10.0.0.1'),
      verdict: ['disagree', 'agree', 'MM5'],
      codes: ['error PSK_MISMATCH'],
      lines: ['PSK_MISMATCH', ['0:6', '1:6']],
    },
    {
      name: 'PEER_UNREACHABLE: set peer is not the other router',
      a: edit(edit(A, 10, ' set peer 10.0.0.9'), 6, 'crypto isakmp key s3cret address 10.0.0.9'),
      b: B,
      verdict: ['disagree', 'agree', 'MM1'],
      codes: ['error PEER_UNREACHABLE'],
      lines: ['PEER_UNREACHABLE', ['0:10']],
    },
    {
      name: 'P2_TRANSFORM_MISMATCH',
      a: A,
      b: edit(B, 7, 'crypto ipsec transform-set TS esp-aes esp-sha-hmac'),
      verdict: ['agree', 'disagree', 'QM1'],
      codes: ['error P2_TRANSFORM_MISMATCH'],
      lines: ['P2_TRANSFORM_MISMATCH', ['0:7', '0:11', '1:7', '1:11']],
    },
    {
      name: 'P2_PROXY_MISMATCH: ACLs not mirrored',
      a: A,
      b: edit(B, 16, 'access-list 101 permit ip 192.168.2.0 0.0.0.255 192.168.3.0 0.0.0.255'),
      verdict: ['agree', 'disagree', 'QM1'],
      codes: ['error P2_PROXY_MISMATCH'],
      lines: ['P2_PROXY_MISMATCH', ['0:12', '0:16', '1:12', '1:16']],
    },
    {
      name: 'P2_PROXY_MISMATCH: a subnet inside the peer ACL is fine',
      a: edit(A, 16, 'access-list 101 permit ip 192.168.1.0 0.0.0.127 192.168.2.0 0.0.0.255'),
      b: B,
      verdict: ['agree', 'agree', null],
      codes: [],
    },
    {
      name: 'P2_PFS_MISMATCH: only the responder sets PFS',
      a: A,
      b: insert(B, 11, ' set pfs group14'),
      verdict: ['agree', 'disagree', 'QM1'],
      codes: ['error P2_PFS_MISMATCH'],
      lines: ['P2_PFS_MISMATCH', ['0:9', '1:12']],
    },
    {
      name: 'P2_PFS_MISMATCH: only the initiator sets PFS (works one way)',
      a: insert(A, 11, ' set pfs group14'),
      b: B,
      verdict: ['agree', 'agree', null],
      codes: ['warning P2_PFS_MISMATCH'],
    },
    {
      name: 'P2_PFS_MISMATCH: different groups',
      a: insert(A, 11, ' set pfs group19'),
      b: insert(B, 11, ' set pfs group14'),
      verdict: ['agree', 'disagree', 'QM1'],
      codes: ['error P2_PFS_MISMATCH'],
    },
    {
      name: 'WEAK_CRYPTO: 3DES on both, classic IOS',
      a: edit(A, 2, ' encr 3des'),
      b: edit(B, 2, ' encr 3des'),
      verdict: ['agree', 'agree', null],
      codes: ['warning WEAK_CRYPTO'],
    },
    {
      name: 'WEAK_CRYPTO: 3DES on both, IOS-XE 17.11 refuses the policy',
      a: edit(A, 2, ' encr 3des'),
      b: edit(B, 2, ' encr 3des'),
      release: 'iosxe-17.11',
      verdict: ['disagree', 'agree', 'MM1'],
      codes: ['error WEAK_CRYPTO', 'error WEAK_CRYPTO'],
      lines: ['WEAK_CRYPTO', ['0:1', '0:2', '0:5', '1:1', '1:2', '1:5']],
    },
    {
      name: 'WEAK_CRYPTO: esp-des transform',
      a: edit(A, 7, 'crypto ipsec transform-set TS esp-des esp-md5-hmac'),
      b: edit(B, 7, 'crypto ipsec transform-set TS esp-des esp-md5-hmac'),
      verdict: ['agree', 'agree', null],
      codes: ['warning WEAK_CRYPTO'],
    },
    {
      name: 'WEAK_CRYPTO: esp-des transform, IOS-XE 17.11 refuses it',
      a: edit(A, 7, 'crypto ipsec transform-set TS esp-des esp-md5-hmac'),
      b: edit(B, 7, 'crypto ipsec transform-set TS esp-des esp-md5-hmac'),
      release: 'iosxe-17.11',
      verdict: ['agree', 'disagree', 'QM1'],
      codes: ['error WEAK_CRYPTO', 'error WEAK_CRYPTO'],
      lines: ['WEAK_CRYPTO', ['0:7', '1:7']],
    },
    {
      name: 'WEAK_CRYPTO: PFS group 2, IOS-XE 17.11 refuses it',
      a: insert(A, 11, ' set pfs group2'),
      b: insert(B, 11, ' set pfs group2'),
      release: 'iosxe-17.11',
      verdict: ['agree', 'disagree', 'QM1'],
      codes: ['error WEAK_CRYPTO'],
    },
    {
      name: 'WEAK_CRYPTO: the compliance shield disabled allows 3DES again on 17.11',
      a: `crypto engine compliance shield disable\n${edit(A, 2, ' encr 3des')}`,
      b: `crypto engine compliance shield disable\n${edit(B, 2, ' encr 3des')}`,
      release: 'iosxe-17.11',
      verdict: ['agree', 'agree', null],
      codes: ['warning WEAK_CRYPTO'],
    },
    {
      name: 'LIFETIME_ADJUSTED: phase 1 and phase 2',
      a: insert(insert(A, 11, ' set security-association lifetime seconds 1800'), 5, ' lifetime 3600'),
      b: B,
      verdict: ['agree', 'agree', null],
      codes: ['info LIFETIME_ADJUSTED', 'info LIFETIME_ADJUSTED'],
      lines: ['LIFETIME_ADJUSTED', ['0:6', '1:1', '0:13', '1:9']],
    },
    { name: 'two VTIs agree', a: vti('10.0.0.1', '10.0.0.2'), b: vti('10.0.0.2', '10.0.0.1'), verdict: ['agree', 'agree', null], codes: [] },
    {
      name: 'P2_PROXY_MISMATCH: a VTI against a crypto map',
      a: vti('10.0.0.1', '10.0.0.2'),
      b: B,
      verdict: ['agree', 'disagree', 'QM1'],
      codes: ['error P2_PROXY_MISMATCH'],
      lines: ['P2_PROXY_MISMATCH', ['0:10', '0:14', '1:12', '1:16']],
    },
    {
      name: 'P2_PROXY_MISMATCH: VTIs in different tunnel modes',
      a: vti('10.0.0.1', '10.0.0.2'),
      b: vti('10.0.0.2', '10.0.0.1').replace('tunnel mode ipsec ipv4', 'tunnel mode ipsec ipv6'),
      verdict: ['agree', 'disagree', 'QM1'],
      codes: ['error P2_PROXY_MISMATCH'],
    },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const r = check(c.a, c.b, c.release);
      expect([r.phase1, r.phase2, r.failsAt]).toEqual(c.verdict);
      expect(codes(r)).toEqual(c.codes);
      if (c.lines) expect(lines(r, c.lines[0])).toEqual(c.lines[1]);
      for (const f of r.findings) {
        expect(f.summary.length).toBeGreaterThan(20);
        expect(f.fix.length).toBeGreaterThan(10);
      }
    });
  }
});

describe('real configs', () => {
  test('seed: R2 and R3 agree; DES and group 1 are flagged as weak', () => {
    const r = check(read('configs/seed-R2.config.txt'), read('configs/seed-R3.config.txt'));
    expect([r.phase1, r.phase2, r.failsAt]).toEqual(['agree', 'agree', null]);
    expect(r.agreedPolicy).toEqual({ initiator: 10, responder: 10 });
    expect(r.agreedTransformSet).toEqual({ initiator: 'TRA', responder: 'TRA' });
    expect(r.addresses).toEqual({ a: '2001:db8::2', b: '2001:db8::3' });
    expect(codes(r)).toEqual(['warning WEAK_CRYPTO']);
  });

  test('seed on IOS-XE 17.11: the defaults it relies on are refused', () => {
    const r = check(read('configs/seed-R2.config.txt'), read('configs/seed-R3.config.txt'), 'iosxe-17.11');
    expect([r.phase1, r.failsAt]).toEqual(['disagree', 'MM1']);
  });

  test('corpus 07: ce1 and ce2 agree (PPPoE addresses are negotiated, so reachability is not judged)', () => {
    const text = corpus('07-');
    const r = check(text, text, 'classic', ['ce1', 'ce2']);
    expect([r.phase1, r.phase2, r.failsAt]).toEqual(['agree', 'agree', null]);
    expect(codes(r)).toEqual([]);
  });

  test('corpus 08: R2 and R3 agree; lifetime 60 against 86400, weak 3DES/MD5/DES', () => {
    const text = corpus('08-');
    const r = check(text, text, 'classic', ['R2', 'R3']);
    expect([r.phase1, r.phase2, r.failsAt]).toEqual(['agree', 'agree', null]);
    expect(codes(r)).toEqual(['info LIFETIME_ADJUSTED', 'warning WEAK_CRYPTO', 'warning WEAK_CRYPTO', 'warning WEAK_CRYPTO']);
    expect(lines(r, 'LIFETIME_ADJUSTED')).toEqual(['0:12', '1:14']);
  });

  // R2's config appears in corpus 10 only as `show` output; here it is as that output describes it.
  const r2From10 = [
    'crypto isakmp policy 5',
    ' encr aes 256',
    ' hash sha256',
    ' authentication pre-share',
    ' group 5',
    ' lifetime 5000',
    'crypto isakmp key Cisco!23 address 0.0.0.0',
    'crypto ipsec transform-set Demo-SET esp-aes esp-sha384-hmac',
    'crypto map Demo-MAP 10 ipsec-isakmp',
    ' set peer 15.1.1.1',
    ' set transform-set Demo-SET',
    ' set pfs group15',
    ' match address Crypto-ACL',
  ].join('\n');
  const r1At = (lastLine: number) => corpus('10-').split('\n').slice(0, lastLine).join('\n');

  test('corpus 10, first stage: R1 AES 192 against R2 AES 256 fails at MM1, on R1 line 8', () => {
    const r = check(r1At(21), r2From10, 'classic', ['R1']);
    expect([r.phase1, r.failsAt]).toEqual(['disagree', 'MM1']);
    expect(lines(r, 'P1_POLICY_MISMATCH')).toEqual(['0:8', '1:2']);
  });

  test('corpus 10, second stage: R1 proposes B-Set (esp-aes) and fails at QM1', () => {
    const r = check(r1At(93), r2From10, 'classic', ['R1']);
    expect([r.phase1, r.phase2, r.failsAt]).toEqual(['agree', 'disagree', 'QM1']);
    expect(codes(r)).toContain('error P2_TRANSFORM_MISMATCH');
    expect(lines(r, 'P2_TRANSFORM_MISMATCH')).toContain('0:90');
  });

  test('corpus 10, fixed: R1 back on Demo-Set agrees (the ACL is not in the paste, so proxies are not judged)', () => {
    const r = check(corpus('10-'), r2From10, 'classic', ['R1']);
    expect([r.phase1, r.phase2, r.failsAt]).toEqual(['agree', 'agree', null]);
    expect(codes(r)).toContain('info P2_PROXY_MISMATCH');
    expect(codes(r)).toContain('info LIFETIME_ADJUSTED');
  });

  test("corpus 13: CE1's and CE2's transform sets have nothing in common", () => {
    const sets = corpus('13-').split('\n').filter((l) => l.startsWith('crypto ipsec transform-set'));
    expect(sets).toHaveLength(2);
    const a = edit(edit(A, 7, sets[0] ?? ''), 11, ' set transform-set myset');
    const b = edit(edit(B, 7, sets[1] ?? ''), 11, ' set transform-set myset');
    const r = check(a, b);
    expect([r.phase2, r.failsAt]).toEqual(['disagree', 'QM1']);
    expect(codes(r)).toContain('error P2_TRANSFORM_MISMATCH');
  });

  test('corpus 20: R1 against a mirrored R2 agrees on the all-default policy', () => {
    const r2 = [
      'crypto isakmp policy 10',
      'authentication pre-share',
      'crypto isakmp key cisco address 202.100.1.1',
      'crypto ipsec transform-set cisco esp-des esp-md5-hmac',
      'crypto map cisco 10 ipsec-isakmp',
      'set peer 202.100.1.1',
      'set transform-set cisco',
      'match address L2L',
      'interface FastEthernet0/0',
      'ip address 202.100.1.2 255.255.255.0',
      'crypto map cisco',
      'ip access-list extended L2L',
      'permit ip host 2.2.2.2 host 1.1.1.1',
    ].join('\n');
    const r = check(corpus('20-'), r2);
    expect([r.phase1, r.phase2, r.failsAt]).toEqual(['agree', 'agree', null]);
    expect(r.addresses).toEqual({ a: '202.100.1.1', b: '202.100.1.2' });
    expect(codes(r)).toEqual(['warning WEAK_CRYPTO', 'warning WEAK_CRYPTO']);
  });

  test('corpus 01: the hub answers spoke 203.0.113.10 with map entry 10', () => {
    const text = corpus('01-');
    const spoke = router('203.0.113.10', '203.0.113.1', '192.168.1.0', '192.168.0.0').replace(' encr aes 256', ' encryption aes 256').replace(' hash sha256', ' hash sha').replace('esp-sha256-hmac', 'esp-sha-hmac').replace('s3cret', 'cisco123');
    const r = check(spoke, text, 'classic', [undefined, 'Hub-RTR']);
    expect([r.phase1, r.phase2, r.failsAt]).toEqual(['agree', 'agree', null]);
    expect(r.agreedTransformSet).toEqual({ initiator: 'TS', responder: 'tform' });
  });
});

describe('real IKEv1 pairs (fixtures/configs/ikev1, sources in its README)', () => {
  const ikev1 = (name: string) => read(`configs/ikev1/${name}`);
  const cases: { a: string; b: string; phase1: string; phase2: string; codes: string[]; why: string }[] = [
    {
      a: 'gre-dynamic-client.cfg',
      b: 'gre-dynamic-gw.cfg',
      phase1: 'agree',
      phase2: 'agree',
      // No PEER_UNREACHABLE for the gateway (its dynamic map names no peer and never initiates), no P2_PROXY_MISMATCH
      // (a dynamic entry without `match address` takes the client's proxies).
      codes: ['LIFETIME_ADJUSTED', 'WEAK_CRYPTO', 'WEAK_CRYPTO'],
      why: 'a client to a dynamic map: answered from the dynamic entry, on the static map its interface carries',
    },
    {
      a: 'batfish-ios-crypto-ipsec-r1.cfg',
      b: 'batfish-ios-crypto-ipsec-r3.cfg',
      phase1: 'agree',
      phase2: 'disagree',
      // r3 finds r1's key (psk3, for 2.3.4.7, the address of r1's interface carrying the map for r3), no NO_PSK for r1's first address.
      codes: ['WEAK_CRYPTO', 'WEAK_CRYPTO', 'P2_PROXY_MISMATCH', 'WEAK_CRYPTO'],
      why: "r3 answers through its dynamic map: r1 is seen at its own map's interface address",
    },
    {
      a: 'cli-session-router1.cfg',
      b: 'cli-session-router2.cfg',
      phase1: 'disagree',
      phase2: 'agree',
      // The transform sets and ACLs IOS scrolled (`$c transform-set …`, `$ 100 permit ip …`) are read: phase 2 agrees.
      // Each crypto map is on FastEthernet0/1 (the LAN side), so each peer's `set peer` misses it, as the source has it.
      codes: ['PEER_UNREACHABLE', 'PEER_UNREACHABLE', 'WEAK_CRYPTO'],
      why: 'a CLI session whose long lines IOS scrolled',
    },
    {
      a: 'two-peers-branch.cfg',
      b: 'two-peers-active.cfg',
      phase1: 'agree',
      phase2: 'agree',
      codes: ['WEAK_CRYPTO', 'WEAK_CRYPTO'],
      why: 'the branch reaches the active head end at its default peer',
    },
    {
      a: 'two-peers-branch.cfg',
      b: 'two-peers-standby.cfg',
      phase1: 'agree',
      phase2: 'agree',
      // The standby is the branch's second `set peer` (line 14): reached when the first does not answer, no error.
      codes: ['PEER_UNREACHABLE', 'WEAK_CRYPTO', 'WEAK_CRYPTO'],
      why: 'the branch reaches the standby head end as its second peer',
    },
  ];
  for (const c of cases) {
    test(`${c.a} → ${c.b}: ${c.why}`, () => {
      const r = checkCompatibility(effectiveConfigFromText(ikev1(c.a)), effectiveConfigFromText(ikev1(c.b)));
      expect({ phase1: r.phase1, phase2: r.phase2, codes: r.findings.map((f) => f.code) }).toEqual({ phase1: c.phase1, phase2: c.phase2, codes: c.codes });
    });
  }

  test("an entry naming an ISAKMP profile takes its key from that profile's keyring only", () => {
    // Hand-written on `router`: A's global key stays (line 6), but its entry names a profile whose keyring holds
    // a key for another peer, as batfish r2's ISAKMP-PROFILE-FOR-R1 names KEYRING_FOR_R3.
    const scoped = [A, 'crypto keyring OTHER', ' pre-shared-key address 10.9.9.9 key x', 'crypto isakmp profile P', ' keyring OTHER', ' match identity address 10.0.0.2'].join('\n');
    const r = check(insert(scoped, 11, ' set isakmp-profile P'), B);
    expect(codes(r)).toEqual(['error NO_PSK']);
    expect(r.findings[0]?.summary).toContain('in keyring OTHER (ISAKMP profile P');
    expect(lines(r, 'NO_PSK')).toEqual(['0:4', '0:21']); // authentication pre-share, the profile's keyring line
  });

  test('two-peers-branch.cfg → two-peers-standby.cfg: the second peer is said as such, an info, at its set peer line', () => {
    const r = checkCompatibility(effectiveConfigFromText(ikev1('two-peers-branch.cfg')), effectiveConfigFromText(ikev1('two-peers-standby.cfg')));
    const f = r.findings[0];
    expect([f?.severity, f?.message, f?.lines]).toEqual(['info', null, [{ file: 0, line: 14 }]]);
    expect(f?.summary).toBe("B is A's peer 2 (28.9.3.1): A tries 61.128.1.1 first and turns to 28.9.3.1 when it does not answer.");
    expect(r.addresses).toEqual({ a: '202.100.1.1', b: '28.9.3.1' });
  });

  test('gre-dynamic-client.cfg starts phase 1 in Aggressive Mode (its ISAKMP profile UK): the findings name its messages', () => {
    const r = checkCompatibility(effectiveConfigFromText(ikev1('gre-dynamic-client.cfg')), effectiveConfigFromText(ikev1('gre-dynamic-gw.cfg')));
    expect(r.findings.map((f) => `${f.code} ${f.message ?? ''}`)).toEqual(['LIFETIME_ADJUSTED AM2', 'WEAK_CRYPTO AM1', 'WEAK_CRYPTO QM1']);
  });

  test('in Aggressive Mode a wrong key is found in AM2 (hand-written: gre-dynamic-client.cfg on pre-shared keys)', () => {
    const client = ikev1('gre-dynamic-client.cfg').replace(' authentication rsa-sig', ' authentication pre-share') + '\ncrypto isakmp key one address 100.1.1.1';
    const gw = ikev1('gre-dynamic-gw.cfg').replace(' lifetime 6000', ' lifetime 6000\n authentication pre-share') + '\ncrypto isakmp key two address 0.0.0.0';
    const r = checkCompatibility(effectiveConfigFromText(client), effectiveConfigFromText(gw));
    expect(r.failsAt).toBe('AM2');
    expect(r.findings.find((f) => f.code === 'PSK_MISMATCH')?.summary).toContain("checks B's hash in AM2");
  });

  test('the dynamic entry decides for the static entry that applies it, on that map’s interface', () => {
    const r = checkCompatibility(effectiveConfigFromText(ikev1('gre-dynamic-client.cfg')), effectiveConfigFromText(ikev1('gre-dynamic-gw.cfg')));
    expect(r.agreedTransformSet).toEqual({ initiator: 'UK', responder: 'PHASE-2' });
    expect(r.addresses).toEqual({ a: '200.1.1.1', b: '100.1.1.1' });
  });
});
