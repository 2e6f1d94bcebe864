import { expect, test } from 'vitest';
import { PRESET_NAMES, isPresetName } from './preset-names.ts';
import { LAB_PRESETS } from './preset-list.ts';

test('every named preset exists, once, in the order of the names', () => {
  expect(LAB_PRESETS.map((p) => p.name)).toEqual([...PRESET_NAMES]);
  expect(isPresetName('psk-mismatch')).toBe(true);
  expect(isPresetName('ikev2-ts-mismatch')).toBe(true);
  expect(isPresetName('toString')).toBe(false);
});
