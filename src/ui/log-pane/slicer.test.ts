import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { slicer } from './slicer.ts';

const all = (pieces: string[], size: number) => {
  const s = slicer(pieces, size);
  const out: string[] = [];
  for (let guard = 0; !s.done() && guard < 100_000; guard++) out.push(s.next());
  return out;
};

describe('slicer', () => {
  test('gives back the text exactly, whatever the pieces and the slice size', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: fc.constantFrom('a', 'b', '\n', '\r', 'é') }), { maxLength: 20 }), fc.integer({ min: 1, max: 50 }), (pieces, size) => {
        expect(all(pieces, size).join('')).toBe(pieces.join(''));
      }),
    );
  });

  test('slices end at a line break when the piece has one after the size', () => {
    const slices = all(['aaaa\nbbbb\ncccc\n'], 3);
    expect(slices).toEqual(['aaaa\n', 'bbbb\n', 'cccc\n']);
  });

  test('a piece without line breaks is taken whole', () => {
    expect(all(['x'.repeat(10), 'y\n'], 4)).toEqual(['x'.repeat(10), 'y\n']);
  });
});
