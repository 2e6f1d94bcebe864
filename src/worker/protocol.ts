import type { Analysis } from '../core/analysis.ts';

/** Messages between the page and the analysis worker. Plain data: everything crosses by structured clone. */
export interface AnalysisRequest {
  type: 'analyze';
  id: number;
  files: readonly { name: string; kind: 'log' | 'config'; text: string }[];
}

export type AnalysisResponse =
  | { type: 'progress'; id: number; done: number; total: number }
  | { type: 'result'; id: number; analysis: Analysis; ms: number }
  | { type: 'error'; id: number; message: string };
