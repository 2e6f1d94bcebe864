import { describe, expect, test } from 'vitest';
import { pickLines } from './pick-lines.ts';

describe('a few lines picked out of a text in pieces', () => {
  test('lines split across pieces and every line ending, the last line without one', () => {
    const pieces = ['one\r\ntw', 'o\rthree\n', 'four\r', '\nfive'];
    expect(pickLines(pieces, new Set([2, 3, 5]))).toEqual(new Map([[2, 'two'], [3, 'three'], [5, 'five']]));
  });

  test('a line past the end is not there', () => {
    expect(pickLines(['a\nb\n'], new Set([1, 9]))).toEqual(new Map([[1, 'a']]));
  });

  test('pieces after the last line asked for are not read', () => {
    const read: number[] = [];
    const pieces = new Proxy(['x\ny\n', 'z\n', 'w\n'], {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) read.push(Number(key));
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    expect(pickLines(pieces, new Set([2]))).toEqual(new Map([[2, 'y']]));
    expect(read).toEqual([0]);
  });
});
