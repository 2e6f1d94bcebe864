import { describe, expect, test } from 'vitest';
import { formatDelta, formatDuration } from './duration.ts';

describe('a duration in words', () => {
  const cases = [
    { ms: 0, text: '0 ms' },
    { ms: 4, text: '4 ms' },
    { ms: 999, text: '999 ms' },
    { ms: 1020, text: '1.02 s' },
    { ms: 9999, text: '9.99 s' },
    { ms: 10_000, text: '10.0 s' },
    { ms: 59_990, text: '59.9 s' },
    { ms: 125_000, text: '2 min 5 s' },
    { ms: 3_780_000, text: '1 h 3 min' },
  ];
  for (const c of cases) test(`${c.ms} ms reads ${c.text}`, () => expect(formatDuration(c.ms)).toBe(c.text));
  test('as an offset', () => expect(formatDelta(10_000)).toBe('+10.0 s'));
});
