import type { Message, Negotiation } from '../analysis.ts';
import type { Side } from '../ike/sides.ts';
import type { ReportSource } from './report-source.ts';
import { SourceLines } from './source-lines.ts';
import { caseNote } from './case-note.ts';
import { routerName } from './case-facts.ts';

/**
 * A Mermaid `sequenceDiagram` per negotiation: the initiator and responder, each message with its name and
 * marks, a note where a router's state changes and where the negotiation failed. Whatever the log put in a
 * label (router names, states, a finding's words) goes in as Mermaid entity codes outside a small safe set,
 * so no text of the log can end a statement, open a comment or become markup.
 */

/**
 * Characters a label keeps as they are. Mermaid's grammar ends a statement at `;`, reads `#…;` as an entity and
 * `%%` as a comment, and renders `<…>` and `&` as HTML: those, controls and anything unusual become `#code;`.
 */
const SAFE = /[\p{L}\p{N} !$'()*+,\-./:=?@[\]^_`{|}~×→↔·✕]/u;

/** Text as a Mermaid label: letters, digits and plain marks as they are, every other character as `#code;`. */
export function mermaidText(text: string): string {
  let out = '';
  for (const c of text.replace(/[\r\n]+/g, ' ')) out += SAFE.test(c) ? c : `#${c.codePointAt(0)};`;
  return out.trim().length === 0 ? '#32;' : out;
}

const ID: Record<Side, string> = { initiator: 'I', responder: 'R' };

/** Solid for a first sending, dashed for a resend; a cross for a lost message, an open head for an unanswered one. */
function arrowOf(m: Message): string {
  const line = m.retransmission ? '--' : '-';
  if (m.delivery === 'lost') return `${line}x`;
  if (m.delivery === 'unanswered') return `${line})`;
  return `${line}>>`;
}

function diagram(source: ReportSource, n: Negotiation, lines: SourceLines, out: string[]): void {
  const note = caseNote(source, n, lines);
  out.push('sequenceDiagram');
  out.push(`  %% ikescope negotiation ${mermaidText(n.id)}`);
  for (const side of ['initiator', 'responder'] as const) {
    const router = n.routers[side];
    const address = router.address && router.address !== routerName(router) ? ` ${router.address}` : '';
    out.push(`  participant ${ID[side]} as ${mermaidText(`${routerName(router)}${address} (${side})`)}`);
  }
  out.push(`  Note over I,R: ${mermaidText(`${note.title}: ${note.outcome}`)}`);
  for (const t of note.statesBefore) out.push(`  Note over ${ID[t.side]}: ${mermaidText(t.to)}`);
  for (const m of note.messages) {
    const from = ID[m.message.from];
    const to = from === 'I' ? 'R' : 'I';
    const label = [m.message.name, ...m.marks.map((mark) => `(${mark})`), m.payloads ? `[${m.payloads}]` : ''].filter((x) => x).join(' ');
    out.push(`  ${from}${arrowOf(m.message)}${to}: ${mermaidText(label)}`);
    for (const t of m.statesAfter) {
      out.push(`  Note over ${ID[t.side]}: ${mermaidText(`${t.to}${t.allowed === false ? ' (not allowed by the state model)' : ''}`)}`);
    }
    for (const f of m.failures) out.push(`  Note over I,R: ${mermaidText(`✕ ${f.code}: ${f.summary}`)}`);
  }
  const shown = new Set(note.messages.flatMap((m) => m.failures));
  for (const f of n.findings) {
    if (f.severity === 'error' && !shown.has(f)) out.push(`  Note over I,R: ${mermaidText(`✕ ${f.code}: ${f.summary}`)}`);
  }
}

/** One diagram per negotiation, separated by a blank line (Mermaid reads one diagram per block). */
export function mermaidReport(source: ReportSource): string {
  const lines = new SourceLines(source, []);
  const blocks = source.negotiations.map((n) => {
    const out: string[] = [];
    diagram(source, n, lines, out);
    return out.join('\n');
  });
  return `${blocks.join('\n\n')}\n`;
}

/** Each diagram of a report on its own, for a parser that reads one at a time. */
export const mermaidDiagrams = (report: string): string[] => report.split(/\n\n(?=sequenceDiagram\n)/).map((d) => d.trim()).filter((d) => d.length > 0);
