/// <reference lib="webworker" />
import type { Analysis } from '../core/analysis.ts';
import { analyzeSources } from './analyze-sources.ts';
import { toPageAnalysis, transferablesOf } from './page-analysis.ts';
import { splitPageAnalysis } from './page-analysis-pieces.ts';
import type { AnalysisRequest, AnalysisResponse } from './protocol.ts';

// The page's analysis runs here, off the main thread, and stays here: the page asks for what it shows.
const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: AnalysisResponse, transfer: Transferable[] = []) => scope.postMessage(message, transfer);

let current: { id: number; analysis: Analysis } | null = null;

/** The page's view of an analysis, its long lists in pieces first (each read by the page in a task of its own). */
function postResult(id: number, analysis: Analysis, partial: boolean, started: number) {
  const { pieces, rest } = splitPageAnalysis(toPageAnalysis(analysis, partial));
  for (const piece of pieces) post({ type: 'result-piece', id, piece });
  post({ type: 'result', id, analysis: rest, ms: performance.now() - started }, transferablesOf(rest));
}

async function run(id: number, request: Extract<AnalysisRequest, { type: 'analyze' }>) {
  const started = performance.now();
  const analysis = await analyzeSources(request.files, {
    onProgress: (done, total) => post({ type: 'progress', id, done, total }),
    onText: (file, text, last) => post({ type: 'text', id, file, text, last }),
    onPreview: (preview) => postResult(id, preview, true, started),
  });
  current = { id, analysis };
  postResult(id, analysis, false, started);
}

scope.onmessage = (event: MessageEvent<AnalysisRequest>) => {
  const request = event.data;
  if (request.type === 'negotiation') {
    const negotiation = current?.id === request.id ? (current.analysis.negotiations[request.index] ?? null) : null;
    post({ type: 'negotiation', id: request.id, index: request.index, negotiation });
    return;
  }
  run(request.id, request).catch((error: unknown) => {
    post({ type: 'error', id: request.id, message: error instanceof Error ? error.message : String(error) });
  });
};
