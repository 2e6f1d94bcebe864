import { expect, test } from 'vitest';
import { formatTimeOfDay } from './time-of-day.ts';

test('a time of day reads as IOS prints it', () => {
  expect(formatTimeOfDay(0)).toBe('00:00:00.000');
  expect(formatTimeOfDay(67_987_523)).toBe('18:53:07.523');
  expect(formatTimeOfDay(86_399_999)).toBe('23:59:59.999');
});
