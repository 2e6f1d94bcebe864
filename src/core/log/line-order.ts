import type { LineRef } from '../analysis.ts';

/** Input order of two lines: by file as given, then by line number. */
export function compareLines(a: LineRef, b: LineRef): number {
  return a.file - b.file || a.line - b.line;
}
