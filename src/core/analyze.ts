/**
 * The one entry point: debug logs (and router configs) in, an Analysis out. `analyze` takes whole texts;
 * `createAnalyzer` takes them chunk by chunk, so a Web Worker can feed a 100 MB file with progress and no
 * giant string split.
 *
 * The analysis is a pipeline, each stage reading the ones before it and changing none of them:
 *   read (lines → records → events, routed to drafts while the text streams in)
 *   → negotiations (drafts finalized, two routers merged)
 *   → replay verdicts (each printed transition judged by the state machines)
 *   → config relations (whose config is whose, the lines each message depends on)
 *   → diagnosis (findings per negotiation)
 *   → the Analysis, assembled once from all of them.
 * What a stage remembers to go faster (the judged streams, the diagnosis' answers) belongs to the analyzer.
 */
import type { LineRef } from './ike/line-ref.ts';
import { ANALYSIS_SCHEMA, type Analysis, type InputFile, type LineTable, type Negotiation } from './analysis.ts';
import { LINE_KIND_CODE } from './ike/line-kinds.ts';
import { AddressBook } from './log/addresses.ts';
import { ByteColumn, IntColumn } from './log/columns.ts';
import { Annotator } from './log/describe.ts';
import { LineSplitter } from './log/lines.ts';
import { hasUnicodeSpace } from './ike/plain-spaces.ts';
import { LogReader } from './log/records.ts';
import { RecordTableBuilder } from './log/record-table.ts';
import { NegotiationBuilder } from './negotiation/build.ts';
import { isStrayLine } from './negotiation/stray-events.ts';
import type { IkeEvent } from './log/events.ts';
import { finalizeNegotiations } from './negotiation/finalize.ts';
import { TransitionJudge } from './negotiation/judge.ts';
import { relateConfigs, relateIkev2Configs, type AttachedConfig } from './attach-config.ts';
import { withIkev2ConfigLines } from './diagnosis/ikev2/config-lines.ts';
import { assembleNegotiation, withIkev2Configs } from './assemble.ts';
import { judgeIkev2 } from './negotiation/ikev2/judge.ts';
import { Ikev2Steps } from './fsm/ikev2/replay.ts';
import { diagnoseIkev2 } from './diagnosis/ikev2/diagnose.ts';
import { parseConfig } from './config/parse.ts';
import { effectiveConfig } from './config/effective.ts';
import { diagnose } from './diagnosis/diagnose.ts';
import { DiagnosisMemo } from './diagnosis/memo.ts';
import { implicitDefaults } from './config/implicit-defaults.ts';

export interface AnalyzeInput {
  name: string;
  text: string;
}

export interface AnalyzeOptions {
  /** Router configurations (`--config`): they join `input.files` after the logs. */
  configs?: readonly AnalyzeInput[];
  /** Replay transitions through the state machines to set `allowed` (default true). */
  replay?: boolean;
  /**
   * false: only lines a stray event may be made of are put in words (their meaning is in `analyze --json`); the
   * others are understood but carry no annotation, which the JSON does not print (default true).
   */
  annotate?: boolean;
}

export interface AnalyzerProgress {
  files: number;
  lines: number;
  /** Characters pushed so far. */
  chars: number;
}

export interface Analyzer {
  /** Starts the next input file. */
  beginFile(name: string, kind?: InputFile['kind']): void;
  push(chunk: string): void;
  endFile(): void;
  readonly progress: AnalyzerProgress;
  /** Ends the input and returns the analysis; the analyzer keeps nothing of it afterwards. */
  finish(): Analysis;
}

export function createAnalyzer(options: Pick<AnalyzeOptions, 'replay' | 'annotate'> = {}): Analyzer {
  const files: InputFile[] = [];
  const tables: LineTable[] = [];
  const records = new RecordTableBuilder();
  const unrecognized: LineRef[] = [];
  const book = new AddressBook();
  const annotator = new Annotator(options.annotate === false ? (e) => isStrayLine(e as IkeEvent) : null);
  let builder: NegotiationBuilder | null = new NegotiationBuilder(records);
  const progress: AnalyzerProgress = { files: 0, lines: 0, chars: 0 };
  let splitter: LineSplitter | null = null;
  /** Whether the chunk being pushed holds plain spaces only: its lines need not each be searched for others. */
  let plainChunk = false;
  let reader: LogReader | null = null;
  let config: { kinds: ByteColumn; records: IntColumn; text: string[] } | null = null;
  /** Configs given with the logs, kept whole: their lines relate to messages and feed the diagnosis. */
  const configs: { file: number; text: string[] }[] = [];

  const endFile = (): void => {
    if (splitter === null) return;
    splitter.finish();
    const file = files[files.length - 1];
    if (file) file.lines = splitter.lines;
    if (reader !== null) {
      reader.finish();
      tables.push({ kinds: reader.columns.kinds.toArray(), records: reader.columns.records.toArray() });
    } else if (config !== null) {
      tables.push({ kinds: config.kinds.toArray(), records: config.records.toArray() });
    }
    splitter = null;
    reader = null;
    config = null;
  };

  return {
    progress,
    beginFile(name, kind = 'log') {
      endFile();
      const index = files.length;
      files.push({ name, kind, lines: 0 });
      progress.files = files.length;
      if (kind === 'log') {
        const b = builder ?? (builder = new NegotiationBuilder(records));
        b.startFile(index);
        const r = new LogReader(index, records, unrecognized, book, b, annotator);
        reader = r;
        splitter = new LineSplitter((raw, _ending, number, carried) => {
          progress.lines += 1;
          r.line(raw, number, plainChunk && !carried);
        });
      } else {
        const c = { kinds: new ByteColumn(), records: new IntColumn(), text: [] as string[] };
        config = c;
        configs.push({ file: index, text: c.text });
        splitter = new LineSplitter((raw, ending) => {
          c.kinds.push(raw.trim().length === 0 ? LINE_KIND_CODE.blank : LINE_KIND_CODE.prose);
          c.records.push(-1);
          c.text.push(raw + ending);
        });
      }
    },
    push(chunk) {
      if (splitter === null) this.beginFile(`input ${files.length + 1}`);
      progress.chars += chunk.length;
      plainChunk = !hasUnicodeSpace(chunk);
      splitter?.push(chunk);
    },
    endFile,
    finish() {
      endFile();
      const { negotiations: built, ikev2, events } = finalizeNegotiations(builder ?? new NegotiationBuilder(records), records);
      // the drafts, maps and address book are not part of the result: let them go
      builder = null;
      const judge = options.replay === false ? null : new TransitionJudge();
      const verdicts = built.map((n) => judge?.verdicts(n) ?? null);
      const parsedConfigs = configs.map((c) => ({ file: c.file, parsed: parseConfig(c.text.join('')) }));
      const attached = parsedConfigs.map((c) => ({ file: c.file, config: effectiveConfig(c.parsed) }));
      const relations = built.map((n) => relateConfigs(n, attached));
      const memo = new DiagnosisMemo();
      const findings = built.map((n, i) => diagnose({ negotiation: n, events: n.evidence, configs: relations[i]!.sides, memo }));
      let lines = 0;
      for (const f of files) if (f.kind === 'log') lines += f.lines;
      return {
        schema: ANALYSIS_SCHEMA,
        input: { files, lines, unrecognized },
        // IKEv2 negotiations follow the IKEv1 ones, related to the configs by their own relations and judged by their own rules
        negotiations: [...built.map((n, i) => assembleNegotiation({ built: n, verdicts: verdicts[i]!, configs: relations[i]!, findings: findings[i]! })), ...judgedIkev2(ikev2, judge !== null).map((n) => ikev2WithConfigs(n, attached))],
        events,
        lineTables: tables,
        records: records.table(),
        configDefaults: attached.map((c, i) => ({
          file: c.file,
          routers: parsedConfigs[i]!.parsed.routers,
          implicit: implicitDefaults(c.config, parsedConfigs[i]!.parsed),
        })),
      };
    },
  };
}

/** An IKEv2 negotiation with its messages' config lines and its findings, which point at the config lines too. */
function ikev2WithConfigs(n: Negotiation, attached: readonly AttachedConfig[]): Negotiation {
  const relations = relateIkev2Configs(n, attached);
  const related = withIkev2Configs(n, relations);
  return { ...related, findings: withIkev2ConfigLines(diagnoseIkev2(related), related, relations.sides) };
}

/** The IKEv2 negotiations with their SM Trace transitions judged (when replay is on), the machines' steps shared. */
function judgedIkev2(negotiations: readonly Negotiation[], replay: boolean): Negotiation[] {
  if (!replay) return negotiations.slice();
  const steps = new Ikev2Steps();
  return negotiations.map((n) => judgeIkev2(n, steps));
}

export function analyze(inputs: readonly AnalyzeInput[], options: AnalyzeOptions = {}): Analysis {
  const analyzer = createAnalyzer(options);
  for (const input of inputs) {
    analyzer.beginFile(input.name, 'log');
    analyzer.push(input.text);
    analyzer.endFile();
  }
  for (const c of options.configs ?? []) {
    analyzer.beginFile(c.name, 'config');
    analyzer.push(c.text);
    analyzer.endFile();
  }
  return analyzer.finish();
}
