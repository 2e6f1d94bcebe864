/** `analyze --summary`: the summary of a whole log as a plain-text table, the failing peers first. */
import type { InputFile } from '../analysis.ts';
import { formatTimeOfDay } from '../clock/time-of-day.ts';
import type { AnalysisSummary, OutcomeCounts } from './summary.ts';

/** At most this many peers are listed: a headend's thousands of healthy peers are counted, not listed. */
const PEERS_LISTED = 50;

function counts(c: OutcomeCounts): string {
  const parts = Object.entries(c).map(([outcome, n]) => `${outcome} ${n ?? 0}`);
  return parts.length === 0 ? 'none' : parts.join(', ');
}

/** Rows as aligned columns, four spaces in, appended to `out`. */
function table(out: string[], rows: readonly (readonly string[])[]): void {
  const widths: number[] = [];
  for (const r of rows) r.forEach((cell, col) => (widths[col] = Math.max(widths[col] ?? 0, cell.length)));
  for (const r of rows) out.push(`    ${r.map((cell, col) => (col === r.length - 1 ? cell : cell.padEnd(widths[col] ?? 0))).join('  ')}`.trimEnd());
}

export function summaryText(s: AnalysisSummary, files: readonly InputFile[]): string {
  const out: string[] = [];
  out.push(`${s.negotiations} negotiation${s.negotiations === 1 ? '' : 's'}, ${s.failed} failed`);
  out.push(`  Negotiations: ${counts(s.byOutcome.negotiation)}`);
  out.push(`  Phase 1: ${counts(s.byOutcome.phase1)}`);
  out.push(`  Phase 2 (Quick Modes): ${counts(s.byOutcome.phase2)}`);
  // IKEv2's exchanges only when the log has IKEv2 negotiations
  if (Object.keys(s.byOutcome.ikeSa).length > 0) {
    out.push(`  IKEv2 IKE SAs: ${counts(s.byOutcome.ikeSa)}`);
    out.push(`  IKEv2 child SAs: ${counts(s.byOutcome.childSas)}`);
  }
  const findings = Object.entries(s.byFinding);
  const total = s.bySeverity.error + s.bySeverity.warning + s.bySeverity.info;
  out.push(`  Findings: ${total} (${s.bySeverity.error} error, ${s.bySeverity.warning} warning, ${s.bySeverity.info} info)`);
  table(out, findings.map(([code, n]) => [code, String(n ?? 0)]));
  if (s.peers.length > 0) {
    const listed = s.peers.slice(0, PEERS_LISTED);
    out.push(`  Peers, failing first${s.peers.length > listed.length ? ` (the first ${listed.length} of ${s.peers.length})` : ''}:`);
    table(out, [['PEER', 'NEGOTIATIONS', 'FAILED', 'FINDINGS'], ...listed.map((p) => [p.peer || '(not shown)', String(p.negotiations), String(p.failed), p.codes.join(' ') || '-'])]);
  }
  if (s.strays !== undefined) {
    out.push('  Lines outside any negotiation:');
    table(out, s.strays.map((e) => [e.event, `${e.lines} line${e.lines === 1 ? '' : 's'}`, `${e.peers} peer${e.peers === 1 ? '' : 's'}`]));
  }
  for (const span of s.spans) {
    const name = files[span.file]?.name ?? `file ${span.file}`;
    out.push(`  ${name}: ${formatTimeOfDay(span.first)} to ${formatTimeOfDay(span.last)} (its own clock)`);
  }
  return `${out.join('\n')}\n`;
}
