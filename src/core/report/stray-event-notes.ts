/**
 * The reports' words for lines outside any negotiation (`Analysis.events`): what each event is, its lines,
 * and its meaning as the log pane annotates its first line.
 */
import type { StrayEvent } from '../analysis.ts';
import type { LineRef } from '../ike/line-ref.ts';
import { lineAnnotation } from '../log/record-table.ts';
import type { ReportSource } from './report-source.ts';

export interface StrayEventNote {
  /** `%CRYPTO-4-RECVD_PKT_INV_SPI (peer 103.1.1.1)` */
  heading: string;
  lines: readonly LineRef[];
  meaning: string | null;
}

export const STRAY_EVENTS_TITLE = 'Lines outside any negotiation';

export function strayEventNotes(source: Pick<ReportSource, 'lineTables' | 'records'> & { events?: readonly StrayEvent[] }): StrayEventNote[] {
  return (source.events ?? []).map((e) => {
    const first = e.lines[0];
    const record = first ? (source.lineTables[first.file]?.records[first.line - 1] ?? -1) : -1;
    return {
      heading: `${e.event}${e.peer !== null ? ` (peer ${e.peer})` : ''}`,
      lines: e.lines,
      meaning: strayMeaning(record >= 0 ? lineAnnotation(source.records, record) : null, e),
    };
  });
}

/** A stray event's meaning: its first line's annotation, then its note. */
export function strayMeaning(annotation: string | null, e: StrayEvent): string | null {
  if (e.note === undefined) return annotation;
  return annotation === null ? e.note : `${annotation} ${e.note}`;
}
