/**
 * The JSON contract of `analyze --json` (DESIGN.md, schema "ikescope.analysis/1"): exactly the fields it
 * names, picked from the Analysis. What only the page needs (per-line tables, payloads, times, routers) and
 * the evidence the diagnosis read (record indices, conn-ids) stay out, so the output is small and a person
 * can review a golden file of it line by line.
 */
import type { Analysis, ChildSa, Finding, IkeSa, Ikev2Message, Ikev2Shown, Message, Negotiation, Phase1, Phase2, StrayEvent, Transition } from './analysis.ts';
import type { LineRef } from './ike/line-ref.ts';
import { lineInfo } from './line-info.ts';
import { strayMeaning } from './report/stray-event-notes.ts';
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
  /** IKEv2 without SM Trace lines: implied by the packet on `line`. */
  implied?: true;
}

export interface Phase1Json {
  /** Left out when no line shows the mode. */
  mode?: 'main' | 'aggressive';
  outcome: Phase1['outcome'];
  /** Present (true) when the outcome is proven by later lines only: no phase 1 line is in the paste. */
  implied?: true;
  messages: MessageJson[];
  transitions: TransitionJson[];
  proposal: Phase1['proposal'];
}

export interface Phase2Json {
  /** null when the log does not show it (IPsec's lines alone): a Quick Mode's message ID is never 0. */
  messageId: number | null;
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

export interface Ikev2MessageJson {
  name: Ikev2Message['name'];
  response: boolean;
  messageId: number;
  from: Ikev2Message['from'];
  dir?: Ikev2Message['dir'];
  lines: LineRun[];
  payloads: string[];
  /** An empty INFORMATIONAL request and its answer: a liveness check (DPD). */
  liveness?: true;
  /** The config lines it depends on, when configs were given (as an IKEv1 message's). */
  config?: LineRun[];
}

export interface IkeSaJson {
  spis: IkeSa['spis'];
  outcome: IkeSa['outcome'];
  implied?: true;
  /** What `show crypto ikev2 sa` / `session` lists of it, its lines as runs. */
  shown?: Omit<Ikev2Shown, 'lines'> & { lines: LineRun[] };
  messages: Ikev2MessageJson[];
  transitions: TransitionJson[];
  proposal: IkeSa['proposal'];
}

export type ChildSaJson = Pick<ChildSa, 'messageId' | 'outcome' | 'transform' | 'spis' | 'trafficSelectors'>;

interface NegotiationHead {
  id: string;
  local: string;
  peer: string;
  role: Negotiation['role'];
  ikeVersion: Negotiation['ikeVersion'];
}

/** IKEv1: `phase1` and `phase2`; IKEv2: `ikeSa` and `childSas` in their place (DESIGN.md, "IKEv2"). */
export type NegotiationJson =
  | (NegotiationHead & { phase1: Phase1Json; phase2: Phase2Json[]; findings: FindingJson[] })
  | (NegotiationHead & { ikeSa: IkeSaJson; childSas: ChildSaJson[]; findings: FindingJson[] });

/** The summary of the whole log (DESIGN.md, "Many negotiations"), its files' time spans as IOS prints times. */
export type SummaryJson = Omit<AnalysisSummary, 'spans'> & { spans: { file: number; first: string; last: string }[] };

/** An error or syslog message outside any negotiation, with what it means. */
export interface StrayEventJson {
  event: string;
  peer: string | null;
  lines: LineRun[];
  meaning: string | null;
}

export interface AnalysisJson {
  schema: Analysis['schema'];
  input: { files: Analysis['input']['files']; lines: number; unrecognized: LineRun[] };
  summary: SummaryJson;
  negotiations: NegotiationJson[];
  /** Only when the input has lines outside any negotiation. */
  events?: StrayEventJson[];
}

function strayEventJson(a: Analysis, e: StrayEvent): StrayEventJson {
  return { event: e.event, peer: e.peer, lines: lineRuns(e.lines), meaning: strayMeaning(lineInfo(a, e.lines[0]!).annotation, e) };
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
  const out: TransitionJson = { from: t.from, to: t.to, input: t.input, line: { file: t.line.file, line: t.line.line }, allowed: t.allowed };
  if (t.implied === true) out.implied = true;
  return out;
}

// The objects below are made field by field in the contract's order, not spread together: a large log has tens
// of thousands of messages, and each spread made (and threw away) an object of its own.
function ikev2MessageJson(m: Ikev2Message): Ikev2MessageJson {
  const lines = lineRuns(m.lines);
  const out: Ikev2MessageJson =
    m.dir === undefined
      ? { name: m.name, response: m.response, messageId: m.messageId, from: m.from, lines, payloads: m.payloads }
      : { name: m.name, response: m.response, messageId: m.messageId, from: m.from, dir: m.dir, lines, payloads: m.payloads };
  if (m.liveness === true) out.liveness = true;
  if (m.config !== undefined) out.config = lineRuns(m.config);
  return out;
}

function findingJson(f: Finding): FindingJson {
  return { code: f.code, severity: f.severity, lines: lineRuns(f.lines), summary: f.summary, fix: f.fix };
}

function ikeSaJson(sa: IkeSa): IkeSaJson {
  const out = { spis: sa.spis, outcome: sa.outcome } as IkeSaJson;
  if (sa.implied === true) out.implied = true;
  if (sa.shown !== undefined) out.shown = { ...sa.shown, lines: lineRuns(sa.shown.lines) };
  out.messages = sa.messages.map(ikev2MessageJson);
  out.transitions = sa.transitions.map(transitionJson);
  out.proposal = sa.proposal;
  return out;
}

function phase1Json(p1: Phase1): Phase1Json {
  const out = (p1.mode !== null ? { mode: p1.mode, outcome: p1.outcome } : { outcome: p1.outcome }) as Phase1Json;
  if (p1.implied === true) out.implied = true;
  out.messages = p1.messages.map(messageJson);
  out.transitions = p1.transitions.map(transitionJson);
  out.proposal = p1.proposal;
  return out;
}

function phase2Json(p: Phase2): Phase2Json {
  return {
    messageId: p.messageId === 0 ? null : p.messageId,
    outcome: p.outcome,
    messages: p.messages.map(messageJson),
    transform: p.transform,
    encapsulation: p.encapsulation,
    spis: p.spis,
    pfsGroup: p.pfsGroup,
  };
}

function childSaJson(c: ChildSa): ChildSaJson {
  return { messageId: c.messageId, outcome: c.outcome, transform: c.transform, spis: c.spis, trafficSelectors: c.trafficSelectors };
}

function negotiationJson(n: Negotiation): NegotiationJson {
  if (n.ikeVersion === 2 && n.ikeSa !== undefined) {
    return { id: n.id, local: n.local, peer: n.peer, role: n.role, ikeVersion: n.ikeVersion, ikeSa: ikeSaJson(n.ikeSa), childSas: (n.childSas ?? []).map(childSaJson), findings: n.findings.map(findingJson) };
  }
  return { id: n.id, local: n.local, peer: n.peer, role: n.role, ikeVersion: n.ikeVersion, phase1: phase1Json(n.phase1), phase2: n.phase2.map(phase2Json), findings: n.findings.map(findingJson) };
}

/** The contract's object for an analysis. */
export function analysisJson(a: Analysis): AnalysisJson {
  return { ...headJson(a), negotiations: a.negotiations.map(negotiationJson), ...eventsJson(a) };
}

function headJson(a: Analysis): Pick<AnalysisJson, 'schema' | 'input' | 'summary'> {
  return { schema: a.schema, input: { files: a.input.files, lines: a.input.lines, unrecognized: lineRuns(a.input.unrecognized) }, summary: summaryJson(summarizeAnalysis(a)) };
}

function eventsJson(a: Analysis): Pick<AnalysisJson, 'events'> {
  return a.events.length > 0 ? { events: a.events.map((e) => strayEventJson(a, e)) } : {};
}

/** A line reference as JSON.stringify indents it, over three or four lines. */
const SPREAD_REF = /\{\n +"file": (\d+),\n +"line": (\d+)(?:,\n +"to": (\d+))?\n +\}/g;

/** Indented JSON with each line reference on one line, so a listing of lines stays short. */
function compactRefs(text: string): string {
  return text.replace(SPREAD_REF, (_, file: string, line: string, to: string | undefined) =>
    to === undefined ? `{ "file": ${file}, "line": ${line} }` : `{ "file": ${file}, "line": ${line}, "to": ${to} }`,
  );
}

/**
 * Where the negotiations go in the text of the rest: the root's own key (a raw line break and two spaces occur
 * only between the root's fields, never inside a string), its value a stand-in printed as `"\u0000"`.
 */
const NEGOTIATIONS_KEY = '\n  "negotiations": ';
const NEGOTIATIONS_HERE = `${NEGOTIATIONS_KEY}"\\u0000"`;

/** How many negotiations are printed together: few enough that their text stays small. */
const BATCH = 64;
/** An array of negotiations as the root's `negotiations` prints it, wrapped as JSON.stringify indents it there. */
const ITEMS_BEFORE = '{\n  "n": [\n    ';
const ITEMS_AFTER = '\n  ]\n}';

/**
 * The contract's text in pieces, as `analysisJsonText` joins them: the negotiations a few at a time, so a large
 * log's JSON is never one string nor one object (the negotiations' objects are made, printed and let go in turn).
 */
export function* analysisJsonPieces(a: Analysis): Generator<string> {
  const rest = compactRefs(JSON.stringify({ ...headJson(a), negotiations: '\u0000', ...eventsJson(a) }, null, 2));
  const at = rest.indexOf(NEGOTIATIONS_HERE);
  yield rest.slice(0, at + NEGOTIATIONS_KEY.length);
  const all = a.negotiations;
  if (all.length === 0) yield '[]';
  else {
    for (let i = 0; i < all.length; i += BATCH) {
      // printed at the depth of the root's array items; the wrapper's own text cut off
      const text = JSON.stringify({ n: all.slice(i, i + BATCH).map(negotiationJson) }, null, 2);
      yield `${i === 0 ? '[\n    ' : ',\n    '}${compactRefs(text.slice(ITEMS_BEFORE.length, text.length - ITEMS_AFTER.length))}`;
    }
    yield '\n  ]';
  }
  yield `${rest.slice(at + NEGOTIATIONS_HERE.length)}\n`;
}

/** The contract's text: indented JSON with each line reference on one line. */
export function analysisJsonText(a: Analysis): string {
  let text = '';
  for (const piece of analysisJsonPieces(a)) text += piece;
  return text;
}
