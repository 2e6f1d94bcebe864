import { lazy, Suspense } from 'react';
import type { InputFile } from '../app/workspace.ts';

// CodeMirror is loaded after the first paint so it does not weigh on the initial bundle.
const LogEditor = lazy(() => import('./LogEditor.tsx'));

interface LogPaneProps {
  file: InputFile | undefined;
}

/** The pasted log, every line kept; shown as plain text until the editor has loaded. */
export function LogPane({ file }: LogPaneProps) {
  if (!file) return <p className="p-3 text-sm text-slate-600 dark:text-slate-400">No log loaded.</p>;
  const fallback = (
    <pre className="p-3 font-mono text-xs whitespace-pre-wrap" aria-busy="true">
      {file.text.slice(0, 20_000)}
    </pre>
  );
  return (
    <Suspense fallback={fallback}>
      <LogEditor text={file.text} label={`Log ${file.name}`} />
    </Suspense>
  );
}
