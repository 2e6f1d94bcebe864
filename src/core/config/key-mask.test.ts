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
