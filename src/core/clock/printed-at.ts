import type { LineTable, Message, Negotiation, RecordTable } from '../analysis.ts';
import { type LineRef, compareLines } from '../ike/line-ref.ts';
import type { Side } from '../ike/sides.ts';
import { linesPrintedBy } from '../timeline/printed-by.ts';
import { timeOf } from '../log/record-table.ts';

/** The time of day a line was stamped with (milliseconds since midnight, its router's clock), or null. */
export type LineClock = (line: LineRef) => number | null;

/**
 * When one router printed a message, on that router's own clock; null when it printed none of it with a time.
 * A message of one router's log has the time the builder read on its packet line (`Message.time`); in a merged
 * message each router's time is that of the first of its own lines with a timestamp (the packet line of a
 * received copy, the start of a sent one's construction), so two routers' clocks are never mixed.
 */
export function printedAt(negotiation: Negotiation, message: Message, side: Side, clock: LineClock): number | null {
  const lines = linesPrintedBy(negotiation, message, side);
  if (lines.length === 0) return null;
  if (!message.sideLines && message.time !== null) return message.time;
  let first: LineRef | null = null;
  let time: number | null = null;
  for (const line of lines) {
    if (first !== null && compareLines(line, first) >= 0) continue;
    const t = clock(line);
    if (t === null) continue;
    first = line;
    time = t;
  }
  return time;
}

/** The clock of an analysed input: a line's time is its record's (`Analysis.records.time`). */
export function lineClockOf(lineTables: readonly LineTable[], records: Pick<RecordTable, 'time'>): LineClock {
  return (line) => {
    const record = lineTables[line.file]?.records[line.line - 1] ?? -1;
    return record < 0 ? null : timeOf(records, record);
  };
}
