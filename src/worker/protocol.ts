import type { Negotiation } from '../core/analysis.ts';
import type { PageAnalysis } from './page-analysis.ts';
import type { PageAnalysisPiece } from './page-analysis-pieces.ts';

/** A file to analyse: its text, or the File itself so the worker can stream it without a copy. */
export interface SourceFile {
  name: string;
  kind: 'log' | 'config';
  source: string | Blob;
  /** The page has not read this file: the worker hands its text back in pieces as it reads it. */
  returnText?: boolean;
}

/** Messages between the page and the analysis worker. Plain data: everything crosses by structured clone. */
export type AnalysisRequest =
  | { type: 'analyze'; id: number; files: readonly SourceFile[] }
  | { type: 'negotiation'; id: number; index: number };

export type AnalysisResponse =
  | { type: 'progress'; id: number; done: number; total: number }
  /** A piece of a file's text (`file` its index in the request), for a file the page asked back; `last` ends it. */
  | { type: 'text'; id: number; file: number; text: string; last: boolean }
  /** A slice of the next result's long lists (`page-analysis-pieces.ts`), each in a message of its own before it. */
  | { type: 'result-piece'; id: number; piece: PageAnalysisPiece }
  /** An early analysis of the start of a large input, then the full one: the rest of it once its pieces are sent. */
  | { type: 'result'; id: number; analysis: PageAnalysis; ms: number }
  | { type: 'negotiation'; id: number; index: number; negotiation: Negotiation | null }
  | { type: 'error'; id: number; message: string };
