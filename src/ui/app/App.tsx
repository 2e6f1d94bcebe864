import { lazy, Suspense, useMemo, useRef, useState } from 'react';
import { Header } from './Header.tsx';
import { RegionNav } from './RegionNav.tsx';
import { ProgressBar } from './ProgressBar.tsx';
import { Workbench } from './Workbench.tsx';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { useAnalysis, type AnalysisState } from './use-analysis.ts';
import type { PageAnalysis } from '../../worker/page-analysis.ts';
import { useFileDrop } from './use-file-drop.ts';
import { LAB_WORKSPACE, withWorkerTexts, type Workspace } from './workspace.ts';
import { linkedWorkspace, writeDeepLink } from './deep-link.ts';
import { seedWorkspace } from '../../examples/seed.ts';
import type { LabSetup } from '../../core/sim/lab.ts';
import { LoadControls } from '../load/LoadControls.tsx';
import { HelpDialog } from '../help/HelpDialog.tsx';
import { InputAnswerNotice } from '../load/InputAnswerNotice.tsx';
import { inputFacts } from '../load/input-facts.ts';
import { answerInput } from '../../core/input-answer.ts';
import { ModeSwitch } from '../lab/ModeSwitch.tsx';
import { initialMode, labPendingWorkspace, type PageMode } from '../lab/mode.ts';
import { useWorkspaces } from '../workspaces/use-workspaces.ts';
import { WorkspaceControls } from '../workspaces/WorkspaceControls.tsx';
import { CaseNotice, StorageNotice } from '../workspaces/CaseNotice.tsx';

// The lab (config editors, the simulation) loads when first opened: the first page is the seed's analysis.
const LabPanel = lazy(() => import('../lab/LabPanel.tsx'));

/** The analysis to show: the finished one, or the early look at a large input's start while it runs. */
function shownAnalysis(state: AnalysisState): PageAnalysis | null {
  if (state.status === 'done') return state.analysis;
  return state.status === 'running' ? state.preview : null;
}

const freshHash = (workspace: string) => writeDeepLink({ workspace, negotiation: 0, step: -1 }, '');

/** The page as on a first visit: no link in the address bar, the built-in example. */
function startAfresh() {
  window.history.replaceState(null, '', window.location.pathname);
  window.location.reload();
}

/** After the lab failed: its kept setup is forgotten first, so the reload does not open the lab on it again. */
const startLabAfresh = (forgetLab: () => Promise<void>) => () => void forgetLab().finally(startAfresh);

/**
 * The one page: load controls on top, the workbench of views below, the analysis running in a worker. The
 * loaded case and the lab are workspaces of their own: switching between them shows each as it was left.
 */
export function App() {
  const [mode, setMode] = useState<PageMode>(() => initialMode(window.location.hash));
  const [labOpened, setLabOpened] = useState(mode === 'lab');
  const workspaces = useWorkspaces(linkedWorkspace(window.location.hash), mode === 'lab');
  // Each run of the lab gets a new number, so every view starts afresh even when the same setup runs again.
  const [labRun, setLabRun] = useState({ workspace: labPendingWorkspace, run: 0 });
  // The hash each mode had when left: its workspace, negotiation and step, restored on the way back.
  const hashes = useRef<Record<PageMode, string | null>>({ analyse: null, lab: null });

  const current = workspaces.current;
  const caseId = current.status === 'open' ? current.workspace.id : current.id;
  const switchMode = (next: PageMode) => {
    if (next === mode) return;
    hashes.current[mode] = window.location.hash;
    window.history.replaceState(null, '', hashes.current[next] ?? freshHash(next === 'lab' ? LAB_WORKSPACE : caseId));
    setMode(next);
    if (next === 'lab') setLabOpened(true);
  };
  const openCase = (workspace: Workspace) => {
    hashes.current.analyse = null;
    if (mode === 'lab') {
      hashes.current.lab = window.location.hash;
      setMode('analyse');
    }
    window.history.replaceState(null, '', freshHash(workspace.id));
    workspaces.open(workspace);
  };
  const labRan = (workspace: Workspace, setup: LabSetup) => {
    setLabRun((previous) => ({ workspace, run: previous.run + 1 }));
    workspaces.saveLab(setup);
  };

  const shown = mode === 'lab' ? { workspace: labRun.workspace, key: `lab:${labRun.run}` } : current.status === 'open' ? { workspace: current.workspace, key: `case:${current.load}` } : null;
  // The case and the lab each keep their own analysis: going from one to the other and back analyses nothing again.
  const caseAnalysis = useAnalysis(current.status === 'open' ? current.workspace : labPendingWorkspace);
  const labAnalysis = useAnalysis(labRun.workspace);
  const analysis = mode === 'lab' ? labAnalysis : caseAnalysis;
  const { dragging, handlers } = useFileDrop(openCase);
  const done = analysis.state.status === 'done' ? analysis.state.analysis : null;
  // A large log's text comes from the worker that reads it: the page shows it once it has been read.
  const shownBase = shown?.workspace ?? null;
  const shownWorkspace = useMemo(() => (shownBase ? withWorkerTexts(shownBase, analysis.texts) : null), [shownBase, analysis.texts]);
  const answered = shownWorkspace && shownWorkspace !== labPendingWorkspace ? shownWorkspace : null;
  const answer = useMemo(() => (done && answered ? answerInput(inputFacts(answered, done)) : null), [done, answered]);

  return (
    // In the lab the page scrolls: the editors on top, then the views at the full height of the window.
    <div className={`flex min-h-full flex-col lg:h-full ${mode === 'lab' ? 'lg:overflow-y-auto' : ''} ${dragging ? 'outline-4 -outline-offset-4 outline-teal-600 outline-dashed' : ''}`} {...handlers}>
      <Header>
        <RegionNav />
        <ModeSwitch mode={mode} onChange={switchMode} />
        <HelpDialog />
        {mode === 'analyse' && <LoadControls onLoad={openCase} />}
        {mode === 'analyse' && <WorkspaceControls workspaces={workspaces} />}
      </Header>
      <StorageNotice problem={workspaces.problem} />
      {labOpened && workspaces.lab !== undefined && (
        <div hidden={mode !== 'lab'}>
          <Suspense fallback={<p className="px-3 py-2 text-xs">Loading the lab…</p>}>
            <ErrorBoundary what="The lab" back={{ label: 'Start again from the built-in example', onClick: startLabAfresh(workspaces.forgetLab) }}>
              <LabPanel kept={workspaces.lab} onRun={labRan} />
            </ErrorBoundary>
          </Suspense>
        </div>
      )}
      {shown && <ProgressBar state={analysis.state} />}
      {answer && done && <InputAnswerNotice answer={answer} analysis={done} />}
      <div className={`flex flex-col ${mode === 'lab' ? 'lg:min-h-screen' : 'lg:min-h-0 lg:flex-1'}`}>
        {shown ? (
          <ErrorBoundary key={shown.key} what="This input" back={{ label: 'Show the built-in example', onClick: () => openCase(seedWorkspace) }}>
            <Workbench workspace={shownWorkspace ?? shown.workspace} analysis={shownAnalysis(analysis.state)} fetchNegotiation={analysis.fetchNegotiation} />
          </ErrorBoundary>
        ) : (
          current.status !== 'open' && <CaseNotice view={current} onOpenExample={() => openCase(seedWorkspace)} />
        )}
      </div>
    </div>
  );
}
