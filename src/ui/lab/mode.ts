import { readLabLink } from '../app/deep-link.ts';
import type { Workspace } from '../app/workspace.ts';

/** The page analyses a pasted log, or runs the lab's simulation into the same views. */
export type PageMode = 'analyse' | 'lab';

/** A shared lab link opens the lab; anything else opens the analysis. */
export const initialMode = (hash: string): PageMode => (readLabLink(hash) ? 'lab' : 'analyse');

/** What a lab link shows until its simulation has run: nothing, rather than a flash of the seed. */
export const labPendingWorkspace: Workspace = { title: 'Lab: simulating the shared exercise…', files: [] };
