/** Every lab preset, IKEv1's then IKEv2's, in the order of PRESET_NAMES: the page's picker lists them, the lab and the CLI find them here. */
import { IKEV2_PRESETS } from './ikev2/presets.ts';
import { PRESETS, type SimPreset } from './presets.ts';

export const LAB_PRESETS: readonly SimPreset[] = [...PRESETS, ...IKEV2_PRESETS];

export function findLabPreset(name: string): SimPreset | undefined {
  return LAB_PRESETS.find((p) => p.name === name);
}
