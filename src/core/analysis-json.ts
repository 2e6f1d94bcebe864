/**
 * The JSON contract of `analyze --json` (DESIGN.md, schema "ikescope.analysis/1"): exactly the fields it
 * names, picked from the Analysis. What only the page needs (per-line tables, payloads, times, routers) and
 * the evidence the diagnosis read (record indices, conn-ids) stay out, so the output is small and a person
 * can review a golden file of it line by line.
 */
import type { Analysis, Finding, Message, Negotiation, Phase1, Phase2, Transition } from './analysis.ts';
import type { LineRef } from './ike/line-ref.ts';
import { formatTimeOfDay } from './clock/time-of-day.ts';
import { summarizeAnalysis, type AnalysisSummary } from './summary/summary.ts';

/** A line, or with `to` the run of consecutive lines `line`..`to` of one file. */
export interface LineRun {
  file: number;
  line: number;
  to?: number;
}

export interface MessageJson {
  name: Message['name'];
  from: Message['from'];
  dir?: Message['dir'];
  lines: LineRun[];
  config?: LineRun[];
}

export interface TransitionJson {
  from: string;
  to: string;
  input: string;
  line: LineRef;
  allowed: boolean | null;
}

export interface Phase1Json {
  mode: Phase1['mode'];
  outcome: Phase1['outcome'];
  messages: MessageJson[];
  transitions: TransitionJson[];
  proposal: Phase1['proposal'];
}

export interface Phase2Json {
  messageId: number;
  outcome: Phase2['outcome'];
  messages: MessageJson[];
  transform: string | null;
  encapsulation: Phase2['encapsulation'];
  spis: Phase2['spis'];
  pfsGroup: number | null;
}

export interface FindingJson {
  code: Finding['code'];
  severity: Finding['severity'];
  lines: LineRun[];
  summary: string;
  fix: string;
}

export interface NegotiationJson {
  id: string;
  local: string;
  peer: string;
  role: Negotiation['role'];
  ikeVersion: Negotiation['ikeVersion'];
  phase1: Phase1Json;
  phase2: Phase2Json[];
  findings: FindingJson[];
}

/** The summary of the whole log (DESIGN.md, "Many negotiations"), its files' time spans as IOS prints times. */
export type SummaryJson = Omit<AnalysisSummary, 'spans'> & { spans: { file: number; first: string; last: string }[] };

export interface AnalysisJson {
  schema: Analysis['schema'];
  input: { files: Analysis['input']['files']; lines: number; unrecognized: LineRun[] };
  summary: SummaryJson;
  negotiations: NegotiationJson[];
}

export function summaryJson(s: AnalysisSummary): SummaryJson {
  return { ...s, spans: s.spans.map((span) => ({ file: span.file, first: formatTimeOfDay(span.first), last: formatTimeOfDay(span.last) })) };
}

/** Consecutive lines of one file, in the order given, become one run; the order itself is kept. */
export function lineRuns(lines: readonly LineRef[]): LineRun[] {
  const runs: LineRun[] = [];
  let last: LineRun | null = null;
  for (const { file, line } of lines) {
    if (last !== null && last.file === file && line === (last.to ?? last.line) + 1) {
      last.to = line;
      continue;
    }
    last = { file, line };
    runs.push(last);
  }
  return runs;
}

function messageJson(m: Message): MessageJson {
  const lines = lineRuns(m.lines);
  const out: MessageJson = m.dir === undefined ? { name: m.name, from: m.from, lines } : { name: m.name, from: m.from, dir: m.dir, lines };
  if (m.config !== undefined) out.config = lineRuns(m.config);
  return out;
}

function transitionJson(t: Transition): TransitionJson {
  return { from: t.from, to: t.to, input: t.input, line: { file: t.line.file, line: t.line.line }, allowed: t.allowed };
}

function negotiationJson(n: Negotiation): NegotiationJson {
  const p1 = n.phase1;
  return {
    id: n.id,
    local: n.local,
    peer: n.peer,
    role: n.role,
    ikeVersion: n.ikeVersion,
    phase1: { mode: p1.mode, outcome: p1.outcome, messages: p1.messages.map(messageJson), transitions: p1.transitions.map(transitionJson), proposal: p1.proposal },
    phase2: n.phase2.map((p) => ({
      messageId: p.messageId,
      outcome: p.outcome,
      messages: p.messages.map(messageJson),
      transform: p.transform,
      encapsulation: p.encapsulation,
      spis: p.spis,
      pfsGroup: p.pfsGroup,
    })),
    findings: n.findings.map((f) => ({ code: f.code, severity: f.severity, lines: lineRuns(f.lines), summary: f.summary, fix: f.fix })),
  };
}

/** The contract's object for an analysis. */
export function analysisJson(a: Analysis): AnalysisJson {
  return {
    schema: a.schema,
    input: { files: a.input.files, lines: a.input.lines, unrecognized: lineRuns(a.input.unrecognized) },
    summary: summaryJson(summarizeAnalysis(a)),
    negotiations: a.negotiations.map(negotiationJson),
  };
}

/** A line reference as JSON.stringify indents it, over three or four lines. */
const SPREAD_REF = /\{\n +"file": (\d+),\n +"line": (\d+)(?:,\n +"to": (\d+))?\n +\}/g;

/** The contract's text: indented JSON with each line reference on one line, so a listing of lines stays short. */
export function analysisJsonText(a: Analysis): string {
  const text = JSON.stringify(analysisJson(a), null, 2).replace(SPREAD_REF, (_, file: string, line: string, to: string | undefined) =>
    to === undefined ? `{ "file": ${file}, "line": ${line} }` : `{ "file": ${file}, "line": ${line}, "to": ${to} }`,
  );
  return `${text}\n`;
}
