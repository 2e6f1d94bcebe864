/**
 * `npm run bench`: generates (once, deterministically) a ~100 MB log of many interleaved negotiations in
 * .bench/ (IKEv1 and, unless BENCH_IKEV2=0, IKEv2 ones), then in one process measures
 *   (a) plain line splitting plus one anchored regex per line, and
 *   (b) the full analysis (createAnalyzer fed in 4 MB chunks, as the page's worker feeds it),
 * and prints MB/s for both, the ratio b/a (target >= 0.6) and the peak memory of (b) (target < 4x input).
 * For scale it also measures (c), the first stage of the analysis alone: the line splitter and lexLine
 * (timestamp, prefixes and body of every line), which any analysis of every line pays before reading it.
 * Memory:
 * the peak resident set of the process while (b) runs (the kernel's high-water mark, reset just before (b)
 * where Linux allows it), and the peak of the JS heap sampled after every chunk and after `finish()`, both
 * counting the loaded input string, since the analysis cannot run without it.
 * Run with --expose-gc (the npm script does) so memory is measured from a collected heap.
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { Analysis } from '../src/core/analysis.ts';
import { createAnalyzer } from '../src/core/analyze.ts';
import { summarizeAnalysis } from '../src/core/summary/summary.ts';
import { LastStamp, lexLine, type Lexed } from '../src/core/log/lex.ts';
import { LineSplitter } from '../src/core/log/lines.ts';
import { generateLog } from './generate.ts';

const SIZE_MB = Number(process.env.BENCH_MB ?? 100);
/** BENCH_IKEV2=0: the log of IKEv1 negotiations only, to compare the rate with and without IKEv2 on the same code. */
const IKEV2 = process.env.BENCH_IKEV2 !== '0';
const dir = new URL('../.bench/', import.meta.url);
const file = new URL(`generated-${SIZE_MB}mb${IKEV2 ? '-with-ikev2' : ''}.log`, dir);
const CHUNK = 4 << 20;

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

async function ensureLog(): Promise<void> {
  if (existsSync(file)) return;
  mkdirSync(dir, { recursive: true });
  const out = createWriteStream(file);
  const stats = generateLog(SIZE_MB * 1_000_000, (t) => out.write(t), { ikev2: IKEV2 });
  await new Promise<void>((resolve) => out.end(resolve));
  console.log(`generated ${file.pathname}: ${(stats.bytes / 1e6).toFixed(1)} MB, ${stats.negotiations} negotiations (${stats.ikev2} IKEv2)`);
}

/** (a): the floor any line-oriented parser pays: find each line, test one anchored regex on it. */
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

/** (c): the analysis' first stage alone: split into lines (chunk by chunk, as (b)) and lex each one. */
function lexOnly(text: string): number {
  const scratch: Lexed = { body: '', bodyStart: 0, indent: 0, time: null, stamped: false, quoted: false, bulleted: false, ping: null, note: null, source: null };
  const last = new LastStamp();
  let stamped = 0;
  const splitter = new LineSplitter((raw) => {
    if (lexLine(raw, scratch, last).stamped) stamped += 1;
  });
  for (let i = 0; i < text.length; i += CHUNK) splitter.push(text.slice(i, i + CHUNK));
  splitter.finish();
  return stamped;
}

function memory(): number {
  const m = process.memoryUsage();
  return m.heapUsed + m.external;
}

/**
 * Runs the analysis again in a child process whose V8 heap may not grow past `limitBytes` (old space, the input
 * string included): true when it completes. The samples above can miss a short peak inside finish(); a limit
 * the heap cannot cross cannot.
 */
function fitsInHeap(limitBytes: number): boolean {
  const script = new URL('fits-in-heap.ts', import.meta.url).pathname;
  const limitMiB = Math.floor(limitBytes / 2 ** 20);
  const child = spawnSync(process.execPath, [`--max-old-space-size=${limitMiB}`, '--import', 'tsx', script, file.pathname], { encoding: 'utf8' });
  return child.status === 0;
}

/** Starts a new peak-RSS window: Linux resets VmHWM when 5 is written to clear_refs. False where it cannot. */
function resetPeakRss(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

/** Peak resident set size in bytes: since the last reset on Linux, else over the process's life. */
function peakRss(): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m?.[1] !== undefined) return Number(m[1]) * 1024;
  } catch {
    // not Linux: fall through
  }
  return process.resourceUsage().maxRSS * 1024;
}

function analysis(text: string): { negotiations: number; peak: number; lines: number; result: Analysis | null } {
  let peak = memory();
  const analyzer = createAnalyzer();
  analyzer.beginFile('generated.log');
  for (let i = 0; i < text.length; i += CHUNK) {
    analyzer.push(text.slice(i, i + CHUNK));
    peak = Math.max(peak, memory());
  }
  analyzer.endFile();
  const result = analyzer.finish();
  peak = Math.max(peak, memory());
  return { negotiations: result.negotiations.length, peak, lines: result.input.lines, result };
}

interface Measured {
  matches: number;
  aSeconds: number;
  aCpu: number;
  cSeconds: number;
  cCpu: number;
  bSeconds: number;
  bCpu: number;
  b: ReturnType<typeof analysis>;
  /** JS heap + external before (b), the loaded input included, and what the input string alone takes. */
  before: number;
  inputHeap: number;
  rssBefore: number;
  rssPeak: number;
  windowed: boolean;
}

/** Loads the log and runs (a), (c) and (b); the input string is let go on return, the Analysis kept. */
function measure(): Measured {
  gc();
  const empty = memory();
  const text = readFileSync(file, 'utf8');
  gc();
  const inputHeap = memory() - empty;
  // warm-up on a slice so both measurements run optimised code
  baseline(text.slice(0, 4_000_000));
  lexOnly(text.slice(0, 4_000_000));
  analysis(text.slice(0, 4_000_000));
  gc();

  // wall time and this process's CPU time: on a shared machine the CPU time is the steadier figure
  let matches = 0;
  let aSeconds = Infinity;
  let aCpu = Infinity;
  for (let run = 0; run < 3; run += 1) {
    const t = performance.now();
    const c = process.cpuUsage();
    matches = baseline(text);
    const used = process.cpuUsage(c);
    aSeconds = Math.min(aSeconds, (performance.now() - t) / 1000);
    aCpu = Math.min(aCpu, (used.user + used.system) / 1e6);
  }

  let cSeconds = Infinity;
  let cCpu = Infinity;
  for (let run = 0; run < 3; run += 1) {
    const t = performance.now();
    const c = process.cpuUsage();
    lexOnly(text);
    const used = process.cpuUsage(c);
    cSeconds = Math.min(cSeconds, (performance.now() - t) / 1000);
    cCpu = Math.min(cCpu, (used.user + used.system) / 1e6);
  }

  gc();
  const before = memory();
  const rssBefore = process.memoryUsage().rss;
  const windowed = resetPeakRss();
  const t = performance.now();
  const c = process.cpuUsage();
  const b = analysis(text);
  const used = process.cpuUsage(c);
  const bSeconds = (performance.now() - t) / 1000;
  const bCpu = (used.user + used.system) / 1e6;
  const rssPeak = peakRss();
  return { matches, aSeconds, aCpu, cSeconds, cCpu, bSeconds, bCpu, b, before, inputHeap, rssBefore, rssPeak, windowed };
}

async function main(): Promise<void> {
  await ensureLog();
  const bytes = statSync(file).size;
  const mb = bytes / 1e6;
  const { matches, aSeconds, aCpu, cSeconds, cCpu, bSeconds, bCpu, b, before, inputHeap, rssBefore, rssPeak, windowed } = measure();
  const extra = b.peak - before;
  // the input is gone now: what remains is the Analysis, and any part of the input it still holds
  gc();
  const retained = memory() - (before - inputHeap);
  const kept = b.result?.records.line.length ?? 0;
  // the summary of the whole log, as the worker computes it for the page and analyze --json prints it
  const summaryStart = performance.now();
  const summary = b.result === null ? null : summarizeAnalysis(b.result);
  const summaryMs = performance.now() - summaryStart;
  b.result = null;

  const aRate = mb / aSeconds;
  const bRate = mb / bSeconds;
  console.log(`input: ${mb.toFixed(1)} MB, ${b.lines} lines, ${matches} ISAKMP lines, ${b.negotiations} negotiations`);
  console.log(`(a) split + one anchored regex per line (best of 3): ${aRate.toFixed(1)} MB/s wall (${aSeconds.toFixed(2)} s), ${(mb / aCpu).toFixed(1)} MB/s CPU`);
  console.log(`(b) full analysis (one run):                         ${bRate.toFixed(1)} MB/s wall (${bSeconds.toFixed(2)} s), ${(mb / bCpu).toFixed(1)} MB/s CPU (GC threads included)`);
  console.log(`(c) for scale, lines + lexLine alone (best of 3):   ${(mb / cSeconds).toFixed(1)} MB/s wall (${cSeconds.toFixed(2)} s), ratio c/a ${(aSeconds / cSeconds).toFixed(3)} wall, ${(aCpu / cCpu).toFixed(3)} CPU`);
  console.log(`ratio b/a: ${(bRate / aRate).toFixed(3)} wall, ${(aCpu / bCpu).toFixed(3)} CPU (target >= 0.6)`);
  if (summary !== null) console.log(`the summary of the whole log (${summary.negotiations} negotiations, ${summary.peers.length} peers): ${summaryMs.toFixed(1)} ms`);
  console.log(`the Analysis after GC, the input string let go: ${(retained / 1e6).toFixed(0)} MB = ${(retained / bytes).toFixed(2)}x input (${kept} records)`);
  console.log(
    `peak JS heap + external during (b), sampled after each chunk and finish(): ${(extra / 1e6).toFixed(0)} MB above the loaded input = ${(extra / bytes).toFixed(2)}x input; with the input string: ${((extra + bytes) / bytes).toFixed(2)}x (garbage not yet collected counts too)`,
  );
  // the budget first, then tighter limits while they hold: the smallest that holds bounds the true peak
  const held: number[] = [];
  for (const factor of [4, 3.5, 3]) {
    if (!fitsInHeap(factor * bytes)) break;
    held.push(factor);
  }
  const tightest = held[held.length - 1];
  console.log(
    tightest === undefined
      ? 'the same analysis in a process whose heap may not exceed 4x the input (input included): runs out of memory (target < 4x)'
      : `the same analysis in a process whose heap may not exceed ${tightest}x the input (input included): completes (target < 4x)${tightest > 3 ? `; at ${tightest - 0.5}x it runs out` : ''}`,
  );
  console.log(
    `peak RSS of the process during (b)${windowed ? '' : ' (whole process life: no peak reset here)'}: ${(rssPeak / 1e6).toFixed(0)} MB = ${(rssPeak / bytes).toFixed(2)}x input, input string and Node runtime included; ${((rssPeak - rssBefore) / 1e6).toFixed(0)} MB = ${((rssPeak - rssBefore) / bytes).toFixed(2)}x above the RSS before (b)`,
  );
}

await main();
