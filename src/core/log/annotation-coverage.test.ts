/**
 * Every line of the real logs is said in words of its own: none of the corpus, the seed, the real excerpts or the
 * IKEv2 show captures is left with the catch-all words of a line that changes nothing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { analyze } from '../analyze.ts';

const CATCH_ALL = 'Recognised; no effect on the negotiation.';
const dirs = ['corpus', 'partial', 'seed', 'ikev2/show'];

test('no line of a real log gets only the catch-all annotation', () => {
  const left: string[] = [];
  for (const dir of dirs) {
    const url = new URL(`../../../fixtures/${dir}/`, import.meta.url);
    for (const name of readdirSync(url).filter((f) => f.endsWith('.log') || f.endsWith('.txt')).filter((f) => !f.endsWith('.config.txt'))) {
      const a = analyze([{ name, text: readFileSync(new URL(name, url), 'utf8') }]);
      const { annotation, annotations, line } = a.records;
      for (let r = 0; r < annotation.length; r += 1) if (annotations[annotation[r] ?? -1] === CATCH_ALL) left.push(`${dir}/${name}:${line[r]}`);
    }
  }
  expect(left).toEqual([]);
});
