import type { AnalysisState } from './use-analysis.ts';

/** Shown while the worker analyses the input; says what went wrong if it failed. */
export function ProgressBar({ state }: { state: AnalysisState }) {
  if (state.status === 'done') return null;
  if (state.status === 'error') {
    return (
      <p role="alert" className="bg-red-100 px-4 py-1 text-sm text-red-900 dark:bg-red-950 dark:text-red-200">
        The input could not be analysed: {state.message}. Every line is still shown in the log pane.
      </p>
    );
  }
  const percent = state.total > 0 ? Math.round((state.done / state.total) * 100) : 0;
  return (
    <div className="flex items-center gap-2 px-4 py-1 text-xs">
      <label htmlFor="analysis-progress">Analysing…</label>
      <progress id="analysis-progress" className="h-2 w-64" max={100} value={percent}>
        {percent}%
      </progress>
      <span className="tabular-nums">{percent}%</span>
      {state.preview && <span>· showing the start of the log while the rest is read</span>}
    </div>
  );
}
