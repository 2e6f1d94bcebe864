/**
 * Addresses are addresses: IPv4, IPv6 (repaired where publication damaged it), hostnames and the masks
 * publications print in their place. A word that can be none of them stays text, so a crafted multi-megabyte
 * word never becomes a peer's name on the ladder.
 */
import { describe, expect, test } from 'vitest';
import { analyze } from '../analyze.ts';
import { AddressBook, isAddressLike } from './addresses.ts';

describe('what can be an address', () => {
  test.each(['10.0.0.2', '2001:DB8::2', 'FE80::1%Gi0/0', 'vpn-hub.example.com', 'x.x.x.x', '<peer-ip>', '[REDACTED]', 'A.B.C.D'])(
    '%s is kept as an address',
    (token) => expect(new AddressBook().address(token)).toBe(token),
  );

  test.each([
    ['a word longer than any hostname', 'A'.repeat(254)],
    ['a quoted word', '"10.0.0.2"'],
    ['control characters', '10.0.0.\u0001'],
    ['punctuation only', '***'],
    ['markup', '<img src=x onerror=alert(1)>'],
  ])('%s is not an address', (_name, token) => {
    expect(isAddressLike(token)).toBe(false);
    expect(new AddressBook().address(token)).toBeNull();
  });

  test('a port after a word that is no address is not stripped into one', () => {
    expect(new AddressBook().addressWithPort(`${'B'.repeat(300)}:500`)).toBeNull();
    expect(new AddressBook().addressWithPort('15.1.1.1:500')).toBe('15.1.1.1');
  });
});

describe('a packet line whose peer is no address', () => {
  const good = 'ISAKMP: (1002):sending packet to 10.0.0.2 my_port 500 peer_port 500 (I) MM_KEY_EXCH';
  const crafted = `ISAKMP: (1002):sending packet to ${'A'.repeat(100_000)} my_port 500 peer_port 500 (I) MM_NO_STATE`;

  test('is kept as text: no lifeline is named by it, and the line stays in the analysis', () => {
    const analysis = analyze([{ name: 'crafted.log', text: [good, crafted, good].join('\n') }]);
    for (const n of analysis.negotiations) {
      expect(n.peer === null || n.peer.length <= 253).toBe(true);
      expect(n.local === null || n.local.length <= 253).toBe(true);
    }
    expect(analysis.negotiations.map((n) => n.peer)).toContain('10.0.0.2');
    expect(analysis.input.lines).toBe(3);
    expect(analysis.input.unrecognized.map((l) => l.line)).toEqual([2]);
  });
});
