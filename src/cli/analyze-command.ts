/**
 * `analyze [--json | --summary] [--annotate] [--config FILE]... FILE...` ('-' reads stdin): streams each file into the
 * analyzer chunk by chunk, so a very large log is never held as one string; refuses binary input clearly.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createAnalyzer } from '../core/analyze.ts';
import type { Command, CommandIo } from './command.ts';
import { analysisJsonText } from '../core/analysis-json.ts';
import { textReport } from '../core/report/text.ts';
import { summarizeAnalysis } from '../core/summary/summary.ts';
import { summaryText } from '../core/summary/summary-text.ts';

const usage = 'usage: analyze [--json | --summary] [--annotate] [--config FILE]... FILE... (- reads stdin)\n';
/** Above this size the annotated listing is not printed: it would repeat the whole file. */
const ANNOTATE_LIMIT = 20 * 1024 * 1024;

interface Options {
  json: boolean;
  summary: boolean;
  annotate: boolean;
  configs: string[];
  files: string[];
}

function parseArgs(args: readonly string[]): Options | string {
  const o: Options = { json: false, summary: false, annotate: false, configs: [], files: [] };
  for (let i = 0; i < args.length; i += 1) {
    const a = args[i] ?? '';
    if (a === '--json') o.json = true;
    else if (a === '--summary') o.summary = true;
    else if (a === '--annotate') o.annotate = true;
    else if (a === '--config') {
      const f = args[i + 1];
      if (f === undefined) return '--config needs a file';
      o.configs.push(f);
      i += 1;
    } else if (a.startsWith('--config=')) o.configs.push(a.slice(9));
    else if (a === '-' || !a.startsWith('-')) o.files.push(a);
    else return `unknown option ${a}`;
  }
  if (o.files.length === 0) return 'no log file given';
  if (o.json && o.summary) return '--json already carries the summary: give one of --json and --summary';
  return o;
}

/** NUL bytes or mostly control characters in the first 8 KB: not a text log. */
export function looksBinary(sample: Buffer): boolean {
  const n = Math.min(sample.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i += 1) {
    const b = sample[i] ?? 0;
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control += 1;
  }
  return n > 0 && control / n > 0.1;
}

async function checkFile(path: string): Promise<string | null> {
  try {
    const s = await stat(path);
    if (s.isDirectory()) return `${path} is a directory`;
    const handle = await import('node:fs/promises').then((fs) => fs.open(path, 'r'));
    try {
      const buf = Buffer.alloc(8192);
      const { bytesRead } = await handle.read(buf, 0, 8192, 0);
      if (looksBinary(buf.subarray(0, bytesRead))) return `${path} looks like a binary file, not a debug log`;
    } finally {
      await handle.close();
    }
    return null;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return `${path}: no such file`;
    if (code === 'EACCES') return `${path}: permission denied`;
    return `${path}: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/** Above this size, progress goes to stderr so a long run is visibly alive. */
const PROGRESS_FROM = 20 * 1024 * 1024;

async function streamInto(path: string, push: (chunk: string) => void, io: CommandIo): Promise<void> {
  const size = (await stat(path)).size;
  const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 });
  let next = 0.1;
  for await (const chunk of stream) {
    push(chunk as string);
    if (size >= PROGRESS_FROM && stream.bytesRead / size >= next) {
      io.err(`ikescope analyze: ${path}: ${Math.round((stream.bytesRead / size) * 100)}%\n`);
      next += 0.1;
    }
  }
}

export const run: Command = async (args, io: CommandIo) => {
  const parsed = parseArgs(args);
  if (typeof parsed === 'string') {
    io.err(`ikescope analyze: ${parsed}\n${usage}`);
    return 2;
  }
  for (const path of [...parsed.files, ...parsed.configs]) {
    if (path === '-') continue;
    const problem = await checkFile(path);
    if (problem !== null) {
      io.err(`ikescope analyze: ${problem}\n`);
      return 1;
    }
  }
  const analyzer = createAnalyzer();
  const texts: string[] = [];
  let keepTexts = parsed.annotate;
  for (const path of parsed.files) {
    if (path === '-') {
      const text = await io.readStdin();
      if (looksBinary(Buffer.from(text.slice(0, 8192), 'utf8')) && text.indexOf('\u0000') >= 0) {
        io.err('ikescope analyze: standard input looks like binary data, not a debug log\n');
        return 1;
      }
      analyzer.beginFile('(stdin)', 'log');
      analyzer.push(text);
      analyzer.endFile();
      if (keepTexts) texts.push(text);
      continue;
    }
    analyzer.beginFile(path, 'log');
    if (keepTexts && (await stat(path)).size > ANNOTATE_LIMIT) {
      io.err(`ikescope analyze: ${path} is larger than ${ANNOTATE_LIMIT >> 20} MB: the annotated listing is left out\n`);
      keepTexts = false;
    }
    if (keepTexts) {
      const text = await readFile(path, 'utf8');
      texts.push(text);
      analyzer.push(text);
    } else {
      await streamInto(path, (c) => analyzer.push(c), io);
    }
    analyzer.endFile();
  }
  for (const path of parsed.configs) {
    const text = path === '-' ? await io.readStdin() : await readFile(path, 'utf8');
    analyzer.beginFile(path, 'config');
    analyzer.push(text);
    analyzer.endFile();
    if (keepTexts) texts.push(text);
  }
  const analysis = analyzer.finish();
  if (analysis.input.lines === 0 && !parsed.json) {
    io.err('ikescope analyze: the input is empty: nothing to analyse\n');
    io.out(textReport(analysis, false, null));
    return 0;
  }
  if (parsed.summary) io.out(summaryText(summarizeAnalysis(analysis), analysis.input.files));
  else io.out(parsed.json ? analysisJsonText(analysis) : textReport(analysis, parsed.annotate, keepTexts ? texts : null));
  return 0;
};
