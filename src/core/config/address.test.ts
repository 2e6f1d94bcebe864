import { describe, expect, test } from 'vitest';
import { addressOrderKey } from './address.ts';

describe('address order', () => {
  test('IPv4 by number, then IPv6 by number, then names', () => {
    const texts = ['hub-1', '2001:db8::10', '10.0.0.100', '10.0.0.9', '2001:db8::9', '192.168.1.1', '10.0.0.10'];
    const sorted = texts
      .map((t) => [addressOrderKey(t), t] as const)
      .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
      .map(([, t]) => t);
    expect(sorted).toEqual(['10.0.0.9', '10.0.0.10', '10.0.0.100', '192.168.1.1', '2001:db8::9', '2001:db8::10', 'hub-1']);
  });
});
