import { describe, expect, test } from 'vitest';
import { hasKey, keyMasker } from './key-mask.ts';

describe('pre-shared keys masked in IOS text', () => {
  const cases = [
    { line: 'crypto isakmp key cisco123 address 203.0.113.2', masked: 'crypto isakmp key ***** address 203.0.113.2' },
    { line: 'crypto isakmp key 6 s3cr3t address 0.0.0.0 0.0.0.0', masked: 'crypto isakmp key 6 ***** address 0.0.0.0 0.0.0.0' },
    // typed at a prompt in a log (corpus 01)
    { line: 'spoke1(config)#crypto isakmp key cisco123  address 203.0.113.1', masked: 'spoke1(config)#crypto isakmp key *****  address 203.0.113.1' },
    { line: ' pre-shared-key address 10.0.0.2 key Lab-Key', masked: ' pre-shared-key address 10.0.0.2 key *****' },
    { line: '*Oct 25 18:53:16.485: ISAKMP: (0):found peer pre-shared key matching 203.0.113.1', masked: '*Oct 25 18:53:16.485: ISAKMP: (0):found peer pre-shared key matching 203.0.113.1' },
    // `show crypto isakmp key` in lab notes (stored file id 36885225988): the key in clear in its third column
    { line: '  default      0.0.0.0        [0.0.0.0        ]            Cisco!23', masked: '  default      0.0.0.0        [0.0.0.0        ]            *****' },
    // hand-written in the row form above, with a named keyring and a host address (no stored output shows one)
    { line: 'L2LKEY       13.1.1.3                                    surpass', masked: 'L2LKEY       13.1.1.3                                    *****' },
    // the heading, an IKEv2 show row of three columns (genieparser's capture): no key
    { line: 'Keyring      Hostname/Address                            Preshared Key', masked: 'Keyring      Hostname/Address                            Preshared Key' },
    { line: '1          none/none             READY', masked: '1          none/none             READY' },
    // an IKEv2 keyring's peer, in the forms `crypto ikev2 keyring` takes (hand-written from its command syntax)
    { line: '  pre-shared-key cisco123', masked: '  pre-shared-key *****' },
    { line: '  pre-shared-key local Lkey1', masked: '  pre-shared-key local *****' },
    { line: '  pre-shared-key remote 6 Rkey1', masked: '  pre-shared-key remote 6 *****' },
    // the ASA's tunnel group (hand-written from its command syntax), an Easy VPN group key, a key chain's key
    { line: ' ikev1 pre-shared-key AsaKey1', masked: ' ikev1 pre-shared-key *****' },
    { line: ' ikev2 remote-authentication pre-shared-key AsaKey2', masked: ' ikev2 remote-authentication pre-shared-key *****' },
    { line: ' key GroupKey77', masked: ' key *****' },
    { line: '  key-string Ospf5ecret', masked: '  key-string *****' },
    // an Easy VPN group's key typed unindented (fixtures/configs/ikev1/ezvpn-server-unindented-exit.cfg, line 14)
    { line: 'key cisco', masked: 'key *****' },
    // hand-written: a key command IOS scrolled as it was typed, its head hidden, in the form cli-session-router1.cfg
    // shows for other long lines (`Router(config)#$c transform-set …`); no stored source shows a scrolled key line
    { line: 'R1(config)#$sakmp key Secr3t-Key address 203.0.113.10 255.255.255.255 no-xauth', masked: 'R1(config)#$sakmp key ***** address 203.0.113.10 255.255.255.255 no-xauth' },
    { line: 'R1(config)#$y 6 Secr3t-Key address 203.0.113.10', masked: 'R1(config)#$y 6 ***** address 203.0.113.10' },
    { line: 'R1(config-keyring)#$ed-key address 203.0.113.10 255.255.255.255 key Secr3t-Key', masked: 'R1(config-keyring)#$ed-key address 203.0.113.10 255.255.255.255 key *****' },
    { line: 'Router(config)#$c transform-set MY_TRANSFORM_SET esp-aes esp-sha-hmac', masked: 'Router(config)#$c transform-set MY_TRANSFORM_SET esp-aes esp-sha-hmac' },
  ];
  for (const c of cases) {
    test(c.line, () => {
      expect(keyMasker()(c.line)).toBe(c.masked);
      expect(hasKey(c.line)).toBe(c.line !== c.masked);
    });
  }

  test('equal keys get one mask, different keys different ones', () => {
    const mask = keyMasker();
    expect(['crypto isakmp key a address 1.1.1.1', 'crypto isakmp key b address 2.2.2.2', 'crypto isakmp key a address 3.3.3.3'].map(mask)).toEqual([
      'crypto isakmp key ***** address 1.1.1.1',
      'crypto isakmp key *****-2 address 2.2.2.2',
      'crypto isakmp key ***** address 3.3.3.3',
    ]);
  });
});

describe('the other secrets of a pasted config masked too', () => {
  // real lines: stored files of the code corpus (by id), and the corpus' own configs
  const cases = [
    // an IKEv2 profile's key (blog notes 53082441352; VRF-aware FlexVPN configs 35076644312)
    { line: ' authentication remote pre-share key MARIUS12345', masked: ' authentication remote pre-share key *****' },
    { line: ' authentication local pre-share key abc123', masked: ' authentication local pre-share key *****' },
    // manual IPsec keys (an ipsec-manual crypto map, 35213065082; a PIX's, 22256376488): two keys on one line
    { line: ' set session-key inbound esp 12345 cipher ffffffffffffffffffffffffffffffff authenticator ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff ', masked: ' set session-key inbound esp 12345 cipher ***** authenticator *****-2 ' },
    { line: 'crypto map mymaptwo 30 set session-key outbound esp 300 cipher lamerkey authenticator opensasayou', masked: 'crypto map mymaptwo 30 set session-key outbound esp 300 cipher ***** authenticator *****-2' },
    { line: 'set session-key inbound esp 256 cipher BBBB', masked: 'set session-key inbound esp 256 cipher *****' },
    // local users and enable (a lab's running-config 36377014483; a switch config 69182436084)
    { line: 'username cisco privilege 15 secret 9 $9$ABCDEFGHIJK', masked: 'username cisco privilege 15 secret 9 *****' },
    { line: '    enable secret 9 $9$W2.y5G0.11$fP2o3/ZlS6', masked: '    enable secret 9 *****' },
    { line: 'username readonly privilege 1 password 7 0822455D0A16', masked: 'username readonly privilege 1 password 7 *****' },
    // PPPoE's CHAP password (fixtures/corpus/07-qm-responder-iosxe-cryptomap-pppoe.config.txt), L2TP's tunnel password (71080952653)
    { line: ' ppp chap password 0 pass1', masked: ' ppp chap password 0 *****' },
    { line: ' l2tp tunnel password 0 tunnelpass', masked: ' l2tp tunnel password 0 *****' },
    // the forms a config anonymiser's tests list as IOS secrets (netconan, 2400869802), written there by hand
    { line: ' password 7 122A00190102180D3C2E', masked: ' password 7 *****' },
    { line: 'enable password level 12 RemoveMe', masked: 'enable password level 12 *****' },
    { line: 'tacacs-server host 1.1.1.1 key RemoveMe', masked: 'tacacs-server host 1.1.1.1 key *****' },
    { line: 'ntp authentication-key 123 md5 RemoveMe 1', masked: 'ntp authentication-key 123 md5 ***** 1' },
    { line: ' ip ospf message-digest-key 124 md5 7 122A00190102180D3C2E', masked: ' ip ospf message-digest-key 124 md5 7 *****' },
    { line: 'snmp-server community RemoveMe ro 1', masked: 'snmp-server community ***** ro 1' },
    { line: 'snmp-server user Someone Somegroup v3 auth sha RemoveMe priv 3des RemoveMe', masked: 'snmp-server user Someone Somegroup v3 auth sha ***** priv 3des *****' },
    { line: 'pre-shared-key remote hex 1234a', masked: 'pre-shared-key remote hex *****' },
    { line: 'standby authentication md5 key-string 7 122A00190102180D3C2E', masked: 'standby authentication md5 key-string 7 *****' },
    // no secret: a user without a password (69675258175), a key chain named for HSRP, an IKEv2 profile's method
    { line: 'username viewer nopassword', masked: 'username viewer nopassword' },
    { line: ' standby 1 authentication md5 key-chain HSRP-KEYS', masked: ' standby 1 authentication md5 key-chain HSRP-KEYS' },
    { line: ' authentication remote pre-share', masked: ' authentication remote pre-share' },
  ];
  for (const c of cases) {
    test(c.line, () => {
      expect(keyMasker()(c.line)).toBe(c.masked);
      expect(hasKey(c.line)).toBe(c.line !== c.masked);
    });
  }
});
