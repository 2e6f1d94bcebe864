import { linkedWorkspace } from '../app/deep-link.ts';
import { LAB_WORKSPACE, type Workspace } from '../app/workspace.ts';

/** The page analyses a pasted log, or runs the lab's simulation into the same views. */
export type PageMode = 'analyse' | 'lab';

/** A link to the lab (a shared exercise, or the lab's own workspace) opens the lab; anything else the analysis. */
export const initialMode = (hash: string): PageMode => (linkedWorkspace(hash) === LAB_WORKSPACE ? 'lab' : 'analyse');

/** What a lab link shows until its simulation has run: nothing, rather than a flash of the seed. */
export const labPendingWorkspace: Workspace = { id: LAB_WORKSPACE, title: 'Lab: simulating the shared exercise…', files: [] };
