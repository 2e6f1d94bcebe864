import type { Workspace } from '../ui/app/workspace.ts';
import { seedWorkspace } from './seed.ts';

/** The built-in examples the page offers: the seed document, and each simulation preset. */
export interface Example {
  id: string;
  label: string;
  /** Loaded on demand (a preset is simulated then, an example's logs read then): the page's first load holds the seed alone. */
  workspace: () => Workspace | Promise<Workspace>;
}

const presets: readonly [string, string][] = [
  ['psk-mismatch', 'pre-shared keys differ (MM5 never answered)'],
  ['p1-policy-mismatch', 'no phase 1 policy in common'],
  ['transform-mismatch', 'transform sets differ'],
  ['proxy-mismatch', 'crypto ACLs not mirrored'],
  ['pfs-mismatch', 'PFS on one side only'],
  ['peer-unreachable', 'peer never answers'],
  ['nat-t', 'NAT between the routers'],
  ['aggressive', 'Aggressive Mode'],
];

export const examples: readonly Example[] = [
  { id: 'seed', label: 'Cisco 113594: IPv6 VTI, MM + QM (R2 and R3)', workspace: () => ({ ...seedWorkspace }) },
  { id: 'ikev2-asa', label: 'IKEv2: two ASAs, IKE_SA_INIT + IKE_AUTH (both logs)', workspace: async () => ({ ...(await import('./ikev2-asa.ts')).ikev2AsaWorkspace }) },
  ...presets.map(([id, label]) => ({
    id,
    label: `Simulated: ${label}`,
    workspace: async () => (await import('./preset-workspace.ts')).presetWorkspace(id),
  })),
];
