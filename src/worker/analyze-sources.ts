import type { Analysis } from '../core/analysis.ts';
import { analyze, createAnalyzer } from '../core/analyze.ts';
import type { SourceFile } from './protocol.ts';

/** Big enough that the per-chunk overhead vanishes, small enough that progress moves smoothly. */
const chunkChars = 1 << 20;
/**
 * A log larger than twice this gets an early analysis of its first part, so the page can draw something at
 * once: a megabyte holds many whole negotiations even of a busy hub's interleaved lines.
 */
const previewChars = 1 << 20;
/** How many slices of a File are being read ahead of the one analysed. */
const slicesAhead = 2;

export interface AnalyzeHooks {
  onProgress: (done: number, total: number) => void;
  onPreview: (analysis: Analysis) => void;
  /** The text of a file given with `returnText`, a chunk at a time as it is read (`file` its index in `files`), then `last`. */
  onText?: (file: number, text: string, last: boolean) => void;
}

const sizeOf = (file: SourceFile) => (typeof file.source === 'string' ? file.source.length : file.source.size);

/**
 * The text of a source, chunk by chunk: slices of a string, or a File read in slices of our own size (a
 * browser may hand a stream over in one huge chunk) and decoded as UTF-8.
 */
async function* chunksOf(source: string | Blob): AsyncGenerator<{ text: string; size: number }> {
  if (typeof source === 'string') {
    for (let offset = 0; offset < source.length; offset += chunkChars) {
      const text = source.slice(offset, offset + chunkChars);
      yield { text, size: text.length };
    }
    return;
  }
  const decoder = new TextDecoder('utf-8');
  // The next slices are read while this one is analysed: the worker need not wait for the file.
  const ahead: Promise<ArrayBuffer>[] = [];
  let readTo = 0;
  const readAhead = () => {
    while (ahead.length < slicesAhead && readTo < source.size) {
      const bytes = source.slice(readTo, readTo + chunkChars).arrayBuffer();
      // a slice the analysis never comes to (it failed) is no unhandled rejection
      bytes.catch(() => {});
      ahead.push(bytes);
      readTo += chunkChars;
    }
  };
  readAhead();
  for (let bytes = ahead.shift(); bytes; bytes = ahead.shift()) {
    const read = await bytes;
    readAhead();
    yield { text: decoder.decode(read, { stream: true }), size: read.byteLength };
  }
  const rest = decoder.decode();
  if (rest) yield { text: rest, size: 0 };
}

async function wholeText(source: string | Blob): Promise<string> {
  return typeof source === 'string' ? source : source.text();
}

/**
 * Analyses logs then configs, in the order given (that is the numbering of `input.files`), feeding the
 * streaming analyzer chunk by chunk with progress.
 */
export async function analyzeSources(files: readonly SourceFile[], hooks: AnalyzeHooks): Promise<Analysis> {
  const logs = files.filter((f) => f.kind === 'log');
  const configs = files.filter((f) => f.kind === 'config');
  const total = files.reduce((sum, f) => sum + sizeOf(f), 0);
  const analyzer = createAnalyzer();
  let done = 0;
  let lastReport = 0;
  let prefix: string[] | null = logs.length > 0 && sizeOf(logs[0]!) > previewChars * 2 ? [] : null;
  let prefixChars = 0;

  for (const file of logs) {
    analyzer.beginFile(file.name, 'log');
    const index = files.indexOf(file);
    const returnText = file.returnText ? hooks.onText : undefined;
    for await (const chunk of chunksOf(file.source)) {
      returnText?.(index, chunk.text, false);
      // the early analysis first, before this chunk goes into the full one: the page draws it the sooner
      if (prefix) {
        prefix.push(chunk.text);
        prefixChars += chunk.text.length;
        if (prefixChars >= previewChars) {
          const text = prefix.join('');
          hooks.onPreview(analyze([{ name: file.name, text: text.slice(0, text.lastIndexOf('\n') + 1) }]));
          prefix = null;
        }
      }
      analyzer.push(chunk.text);
      done += chunk.size;
      if (done - lastReport >= chunkChars) {
        hooks.onProgress(done, total);
        lastReport = done;
      }
    }
    returnText?.(index, '', true);
    analyzer.endFile();
  }
  const configTexts = await Promise.all(configs.map((c) => wholeText(c.source)));
  configs.forEach((config, index) => {
    analyzer.beginFile(config.name, 'config');
    analyzer.push(configTexts[index]!);
    analyzer.endFile();
  });
  const analysis = analyzer.finish();
  hooks.onProgress(total, total);
  return analysis;
}
