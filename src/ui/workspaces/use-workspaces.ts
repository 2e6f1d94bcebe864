import { useCallback, useEffect, useRef, useState } from 'react';
import type { LabSetup } from '../../core/sim/lab.ts';
import { examples } from '../../examples/examples.ts';
import { seedWorkspace } from '../../examples/seed.ts';
import { exampleOf, isCase, type Workspace } from '../app/workspace.ts';
import { fromStoredCase, toStoredCase } from './stored-case.ts';
import { openWorkspaceStore, storageProblem, type CaseSummary, type WorkspaceStore } from './workspace-store.ts';

/** The case the analysis shows: being read back from storage, shown, or named by a link this browser lacks. */
export type CaseView =
  | { status: 'opening'; id: string }
  | { status: 'open'; workspace: Workspace; load: number }
  | { status: 'missing'; id: string };

export interface Workspaces {
  current: CaseView;
  /** The stored cases, latest first. */
  stored: readonly CaseSummary[];
  /** Why workspaces cannot be kept (storage unavailable, full...), or null while they can. */
  problem: string | null;
  /** The lab's stored setup: undefined until storage has answered, null when none is kept. */
  lab: LabSetup | null | undefined;
  open: (workspace: Workspace) => void;
  reopen: (id: string) => void;
  saveLab: (setup: LabSetup) => void;
  /** Forgets the lab's kept setup (one that broke the lab, say), keeping the cases. */
  forgetLab: () => Promise<void>;
  clear: () => Promise<void>;
}

/** A storage call's answer: its value, or what to tell the user about why storage failed. */
type Stored<T> = { ok: true; value: T } | { ok: false; problem: string };

let store: Promise<WorkspaceStore> | null = null;

/** Runs `act` on the page's one store, opened on first use; a failure is an answer, never an exception. */
async function withStore<T>(act: (s: WorkspaceStore) => Promise<T>): Promise<Stored<T>> {
  store ??= openWorkspaceStore();
  try {
    return { ok: true, value: await act(await store) };
  } catch (error) {
    return { ok: false, problem: storageProblem(error) };
  }
}

/** A workspace read back: an example rebuilt, a case read from storage; null when this browser lacks it. */
async function find(id: string): Promise<Stored<Workspace | null>> {
  const example = exampleOf(id);
  if (example !== null) {
    const found = examples.find((e) => e.id === example);
    return { ok: true, value: found ? await Promise.resolve(found.workspace()).catch(() => null) : null };
  }
  return withStore(async (s) => {
    const kept = await s.getCase(id);
    if (!kept) return null;
    await s.putLastCase(id);
    return fromStoredCase(kept);
  });
}

/**
 * Every workspace the user opens, kept in the browser's storage, and the one the analysis shows. `linked` is
 * the workspace the page's link names; `inLab` is true when the page opens in the lab, so the analysis goes
 * back to the case shown last.
 */
export function useWorkspaces(linked: string, inLab: boolean): Workspaces {
  const [current, setCurrent] = useState<CaseView>(() =>
    inLab || linked === seedWorkspace.id ? { status: 'open', workspace: seedWorkspace, load: 0 } : { status: 'opening', id: linked },
  );
  const [stored, setStored] = useState<readonly CaseSummary[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [lab, setLab] = useState<LabSetup | null | undefined>(undefined);
  const loads = useRef(0);

  /** The value of a storage call, once its failure (if any) is in the notice. */
  const report = useCallback(<T,>(answer: Stored<T>): T | undefined => {
    if (answer.ok) return answer.value;
    setProblem(answer.problem);
    return undefined;
  }, []);

  /** Shows what `find` read back for `id`, or says this browser lacks it. */
  const showFound = useCallback(
    (id: string) => (answer: Stored<Workspace | null>) => {
      const workspace = report(answer);
      if (workspace) setCurrent({ status: 'open', workspace, load: ++loads.current });
      else setCurrent({ status: 'missing', id });
    },
    [report],
  );

  const refreshList = useCallback(
    () =>
      withStore((s) => s.listCases()).then((answer) => {
        const list = report(answer);
        if (list) setStored(list);
      }),
    [report],
  );

  // At start: the workspace the link names (or, opened in the lab, the case shown last), the list, the lab.
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    if (current.status === 'opening') void find(current.id).then(showFound(current.id));
    else if (inLab) {
      void withStore((s) => s.getLastCase()).then(async (answer) => {
        const id = report(answer);
        if (id) showFound(id)(await find(id));
      });
    }
    void refreshList();
    void withStore((s) => s.getLab()).then((answer) => setLab(report(answer) ?? null));
  }, [current, inLab, report, showFound, refreshList]);

  const open = useCallback(
    (workspace: Workspace) => {
      setCurrent({ status: 'open', workspace, load: ++loads.current });
      if (!isCase(workspace.id)) return;
      void withStore(async (s) => {
        await s.putCase(toStoredCase(workspace, Date.now()));
        await s.putLastCase(workspace.id);
      })
        .then(report)
        .then(refreshList);
    },
    [report, refreshList],
  );

  const reopen = useCallback(
    (id: string) => {
      setCurrent({ status: 'opening', id });
      void find(id).then(showFound(id));
    },
    [showFound],
  );

  const saveLab = useCallback((setup: LabSetup) => void withStore((s) => s.putLab(setup)).then(report), [report]);

  const forgetLab = useCallback(async () => {
    report(await withStore((s) => s.forgetLab()));
  }, [report]);

  const clear = useCallback(async () => {
    report(await withStore((s) => s.clear()));
    await refreshList();
  }, [report, refreshList]);

  return { current, stored, problem, lab, open, reopen, saveLab, forgetLab, clear };
}
