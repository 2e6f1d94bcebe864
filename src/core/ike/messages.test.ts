import { describe, expect, test } from 'vitest';
import { nameInMode, phase1Position } from './messages.ts';

describe('phase 1 messages named for the mode a log shows', () => {
  test('a place in the exchange, whatever the family', () => {
    expect(['MM1', 'AM1', 'MM1/AM1', 'MM3', 'AM3', 'MM3/AM3', 'MM6'].map(phase1Position)).toEqual([1, 1, 1, 3, 3, 3, 6]);
    expect(['QM1', 'NOTIFY', 'IKE_SA_INIT', 'UNKNOWN'].map(phase1Position)).toEqual([null, null, null, null]);
  });

  test('the provisional Main Mode names take the mode shown, or say only their place', () => {
    expect(nameInMode('MM2', 'aggressive')).toBe('AM2');
    expect(nameInMode('MM1', null)).toBe('MM1/AM1');
    expect(nameInMode('MM3', null)).toBe('MM3/AM3');
    expect(nameInMode('MM1/AM1', 'main')).toBe('MM1');
    expect(nameInMode('AM1', 'main')).toBe('MM1');
  });

  test('a fourth message is Main Mode whatever is said, and other messages keep their names', () => {
    expect(nameInMode('MM4', null)).toBe('MM4');
    expect(nameInMode('MM5', 'aggressive')).toBe('MM5');
    expect(nameInMode('QM1', null)).toBe('QM1');
    expect(nameInMode('DPD', 'main')).toBe('DPD');
  });
});
