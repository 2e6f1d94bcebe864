/** readLog: one text read on its own, for tests and tools: its records, events and line kinds. */
import type { RecordTable } from '../analysis.ts';
import { lineKindName, type LineKind } from '../ike/line-kinds.ts';
import type { LineRef } from '../ike/line-ref.ts';
import { AddressBook } from './addresses.ts';
import type { IkeEvent } from './events.ts';
import { splitLines } from './lines.ts';
import { RecordTableBuilder } from './record-table.ts';
import { LogReader } from './records.ts';

/** Convenience for tests and tools: the records, events and line kinds of one text. */
export function readLog(text: string, file = 0): {
  kinds: LineKind[];
  lineRecords: number[];
  records: RecordTable;
  events: IkeEvent[];
  unrecognized: LineRef[];
} {
  const records = new RecordTableBuilder();
  const unrecognized: LineRef[] = [];
  const events: IkeEvent[] = [];
  const reader = new LogReader(file, records, unrecognized, new AddressBook(), { event: (e) => events.push(e) });
  for (const line of splitLines(text)) reader.line(line.raw, line.number);
  reader.finish();
  const kinds: LineKind[] = [];
  const lineRecords: number[] = [];
  for (let i = 0; i < reader.columns.kinds.length; i += 1) {
    kinds.push(lineKindName(reader.columns.kinds.get(i)));
    lineRecords.push(reader.columns.records.get(i));
  }
  return { kinds, lineRecords, records: records.table(), events, unrecognized };
}
