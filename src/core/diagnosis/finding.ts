/**
 * A finding as the diagnosis rules make it: the contract's `Finding` plus where it happened (message, side),
 * the config lines to change, and the lines that look guilty but are not.
 */
import type { Finding, FindingCode, Severity } from '../analysis.ts';
import { type LineRef, compareLines } from '../ike/line-ref.ts';
import type { MessageName } from '../ike/messages.ts';
import type { Side } from '../ike/sides.ts';

export interface ExplainedLine {
  line: LineRef;
  /** Why this line is not the cause. */
  text: string;
}

export interface DiagnosedFinding extends Finding {
  /** The message where it happened: MM1 for a refused policy, MM5 for a key mismatch, QM1 for a refused proposal. */
  message?: MessageName;
  /** The side where it happened: the router whose log shows the cause (or that must change). */
  side?: Side;
  /** The config lines to change (or to look at), on the router named in `fix`. */
  configLines?: LineRef[];
  /** Red herrings: lines that read like the cause but are not. */
  explained?: ExplainedLine[];
}

export interface FindingParts {
  code: FindingCode;
  severity: Severity;
  lines: readonly LineRef[];
  summary: string;
  fix: string;
  message?: MessageName | null;
  side?: Side | null;
  configLines?: readonly LineRef[];
  explained?: readonly ExplainedLine[];
}

/** Builds a finding: evidence lines sorted and unique, optional fields left out when empty. */
export function finding(p: FindingParts): DiagnosedFinding {
  const f: DiagnosedFinding = { code: p.code, severity: p.severity, lines: uniqueLines(p.lines), summary: sentence(p.summary), fix: sentence(p.fix) };
  if (p.message) f.message = p.message;
  if (p.side) f.side = p.side;
  if (p.configLines && p.configLines.length > 0) f.configLines = uniqueLines(p.configLines);
  if (p.explained && p.explained.length > 0) f.explained = [...p.explained];
  return f;
}

/** Lines in file then line order, each once. */
export function uniqueLines(lines: readonly LineRef[]): LineRef[] {
  const sorted = lines.map((l) => ({ file: l.file, line: l.line })).sort(compareLines);
  const out: LineRef[] = [];
  for (const l of sorted) {
    const last = out[out.length - 1];
    if (last === undefined || last.file !== l.file || last.line !== l.line) out.push(l);
  }
  return out;
}

const rank: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

/** Most severe first; equal severities keep their order. */
export function bySeverity(a: Finding, b: Finding): number {
  return rank[a.severity] - rank[b.severity];
}

/** Router names such as "the responder" may open a sentence. */
export function sentence(text: string): string {
  return text.length > 0 ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}

/**
 * One finding per code and severity: an initiator retrying a refused Quick Mode five times is one problem
 * seen five times, not five problems.
 */
export function mergeRepeats(findings: readonly DiagnosedFinding[]): DiagnosedFinding[] {
  // most negotiations have no refusal to merge: no map for them
  if (findings.length < 2) return findings.map((f) => ({ ...f }));
  const out: DiagnosedFinding[] = [];
  const counts = new Map<DiagnosedFinding, number>();
  for (const f of findings) {
    const same = out.find((o) => o.code === f.code && o.severity === f.severity);
    if (!same) {
      out.push({ ...f });
      counts.set(out[out.length - 1] as DiagnosedFinding, 1);
      continue;
    }
    same.lines = uniqueLines([...same.lines, ...f.lines]);
    counts.set(same, (counts.get(same) ?? 1) + 1);
  }
  for (const [f, n] of counts) if (n > 1) f.summary += ` Seen ${n} times: the initiator retried and met the same refusal.`;
  return out;
}
