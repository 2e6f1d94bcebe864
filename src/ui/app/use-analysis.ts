import { useEffect, useState } from 'react';
import type { Analysis } from '../../core/analysis.ts';
import type { AnalysisRequest, AnalysisResponse } from '../../worker/protocol.ts';
import type { Workspace } from './workspace.ts';

export type AnalysisState =
  | { status: 'running'; done: number; total: number }
  | { status: 'done'; analysis: Analysis; ms: number }
  | { status: 'error'; message: string };

let nextRequestId = 1;

/** Analyses the workspace in a Web Worker; a new workspace cancels the analysis of the previous one. */
export function useAnalysis(workspace: Workspace): AnalysisState {
  // The state is kept with the workspace it belongs to: a new workspace reads as "running" until its worker reports.
  const [latest, setLatest] = useState<{ workspace: Workspace; state: AnalysisState } | null>(null);

  useEffect(() => {
    const worker = new Worker(new URL('../../worker/analysis-worker.ts', import.meta.url), { type: 'module' });
    const id = nextRequestId++;
    const setState = (state: AnalysisState) => setLatest({ workspace, state });
    worker.onmessage = (event: MessageEvent<AnalysisResponse>) => {
      const message = event.data;
      if (message.id !== id) return;
      if (message.type === 'progress') setState({ status: 'running', done: message.done, total: message.total });
      else if (message.type === 'result') setState({ status: 'done', analysis: message.analysis, ms: message.ms });
      else setState({ status: 'error', message: message.message });
    };
    worker.onerror = (event) => setState({ status: 'error', message: event.message || 'the analysis worker failed' });
    const request: AnalysisRequest = {
      type: 'analyze',
      id,
      files: workspace.files.map((f) => ({ name: f.name, kind: f.kind, text: f.text })),
    };
    worker.postMessage(request);
    return () => worker.terminate();
  }, [workspace]);

  if (latest?.workspace === workspace) return latest.state;
  return { status: 'running', done: 0, total: workspace.files.reduce((sum, f) => sum + f.text.length, 0) };
}
