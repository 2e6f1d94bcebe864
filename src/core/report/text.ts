/** The text renderer, `analyze`'s human-readable report: per negotiation a text ladder, the states, the outcome. */
import { analysisInputFacts, answerInput, answerReportLine } from '../input-answer.ts';
import type { Analysis, Message, Negotiation, Phase2 } from '../analysis.ts';
import type { LineRef } from '../ike/line-ref.ts';
import { lineKindName } from '../ike/line-kinds.ts';
import { isFirstLineOf, lineAnnotation } from '../log/record-table.ts';
import { lookupTable } from '../ike/lookup-table.ts';
import { buildTimeline, type Step } from '../timeline/timeline.ts';
import { ikev2Text } from './ikev2-text.ts';
import { phase2Name, statePath } from './case-facts.ts';
import { keyMasker } from '../config/key-mask.ts';
import type { ReportOptions } from './report-source.ts';
import { STRAY_EVENTS_TITLE, strayEventNotes } from './stray-event-notes.ts';

const ARROW_WIDTH = 14;

function lineList(lines: readonly LineRef[], files: number): string {
  if (lines.length === 0) return '';
  const parts: string[] = [];
  let i = 0;
  while (i < lines.length) {
    const start = lines[i];
    if (!start) break;
    let end = start;
    while (i + 1 < lines.length) {
      const next = lines[i + 1];
      if (!next || next.file !== end.file || next.line > end.line + 2) break;
      end = next;
      i += 1;
    }
    const file = files > 1 ? `${start.file}:` : '';
    parts.push(end.line === start.line ? `${file}${start.line}` : `${file}${start.line}-${end.line}`);
    i += 1;
  }
  return parts.length > 6 ? `${parts.slice(0, 6).join(', ')}, …` : parts.join(', ');
}

function arrow(m: Message, left: string, right: string): string {
  const label = `${m.name}${m.retransmission ? ` (resent #${m.attempt})` : ''}${m.delivery ? ` (${m.delivery})` : ''}`;
  const pad = Math.max(2, ARROW_WIDTH - label.length);
  const a = Math.floor(pad / 2);
  const b = pad - a;
  return m.from === 'initiator'
    ? `${left} ${'─'.repeat(a)}${label}${'─'.repeat(b)}► ${right}`
    : `${left} ◄${'─'.repeat(a)}${label}${'─'.repeat(b)} ${right}`;
}

/**
 * Every message of the negotiation as a text arrow, in the order of the core timeline (the order the page's
 * ladder draws): each router's log order, tied across the two logs by causality. A Quick Mode's messages are
 * named by its message ID when there are several.
 */
export function ladderRows(n: Negotiation, files: number): string[] {
  const left = n.routers.initiator.name;
  const right = n.routers.responder.name;
  const width = Math.max(left.length, 2);
  const timeline = buildTimeline(n);
  return timeline.messageSteps.map((index) => {
    const step = timeline.steps[index] as Extract<Step, { kind: 'message' }>;
    const m = step.message;
    const where = lineList(m.lines, files);
    const payloads = m.payloads.length > 0 ? `  [${[...new Set(m.payloads.map((p) => p.type))].join(' ')}]` : '';
    const exchange = step.exchange.phase === 'phase2' && n.phase2.length > 1 ? `  (phase 2 ${n.phase2[step.exchange.index]?.messageId ?? ''})` : '';
    return `${arrow(m, left.padStart(width), right)}${payloads}${exchange}${where ? `   lines ${where}` : ''}`;
  });
}

function ladder(n: Negotiation, files: number, out: string[]): void {
  const rows = ladderRows(n, files);
  if (rows.length === 0) return;
  out.push('  Messages, in the order they happened:');
  for (const row of rows) out.push(`    ${row}`);
}

function proposalText(n: Negotiation): string {
  const p = n.phase1.proposal;
  if (p === null) return '';
  const parts = [
    p.encryption + (p.keyLength !== null ? ` ${p.keyLength}` : ''),
    p.hash,
    p.group !== null ? `DH group ${p.group}` : '',
    p.auth,
    p.lifetimeSeconds !== null ? `${p.lifetimeSeconds} s` : '',
  ].filter((x) => x.length > 0);
  return `  Proposal: ${parts.join(', ')}`;
}

function phase2Text(p: Phase2, n: Negotiation, out: string[]): void {
  const bits = [p.transform, p.encapsulation, p.pfsGroup !== null ? `PFS group ${p.pfsGroup}` : null].filter((x) => x !== null);
  out.push(`  ${phase2Name(p.messageId)}: ${p.outcome}${bits.length ? ` — ${bits.join(', ')}` : ''}`);
  if (p.proxies) out.push(`    Proxies: ${p.proxies.local} ↔ ${p.proxies.remote}`);
  for (const side of ['initiator', 'responder'] as const) {
    const s = statePath(p.transitions, side);
    if (s) out.push(`    ${side} states: ${s}`);
  }
  if (p.spis) out.push(`    SPIs: inbound ${p.spis.inbound}, outbound ${p.spis.outbound} (as seen by ${n.routers.initiator.logged && n.role !== 'responder' ? n.routers.initiator.name : n.routers.responder.name})`);
  const v = p.verification;
  if (v) {
    const active = p.sas.filter((s) => s.status === 'ACTIVE').map((s) => s.spi);
    const status = active.length > 0 ? `${[...new Set(active)].join(' and ')} ACTIVE` : p.sas.some((s) => s.status !== null) ? 'no SPI ACTIVE' : 'no SA status printed';
    out.push(`    Verified by show crypto ipsec sa: ${status}, ${v.packetsOut ?? '?'} packets out, ${v.packetsIn ?? '?'} in${v.up ? ': the tunnel passes traffic both ways.' : '.'}`);
  }
}

export function textReport(a: Analysis, annotate: boolean, texts: readonly string[] | null, options: ReportOptions = {}): string {
  const out: string[] = [];
  const files = a.input.files.length;
  out.push(`ikescope: ${a.input.files.map((f) => `${f.name} (${f.lines} lines${f.kind === 'config' ? ', config' : ''})`).join(', ')}`);
  if (a.negotiations.length === 0) {
    const starts = texts ?? options.samples ?? null;
    const answer = starts === null ? null : answerInput(analysisInputFacts(a, starts));
    out.push(answerReportLine(answer));
  }
  for (const n of a.negotiations) {
    out.push('');
    const who = `${n.routers.initiator.name}${n.routers.initiator.address && n.routers.initiator.address !== n.routers.initiator.name ? ` (${n.routers.initiator.address})` : ''} → ${n.routers.responder.name}${n.routers.responder.address && n.routers.responder.address !== n.routers.responder.name ? ` (${n.routers.responder.address})` : ''}`;
    const view = n.role === 'both' ? "both routers' logs" : n.role === 'unknown' ? 'role not shown in the log' : `log of the ${n.role}`;
    out.push(`Negotiation ${n.id}: ${who}, ${view}`);
    if (n.ikeVersion === 2) ikev2Text(n, out);
    else {
      out.push(`  Phase 1${phase1Mode(n.phase1)}: ${phase1Outcome(n.phase1)}`);
      const proposal = proposalText(n);
      if (proposal) out.push(proposal);
      for (const side of ['initiator', 'responder'] as const) {
        const s = statePath(n.phase1.transitions, side);
        if (s) out.push(`    ${side} states: ${s}`);
      }
    }
    for (const p of n.phase2) phase2Text(p, n, out);
    ladder(n, files, out);
    const refused = [...n.phase1.transitions, ...n.phase2.flatMap((p) => p.transitions)].filter((t) => t.allowed === false);
    if (refused.length > 0) out.push(`  The state machine model does not allow ${refused.length} step(s): lines ${lineList(refused.map((t) => t.line), files)}`);
    for (const f of n.findings) out.push(`  ${f.severity.toUpperCase()} ${f.code}: ${f.summary} Fix: ${f.fix}`);
  }
  const strays = strayEventNotes(a);
  if (strays.length > 0) {
    out.push('');
    out.push(`${STRAY_EVENTS_TITLE}:`);
    for (const s of strays) out.push(`  ${s.heading}, line${s.lines.length === 1 ? '' : 's'} ${lineList(s.lines, files)}${s.meaning !== null ? `: ${s.meaning}` : ''}`);
  }
  if (a.input.unrecognized.length > 0) {
    out.push('');
    out.push(`Lines that look like IKE/IPsec output but were not understood: ${lineList(a.input.unrecognized, files)}`);
  }
  if (annotate && texts !== null) annotated(a, texts, out, options.includeKeys ? (line) => line : keyMasker());
  out.push('');
  return out.join('\n');
}

const MARK = lookupTable<string>({
  debug: ' ',
  continuation: '+',
  prompt: '#',
  show: 's',
  prose: '·',
  blank: ' ',
  unrecognized: '?',
  truncated: '…',
});

/** Every line of every file with its meaning below it, pre-shared keys masked unless asked for. */
function annotated(a: Analysis, texts: readonly string[], out: string[], mask: (line: string) => string): void {
  a.input.files.forEach((file, f) => {
    const table = a.lineTables[f];
    const text = texts[f];
    if (!table || text === undefined) return;
    out.push('');
    out.push(`── ${file.name} ──`);
    const lines = text.split(/\r\n|\r|\n/);
    for (let i = 0; i < file.lines; i += 1) {
      const kind = lineKindName(table.kinds[i] ?? 4);
      const record = table.records[i] ?? -1;
      const raw = lines[i] ?? '';
      out.push(`${String(i + 1).padStart(6)} ${MARK[kind] ?? ' '} ${mask(raw)}`);
      if (record >= 0 && isFirstLineOf(a.records, record, f, i + 1)) {
        const negotiation = a.records.negotiation[record] ?? -1;
        const where = negotiation >= 0 ? ` [${a.negotiations[negotiation]?.id ?? ''}]` : '';
        const annotation = lineAnnotation(a.records, record);
        if (annotation !== null) out.push(`${' '.repeat(9)}↳ ${annotation}${where}`);
      } else if (kind === 'unrecognized') {
        out.push(`${' '.repeat(9)}↳ not understood`);
      } else if (kind === 'truncated') {
        out.push(`${' '.repeat(9)}↳ cut off by the paste`);
      }
    }
  });
}

/** The mode as its lines show it; messages whose lines do not show it are said to be of a mode not logged. */
function phase1Mode(p: Analysis['negotiations'][number]['phase1']): string {
  if (p.mode === 'main') return ' (Main Mode)';
  if (p.mode === 'aggressive') return ' (Aggressive Mode)';
  return p.messages.length > 0 ? ' (mode not logged)' : '';
}

/** "complete", "not logged", or "complete (implied: no phase 1 line is in the log, the lines after it prove it)". */
function phase1Outcome(p: Analysis['negotiations'][number]['phase1']): string {
  if (p.outcome === 'not-logged' && p.proposal !== null) return "not logged (no line says how far phase 1 went; show output lists its SA's algorithms)";
  if (p.outcome === 'not-logged') return 'not logged (no line of the log says anything of phase 1)';
  return p.implied === true ? `${p.outcome} (implied: no phase 1 line is in the log, the lines after it prove it)` : p.outcome;
}
