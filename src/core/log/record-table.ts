/**
 * The debug records of a log as columns (Analysis.records): a 100 MB log has over a million records, and an
 * object per record (with its first line as another object) cost more memory than the log itself.
 */
import type { RecordTable } from '../analysis.ts';
import { IntColumn } from './columns.ts';
import { detached } from './owned-strings.ts';

/** Grows one record at a time while the log is read; `table()` hands out the finished columns. */
export class RecordTableBuilder {
  private readonly files = new IntColumn();
  private readonly lines = new IntColumn();
  private readonly lineCounts = new IntColumn();
  private readonly times = new IntColumn();
  private readonly negotiations = new IntColumn();
  private readonly annotationIds = new IntColumn();
  private readonly annotations: string[] = [];
  private readonly annotationId = new Map<string, number>();

  /** A new record of one line, not understood yet and in no negotiation; returns its index. */
  add(file: number, line: number, time: number | null = null): number {
    this.files.push(file);
    this.lines.push(line);
    this.lineCounts.push(1);
    this.times.push(time ?? -1);
    this.negotiations.push(-1);
    this.annotationIds.push(-1);
    return this.lines.length - 1;
  }

  setLineCount(record: number, count: number): void {
    this.lineCounts.set(record, count);
  }

  lineCount(record: number): number {
    return this.lineCounts.get(record);
  }

  setTime(record: number, time: number | null): void {
    this.times.set(record, time ?? -1);
  }

  setNegotiation(record: number, negotiation: number): void {
    this.negotiations.set(record, negotiation);
  }

  /** Points every record at what its negotiation became: `target[old]`, or -1. */
  renumberNegotiations(target: ArrayLike<number>): void {
    for (let i = 0; i < this.negotiations.length; i += 1) {
      const n = this.negotiations.get(i);
      if (n >= 0) this.negotiations.set(i, target[n] ?? -1);
    }
  }

  /** The id an annotation has in the table, for records that share it (recurring lines). */
  internAnnotation(text: string): number {
    let id = this.annotationId.get(text);
    if (id === undefined) {
      id = this.annotations.length;
      // the explanation quotes the line: a copy, or it would keep the input it was cut from alive
      const own = detached(text);
      this.annotations.push(own);
      this.annotationId.set(own, id);
    }
    return id;
  }

  setAnnotation(record: number, id: number): void {
    this.annotationIds.set(record, id);
  }

  hasAnnotation(record: number): boolean {
    return this.annotationIds.get(record) >= 0;
  }

  /** The finished table, its columns trimmed to size (copies: the growable buffers are let go). */
  table(): RecordTable {
    const n = this.lines.length;
    return {
      file: this.files.toArray().slice(0, n),
      line: this.lines.toArray().slice(0, n),
      lineCount: this.lineCounts.toArray().slice(0, n),
      time: this.times.toArray().slice(0, n),
      negotiation: this.negotiations.toArray().slice(0, n),
      annotation: this.annotationIds.toArray().slice(0, n),
      annotations: this.annotations,
    };
  }
}

/** Record `i`'s plain-words explanation, or null when it was not understood (or there is no such record). */
export function annotationOf(table: Pick<RecordTable, 'annotation' | 'annotations'>, record: number): string | null {
  return table.annotations[table.annotation[record] ?? -1] ?? null;
}

/** The time of day record `i` was stamped with (milliseconds since midnight), or null. */
export function timeOf(table: Pick<RecordTable, 'time'>, record: number): number | null {
  const time = table.time[record] ?? -1;
  return time < 0 ? null : time;
}

/** True when `line` of `file` is record `i`'s first line: where its annotation is shown. */
export function isFirstLineOf(table: Pick<RecordTable, 'file' | 'line'>, record: number, file: number, line: number): boolean {
  return table.file[record] === file && table.line[record] === line;
}

/** One record as an object. */
export interface RecordRow {
  first: { file: number; line: number };
  lineCount: number;
  negotiation: number;
  annotation: string | null;
}

/** The records as one object each: for tests and tools that look at a few, never on the hot path. */
export function recordRows(table: RecordTable): RecordRow[] {
  const rows: RecordRow[] = [];
  for (let i = 0; i < table.line.length; i += 1) {
    rows.push({
      first: { file: table.file[i] ?? 0, line: table.line[i] ?? 0 },
      lineCount: table.lineCount[i] ?? 0,
      negotiation: table.negotiation[i] ?? -1,
      annotation: annotationOf(table, i),
    });
  }
  return rows;
}

/**
 * What the line whose record is `record` says: that record's annotation or, for a line holding several records
 * run together (a paste that lost its line endings), each understood one's in order.
 */
export function lineAnnotation(table: Pick<RecordTable, 'file' | 'line' | 'annotation' | 'annotations'>, record: number): string | null {
  const file = table.file[record];
  const line = table.line[record];
  if (file === undefined || line === undefined) return null;
  let first = record;
  while (first > 0 && table.file[first - 1] === file && table.line[first - 1] === line) first -= 1;
  let text: string | null = null;
  for (let i = first; i < table.line.length && table.file[i] === file && table.line[i] === line; i += 1) {
    const said = annotationOf(table, i);
    if (said !== null) text = text === null ? said : `${text} ${said}`;
  }
  return text;
}
