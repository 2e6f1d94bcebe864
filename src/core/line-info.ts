/** One line of the input as the analysis sees it, read from the per-line and per-record columns. */
import type { Analysis } from './analysis.ts';
import type { LineRef } from './ike/line-ref.ts';
import { LINE_KINDS, type LineKind } from './ike/line-kinds.ts';

/** page: what the analysis says about one line: its kind, its record (index, or -1) and that record's annotation. */
export function lineInfo(a: Analysis, ref: LineRef): { kind: LineKind; record: number; annotation: string | null; negotiation: number } {
  const table = a.lineTables[ref.file];
  const i = ref.line - 1;
  if (!table || i < 0 || i >= table.kinds.length) return { kind: 'blank', record: -1, annotation: null, negotiation: -1 };
  const kind = LINE_KINDS[table.kinds[i] ?? 5] ?? 'unrecognized';
  const record = table.records[i] ?? -1;
  if (record < 0) return { kind, record, annotation: null, negotiation: -1 };
  const { annotation, annotations, negotiation } = a.records;
  return { kind, record, annotation: annotations[annotation[record] ?? -1] ?? null, negotiation: negotiation[record] ?? -1 };
}
