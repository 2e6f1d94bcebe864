import { exampleWorkspaceId, LAB_WORKSPACE } from './workspace.ts';
import { listFilterHash, readListFilter, type ListFilter } from '../negotiations/list-filter.ts';

/**
 * The URL hash names the workspace, the selected negotiation and the step (never the log itself):
 * `#w=example.seed&n=0&s=12`. A shared lab exercise adds its own part, `#lab=<compressed>&n=0&s=12`, which
 * moving through the steps keeps, and so does the negotiations list's filter (`&q=10.1&o=failed`). A hash without a workspace is an older link to the built-in example.
 */
export interface DeepLink {
  /** The workspace's id (see workspace.ts), or null when the hash names none. */
  workspace: string | null;
  negotiation: number;
  step: number;
}

/** Ids are made by the page (workspace.ts): letters, digits, dots and dashes. Anything else is not one. */
const WORKSPACE_ID = /^[\w.-]{1,64}$/;

export function readDeepLink(hash: string): DeepLink {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const number = (key: string, fallback: number) => {
    const value = Number.parseInt(params.get(key) ?? '', 10);
    return Number.isFinite(value) ? value : fallback;
  };
  const workspace = params.get('w');
  return {
    workspace: workspace !== null && WORKSPACE_ID.test(workspace) ? workspace : null,
    negotiation: Math.max(0, number('n', 0)),
    step: Math.max(-1, number('s', -1)),
  };
}

/** The lab exercise the hash holds (see ui/lab/share.ts), or null. */
export function readLabLink(hash: string): string | null {
  return new URLSearchParams(hash.replace(/^#/, '')).get('lab');
}

/** The hash for `link`; a lab exercise and a list filter in `current` (the page's hash by default) are kept. */
export function writeDeepLink(link: DeepLink, current: string = globalThis.location?.hash ?? '', filter: ListFilter = readListFilter(current)): string {
  const lab = readLabLink(current);
  // A shared exercise names the lab already.
  const workspace = link.workspace === null || (lab && link.workspace === LAB_WORKSPACE) ? '' : `w=${link.workspace}&`;
  const listed = listFilterHash(filter);
  return `#${workspace}${lab ? `lab=${lab}&` : ''}n=${link.negotiation}&s=${link.step}${listed === '' ? '' : `&${listed}`}`;
}

/**
 * Which workspace a hash opens: the one it names; else a shared exercise's lab, or (an older link) the
 * built-in example.
 */
export function linkedWorkspace(hash: string): string {
  return readDeepLink(hash).workspace ?? (readLabLink(hash) ? LAB_WORKSPACE : exampleWorkspaceId('seed'));
}

/** The list filter the hash names for `workspace`: a hash naming another workspace says nothing of it. */
export function listFilterFor(workspace: string, hash: string = globalThis.location?.hash ?? ''): ListFilter {
  return linkedWorkspace(hash) === workspace ? readListFilter(hash) : readListFilter('');
}

/** The negotiation and step the hash names for `workspace`: a hash naming another workspace says nothing of it. */
export function linkFor(workspace: string, hash: string = globalThis.location?.hash ?? ''): DeepLink {
  return linkedWorkspace(hash) === workspace ? { ...readDeepLink(hash), workspace } : { workspace, negotiation: 0, step: -1 };
}
