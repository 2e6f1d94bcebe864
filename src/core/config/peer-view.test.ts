import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { effectiveConfigFromText } from './effective.ts';
import type { EffectiveConfig } from './model.ts';
import { keyFor, peerView, type KeyScope } from './peer-view.ts';

const root = new URL('../../../fixtures/', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');

describe('peer view: what one router does with one peer', () => {
  test('seed R2: VTI, tunnel mode proposed although the set says transport, any/any IPv6 proxies', () => {
    const view = peerView(effectiveConfigFromText(read('configs/seed-R2.config.txt')));
    expect(view.peerAddress).toBe('2001:db8::3');
    expect(view.localAddress).toBeNull();
    expect(view.policies.map((p) => p.priority)).toEqual([10]);
    expect(view.key).toMatchObject({ key: 'cisco', line: 6 });
    expect(view.identity).toEqual({ value: 'address', line: null, isDefault: true });
    expect(view.phase2).toMatchObject({
      kind: 'tunnel',
      name: 'Tunnel23',
      header: 20,
      peer: '2001:db8::3',
      transformSets: [{ name: 'TRA', transforms: ['esp-aes', 'esp-sha-hmac'], mode: 'tunnel', configuredMode: { value: 'transport', line: 11 } }],
      pfsGroup: { value: null, isDefault: true },
      lifetimeSeconds: { value: 3600, isDefault: true },
      lifetimeKilobytes: { value: 4608000, isDefault: true },
      proxies: [{ local: '::/0', remote: '::/0', protocol: 'ip', line: 28 }],
    });
  });

  test('seed R2: the local address can be supplied when the config does not show it', () => {
    expect(peerView(effectiveConfigFromText(read('configs/seed-R2.config.txt')), '2001: DB8::3', '2001:DB8::2').localAddress).toBe('2001:DB8::2');
  });

  test('corpus 20 R1: crypto map, host proxies, local address from the interface carrying the map', () => {
    const cfg = effectiveConfigFromText(read('corpus/20-l2l-success-initiator-ios12-annotated-zh-tw-excerpt.config.txt'));
    const view = peerView(cfg, '202.100.1.2');
    expect(view.localAddress).toBe('202.100.1.1');
    expect(view.phase2).toMatchObject({
      kind: 'crypto-map',
      name: 'cisco 10',
      interfaces: ['FastEthernet0/0'],
      transformSets: [{ name: 'cisco', mode: 'tunnel' }],
      proxies: [{ local: '1.1.1.1/32', remote: '2.2.2.2/32', protocol: 'ip', line: 27 }],
    });
  });

  test('GRE over IPsec between the peers: transport mode is really proposed', () => {
    const text = [
      'crypto isakmp policy 1',
      ' authentication pre-share',
      'crypto isakmp key k address 10.0.0.2',
      'crypto ipsec transform-set T esp-aes esp-sha-hmac',
      ' mode transport',
      'crypto map M 10 ipsec-isakmp',
      ' set peer 10.0.0.2',
      ' set transform-set T',
      ' match address GRE',
      'interface e0/0',
      ' ip address 10.0.0.1 255.255.255.0',
      ' crypto map M',
      'ip access-list extended GRE',
      ' permit gre host 10.0.0.1 host 10.0.0.2',
    ].join('\n');
    const view = peerView(effectiveConfigFromText(text), '10.0.0.2');
    expect(view.phase2?.transformSets[0]?.mode).toBe('transport');
    expect(view.phase2?.proxies).toEqual([{ local: '10.0.0.1/32', remote: '10.0.0.2/32', protocol: 'gre', line: 14 }]);
  });

  test('crypto map local-address: IKE runs from that interface', () => {
    const text = [
      'crypto map M local-address Loopback0',
      'crypto map M 10 ipsec-isakmp',
      ' set peer 10.0.0.2',
      'interface Loopback0',
      ' ip address 192.0.2.1 255.255.255.255',
      'interface e0/0',
      ' ip address 10.0.0.1 255.255.255.0',
      ' crypto map M',
    ].join('\n');
    expect(peerView(effectiveConfigFromText(text), '10.0.0.2').localAddress).toBe('192.0.2.1');
  });

  test('no key for the peer: pre-share policies cannot be proposed', () => {
    const view = peerView(effectiveConfigFromText('crypto isakmp policy 1\n authentication pre-share\ncrypto isakmp policy 2\n authentication rsa-sig'), '10.0.0.9');
    expect(view.key).toBeNull();
    expect(view.policies.map((p) => p.priority)).toEqual([2]);
  });

  const keyCases: { name: string; peer: string; line: number | null }[] = [
    { name: 'host key beats the wildcard', peer: '10.0.0.2', line: 2 },
    { name: 'subnet key beats the wildcard', peer: '10.1.2.3', line: 3 },
    { name: 'wildcard for anyone else', peer: '192.0.2.1', line: 1 },
    { name: 'IPv6 peer: only the IPv6 key', peer: '2001:db8::1', line: 4 },
  ];
  const keys = effectiveConfigFromText(
    ['crypto isakmp key any address 0.0.0.0', 'crypto isakmp key host address 10.0.0.2', 'crypto isakmp key net address 10.1.0.0 255.255.0.0', 'crypto isakmp key v6 address ipv6 ::/0'].join('\n'),
  );
  for (const c of keyCases) test(`keyFor: ${c.name}`, () => expect(keyFor(keys, c.peer)?.line ?? null).toBe(c.line));
});

describe('the key a router takes for a peer, through its keyrings (fixtures/configs/ikev1)', () => {
  const r2 = effectiveConfigFromText(read('configs/ikev1/batfish-ios-crypto-ipsec-r2.cfg'));
  const both = effectiveConfigFromText(read('configs/ikev1/batfish-ios-crypto.cfg'));
  // r2 holds two keys for r1 (2.3.4.6): psk2 in KEYRING, bound to `local-address 2.3.4.8` (line 12), psk5 in KEYRING_FOR_R1.
  const cases: { name: string; cfg: EffectiveConfig; peer: string; scope: KeyScope; line: number | null }[] = [
    { name: 'on 2.3.4.8 the keyring bound to it is searched, first', cfg: r2, peer: '2.3.4.6', scope: { local: '2.3.4.8' }, line: 11 },
    { name: 'on 2.3.4.10 KEYRING (bound to 2.3.4.8) is not searched', cfg: r2, peer: '2.3.4.6', scope: { local: '2.3.4.10' }, line: 24 },
    { name: "ISAKMP-PROFILE-FOR-R1 names KEYRING_FOR_R3, which holds no key for r1", cfg: r2, peer: '2.3.4.6', scope: { profile: 'ISAKMP-PROFILE-FOR-R1' }, line: null },
    { name: 'ISAKMP-PROFILE-FOR-R3 finds its own keyring’s key', cfg: r2, peer: '2.3.4.11', scope: { profile: 'ISAKMP-PROFILE-FOR-R3', local: '2.3.4.10' }, line: 21 },
    { name: 'a keyring bound to an interface by name is searched on that interface’s address', cfg: both, peer: '1.2.3.4', scope: { profile: 'ISAKMP-PROFILE-INTERFACE', local: '2.3.4.6' }, line: 25 },
    { name: 'and not on another address', cfg: both, peer: '1.2.3.4', scope: { profile: 'ISAKMP-PROFILE-INTERFACE', local: '2.3.4.7' }, line: null },
    { name: 'a global key with a mask (address 1.1.1.1 255.255.255.0) covers its /24', cfg: both, peer: '1.1.1.77', scope: {}, line: 18 },
  ];
  for (const c of cases) {
    test(c.name, () => {
      expect(keyFor(c.cfg, c.peer, c.scope)?.line ?? null).toBe(c.line);
    });
  }
});
