/**
 * `npx tsx --expose-gc bench/phases.ts`: where the full analysis spends its CPU time, on the log `npm run bench`
 * generated (BENCH_MB, default 20): the log reader alone (lines → records → events, with a sink that drops the
 * events), the reader feeding the negotiation builder (what `push` costs), and `finish()` (finalize, replay
 * through the state machines, config relations, diagnosis). Best of RUNS (default 5) per phase, CPU time.
 *
 * `push - reader` also counts the garbage collector's work (on its helper threads too) for all the analysis
 * keeps while it reads; "builder on read events" is the builder's own share: the events read once beforehand,
 * then fed to a fresh builder.
 */
import { existsSync, readFileSync } from 'node:fs';
import { logPath } from './log-file.ts';
import { createAnalyzer } from '../src/core/analyze.ts';
import { AddressBook } from '../src/core/log/addresses.ts';
import { LineSplitter } from '../src/core/log/lines.ts';
import { LogReader } from '../src/core/log/records.ts';
import { RecordTableBuilder } from '../src/core/log/record-table.ts';
import type { IkeEvent } from '../src/core/log/events.ts';
import { NegotiationBuilder } from '../src/core/negotiation/build.ts';

const SIZE_MB = Number(process.env.BENCH_MB ?? 20);
const RUNS = Number(process.env.RUNS ?? 5);
const file = logPath(SIZE_MB);
const CHUNK = 4 << 20;

function cpuSeconds(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function readerAlone(text: string): void {
  const reader = new LogReader(0, new RecordTableBuilder(), [], new AddressBook(), { event: () => undefined });
  const splitter = new LineSplitter((raw, _ending, number) => reader.line(raw, number));
  for (let i = 0; i < text.length; i += CHUNK) splitter.push(text.slice(i, i + CHUNK));
  splitter.finish();
  reader.finish();
}

function readEvents(text: string): { events: IkeEvent[]; records: RecordTableBuilder } {
  const events: IkeEvent[] = [];
  const records = new RecordTableBuilder();
  const reader = new LogReader(0, records, [], new AddressBook(), { event: (e) => events.push(e) });
  const splitter = new LineSplitter((raw, _ending, number) => reader.line(raw, number));
  for (let i = 0; i < text.length; i += CHUNK) splitter.push(text.slice(i, i + CHUNK));
  splitter.finish();
  reader.finish();
  return { events, records };
}

function builderAlone(read: { events: readonly IkeEvent[]; records: RecordTableBuilder }): void {
  const builder = new NegotiationBuilder(read.records);
  builder.startFile(0);
  for (const e of read.events) builder.event(e);
}

function main(): void {
  if (!existsSync(file)) {
    console.log(`no ${file}: run BENCH_MB=${SIZE_MB} npm run bench first`);
    return;
  }
  const text = readFileSync(file, 'utf8');
  const mb = text.length / 1e6;
  let reader = Infinity;
  let push = Infinity;
  let finish = Infinity;
  for (let run = 0; run < RUNS; run += 1) {
    gc();
    let t = cpuSeconds();
    readerAlone(text);
    reader = Math.min(reader, cpuSeconds() - t);
    gc();
    t = cpuSeconds();
    const analyzer = createAnalyzer();
    analyzer.beginFile('generated.log');
    for (let i = 0; i < text.length; i += CHUNK) analyzer.push(text.slice(i, i + CHUNK));
    analyzer.endFile();
    const pushed = cpuSeconds();
    analyzer.finish();
    push = Math.min(push, pushed - t);
    finish = Math.min(finish, cpuSeconds() - pushed);
  }
  const read = readEvents(text);
  let builder = Infinity;
  for (let run = 0; run < RUNS; run += 1) {
    gc();
    const t = cpuSeconds();
    builderAlone(read);
    builder = Math.min(builder, cpuSeconds() - t);
  }
  const row = (name: string, s: number): string => `${name.padEnd(36)} ${s.toFixed(3)} s CPU  ${(mb / s).toFixed(1)} MB/s`;
  console.log(`${mb.toFixed(1)} MB, best of ${RUNS}`);
  console.log(row('log reader alone', reader));
  console.log(row('negotiation builder (push - reader)', Math.max(0, push - reader)));
  console.log(row('  of which builder on read events', builder));
  console.log(row('finish()', finish));
  console.log(row('full analysis (push + finish)', push + finish));
}

main();
