import type { Analysis, AnalysisInput, Finding, LineTable, Negotiation, RecordTable } from '../core/analysis.ts';
import { countLogLines } from '../core/input-answer.ts';
import { negotiationOutcome, summarizeAnalysis, type AnalysisSummary, type NegotiationOutcome } from '../core/summary/summary.ts';

/**
 * What the page holds of an analysis. The full `Analysis` stays in the worker: a 100 MB log has hundreds of
 * thousands of records and thousands of negotiations, and cloning them to the page would block it for
 * seconds. The page gets typed columns (transferred, not copied), one summary per negotiation, and asks
 * for a whole negotiation when it is chosen.
 */
export interface PageAnalysis {
  input: AnalysisInput;
  negotiations: NegotiationSummary[];
  /** Error and syslog lines outside any negotiation. */
  events: Analysis['events'];
  /** The whole log in numbers: outcomes, findings by code, the failing peers (computed once, here). */
  summary: AnalysisSummary;
  lineTables: LineTable[];
  /** The logs' lines that are not blank, and those read as debug or show output (the input's answer reads them): counted here, off the page. */
  lineCounts: { textLines: number; debugLines: number };
  records: PageRecords;
  configDefaults: Analysis['configDefaults'];
  /** The first negotiation in full, so the page can draw it without a round trip. */
  first: Negotiation | null;
  /** True while this is an early look at the start of the input; the full analysis follows. */
  partial: boolean;
}

/** Enough of a negotiation for the negotiations list, its filters and its sort. */
export type NegotiationSummary = Pick<Negotiation, 'id' | 'local' | 'peer' | 'role' | 'ikeVersion' | 'routers'> & {
  outcome: NegotiationOutcome;
  phase1: Pick<Negotiation['phase1'], 'mode' | 'outcome' | 'implied'>;
  phase2: Pick<Negotiation['phase2'][number], 'outcome'>[];
  /** IKEv2: the child SAs' outcomes. */
  childSas?: Pick<NonNullable<Negotiation['childSas']>[number], 'outcome'>[];
  findings: Pick<Finding, 'code' | 'severity'>[];
};

/**
 * The columns of Analysis.records the page reads (the log pane's annotations, a line's negotiation, a line's
 * time for the ladder's time deltas). Posted, they are transferred like the line tables: the analysis the worker
 * keeps answers for whole negotiations only, and needs neither.
 */
export type PageRecords = Pick<RecordTable, 'file' | 'line' | 'annotation' | 'annotations' | 'negotiation' | 'time'>;

export function summarize(negotiation: Negotiation): NegotiationSummary {
  return {
    id: negotiation.id,
    local: negotiation.local,
    peer: negotiation.peer,
    outcome: negotiationOutcome(negotiation),
    role: negotiation.role,
    ikeVersion: negotiation.ikeVersion,
    routers: negotiation.routers,
    // IKEv2: the IKE SA's outcome implied by show output reads as phase 1's does
    phase1: { mode: negotiation.phase1.mode, outcome: negotiation.phase1.outcome, ...(negotiation.phase1.implied || negotiation.ikeSa?.implied ? { implied: true as const } : {}) },
    phase2: negotiation.phase2.map((p) => ({ outcome: p.outcome })),
    ...(negotiation.childSas === undefined ? {} : { childSas: negotiation.childSas.map((c) => ({ outcome: c.outcome })) }),
    findings: negotiation.findings.map((f) => ({ code: f.code, severity: f.severity })),
  };
}

export function pageRecords(records: RecordTable): PageRecords {
  const { file, line, annotation, annotations, negotiation, time } = records;
  return { file, line, annotation, annotations, negotiation, time };
}

export function toPageAnalysis(analysis: Analysis, partial: boolean): PageAnalysis {
  return {
    input: analysis.input,
    negotiations: analysis.negotiations.map(summarize),
    events: analysis.events,
    summary: summarizeAnalysis(analysis),
    lineTables: analysis.lineTables,
    lineCounts: countLogLines(analysis.lineTables.filter((_, i) => analysis.input.files[i]?.kind !== 'config')),
    records: pageRecords(analysis.records),
    configDefaults: analysis.configDefaults,
    first: analysis.negotiations[0] ?? null,
    partial,
  };
}

/** The buffers to transfer rather than copy when posting a page analysis. */
export function transferablesOf(page: PageAnalysis): ArrayBuffer[] {
  const buffers = [
    ...page.lineTables.flatMap((t) => [t.kinds.buffer, t.records.buffer]),
    page.records.file.buffer,
    page.records.line.buffer,
    page.records.annotation.buffer,
    page.records.negotiation.buffer,
    page.records.time.buffer,
  ];
  // each once: a buffer listed twice cannot be transferred
  return [...new Set(buffers.filter((b): b is ArrayBuffer => b instanceof ArrayBuffer))];
}
