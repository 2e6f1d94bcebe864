/**
 * `analyze [--format text|json|markdown|html|mermaid | --json | --summary] [--annotate] [--include-keys]
 * [--config FILE]... FILE...` ('-' reads stdin): streams each file into the analyzer chunk by chunk, so a very
 * large log is never held as one string; refuses binary input clearly. The reports (markdown, html, mermaid)
 * are core's renderers (src/core/report), the same the page exports.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createAnalyzer } from '../core/analyze.ts';
import type { Command, CommandIo } from './command.ts';
import { analysisJsonPieces } from '../core/analysis-json.ts';
import { SAMPLE_CHARS } from '../core/input-answer.ts';
import { textReport } from '../core/report/text.ts';
import { markdownReport } from '../core/report/markdown.ts';
import { htmlReport } from '../core/report/html.ts';
import { mermaidReport } from '../core/report/mermaid.ts';
import { REPORT_FORMATS, type ReportFormat } from '../core/report/report-source.ts';
import { summarizeAnalysis } from '../core/summary/summary.ts';
import { summaryText } from '../core/summary/summary-text.ts';

const usage =
  'usage: analyze [--format text|json|markdown|html|mermaid | --json | --summary] [--annotate] [--include-keys] [--config FILE]... FILE... (- reads stdin)\n';
/** Above this size the annotated listing is not printed: it would repeat the whole file. */
const ANNOTATE_LIMIT = 20 * 1024 * 1024;

interface Options {
  format: ReportFormat;
  summary: boolean;
  annotate: boolean;
  includeKeys: boolean;
  configs: string[];
  files: string[];
}

function parseArgs(args: readonly string[]): Options | string {
  const o: Options = { format: 'text', summary: false, annotate: false, includeKeys: false, configs: [], files: [] };
  let formats = 0;
  const setFormat = (f: string | undefined): string | null => {
    if (!REPORT_FORMATS.includes(f as ReportFormat)) return `--format takes one of ${REPORT_FORMATS.join(', ')}`;
    o.format = f as ReportFormat;
    formats += 1;
    return null;
  };
  for (let i = 0; i < args.length; i += 1) {
    const a = args[i] ?? '';
    if (a === '--json') setFormat('json');
    else if (a === '--format' || a.startsWith('--format=')) {
      const problem = setFormat(a === '--format' ? args[i + 1] : a.slice(9));
      if (problem !== null) return problem;
      if (a === '--format') i += 1;
    } else if (a === '--include-keys') o.includeKeys = true;
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
  if (formats > 1) return 'give one output format';
  if (o.format === 'json' && o.summary) return '--json already carries the summary: give one of --json and --summary';
  if (o.summary && o.format !== 'text') return '--summary is a table of its own: give one of --summary and --format';
  if (o.annotate && o.format !== 'text') return '--annotate lists the lines in the text report; the markdown and html reports list each message\'s lines already';
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

/** The reports show the input's lines: their texts are kept, in the chunks they were read in. */
const needsTexts = (o: Options) => o.annotate || o.format === 'markdown' || o.format === 'html' || o.format === 'mermaid';

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

/** Pieces of text written about a megabyte at a time: a large log's JSON is never held whole. */
function writePieces(pieces: Iterable<string>, io: CommandIo): void {
  let buffer = '';
  for (const piece of pieces) {
    buffer += piece;
    if (buffer.length >= 1 << 20) {
      io.out(buffer);
      buffer = '';
    }
  }
  if (buffer.length > 0) io.out(buffer);
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
  // the JSON and the summary table print no line's words but a stray event's
  const analyzer = createAnalyzer({ annotate: !(parsed.format === 'json' || parsed.summary) });
  const texts: string[][] = [];
  // the start of each log, for the answer to an input that holds no negotiation
  const samples: string[] = [];
  const sampled = (i: number, c: string): void => {
    const have = samples[i] ?? '';
    if (have.length < SAMPLE_CHARS) samples[i] = have + c.slice(0, SAMPLE_CHARS - have.length);
  };
  let keepTexts = needsTexts(parsed);
  for (const path of parsed.files) {
    if (path === '-') {
      const text = await io.readStdin();
      if (looksBinary(Buffer.from(text.slice(0, 8192), 'utf8')) && text.indexOf('\u0000') >= 0) {
        io.err('ikescope analyze: standard input looks like binary data, not a debug log\n');
        return 1;
      }
      analyzer.beginFile('(stdin)', 'log');
      sampled(samples.length, text);
      analyzer.push(text);
      analyzer.endFile();
      if (keepTexts) texts.push([text]);
      continue;
    }
    analyzer.beginFile(path, 'log');
    const file = samples.length;
    samples[file] = '';
    if (parsed.annotate && keepTexts && (await stat(path)).size > ANNOTATE_LIMIT) {
      io.err(`ikescope analyze: ${path} is larger than ${ANNOTATE_LIMIT >> 20} MB: the annotated listing is left out\n`);
      keepTexts = false;
    }
    if (keepTexts) {
      const pieces: string[] = [];
      texts.push(pieces);
      await streamInto(path, (c) => {
        pieces.push(c);
        sampled(file, c);
        analyzer.push(c);
      }, io);
    } else {
      await streamInto(path, (c) => {
        sampled(file, c);
        analyzer.push(c);
      }, io);
    }
    analyzer.endFile();
  }
  for (const path of parsed.configs) {
    const text = path === '-' ? await io.readStdin() : await readFile(path, 'utf8');
    analyzer.beginFile(path, 'config');
    analyzer.push(text);
    analyzer.endFile();
    if (keepTexts) texts.push([text]);
  }
  const analysis = analyzer.finish();
  if (analysis.input.lines === 0 && parsed.format === 'text') {
    io.err('ikescope analyze: the input is empty: nothing to analyse\n');
    io.out(textReport(analysis, false, null));
    return 0;
  }
  const options = { includeKeys: parsed.includeKeys, samples };
  const source = () => ({
    ...analysis,
    texts: analysis.input.files.map((f, i) => ({ name: f.name, pieces: texts[i] ?? [] })),
  });
  if (parsed.summary) io.out(summaryText(summarizeAnalysis(analysis), analysis.input.files));
  else if (parsed.format === 'json') writePieces(analysisJsonPieces(analysis), io);
  else if (parsed.format === 'markdown') io.out(markdownReport(source(), options));
  else if (parsed.format === 'html') io.out(htmlReport(source(), options));
  else if (parsed.format === 'mermaid') io.out(mermaidReport(source()));
  else io.out(textReport(analysis, parsed.annotate, keepTexts ? texts.map((t) => t.join('')) : null, options));
  return 0;
};
