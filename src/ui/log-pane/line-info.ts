import { type LineKind, LINE_KINDS } from '../../core/ike/line-kinds.ts';
import type { PageAnalysis } from '../../worker/page-analysis.ts';
import { isFirstLineOf, lineAnnotation } from '../../core/log/record-table.ts';

/** What the log pane needs to know about each line of one file, read lazily from the analysis' column tables. */
export interface LineInfo {
  kindOf: (line: number) => LineKind | null;
  annotationOf: (line: number) => string | null;
}

export const noLineInfo: LineInfo = { kindOf: () => null, annotationOf: () => null };

export function lineInfoFor(analysis: PageAnalysis, file: number): LineInfo {
  const table = analysis.lineTables[file];
  if (!table) return noLineInfo;
  return {
    kindOf: (line) => {
      const kind = table.kinds[line - 1];
      return kind === undefined ? null : (LINE_KINDS[kind] ?? null);
    },
    annotationOf: (line) => {
      const recordIndex = table.records[line - 1];
      if (recordIndex === undefined || recordIndex < 0) return null;
      // The annotation sits on the record's first line only, not on each continuation.
      if (!isFirstLineOf(analysis.records, recordIndex, file, line)) return null;
      return lineAnnotation(analysis.records, recordIndex);
    },
  };
}
