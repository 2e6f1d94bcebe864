/// <reference lib="webworker" />
import { analyzeInChunks } from './analyze-in-chunks.ts';
import type { AnalysisRequest, AnalysisResponse } from './protocol.ts';

// The page's analysis runs here, off the main thread, so a 100 MB paste never freezes the page.
const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: AnalysisResponse) => scope.postMessage(message);

scope.onmessage = (event: MessageEvent<AnalysisRequest>) => {
  const request = event.data;
  if (request.type !== 'analyze') return;
  const started = performance.now();
  try {
    const analysis = analyzeInChunks(request.files, (done, total) => post({ type: 'progress', id: request.id, done, total }));
    post({ type: 'result', id: request.id, analysis, ms: performance.now() - started });
  } catch (error) {
    post({ type: 'error', id: request.id, message: error instanceof Error ? error.message : String(error) });
  }
};
