import type { Workspace } from '../ui/app/workspace.ts';
import { seedWorkspace } from './seed.ts';

/** The built-in examples the page offers; simulation presets join them as they exist. */
export interface Example {
  id: string;
  label: string;
  workspace: () => Workspace;
}

export const examples: readonly Example[] = [
  { id: 'seed', label: 'Cisco 113594: IPv6 VTI, MM + QM (R2 and R3)', workspace: () => ({ ...seedWorkspace }) },
];
