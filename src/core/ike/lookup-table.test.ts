import { expect, test } from 'vitest';
import { lookupTable } from './lookup-table.ts';

test('a lookup table finds its own keys and nothing inherited', () => {
  const table = lookupTable({ des: 'DES-CBC', aes: 'AES-CBC' });
  expect(table['aes']).toBe('AES-CBC');
  for (const key of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf']) expect(table[key]).toBeUndefined();
  expect(Object.isFrozen(table)).toBe(true);
});
