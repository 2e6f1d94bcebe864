import { useState } from 'react';
import { Header } from './Header.tsx';
import { RegionNav } from './RegionNav.tsx';
import { Region } from './Region.tsx';
import { configsOf, logsOf, type Workspace } from './workspace.ts';
import { seedWorkspace } from '../../examples/seed.ts';
import { LogPane } from '../log-pane/LogPane.tsx';
import { ConfigPane } from '../config-pane/ConfigPane.tsx';

/** The one page: negotiations, ladder, log, configs, state and findings, laid out for wide and narrow screens. */
export function App() {
  const [workspace] = useState<Workspace>(seedWorkspace);
  const logs = logsOf(workspace);
  const configs = configsOf(workspace);

  return (
    <div className="flex h-full flex-col">
      <Header>
        <RegionNav />
      </Header>
      <main className="grid min-h-0 flex-1 gap-2 p-2 lg:grid-cols-[16rem_minmax(0,1fr)_minmax(0,1fr)] lg:grid-rows-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="flex min-h-0 flex-col gap-2 lg:row-span-2">
          <Region id="negotiations" title="Negotiations">
            <p className="p-3 text-sm">{workspace.title}</p>
          </Region>
          <Region id="state" title="State">
            <p className="p-3 text-sm text-slate-600 dark:text-slate-400">
              Each router&apos;s IKE state follows the selected step.
            </p>
          </Region>
          <Region id="findings" title="Findings" className="flex-1">
            <p className="p-3 text-sm text-slate-600 dark:text-slate-400">
              What failed, where, and the config line that fixes it.
            </p>
          </Region>
        </div>
        <Region id="ladder" title="Ladder" className="min-h-80">
          <p className="p-3 text-sm text-slate-600 dark:text-slate-400">
            Initiator and responder lifelines, one arrow per message.
          </p>
        </Region>
        <Region
          id="log"
          title={`Log — ${logs.map((f) => f.name).join(', ')}`}
          className="min-h-80"
          scrolls={false}
        >
          <LogPane file={logs[0]} />
        </Region>
        <Region id="configs" title="Configuration" className="lg:col-span-2">
          <div className="flex flex-col gap-2 md:flex-row">
            {configs.map((file) => (
              <ConfigPane key={file.name} file={file} />
            ))}
          </div>
        </Region>
      </main>
    </div>
  );
}
