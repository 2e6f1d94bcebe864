import type { ReportOptions, ReportSource } from './report-source.ts';
import { SourceLines, type ShownLine } from './source-lines.ts';
import { caseLines, caseNote, type CaseMessage, type CaseNote } from './case-note.ts';
import { configListings, relatedConfigLines } from './config-listing.ts';
import { ladderRows } from './text.ts';
import { phase2Short, routerName } from './case-facts.ts';
import { STRAY_EVENTS_TITLE, strayEventNotes } from './stray-event-notes.ts';

/**
 * The Markdown case note: per negotiation the ladder as text, the outcome and states, the findings with their
 * evidence lines and fixes, then each message with its debug lines, what it includes and its configuration,
 * and the configs with their unsaid defaults. Log text only ever stands in code blocks or escaped.
 */

/** Text the log or a config supplied, safe inline: Markdown's markup characters escaped, no line break. */
export function mdInline(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`);
}

/** Log text as a code span: no markup inside, a backtick of the log made a quote. */
export const mdCode = (text: string): string => `\`${text.replace(/[\r\n]+/g, ' ').replace(/`/g, "'")}\``;

/** A fenced code block that no backtick run of its content can close. */
export function fence(lines: readonly string[], info = 'text'): string[] {
  let longest = 2;
  for (const line of lines) {
    for (const run of line.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  }
  const marks = '`'.repeat(longest + 1);
  return [`${marks}${info}`, ...lines, marks];
}

const at = (source: ReportSource, line: ShownLine) =>
  `${source.input.files.length > 1 ? `${line.file}:` : ''}${String(line.line).padStart(4)}`;

/** Lines of one file as they were printed, each with its number and, below a record's first line, what it means. */
function listing(source: ReportSource, lines: readonly ShownLine[], annotate: boolean): string[] {
  const out: string[] = [];
  for (const line of lines) {
    out.push(`${at(source, line)}  ${line.text ?? '(text not given)'}`);
    if (annotate && line.annotation) out.push(`${' '.repeat(at(source, line).length)}  ↳ ${line.annotation}`);
  }
  return out;
}

function messageSection(source: ReportSource, m: CaseMessage, out: string[]): void {
  const mark = m.marks.length > 0 ? ` (${m.marks.join(', ')})` : '';
  out.push(`### ${m.number}. ${mdInline(m.message.name)}${mark}${m.guide ? `: ${mdInline(m.guide.title)}` : ''}`);
  out.push('');
  const meta = [`${mdInline(routerName(m.from))} → ${mdInline(routerName(m.to))}`, m.exchange];
  if (m.message.messageId !== 0) meta.push(`message ID ${m.message.messageId}`);
  if (m.message.saState) meta.push(`SA state ${mdCode(m.message.saState)}`);
  out.push(meta.join(' · '));
  out.push('');
  if (m.guide) {
    out.push(`${mdInline(m.guide.purpose)}`);
    out.push('');
    out.push(`- **Includes:** ${mdInline(m.guide.carries)}`);
  }
  if (m.payloads) out.push(`- **Payloads in the log:** ${mdInline(m.payloads)}${m.payloads.includes('(') ? ' (in parentheses: required by the protocol, not listed by the log)' : ''}`);
  if (m.guide) {
    out.push(`- **Sender:** ${mdInline(m.guide.sender)}`);
    out.push(`- **Receiver:** ${mdInline(m.guide.receiver)}`);
  }
  for (const t of m.statesAfter) {
    const router = t.side === m.message.from ? m.from : m.to;
    out.push(`- **State of ${mdInline(routerName(router))}:** ${mdCode(t.from)} → ${mdCode(t.to)}${t.allowed === false ? ' (not allowed by the state model)' : ''}`);
  }
  for (const f of m.failures) out.push(`- **Failed here:** ${f.code}: ${mdInline(f.summary)}`);
  out.push('');
  for (const printed of m.printed) {
    out.push(`Debug lines of ${mdInline(printed.router)} (${printed.side}):`);
    out.push('');
    for (const line of fence(listing(source, printed.lines, true))) out.push(line);
    out.push('');
  }
  for (const config of m.config) {
    out.push(`Related configuration in ${mdInline(config.name)}:`);
    out.push('');
    const rows = config.lines.map((l) => `${String(l.line).padStart(4)}  ${l.text ?? '(text not given)'}`);
    for (const d of config.defaults) rows.push(`      ${d.text}   ! IOS default: ${d.why}`);
    for (const line of fence(rows)) out.push(line);
    out.push('');
  }
}

function stateLines(note: CaseNote, out: string[]): void {
  if (note.states.length === 0) return;
  out.push('## States');
  out.push('');
  for (const s of note.states) out.push(`- ${mdInline(s.who)}: ${mdCode(s.path)}`);
  out.push('');
}

function findingLines(source: ReportSource, note: CaseNote, out: string[]): void {
  out.push('## Findings');
  out.push('');
  if (note.findings.length === 0) {
    out.push('No finding: nothing in the log reads as a fault.');
    out.push('');
    return;
  }
  for (const { finding, evidence, configLines, explained } of note.findings) {
    out.push(`### ${finding.severity.toUpperCase()} ${finding.code}`);
    out.push('');
    out.push(mdInline(finding.summary));
    out.push('');
    if (finding.fix) {
      out.push(`**Fix:** ${mdInline(finding.fix)}`);
      out.push('');
    }
    if (evidence.length > 0) {
      out.push('Evidence:');
      out.push('');
      for (const line of fence(listing(source, evidence, false))) out.push(line);
      out.push('');
    }
    if (configLines.length > 0) {
      out.push('Config lines to change:');
      out.push('');
      for (const line of fence(listing(source, configLines, false))) out.push(line);
      out.push('');
    }
    for (const e of explained) out.push(`- Not the cause: line ${e.line.line} (\`${(e.line.text ?? '').replace(/`/g, "'")}\`): ${mdInline(e.text)}`);
    if (explained.length > 0) out.push('');
  }
}

export function markdownReport(source: ReportSource, options: ReportOptions = {}): string {
  const lines = new SourceLines(source, caseLines(source), options);
  const out: string[] = [];
  out.push(`# ikescope case note`);
  out.push('');
  const numbered = source.input.files.length > 1;
  out.push(`Input: ${source.input.files.map((f, i) => `${numbered ? `${i}: ` : ''}${mdInline(f.name)} (${f.lines} lines${f.kind === 'config' ? ', config' : ''})`).join('; ')}.`);
  if (numbered) out.push('Lines are named file:line by these numbers.');
  out.push(options.includeKeys ? 'Pre-shared keys are shown as configured.' : 'Pre-shared keys are masked (*****).');
  out.push('');
  if (source.negotiations.length === 0) out.push('No negotiation found in this input.', '');
  for (const n of source.negotiations) {
    const note = caseNote(source, n, lines);
    out.push(`## Negotiation ${mdInline(n.id)}: ${mdInline(note.title)}`);
    out.push('');
    out.push(`Read from ${note.view}. Outcome: **${note.outcome}**.`);
    out.push('');
    for (const e of note.exchanges) out.push(e.startsWith('  ') ? `  - ${mdInline(e.trim())}` : `- ${mdInline(e)}`);
    out.push('');
    const rows = ladderRows(n, source.input.files.length);
    if (rows.length > 0) {
      out.push('## Ladder');
      out.push('');
      for (const line of fence(rows)) out.push(line);
      out.push('');
    }
    stateLines(note, out);
    findingLines(source, note, out);
    if (note.messages.length > 0) {
      out.push('## Messages');
      out.push('');
      for (const t of note.statesBefore) {
        out.push(`Before the first message, ${mdInline(routerName(n.routers[t.side]))} goes from ${mdCode(t.from)} to ${mdCode(t.to)}.`);
        out.push('');
      }
      for (const m of note.messages) messageSection(source, m, out);
    }
    for (const v of note.verifications) {
      out.push(`## Verification of ${phase2Short(v.messageId)} (show crypto ipsec sa)`);
      out.push('');
      out.push(mdInline(v.text));
      out.push('');
      for (const line of fence(listing(source, v.lines, false))) out.push(line);
      out.push('');
    }
  }
  const strays = strayEventNotes(source);
  if (strays.length > 0) {
    out.push(`## ${STRAY_EVENTS_TITLE}`);
    out.push('');
    for (const s of strays) {
      out.push(`- ${mdInline(s.heading)}${s.meaning !== null ? `: ${mdInline(s.meaning)}` : ''}`);
      out.push('');
      for (const line of fence(listing(source, lines.shownAll(s.lines), false))) out.push(line);
      out.push('');
    }
  }
  const configs = configListings(source, lines, relatedConfigLines(source));
  if (configs.length > 0) {
    out.push('## Configurations');
    out.push('');
    for (const c of configs) {
      out.push(`### ${mdInline(c.name)}${c.routers.length > 0 ? ` (${mdInline(c.routers.join(', '))})` : ''}`);
      out.push('');
      out.push('Lines marked `>` are the ones this negotiation depends on; `!` lines are IOS defaults the config leaves unsaid.');
      out.push('');
      const rows = c.rows.map((r) =>
        r.kind === 'line' ? `${r.related ? '>' : ' '}${String(r.line).padStart(4)}  ${r.text}` : `      ${r.text}   ! default: ${r.why}`,
      );
      for (const line of fence(rows)) out.push(line);
      out.push('');
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}
