/**
 * `npm run bench` (BENCH_MB=20 for a quicker run): the analysis budget of DESIGN.md, measured in one run on a
 * generated log of many interleaved IKEv1 and IKEv2 negotiations, failures among them (.bench/, made once):
 *
 * 1. End to end, against lnav: `analyze --json LOG > FILE` as a whole process (Node's start, the CLI loaded, the
 *    JSON written) beside lnav reading the same log with ../shared/bench/ios_debug.lnav.json and its query of
 *    one field of every line, both at two sizes (BENCH_MB and a fifth of it); the difference of the two sizes
 *    over the difference of the two times cancels each tool's fixed costs. Best of BENCH_RUNS (2) per cell,
 *    the two tools alternating. Target: ratio analyze/lnav >= 1.0.
 * 2. The JSON's size against the input. Target: at most 1x.
 * 3. Memory: the same end-to-end run in a Node whose heap may not grow past a limit; the smallest limit (as a
 *    multiple of the input) under which it completes. Target: under 3x.
 * 4. For scale, the old ratio: in one process, plain line splitting plus one anchored regex per line against
 *    the analysis fed in 4 MB chunks (as the page's worker feeds it): the limit no analysis reaches.
 *
 * The machine may be shared: the figures of one run are compared with each other, never across runs.
 */
import { readFileSync, statSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createAnalyzer } from '../src/core/analyze.ts';
import { analyzeToFile, findLnav, lnavHome, lnavQuery, LNAV_QUERY, type Timed } from './end-to-end.ts';
import { ensureLog } from './log-file.ts';

const SIZE_MB = Number(process.env.BENCH_MB ?? 100);
const SMALL_MB = Number(process.env.BENCH_SMALL_MB ?? Math.max(1, Math.round(SIZE_MB / 5)));
const RUNS = Number(process.env.BENCH_RUNS ?? 2);
const CHUNK = 4 << 20;
const out = new URL('../.bench/', import.meta.url).pathname;

/** (a) of the old ratio: find each line, test one anchored regex on it. */
function baseline(text: string): number {
  const re = /^\*?[A-Z][a-z]{2} {1,2}\d{1,2} [\d:.]+: ISAKMP/;
  let matches = 0;
  let start = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    const line = nl < 0 ? text.slice(start) : text.slice(start, nl);
    if (re.test(line)) matches += 1;
    if (nl < 0) break;
    start = nl + 1;
  }
  return matches;
}

/** (b) of the old ratio: the analysis in this process, as the page's worker runs it. */
function analyseInProcess(text: string): number {
  const analyzer = createAnalyzer();
  analyzer.beginFile('generated.log');
  for (let i = 0; i < text.length; i += CHUNK) analyzer.push(text.slice(i, i + CHUNK));
  analyzer.endFile();
  return analyzer.finish().negotiations.length;
}

function seconds(f: () => unknown): number {
  const t = performance.now();
  f();
  return (performance.now() - t) / 1000;
}

function best(a: Timed | undefined, b: Timed): Timed {
  if (a === undefined || 'problem' in a) return a !== undefined && 'problem' in b ? a : b;
  return 'problem' in b || a.seconds <= b.seconds ? a : b;
}

const mbOf = (path: string): number => statSync(path).size / 1e6;
const fmt = (t: Timed): string => ('problem' in t ? 'failed' : `${t.seconds.toFixed(2)} s`);

/** MB/s of the bytes between the two sizes, fixed costs cancelled; null when either run failed or they did not differ. */
function marginalRate(smallMb: number, small: Timed, bigMb: number, big: Timed): number | null {
  if ('problem' in small || 'problem' in big || big.seconds <= small.seconds) return null;
  return (bigMb - smallMb) / (big.seconds - small.seconds);
}

function oldRatio(path: string): void {
  const text = readFileSync(path, 'utf8');
  baseline(text.slice(0, 4_000_000));
  analyseInProcess(text.slice(0, 4_000_000));
  let a = Infinity;
  for (let run = 0; run < 3; run += 1) a = Math.min(a, seconds(() => baseline(text)));
  const b = seconds(() => analyseInProcess(text));
  const mb = text.length / 1e6;
  console.log(`for scale, in one process on ${mb.toFixed(1)} MB: split + one anchored regex per line ${(mb / a).toFixed(0)} MB/s, the analysis ${(mb / b).toFixed(1)} MB/s: old ratio ${(a / b).toFixed(3)}`);
}

async function main(): Promise<void> {
  const small = await ensureLog(SMALL_MB);
  const big = await ensureLog(SIZE_MB);
  const sizes = [small, big] as const;
  const mbs = sizes.map(mbOf);
  const jsonPaths = sizes.map((_, i) => `${out}analysis-${i === 0 ? SMALL_MB : SIZE_MB}mb.json`);
  console.log(`logs: ${mbs.map((m) => `${m.toFixed(1)} MB`).join(' and ')}; best of ${RUNS} runs per cell; the machine may be shared`);

  const lnav = findLnav();
  const home = 'path' in lnav ? lnavHome(out) : '';
  if ('problem' in lnav) console.log(`lnav: ${lnav.problem}. The ratio to lnav cannot be measured in this run.`);
  const ours: (Timed | undefined)[] = [undefined, undefined];
  const theirs: (Timed | undefined)[] = [undefined, undefined];
  for (let run = 0; run < RUNS; run += 1) {
    for (const i of [0, 1]) {
      ours[i] = best(ours[i], analyzeToFile(sizes[i]!, jsonPaths[i]!));
      if ('path' in lnav) theirs[i] = best(theirs[i], lnavQuery(lnav.path, home, sizes[i]!));
    }
  }
  for (const t of [...ours, ...theirs]) if (t !== undefined && 'problem' in t) console.log(t.problem);

  const ourRate = marginalRate(mbs[0]!, ours[0]!, mbs[1]!, ours[1]!);
  console.log(`analyze --json LOG > FILE (process start and JSON written): ${fmt(ours[0]!)} and ${fmt(ours[1]!)}; ${ourRate === null ? 'no rate' : `${ourRate.toFixed(1)} MB/s`} between the two sizes`);
  if ('path' in lnav) {
    const lnavRate = marginalRate(mbs[0]!, theirs[0]!, mbs[1]!, theirs[1]!);
    console.log(`lnav -n -c '${LNAV_QUERY}' (${lnav.path}): ${fmt(theirs[0]!)} and ${fmt(theirs[1]!)}; ${lnavRate === null ? 'no rate' : `${lnavRate.toFixed(1)} MB/s`} between the two sizes`);
    if (ourRate !== null && lnavRate !== null) console.log(`ratio analyze / lnav: ${(ourRate / lnavRate).toFixed(2)} (target >= 1.0)`);
    else console.log('ratio analyze / lnav: not measured (a run failed, or a size took no longer than the smaller one)');
  }

  const bigJson = ours[1];
  if (bigJson !== undefined && !('problem' in bigJson)) {
    const jsonBytes = statSync(jsonPaths[1]!).size;
    const json = JSON.parse(readFileSync(jsonPaths[1]!, 'utf8')) as { input: { lines: number }; summary: { negotiations: number; failed: number }; negotiations: { ikeVersion: number }[] };
    const v2 = json.negotiations.filter((n) => n.ikeVersion === 2).length;
    console.log(`the analysis of ${mbs[1]!.toFixed(1)} MB: ${json.input.lines} lines, ${json.summary.negotiations} negotiations (${v2} IKEv2), ${json.summary.failed} failed`);
    console.log(`JSON: ${(jsonBytes / 1e6).toFixed(1)} MB = ${(jsonBytes / 1e6 / mbs[1]!).toFixed(2)}x the input (target <= 1x)`);
  }

  // the budget first, then tighter limits while they hold: the smallest that holds bounds the true peak
  const bytes = statSync(big).size;
  let tightest: number | null = null;
  let failedAt: number | null = null;
  for (const factor of [3, 2.5, 2, 1.5]) {
    const r = analyzeToFile(big, `${out}analysis-heap-limited.json`, Math.floor((factor * bytes) / 2 ** 20));
    if ('problem' in r) {
      failedAt = factor;
      break;
    }
    tightest = factor;
  }
  console.log(
    tightest === null
      ? `memory: analyze --json in a Node whose heap may not exceed 3x the input runs out of memory (target < 3x)`
      : `memory: analyze --json completes in a Node whose heap may not exceed ${tightest}x the input${failedAt === null ? '' : `, not at ${failedAt}x`} (target < 3x)`,
  );
  oldRatio(big);
}

await main();
