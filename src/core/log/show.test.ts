/**
 * What one line of show output says of its SAs, each line as published (the fixtures in fixtures/partial/ hold
 * whole excerpts; these are lines of forms they do not show, each with its source).
 */
import { describe, expect, test } from 'vitest';
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

  // a Python test of IOS-XE NAT-T, stored file id 61436986006: the transport mode in UDP
  test('Transport UDP-Encaps is transport-udp', () => {
    expect(read('        in use settings ={Transport UDP-Encaps, }', 'ipsec')).toEqual({ type: 'show-ipsec-settings', settings: 'Transport UDP-Encaps', encapsulation: 'transport-udp' });
  });

  // an IOS-XE 17 lab page, stored file id 70681403522: PFS with a post-quantum key exchange after the group
  test('the PFS group before what follows it', () => {
    expect(read('     PFS (Y/N): Y, DH group: group20, PQC Key Exchange: ML-KEM-768', 'ipsec')).toEqual({ type: 'show-ipsec-pfs', pfs: true, group: 20 });
  });

  // the seed's `show crypto ipsec sa` (fixtures/seed/ios-ikev1-main-mode-debugs.txt, line 1019)
  test('PFS N names no group', () => {
    expect(read('     PFS (Y/N): N, DH group: none', 'ipsec')).toEqual({ type: 'show-ipsec-pfs', pfs: false, group: null });
  });
});
