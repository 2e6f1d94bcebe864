/** A line of one input file; `line` counts from 1 in the file as given. */
export interface LineRef {
  file: number;
  line: number;
}

/** Input order of two lines: by file as given, then by line number. */
export function compareLines(a: LineRef, b: LineRef): number {
  return a.file - b.file || a.line - b.line;
}
