/** A table of the lines of a show output that change nothing, each pattern with the words it says them in. */
import type { IkeEventBody } from './events.ts';

export type PhraseWords = readonly (readonly [RegExp, (m: RegExpExecArray) => string])[];

/** The information event of the first pattern of `table` the line matches, in its words; null when none does. */
export function phraseInfo(table: PhraseWords, t: string): IkeEventBody | null {
  for (const [pattern, words] of table) {
    const m = pattern.exec(t);
    if (m !== null) return { type: 'info', text: t, words: words(m) };
  }
  return null;
}
