import { expect, test } from 'vitest';
import { PRESET_NAMES, isPresetName } from './preset-names.ts';
import { PRESETS } from './presets.ts';

test('every named preset exists, once, in the order of the names', () => {
  expect(PRESETS.map((p) => p.name)).toEqual([...PRESET_NAMES]);
  expect(isPresetName('psk-mismatch')).toBe(true);
  expect(isPresetName('toString')).toBe(false);
});
