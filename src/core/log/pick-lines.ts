import { LineSplitter } from './lines.ts';

/**
 * The raw text of a few lines of a text held in pieces, by line number (from 1, as the line model counts):
 * one pass that stops after the last line asked for, so the lines of a message near the top of a 100 MB log
 * cost little more than the lines above them.
 */
export function pickLines(pieces: readonly string[], wanted: ReadonlySet<number>): Map<number, string> {
  const picked = new Map<number, string>();
  let last = 0;
  for (const line of wanted) last = Math.max(last, line);
  const splitter = new LineSplitter((raw, _ending, number) => {
    if (wanted.has(number)) picked.set(number, raw);
  });
  for (let i = 0; i < pieces.length && splitter.lines < last; i += 1) splitter.push(pieces[i]!);
  if (splitter.lines < last) splitter.finish();
  return picked;
}
