import type { Analysis, Negotiation, StrayEvent } from '../analysis.ts';

/** An input file as the analysis numbers them (logs, then configs): its name and its text, whole or in pieces. */
export interface SourceText {
  name: string;
  pieces: readonly string[];
}

/**
 * What a report is made from: the parts of an analysis that both the CLI's Analysis and the page's analysis
 * hold (the page keeps one negotiation at a time), the negotiations to report, and the input's texts (the
 * Analysis keeps line numbers, not lines).
 */
export interface ReportSource {
  input: Analysis['input'];
  lineTables: Analysis['lineTables'];
  records: Pick<Analysis['records'], 'file' | 'line' | 'annotation' | 'annotations'>;
  configDefaults: Analysis['configDefaults'];
  negotiations: readonly Negotiation[];
  /** Lines outside any negotiation; a report of one negotiation leaves them out. */
  events?: readonly StrayEvent[];
  /** Same order as `input.files`; a file whose text is missing is reported by its line numbers alone. */
  texts: readonly SourceText[];
}

export interface ReportOptions {
  /** Show pre-shared keys as they are written; by default each is masked (`*****`, `*****-2`). */
  includeKeys?: boolean;
  /** The start of each input file, in its order (logs then configs), when the whole texts are not kept. */
  samples?: readonly string[];
}

export const REPORT_FORMATS = ['text', 'json', 'markdown', 'html', 'mermaid'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
