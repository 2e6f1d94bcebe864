import { lazy, Suspense } from 'react';
import type { LogMarks } from './decorations.ts';

// CodeMirror is loaded after the first paint so it does not weigh on the initial bundle.
const LogEditor = lazy(() => import('./LogEditor.tsx'));

export interface LogTab {
  name: string;
  text: string;
  pieces?: readonly string[];
  /** Still being read by the analysis worker, which hands its text over once read. */
  unread?: boolean;
}

interface LogPaneProps {
  tabs: readonly LogTab[];
  active: number;
  onActivate: (index: number) => void;
  marks: LogMarks;
  scrollTo: number | null;
  onSelectLine?: (line: number) => void;
}

/** The pasted logs, one tab per file, every line kept; shown as plain text until the editor has loaded. */
export function LogPane({ tabs, active, onActivate, marks, scrollTo, onSelectLine }: LogPaneProps) {
  const tab = tabs[active];
  if (!tab) return <p className="p-3 text-sm text-slate-600 dark:text-slate-400">No log loaded.</p>;
  const fallback = (
    <pre className="h-full overflow-auto p-3 font-mono text-xs whitespace-pre-wrap" aria-busy="true">
      {(tab.pieces?.[0] ?? tab.text).slice(0, 20_000)}
    </pre>
  );
  return (
    <div className="flex h-full flex-col">
      {tabs.length > 1 && (
        <div role="tablist" aria-label="Log files" className="flex gap-1 border-b border-slate-200 px-2 pt-1 dark:border-slate-800">
          {tabs.map((t, index) => (
            <button
              key={t.name + index}
              type="button"
              role="tab"
              aria-selected={index === active}
              onClick={() => onActivate(index)}
              className={`rounded-t px-2 py-0.5 text-xs ${index === active ? 'bg-slate-200 font-semibold dark:bg-slate-800' : ''}`}
            >
              {t.name}
            </button>
          ))}
        </div>
      )}
      <div className="relative min-h-0 flex-1">
        {tab.unread ? (
          <p className="p-3 text-sm text-slate-600 dark:text-slate-400" aria-busy="true">
            Reading {tab.name}: its lines are shown once it has been read.
          </p>
        ) : (
          <Suspense fallback={fallback}>
            <LogEditor text={tab.text} pieces={tab.pieces} label={`Log ${tab.name}`} marks={marks} scrollTo={scrollTo} onSelectLine={onSelectLine} />
          </Suspense>
        )}
      </div>
    </div>
  );
}
