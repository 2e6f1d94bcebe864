import { expect, test } from 'vitest';
import { fuzzCase, loadCorpus } from './fuzz-case.ts';

// A bounded run with fixed seeds, the same every time; `npm run fuzz` runs new seeds for as long as it is told.
const CASES = Number(process.env.FUZZ_CASES ?? 2000);

test(`${CASES} mutated corpus inputs through analyze, check, simulate and the share link: no exception, valid JSON, every line kept`, async () => {
  const corpus = loadCorpus();
  const failed: string[] = [];
  for (let seed = 1; seed <= CASES && failed.length < 5; seed += 1) {
    const problems = await fuzzCase(seed, corpus);
    if (problems.length > 0) failed.push(`seed ${seed}: ${problems.join('; ')}`);
  }
  expect(failed).toEqual([]);
}, 180_000);
