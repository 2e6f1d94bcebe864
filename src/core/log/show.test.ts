/**
 * What one line of show output says of its SAs, each line as published (the fixtures in fixtures/partial/ hold
 * whole excerpts; these are lines of forms they do not show, each with its source).
 */
import { describe, expect, test } from 'vitest';
import { analyze } from '../analyze.ts';
import { AddressBook } from './addresses.ts';
import { showEvent, type ShowState } from './show.ts';

const read = (line: string, command: ShowState['command']) => showEvent(line, { command, section: null }, new AddressBook());

describe('show output: what a line says of its SAs', () => {
  // `show dmvpn detail` of an IKEv2 spoke, GitHub code index stored file id 5963989613: IOS pads the SPI's hex
  // to eight characters with a space; the value is written as every SPI is (no leading zero, as `spi:` lines print it)
  test('a padded session SPI is read as its value', () => {
    expect(read('   Outbound SPI : 0x 623029E, transform : esp-aes esp-sha-hmac', 'dmvpn')).toEqual({
      type: 'show-session-spi',
      direction: 'outbound',
      spi: '0x623029E',
      transform: 'esp-aes esp-sha-hmac',
    });
  });

  // Russian DMVPN lab notes, stored file id 48793074606: a session SPI with one transform, trailing space kept
  test('a session SPI with one transform', () => {
    expect(read('   Outbound SPI : 0xBEB18ED0, transform : esp-des ', 'session')).toMatchObject({ spi: '0xBEB18ED0', transform: 'esp-des' });
  });

  // CBT Nuggets course notes (hmchen47), GET VPN, stored file id 36900162492: a group member's SAs have no peer
  test('current-peer 0.0.0.0 port 848 of a GET VPN group names no peer', () => {
    const e = read('current-peer 0.0.0.0 port 848', 'ipsec');
    expect(e).toMatchObject({ type: 'info' });
    expect(e !== null && e.type === 'info' ? e.words : null).toContain('GET VPN');
    expect(read('current_peer 25.2.2.2 port 500', 'ipsec')).toMatchObject({ type: 'show-ipsec-peer', peer: '25.2.2.2', port: 500 });
  });

  // a Python test of IOS-XE NAT-T, stored file id 61436986006: the transport mode in UDP
  test('Transport UDP-Encaps is transport-udp', () => {
    expect(read('        in use settings ={Transport UDP-Encaps, }', 'ipsec')).toEqual({ type: 'show-ipsec-settings', settings: 'Transport UDP-Encaps', encapsulation: 'transport-udp', udpWord: 'UDP-Encaps', ikeVersion: null, asaWords: false });
  });

  // an IOS-XE 17 lab page, stored file id 70681403522: PFS with a post-quantum key exchange after the group
  test('the PFS group before what follows it', () => {
    expect(read('     PFS (Y/N): Y, DH group: group20, PQC Key Exchange: ML-KEM-768', 'ipsec')).toEqual({ type: 'show-ipsec-pfs', pfs: true, group: 20 });
  });

  // IOS 12.x lab notes, stored file id 7303595207 (fixtures/partial/show-ipsec-sa-ios12-current-peer-colon-port-nat-t-zh-lab.log)
  test("12.x's current_peer with its port after a colon, its bare outbound SPI and `local addr.`", () => {
    expect(read('current_peer: 13.1.1.3:4500', 'ipsec')).toEqual({ type: 'show-ipsec-peer', peer: '13.1.1.3', local: null, port: 4500 });
    expect(read('current outbound spi: 56ABE0AE', 'ipsec')).toEqual({ type: 'show-ipsec-spi', direction: 'current-outbound', spi: '0x56ABE0AE' });
    expect(read('Crypto map tag: huawei, local addr. 12.1.1.2', 'ipsec')).toEqual({ type: 'show-ipsec-peer', peer: '', local: '12.1.1.2', port: null });
    // the later form is read as before
    expect(read('   current_peer 192.0.2.1 port 500', 'ipsec')).toMatchObject({ peer: '192.0.2.1', port: 500 });
    // a word that is no hex SPI is not one
    expect(read('current outbound spi: none', 'ipsec')).toBeNull();
  });

  // IOS-XE 16 (fixtures/partial/show-isakmp-ipsec-sa-nat-t-vti-udp-encaps-ja-notes.log, line 40): the data plane's state after the SA's
  test('Status: ACTIVE(ACTIVE) is an active SA, its data plane active too', () => {
    expect(read('        Status: ACTIVE(ACTIVE)', 'ipsec')).toEqual({ type: 'show-ipsec-status', status: 'ACTIVE', plane: 'ACTIVE' });
    expect(read('        Status: ACTIVE', 'ipsec')).toEqual({ type: 'show-ipsec-status', status: 'ACTIVE', plane: null });
  });

  // show crypto isakmp sa detail: a NAT-T lab's R2 (stored file id 7803695476), a Russian DMVPN lab's R15 with
  // certificates (stored file id 20203085365), course notes with the columns narrowed (stored file id 37026297803)
  test("a row of show crypto isakmp sa detail: the router's address, the peer's, the algorithms, the lifetime left", () => {
    expect(read('1013  2.2.2.2         1.1.1.1                ACTIVE aes  sha384 psk  14 23:47:45 N', 'isakmp')).toEqual({
      type: 'show-isakmp-detail',
      connId: 1013,
      local: '2.2.2.2',
      peer: '1.1.1.1',
      vrf: null,
      status: 'ACTIVE',
      encryption: 'AES-CBC',
      keyLength: null,
      hash: 'SHA384',
      auth: 'pre-share',
      group: 14,
      lifetimeLeft: 23 * 3600 + 47 * 60 + 45,
      capabilities: 'N',
    });
    expect(read('1074  20.10.20.2      20.30.10.2             ACTIVE aes  sha    rsig 2  23:47:17', 'isakmp')).toMatchObject({ local: '20.10.20.2', peer: '20.30.10.2', auth: 'rsa-sig', hash: 'SHA', group: 2, capabilities: '' });
    expect(read('1001  15.1.1.1  25.2.2.2        ACTIVE  aes   sha256  psk   5   01:18:30', 'isakmp')).toMatchObject({ hash: 'SHA256', group: 5, lifetimeLeft: 3600 + 18 * 60 + 30 });
    expect(read('       Engine-id:Conn-id =  SW:74', 'isakmp')).toMatchObject({ type: 'info' });
    expect(read('C-id  Local           Remote          I-VRF  Status Encr Hash   Auth DH Lifetime Cap.', 'isakmp')).toMatchObject({ type: 'info' });
    // hand-written from the rows above, a VRF in its column: the VRF is read, the columns after it too
    expect(read('1013  2.2.2.2         1.1.1.1         CUST-A ACTIVE aes  sha384 psk  14 23:47:45 DN', 'isakmp')).toMatchObject({ vrf: 'CUST-A', status: 'ACTIVE', group: 14, capabilities: 'DN' });
  });

  // the seed's `show crypto ipsec sa` (fixtures/seed/ios-ikev1-main-mode-debugs.txt, line 1019)
  test('PFS N names no group', () => {
    expect(read('     PFS (Y/N): N, DH group: none', 'ipsec')).toEqual({ type: 'show-ipsec-pfs', pfs: false, group: null });
  });

  // the real lines of fixtures/partial/show-isakmp-ag-init-exch-session-placeholders-vendor-guide.log (a vendor's
  // page: no command, no indentation, addresses replaced by placeholders)
  test('show output without its command or indentation is read from its heading on, placeholders giving no peer', () => {
    const kinds = (text: string) => Array.from(analyze([{ name: 'page', text }]).lineTables[0]!.kinds);
    const isakmp = [
      'IPv4 Crypto ISAKMP SA',
      'dst \t                  src                 state              conn-id       status*',
      '*<Backup VPN Hostname>     <Customer IP>       AG_INIT_EXCH       2011          ACTIVE',
    ].join('\n');
    expect(kinds(isakmp)).toEqual([3, 3, 3]);
    expect(analyze([{ name: 'page', text: isakmp }]).negotiations).toEqual([]);
    // one line the output does not know (the rest of `crypto map:` wrapped by the page) leaves it open, two end it
    const ipsec = [
      'interface: <Primary Tunnel Interface>',
      'conn id: 1, flow_id: Onboard VPN:1, sibling_flags 80000046, crypto map:',
      'Tunnel1-head-0',
      'sa timing: remaining key lifetime (k/sec): (4552507/14113)',
      '[]Use the `show crypto session` command to simulate a fail condition for the primary tunnel',
      'The <Corporate Public IP> is the IP address on the router from which the IPSec tunnel is established.',
      'IV size: 8 bytes',
    ].join('\n');
    expect(kinds(ipsec)).toEqual([3, 3, 4, 3, 4, 4, 4]);
    const session = ['Crypto session current status', 'Interface: <Primary Tunnel Interface>', 'Session status: DOWN-NEGOTIATING'].join('\n');
    const a = analyze([{ name: 'page', text: session }]);
    expect(Array.from(a.lineTables[0]!.kinds)).toEqual([3, 3, 3]);
    expect(a.records.annotations[a.records.annotation[2] ?? -1]).toBe("The session's state (DOWN-NEGOTIATING: it is down, still negotiating).");
  });
});

describe('show crypto map: each line in words', () => {
  /** The lines of one output read in order, as the reader reads them: the transform and interface lists follow. */
  const readAll = (lines: readonly string[]) => {
    const state: ShowState = { command: 'map', section: null };
    return lines.map((l) => showEvent(l, state, new AddressBook()));
  };

  // a Spanish lab report's VIOS (stored file id 70919193282): IOS-XE's `IPv4`, a transform set without its comma
  test('an entry, its peer, ACL, lifetime, PFS, transform sets and interfaces', () => {
    const lines = [
      'Crypto Map IPv4 "CMAP_FORTIGATE" 10 ipsec-isakmp',
      '        Peer = 192.168.145.148',
      '        Extended IP access list VPN_TRAFFIC',
      '            access-list VPN_TRAFFIC permit ip 10.25.68.0 0.0.0.127 10.25.89.0 0.0.0.15',
      '        Current peer: 192.168.145.148',
      '        Security association lifetime: 4608000 kilobytes/3600 seconds',
      '        Responder-Only (Y/N): N',
      '        PFS (Y/N): N',
      '        Transform sets={',
      '                TS_VPN: { esp-des esp-sha-hmac }',
      '        }',
      '        Interfaces using crypto map CMAP_FORTIGATE:',
      '                GigabitEthernet0/1',
    ];
    const read = readAll(lines);
    expect(read.every((e) => e?.type === 'info' && e.words !== undefined)).toBe(true);
    const words = read.map((e) => (e?.type === 'info' ? e.words : ''));
    expect(words[0]).toBe("Crypto map CMAP_FORTIGATE entry 10 (ipsec-isakmp): the settings below are this entry's.");
    expect(words[1]).toBe('A peer of this entry: 192.168.145.148.');
    expect(words[9]).toBe('A transform set the entry offers: TS_VPN: { esp-des esp-sha-hmac }.');
    expect(words[12]).toBe('An interface the map is applied to: GigabitEthernet0/1.');
  });

  // a Korean GRE over IPsec guide (stored file id 8159653646): entries made from a dynamic map, tabs, `Peer=`
  test('entries a dynamic map made, with tabs and without spaces around =', () => {
    const read = readAll(['Crypto Map "VPN" 65537 ipsec-isakmp', '\tPeer= 1.1.35.1', '\tExtended IP access list', '\t\taccess-list permit gre host 10.1.2.2 host 10.1.5.5', '\t\tdynamic (created from dynamic map DMAP/10)', '\tTransform sets={', '\tPHASE2,', '\t}', '\tInterfaces using crypto map VPN:', '\t\tFastEthernet0/0.23']);
    expect(read.map((e) => (e?.type === 'info' ? e.words : null))).toEqual([
      "Crypto map VPN entry 65537 (ipsec-isakmp): the settings below are this entry's.",
      'A peer of this entry: 1.1.35.1.',
      'The traffic this entry protects (no named ACL: a dynamic or profile entry):',
      'A line of the crypto ACL: the traffic it permits is protected, mirrored on the peer.',
      'This entry was made from dynamic crypto map DMAP/10 for a peer that connected.',
      'The transform sets the entry offers, in order (set transform-set):',
      'A transform set the entry offers: PHASE2.',
      'The end of the list of transform sets.',
      'The interfaces crypto map VPN is applied to follow.',
      'An interface the map is applied to: FastEthernet0/0.23.',
    ]);
  });
});

describe('show output of what a router is configured with: each line in words', () => {
  const readAll = (lines: readonly string[]) => {
    const state: ShowState = { command: 'settings', section: null };
    return lines.map((l) => showEvent(l, state, new AddressBook()));
  };
  const wordsOf = (lines: readonly string[]) => readAll(lines).map((e) => (e?.type === 'info' ? (e.words ?? null) : null));

  // a GitHub guide's router (stored file id 7124975422): a policy and IOS's default suite
  test('show crypto isakmp policy', () => {
    expect(wordsOf(['Global IKE policy', 'Protection suite of priority 10', '        encryption algorithm:   AES - Advanced Encryption Standard (128 bit keys).', '        Diffie-Hellman group:   #2 (1024 bit)', '        lifetime:               86400 seconds, no volume limit', 'Default protection suite'])).toEqual([
      'show crypto isakmp policy: the ISAKMP policies configured, in priority order.',
      'ISAKMP policy 10 (crypto isakmp policy 10):',
      'Its encryption: AES - Advanced Encryption Standard (128 bit keys).',
      'Its Diffie-Hellman group: #2 (1024 bit).',
      'Its lifetime: 86400 seconds, no volume limit.',
      "IOS's default policy, tried after the configured ones (where the release keeps one):",
    ]);
  });

  // lab notes (stored file id 36885225988) and 12.x course notes (stored file id 6726224760)
  test('show crypto engine connections active, of IOS 15 and 12.x', () => {
    expect(wordsOf(['    5  IPsec   AES+SHA384           0       23       23 15.1.1.1', ' 1001  IKE     SHA256+AES256        0        0        0 15.1.1.1', '2001 Ethernet0/0 12.1.1.2 set DES+SHA 0 99'])).toEqual([
      'IPsec connection 5 (AES+SHA384) at 15.1.1.1: 0 packets encrypted, 23 decrypted.',
      'IKE connection 1001 (SHA256+AES256) at 15.1.1.1: 0 packets encrypted, 0 decrypted.',
      'Crypto engine connection 2001 on Ethernet0/0 (12.1.1.2), DES+SHA: 0 packets encrypted, 99 decrypted.',
    ]);
  });

  // a GitHub guide (stored file id 43428468391) and a Korean guide's unpadded braces and tab (stored file id 7862957072)
  test('show crypto ipsec transform-set', () => {
    expect(wordsOf(['Transform set TS: { esp-256-aes esp-sha-hmac  }', '   will negotiate = { Tunnel,  },', 'Transform set PHASE2-POLICY: {esp-aes esp-md5-hmac}', '\twill negotiate = { Tunnel, },'])).toEqual([
      'Transform set TS (crypto ipsec transform-set TS): esp-256-aes esp-sha-hmac.',
      'The mode it negotiates: Tunnel.',
      'Transform set PHASE2-POLICY (crypto ipsec transform-set PHASE2-POLICY): esp-aes esp-md5-hmac.',
      'The mode it negotiates: Tunnel.',
    ]);
  });
});
