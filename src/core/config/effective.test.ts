import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { describePolicy, effectiveConfig, effectiveConfigFromText } from './effective.ts';
import { implicitDefaults } from './implicit-defaults.ts';
import { parseConfig } from './parse.ts';
import type { EffectiveConfig } from './model.ts';
import type { IosRelease } from './defaults.ts';

const root = new URL('../../../fixtures/', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');
const corpus = (prefix: string) => {
  const name = readdirSync(new URL('corpus/', root)).find((f) => f.startsWith(prefix) && f.endsWith('.config.txt'));
  if (!name) throw new Error(`no corpus config ${prefix}`);
  return read(`corpus/${name}`);
};
const seedR2 = read('configs/seed-R2.config.txt');

/** `value@line` or `value@default` for each policy field, the way a reader checks them against the config. */
function policyRow(cfg: EffectiveConfig, index = 0): string[] {
  const p = cfg.policies[index];
  if (!p) return [];
  const cell = (value: unknown, s: { line: number | null; isDefault: boolean }) => `${String(value)}@${s.isDefault ? 'default' : s.line}`;
  return [
    `policy ${p.priority}@${p.line ?? 'default'}`,
    cell(p.encryption.value === 'aes' ? `aes ${p.keyLength.value ?? ''}` : p.encryption.value, p.encryption),
    cell(p.hash.value, p.hash),
    cell(p.group.value, p.group),
    cell(p.auth.value, p.auth),
    cell(p.lifetimeSeconds.value, p.lifetimeSeconds),
  ];
}

describe('phase 1 policy defaults made explicit', () => {
  const cases: { name: string; text: string; router?: string; row: string[] }[] = [
    // The seed's MM1 proposes DES, SHA, group 1, 86400 s: all but the authentication are IOS defaults.
    { name: 'seed R2', text: seedR2, row: ['policy 10@1', 'des@default', 'sha@default', '1@default', 'pre-share@3', '86400@default'] },
    { name: 'seed R3', text: read('configs/seed-R3.config.txt'), row: ['policy 10@1', 'des@default', 'sha@default', '1@default', 'pre-share@3', '86400@default'] },
    { name: 'corpus 20 R1', text: corpus('20-'), row: ['policy 10@7', 'des@default', 'sha@default', '1@default', 'pre-share@8', '86400@default'] },
    { name: 'corpus 01 hub', text: corpus('01-'), router: 'Hub-RTR', row: ['policy 10@8', 'aes 256@9', 'sha@10', '14@12', 'pre-share@11', '86400@default'] },
    { name: 'corpus 07 ce1', text: corpus('07-'), router: 'ce1', row: ['policy 10@8', 'aes 192@9', 'sha384@10', '14@12', 'pre-share@11', '86400@default'] },
    { name: 'corpus 07 ce2', text: corpus('07-'), router: 'ce2', row: ['policy 10@61', 'aes 192@62', 'sha384@63', '14@65', 'pre-share@64', '86400@default'] },
    { name: 'corpus 08 R2', text: corpus('08-'), router: 'R2', row: ['policy 2@7', '3des@10', 'md5@9', '2@11', 'pre-share@8', '60@12'] },
    { name: 'corpus 08 R3', text: corpus('08-'), router: 'R3', row: ['policy 3@14', '3des@17', 'md5@16', '2@18', 'pre-share@15', '86400@default'] },
    // R1's policy is typed again later (`encryption aes 256`); the typo `lieftime 5000` leaves the default.
    { name: 'corpus 10 R1', text: corpus('10-'), router: 'R1', row: ['policy 5@7', 'aes 256@78', 'sha256@79', '5@81', 'pre-share@80', '86400@default'] },
    { name: 'no policy: default protection suite', text: 'crypto isakmp key k address 10.0.0.2', row: ['policy 65535@default', 'des@default', 'sha@default', '1@default', 'rsa-sig@default', '86400@default'] },
    { name: 'aes without key length', text: 'crypto isakmp policy 1\n encr aes', row: ['policy 1@1', 'aes 128@2', 'sha@default', '1@default', 'rsa-sig@default', '86400@default'] },
  ];
  for (const c of cases) {
    test(c.name, () => {
      expect(policyRow(effectiveConfigFromText(c.text, c.router ? { router: c.router } : {}))).toEqual(c.row);
    });
  }

  test('several policies come out in priority order', () => {
    const cfg = effectiveConfigFromText('crypto isakmp policy 20\n encr 3des\ncrypto isakmp policy 5\n encr aes 256\n group 14');
    expect(cfg.policies.map((p) => p.priority)).toEqual([5, 20]);
    expect(describePolicy(cfg.policies[0] ?? cfg.policies[1]!)).toBe('aes 256, sha, group 14, rsa-sig, 86400 s');
  });
});

describe('phase 2 and global defaults', () => {
  type Row = { name: string; text: string; router?: string; check: (cfg: EffectiveConfig) => unknown; expected: unknown };
  const cases: Row[] = [
    { name: 'seed: transform set mode transport is configured', text: seedR2, check: (c) => c.transformSets[0]?.mode, expected: { value: 'transport', line: 11, isDefault: false } },
    { name: 'corpus 20: transform set mode defaults to tunnel', text: corpus('20-'), check: (c) => c.transformSets[0]?.mode, expected: { value: 'tunnel', line: null, isDefault: true } },
    { name: 'seed: profile SA lifetime 3600 s default', text: seedR2, check: (c) => c.ipsecProfiles[0]?.lifetimeSeconds, expected: { value: 3600, line: null, isDefault: true } },
    { name: 'seed: profile SA lifetime 4608000 KB default', text: seedR2, check: (c) => c.ipsecProfiles[0]?.lifetimeKilobytes, expected: { value: 4608000, line: null, isDefault: true } },
    { name: 'seed: no PFS', text: seedR2, check: (c) => c.ipsecProfiles[0]?.pfsGroup, expected: { value: null, line: null, isDefault: true } },
    { name: 'seed: isakmp identity address', text: seedR2, check: (c) => c.identity, expected: { value: 'address', line: null, isDefault: true } },
    { name: 'seed: keepalive off', text: seedR2, check: (c) => c.keepalive, expected: { value: null, line: null, isDefault: true } },
    { name: 'seed: the VTI', text: seedR2, check: (c) => ({ mode: c.interfaces[0]?.tunnel?.mode.value, dest: c.interfaces[0]?.tunnel?.destination, profile: c.interfaces[0]?.tunnel?.protection?.profile }), expected: { mode: 'ipsec ipv6', dest: { address: '2001:db8::3', line: 30 }, profile: 'PRO' } },
    { name: 'corpus 08 R2: bare set pfs is group 1', text: corpus('08-'), router: 'R2', check: (c) => c.cryptoMaps[0]?.pfsGroup, expected: { value: 1, line: 29, isDefault: false } },
    { name: 'corpus 08 R2: last set transform-set wins', text: corpus('08-'), router: 'R2', check: (c) => c.cryptoMaps[0]?.transformSets.value, expected: ['cisco', 'cisco2'] },
    { name: 'corpus 10 R1: PFS group 15', text: corpus('10-'), router: 'R1', check: (c) => c.cryptoMaps.find((m) => m.map === 'Demo-Map')?.pfsGroup.value, expected: 15 },
    { name: 'corpus 10 R1: transform set changed back to Demo-Set', text: corpus('10-'), router: 'R1', check: (c) => c.cryptoMaps[0]?.transformSets, expected: { value: ['Demo-Set'], line: 96, isDefault: false } },
    { name: 'corpus 01 hub: NAT keepalive 20', text: corpus('01-'), router: 'Hub-RTR', check: (c) => c.natKeepalive, expected: { value: 20, line: 67, isDefault: false } },
    { name: 'corpus 01 hub: two map entries', text: corpus('01-'), router: 'Hub-RTR', check: (c) => c.cryptoMaps.map((m) => `${m.map} ${m.seq} ${m.peers[0]?.address ?? ''} ${m.acl?.name ?? ''}`), expected: ['outside_map 10 203.0.113.10 110', 'outside_map 30 203.0.113.30 130'] },
    { name: 'corpus 01 spoke1: its own key line', text: corpus('01-'), router: 'spoke1', check: (c) => c.keys.map((k) => k.line), expected: [55] },
    { name: 'corpus 07 ce1: numbered ACLs', text: corpus('07-'), router: 'ce1', check: (c) => c.accessLists.map((a) => `${a.name}:${a.entries.length}`), expected: ['100:1', '101:2'] },
    { name: 'corpus 20: local addresses', text: corpus('20-'), check: (c) => c.localAddresses.map((a) => a.address), expected: ['1.1.1.1', '202.100.1.1'] },
    { name: 'corpus 13: no router is named, so the second myset replaces the first', text: corpus('13-'), check: (c) => c.transformSets.map((t) => t.transforms.join(' ')), expected: ['ah-md5-hmac esp-des'] },
    { name: 'global SA lifetime reaches the map entry', text: 'crypto ipsec security-association lifetime seconds 1200\ncrypto map M 10 ipsec-isakmp', check: (c) => c.cryptoMaps[0]?.lifetimeSeconds, expected: { value: 1200, line: 1, isDefault: false } },
  ];
  for (const c of cases) {
    test(c.name, () => {
      expect(c.check(effectiveConfigFromText(c.text, c.router ? { router: c.router } : {}))).toEqual(c.expected);
    });
  }
});

describe('release-dependent defaults', () => {
  const cases: { release: IosRelease; text: string; refused: boolean }[] = [
    { release: 'classic', text: seedR2, refused: false },
    // The seed's policy relies on the DES / group 1 defaults, which IOS-XE 17.11+ refuses.
    { release: 'iosxe-17.11', text: seedR2, refused: true },
    { release: 'iosxe-17.11', text: `crypto engine compliance shield disable\n${seedR2}`, refused: false },
    { release: 'iosxe-17.11', text: corpus('01-'), refused: false },
  ];
  for (const c of cases) {
    test(`${c.release}: ${c.refused ? 'refused' : 'usable'}`, () => {
      const cfg = effectiveConfigFromText(c.text, { release: c.release });
      expect(cfg.release).toBe(c.release);
      expect(cfg.policies[0]?.refused !== null).toBe(c.refused);
    });
  }
});

describe('keyrings and ISAKMP profiles of real configs (fixtures/configs/ikev1)', () => {
  const cfgOf = (name: string) => effectiveConfigFromText(read(`configs/ikev1/${name}`));
  test('batfish-ios-crypto.cfg: each keyring is bound to its local-address (an address, an interface), each profile too', () => {
    const cfg = cfgOf('batfish-ios-crypto.cfg');
    expect(cfg.keyrings.map((r) => [r.name, r.localAddress])).toEqual([
      ['ISAKMP-KEYRING-ADDRESS', { value: '2.3.4.6', line: 22 }],
      ['ISAKMP-KEYRING-INTERFACE', { value: 'TenGigabitEthernet0/0', line: 26 }],
    ]);
    expect(cfg.isakmpProfiles.map((p) => [p.name, p.localAddress?.line, p.keepalive])).toEqual([
      ['ISAKMP-PROFILE-ADDRESS', 33, { value: { seconds: 10, retry: 3 }, line: 32, isDefault: false }],
      ['ISAKMP-PROFILE-INTERFACE', 40, { value: { seconds: 10, retry: 3 }, line: 39, isDefault: false }],
    ]);
  });
  test('batfish-crypto-vrf.cfg: the keyring’s front-door VRF and the profile’s VRF', () => {
    const cfg = cfgOf('batfish-crypto-vrf.cfg');
    expect(cfg.keyrings[0]).toMatchObject({ name: 'Keyring-Sales', vrf: 'Internet', line: 6 });
    expect(cfg.isakmpProfiles[0]).toMatchObject({ name: 'IKE-Sales', vrf: { name: 'Sales', line: 13 }, keyring: { value: 'Keyring-Sales', line: 14 } });
    expect(cfg.keys.map((k) => k.keyring)).toEqual(['Keyring-Sales', 'Keyring-Sales', 'Keyring-Sales', 'Keyring-Sales']);
  });
  test('gre-dynamic-client.cfg: the profile starts phase 1 in Aggressive Mode and keeps its own DPD', () => {
    const p = cfgOf('gre-dynamic-client.cfg').isakmpProfiles[0];
    expect(p).toMatchObject({ name: 'UK', aggressive: 25, keepalive: { value: { seconds: 10, retry: 5 }, line: 24 }, selfIdentity: { value: 'hostname', line: 22 } });
  });
  test('mikrotik-dynamic-map-habr.cfg: `no keepalive` at column 0 turns the profile’s DPD off', () => {
    const p = cfgOf('mikrotik-dynamic-map-habr.cfg').isakmpProfiles[0];
    expect(p).toMatchObject({ name: 'mikrotik-profile', keepalive: { value: { seconds: null, retry: null }, line: 15 }, keyring: { value: 'mikrotik', line: 13 } });
  });
});

describe('DMVPN configs as typed (fixtures/configs/ikev1)', () => {
  test('dmvpn-hub-r11-int-tun-twice.cfg: `int tun 1` entered twice is one tunnel, protected by the second block', () => {
    const cfg = effectiveConfigFromText(read('configs/ikev1/dmvpn-hub-r11-int-tun-twice.cfg'));
    expect(cfg.interfaces.map((i) => [i.name, i.line, i.tunnel?.mode.value, i.tunnel?.source?.value, i.tunnel?.protection])).toEqual([
      ['tun1', 2, 'gre multipoint', 'serial2/0', { profile: 'IPSEC-PRO', line: 42, shared: false, ikev2Profile: null }],
    ]);
  });
});

describe('implicit defaults of real configs (fixtures/configs/ikev1)', () => {
  test('gre-dynamic-gw.cfg: the dynamic entry holds the unsaid PFS and lifetimes, not the static entry that applies it', () => {
    const text = read('configs/ikev1/gre-dynamic-gw.cfg');
    const parsed = parseConfig(text);
    const blocks = implicitDefaults(effectiveConfig(parsed), parsed).filter((l) => l.attribute === 'pfs' || l.attribute === 'sa-lifetime').map((l) => `${l.block}:${l.text.trim()}`);
    // 17 `crypto dynamic-map DMAP 1`; 24 `crypto map SMAP 100 ipsec-isakmp dynamic DMAP` has none.
    expect(blocks).toEqual(['17:! no set pfs: no PFS', '17:set security-association lifetime seconds 3600', '17:set security-association lifetime kilobytes 4608000']);
  });
});

describe('interface names as IOS prints them, with what follows the name', () => {
  test("a virtual template's `type tunnel` and a subinterface's `point-to-point` are not part of its name", () => {
    const flex = effectiveConfig(parseConfig(read('configs/ikev2/flexvpn-spoke-to-spoke-bgp-hub-two-spokes-cisco-doc.cfg')), { router: 'hub' });
    expect(flex.interfaces.map((i) => i.name)).toContain('Virtual-Template1');
    // stored files 22270360406 (a Frame Relay guide's Router_F) and 55027132434 (a lab's, the number typed apart)
    const fr = effectiveConfigFromText('interface Serial2.7 point-to-point\n ip address 170.170.11.6 255.255.255.0\n frame-relay interface-dlci 101\n!\ninterface serial 1/0.12 point-to-point\n ip address 121.160.12.2 255.255.255.0\n');
    expect(fr.interfaces.map((i) => [i.name, i.addresses.map((a) => a.match.address.parts.join('.'))])).toEqual([
      ['Serial2.7', ['170.170.11.6']],
      ['serial1/0.12', ['121.160.12.2']],
    ]);
  });
});
