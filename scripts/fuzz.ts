/**
 * `npm run fuzz [-- --minutes N] [-- --seed S]`: mutated corpus inputs through analyze, check, simulate and the
 * share-link decoder for N minutes (60 by default), from a random first seed or the one given. Each failing seed
 * is printed with its problems; `--seed S --cases 1` replays one. Exits 1 when any case failed.
 */
import { fuzzCase, loadCorpus } from './fuzz/fuzz-case.ts';

const args = process.argv.slice(2);
const option = (name: string): number | null => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 && args[at + 1] !== undefined ? Number(args[at + 1]) : null;
};
const minutes = option('minutes') ?? 60;
const cases = option('cases') ?? Number.POSITIVE_INFINITY;
const first = option('seed') ?? Math.floor(Math.random() * 2 ** 31);
const deadline = Date.now() + minutes * 60_000;
const corpus = loadCorpus();
let failures = 0;
let ran = 0;
let lastReport = Date.now();
for (let seed = first; ran < cases && Date.now() < deadline; seed += 1, ran += 1) {
  const problems = await fuzzCase(seed, corpus);
  if (problems.length > 0) {
    failures += 1;
    console.log(`seed ${seed}: ${problems.join('\n  ')}`);
  }
  if (Date.now() - lastReport > 60_000) {
    console.log(`${ran + 1} cases from seed ${first}, ${failures} failed`);
    lastReport = Date.now();
  }
}
console.log(`${ran} cases from seed ${first}, ${failures} failed`);
process.exitCode = failures > 0 ? 1 : 0;
