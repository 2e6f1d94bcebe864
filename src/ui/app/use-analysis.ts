import { useCallback, useEffect, useRef, useState } from 'react';
import type { Negotiation } from '../../core/analysis.ts';
import type { PageAnalysis } from '../../worker/page-analysis.ts';
import { joinPageAnalysis, type PageAnalysisPiece } from '../../worker/page-analysis-pieces.ts';
import type { AnalysisRequest, AnalysisResponse } from '../../worker/protocol.ts';
import type { Workspace } from './workspace.ts';
import { startWorker } from './start-worker.ts';
import { readPieces } from '../load/read-files.ts';

export type AnalysisState =
  | { status: 'running'; done: number; total: number; preview: PageAnalysis | null }
  | { status: 'done'; analysis: PageAnalysis; ms: number }
  | { status: 'error'; message: string };

export interface AnalysisHandle {
  state: AnalysisState;
  /** A whole negotiation of the finished analysis, fetched from the worker that keeps it. */
  fetchNegotiation: (index: number) => Promise<Negotiation | null>;
  /** The texts of the workspace's unread files (by file index), handed back by the worker: each once wholly read. */
  texts: ReadonlyMap<number, readonly string[]>;
}

const noTexts: ReadonlyMap<number, readonly string[]> = new Map();

let nextRequestId = 1;
const sizeOf = (workspace: Workspace) => workspace.files.reduce((sum, f) => sum + (f.blob?.size ?? f.text.length), 0);

/** Analyses the workspace in a Web Worker; a new workspace ends the worker of the previous one. */
export function useAnalysis(workspace: Workspace): AnalysisHandle {
  // The state is kept with the workspace it belongs to: a new workspace reads as "running" until its worker reports.
  const [latest, setLatest] = useState<{ workspace: Workspace; state: AnalysisState } | null>(null);
  const [texts, setTexts] = useState<{ workspace: Workspace; texts: ReadonlyMap<number, readonly string[]> } | null>(null);
  const connection = useRef<{ worker: Worker; id: number; waiting: Map<number, (n: Negotiation | null) => void> } | null>(null);

  useEffect(() => {
    const worker = startWorker('analysis');
    const id = nextRequestId++;
    const waiting = new Map<number, (n: Negotiation | null) => void>();
    connection.current = { worker, id, waiting };
    let preview: PageAnalysis | null = null;
    let pieces: PageAnalysisPiece[] = [];
    const reading = new Map<number, string[]>();
    const read = new Map<number, readonly string[]>();
    const setState = (state: AnalysisState) => setLatest({ workspace, state });
    worker.onmessage = (event: MessageEvent<AnalysisResponse>) => {
      const message = event.data;
      if (message.id !== id) return;
      switch (message.type) {
        case 'progress':
          setState({ status: 'running', done: message.done, total: message.total, preview });
          break;
        case 'result-piece':
          pieces.push(message.piece);
          break;
        case 'result': {
          const analysis = joinPageAnalysis(message.analysis, pieces);
          pieces = [];
          if (analysis.partial) {
            preview = analysis;
            setState({ status: 'running', done: 0, total: sizeOf(workspace), preview });
          } else setState({ status: 'done', analysis, ms: message.ms });
          break;
        }
        case 'text': {
          const pieces = reading.get(message.file) ?? [];
          if (message.text.length > 0) pieces.push(message.text);
          reading.set(message.file, pieces);
          if (message.last) {
            reading.delete(message.file);
            read.set(message.file, pieces);
            setTexts({ workspace, texts: new Map(read) });
          }
          break;
        }
        case 'negotiation':
          waiting.get(message.index)?.(message.negotiation);
          waiting.delete(message.index);
          break;
        case 'error':
          setState({ status: 'error', message: message.message });
          readUnread();
          break;
        default:
          message satisfies never;
      }
    };
    // The analysis failed: the page reads the files the worker did not finish, so the log pane still shows every line.
    const readUnread = () => {
      workspace.files.forEach((file, index) => {
        if (!file.unread || !file.blob || read.has(index)) return;
        void readPieces(file.blob).then(
          (pieces) => {
            read.set(index, pieces);
            setTexts({ workspace, texts: new Map(read) });
          },
          () => {},
        );
      });
    };
    worker.onerror = (event) => {
      setState({ status: 'error', message: event.message || 'the analysis worker failed' });
      readUnread();
    };
    const request: AnalysisRequest = {
      type: 'analyze',
      id,
      // A File goes as itself: the worker streams it, the page never copies its text across.
      files: workspace.files.map((f) => ({ name: f.name, kind: f.kind, source: f.blob ?? f.text, ...(f.unread ? { returnText: true } : {}) })),
    };
    worker.postMessage(request);
    return () => {
      connection.current = null;
      worker.terminate();
    };
  }, [workspace]);

  const fetchNegotiation = useCallback((index: number) => {
    const current = connection.current;
    if (!current) return Promise.resolve(null);
    return new Promise<Negotiation | null>((resolve) => {
      current.waiting.set(index, resolve);
      const request: AnalysisRequest = { type: 'negotiation', id: current.id, index };
      current.worker.postMessage(request);
    });
  }, []);

  const state: AnalysisState =
    latest?.workspace === workspace ? latest.state : { status: 'running', done: 0, total: sizeOf(workspace), preview: null };
  return { state, fetchNegotiation, texts: texts?.workspace === workspace ? texts.texts : noTexts };
}
