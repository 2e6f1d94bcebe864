import { useMemo } from 'react';
import type { AttachedConfig } from '../../core/attach-config.ts';
import { effectiveConfigFromText } from '../../core/config/effective.ts';
import { implicitDefaults, type ImplicitLine } from '../../core/config/implicit-defaults.ts';
import { configsOf, logsOf, type Workspace } from './workspace.ts';

export interface WorkspaceConfigs {
  /** Per config, in order: the IOS defaults it leaves unsaid. */
  implicit: ImplicitLine[][];
  /** The effective configs with their file index in the analysis (logs come first). */
  attached: AttachedConfig[];
}

/** Each loaded config's effective model and implicit defaults (configs are small: computed on the page). */
export function useWorkspaceConfigs(workspace: Workspace): WorkspaceConfigs {
  return useMemo(() => {
    const configs = configsOf(workspace);
    const firstFile = logsOf(workspace).length;
    const implicit: ImplicitLine[][] = [];
    const attached: AttachedConfig[] = [];
    configs.forEach((file, index) => {
      try {
        const config = effectiveConfigFromText(file.text);
        implicit.push(implicitDefaults(config));
        attached.push({ file: firstFile + index, config });
      } catch {
        implicit.push([]);
      }
    });
    return { implicit, attached };
  }, [workspace]);
}
