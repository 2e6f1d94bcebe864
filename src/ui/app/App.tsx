import { lazy, Suspense, useState } from 'react';
import { Header } from './Header.tsx';
import { RegionNav } from './RegionNav.tsx';
import { ProgressBar } from './ProgressBar.tsx';
import { Workbench } from './Workbench.tsx';
import { useAnalysis, type AnalysisState } from './use-analysis.ts';
import type { PageAnalysis } from '../../worker/page-analysis.ts';
import { useFileDrop } from './use-file-drop.ts';
import type { Workspace } from './workspace.ts';
import { seedWorkspace } from '../../examples/seed.ts';
import { LoadControls } from '../load/LoadControls.tsx';
import { ModeSwitch } from '../lab/ModeSwitch.tsx';
import { initialMode, labPendingWorkspace, type PageMode } from '../lab/mode.ts';

// The lab (config editors, the simulation) loads when first opened: the first page is the seed's analysis.
const LabPanel = lazy(() => import('../lab/LabPanel.tsx'));

/** The analysis to show: the finished one, or the early look at a large input's start while it runs. */
function shownAnalysis(state: AnalysisState): PageAnalysis | null {
  if (state.status === 'done') return state.analysis;
  return state.status === 'running' ? state.preview : null;
}

/** The one page: load controls on top, the workbench of views below, the analysis running in a worker. */
export function App() {
  const [mode, setMode] = useState<PageMode>(() => initialMode(window.location.hash));
  const [labOpened, setLabOpened] = useState(mode === 'lab');
  // Each load gets a new id, so every view starts afresh even when the same example is loaded again.
  const [loaded, setLoaded] = useState(() => ({ workspace: mode === 'lab' ? labPendingWorkspace : seedWorkspace, id: 0 }));
  const setWorkspace = (workspace: Workspace) => setLoaded((previous) => ({ workspace, id: previous.id + 1 }));
  const { workspace } = loaded;
  const switchMode = (next: PageMode) => {
    setMode(next);
    if (next === 'lab') setLabOpened(true);
  };
  const analysis = useAnalysis(workspace);
  const { dragging, handlers } = useFileDrop(setWorkspace);

  return (
    // In the lab the page scrolls: the editors on top, then the views at the full height of the window.
    <div className={`flex min-h-full flex-col lg:h-full ${mode === 'lab' ? 'lg:overflow-y-auto' : ''} ${dragging ? 'outline-4 -outline-offset-4 outline-teal-600 outline-dashed' : ''}`} {...handlers}>
      <Header>
        <RegionNav />
        <ModeSwitch mode={mode} onChange={switchMode} />
        {mode === 'analyse' && <LoadControls onLoad={setWorkspace} />}
      </Header>
      {labOpened && (
        <div hidden={mode !== 'lab'}>
          <Suspense fallback={<p className="px-3 py-2 text-xs">Loading the lab…</p>}>
            <LabPanel onRun={setWorkspace} />
          </Suspense>
        </div>
      )}
      <ProgressBar state={analysis.state} />
      <div className={`flex flex-col ${mode === 'lab' ? 'lg:min-h-screen' : 'lg:min-h-0 lg:flex-1'}`}>
        <Workbench key={loaded.id} workspace={workspace} analysis={shownAnalysis(analysis.state)} fetchNegotiation={analysis.fetchNegotiation} />
      </div>
    </div>
  );
}
