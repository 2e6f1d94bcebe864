import { expect, test } from 'vitest';
import { LINE_KIND_CODE, LINE_KINDS, lineKindName } from './line-kinds.ts';

test('each line kind code is its index in LINE_KINDS, both ways', () => {
  for (const [i, kind] of LINE_KINDS.entries()) {
    expect(LINE_KIND_CODE[kind]).toBe(i);
    expect(lineKindName(i)).toBe(kind);
  }
  expect(Object.keys(LINE_KIND_CODE)).toHaveLength(LINE_KINDS.length);
  expect(lineKindName(LINE_KINDS.length)).toBe('unrecognized');
});
