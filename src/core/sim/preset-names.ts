/**
 * Which built-in lab scenarios exist, by name (DESIGN.md names them): the one list the presets are typed by,
 * apart from their configs so the page can check a kept or shared setup's preset without loading them.
 */
export const PRESET_NAMES = [
  'seed', 'psk-mismatch', 'p1-policy-mismatch', 'transform-mismatch', 'proxy-mismatch', 'pfs-mismatch', 'peer-unreachable', 'nat-t', 'aggressive',
  'ikev2-seed', 'ikev2-psk-mismatch', 'ikev2-proposal-mismatch', 'ikev2-ts-mismatch', 'ikev2-peer-unreachable', 'ikev2-identity-mismatch',
] as const;

export type PresetName = (typeof PRESET_NAMES)[number];

export function isPresetName(name: string): name is PresetName {
  return (PRESET_NAMES as readonly string[]).includes(name);
}
