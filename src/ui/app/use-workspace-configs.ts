import { useMemo } from 'react';
import { effectiveConfigFromText } from '../../core/config/effective.ts';
import { implicitDefaults, type ImplicitLine } from '../../core/config/implicit-defaults.ts';
import type { InputFile } from './workspace.ts';

/** The IOS defaults each loaded config leaves unsaid (configs are small: computed on the page). */
export function useWorkspaceConfigs(configs: readonly InputFile[]): ImplicitLine[][] {
  return useMemo(
    () =>
      configs.map((file) => {
        try {
          return implicitDefaults(effectiveConfigFromText(file.text));
        } catch {
          return [];
        }
      }),
    [configs],
  );
}
