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
