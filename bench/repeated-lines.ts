/**
 * `npm run bench:repeat`: the analysis of one line repeated 10k, 100k and 1M times, so work that is not linear
 * in the input shows as a time per line that grows with the count. By default a Main Mode packet line (the
 * builder's hot path); `-- --corpus` runs every distinct line shape of the corpus (digits folded) at 10k and
 * 100k and lists those whose time per line grows, and `-- --line 'TEXT'` any one line.
 * Prints microseconds per line and the ratio of each count's time per line to the smallest count's.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createAnalyzer } from '../src/core/analyze.ts';

const PACKET = '*Oct 25 18:53:16.489: ISAKMP-PAK: (0):received packet from 203.0.113.1 dport 500 sport 500 Global (I) MM_NO_STATE';
const CHUNK = 4 << 20;

/** Seconds to analyse `line` repeated `count` times, fed in 4 MB chunks as the page's worker feeds it. */
function timeRepeated(line: string, count: number): number {
  const perChunk = Math.max(1, Math.floor(CHUNK / (line.length + 1)));
  const chunk = `${line}\n`.repeat(perChunk);
  const analyzer = createAnalyzer();
  const started = performance.now();
  analyzer.beginFile('repeated.log', 'log');
  for (let left = count; left > 0; left -= perChunk) analyzer.push(left >= perChunk ? chunk : `${line}\n`.repeat(left));
  analyzer.endFile();
  const analysis = analyzer.finish();
  const seconds = (performance.now() - started) / 1000;
  if (analysis.input.lines < count) throw new Error(`${count} lines in, ${analysis.input.lines} counted`);
  return seconds;
}

function measure(line: string, counts: readonly number[]): { count: number; usPerLine: number }[] {
  return counts.map((count) => ({ count, usPerLine: (timeRepeated(line, count) * 1e6) / count }));
}

function report(label: string, rows: readonly { count: number; usPerLine: number }[]): number {
  const base = rows[0]!.usPerLine;
  const ratio = rows[rows.length - 1]!.usPerLine / base;
  const cells = rows.map((r) => `${r.count.toLocaleString('en')}: ${r.usPerLine.toFixed(2)} µs/line (x${(r.usPerLine / base).toFixed(2)})`);
  console.log(`${label.slice(0, 90).padEnd(90)}  ${cells.join('  ')}`);
  return ratio;
}

function corpusShapes(): string[] {
  const dir = new URL('../fixtures/corpus/', import.meta.url);
  const seen = new Map<string, string>();
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.log'))) {
    for (const line of readFileSync(new URL(name, dir), 'utf8').split('\n')) {
      const shape = line.replace(/\d+/g, '0');
      if (line.trim() !== '' && !seen.has(shape)) seen.set(shape, line);
    }
  }
  return [...seen.values()];
}

const args = process.argv.slice(2);
if (args.includes('--corpus')) {
  const counts = [10_000, 100_000];
  const growing: string[] = [];
  for (const line of corpusShapes()) {
    const ratio = report(line, measure(line, counts));
    // Some growth is the heap and caches warming; a quadratic step grows tenfold.
    if (ratio > 3) growing.push(`x${ratio.toFixed(1)}  ${line}`);
  }
  console.log(growing.length === 0 ? 'every line shape: time per line flat within x3 from 10k to 100k' : `growing:\n${growing.join('\n')}`);
  process.exitCode = growing.length === 0 ? 0 : 1;
} else {
  const at = args.indexOf('--line');
  const line = at >= 0 ? (args[at + 1] ?? PACKET) : PACKET;
  report(line, measure(line, [10_000, 100_000, 1_000_000]));
}
