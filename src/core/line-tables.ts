/** The page's per-line and per-record columns of an Analysis: a few bytes per line, so a 100 MB log fits. */

/**
 * page: one table per input file, column-wise so a 100 MB log costs a few bytes per line.
 * Line n of the file is at index n - 1 of each column.
 */
export interface LineTable {
  /** Index into LINE_KINDS. */
  kinds: Uint8Array;
  /** Index into `Analysis.records` of the record this line belongs to, or -1. */
  records: Int32Array;
}

/**
 * page: the debug records (a first line and its continuations) with what they mean, column-wise: record i is
 * index i of every column.
 */
export interface RecordTable {
  /** The file and line number of each record's first line. */
  file: Int32Array;
  line: Int32Array;
  /** Number of lines it spans in its file, continuations included (lines may be interleaved with others). */
  lineCount: Int32Array;
  /**
   * The time of day its first line was stamped with, in milliseconds since midnight (the clock of the router
   * that printed it), or -1 when it had no clock timestamp.
   */
  time: Int32Array;
  /** Index into `Analysis.negotiations`, or -1 when the record belongs to none. */
  negotiation: Int32Array;
  /** Index into `annotations` of the record's short plain-words explanation, or -1 when it was not understood. */
  annotation: Int32Array;
  /** The distinct explanations: a log repeats the same few hundred. */
  annotations: string[];
}
