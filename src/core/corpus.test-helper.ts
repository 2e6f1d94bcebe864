/** The corpus copies in fixtures/corpus, by the number their names start with (`11-ikev2-…log`). For tests only. */
import { readdirSync, readFileSync } from 'node:fs';

const DIR = new URL('../../fixtures/corpus/', import.meta.url);
const LOGS = readdirSync(DIR).filter((f) => f.endsWith('.log'));

const numberOf = (name: string): number => Number(name.slice(0, name.indexOf('-')));

/** The name of corpus log `n`. */
export function corpusName(n: number): string {
  const name = LOGS.find((f) => numberOf(f) === n);
  if (name === undefined) throw new Error(`no corpus log ${n}`);
  return name;
}

/** The text of corpus log `n`. */
export function corpusText(n: number): string {
  return readFileSync(new URL(corpusName(n), DIR), 'utf8');
}

/** The IKEv2 logs: 11, then 24 on (the IKEv1 logs are 01-23). */
export const IKEV2_CORPUS: readonly number[] = LOGS.map(numberOf)
  .filter((n) => n === 11 || n >= 24)
  .sort((a, b) => a - b);
