import type { ReportOptions, ReportSource } from './report-source.ts';
import { SourceLines, type ShownLine } from './source-lines.ts';
import { caseLines, caseNote, type CaseMessage, type CaseNote } from './case-note.ts';
import { configListings, relatedConfigLines, type ConfigListing } from './config-listing.ts';
import { phase2Short, routerName } from './case-facts.ts';
import { STRAY_EVENTS_TITLE, strayEventNotes } from './stray-event-notes.ts';
import { escapeHtml as e } from './html-escape.ts';
import { REPORT_CSS } from './html-style.ts';
import { ladderLayoutOf, ladderPages, ladderSvg } from './ladder-svg.ts';

/**
 * The HTML report: one self-contained file (inline CSS, the ladder as inline SVG, no script, no external URL)
 * that reads offline and prints. Every text of the log or a config is escaped: it is data, never markup.
 */

/** Drawing pixels of ladder per printed page (A4 or Letter, at the report's width). */
const LADDER_PAGE_HEIGHT = 880;

function lineNumber(source: ReportSource, line: ShownLine): string {
  return `${source.input.files.length > 1 ? `${line.file}:` : ''}${String(line.line).padStart(4)}`;
}

function pre(source: ReportSource, lines: readonly ShownLine[], annotate: boolean): string {
  const rows = lines.map((line) => {
    const text = `<span class="n">${e(lineNumber(source, line))}</span>  ${e(line.text ?? '(text not given)')}`;
    return annotate && line.annotation ? `${text}\n<span class="ann">      ↳ ${e(line.annotation)}</span>` : text;
  });
  return `<pre>${rows.join('\n')}</pre>`;
}

function messageHtml(source: ReportSource, m: CaseMessage): string {
  const out: string[] = [];
  const marks = m.marks.length > 0 ? ` (${m.marks.join(', ')})` : '';
  out.push(`<article class="message" aria-labelledby="m-${m.step}-${e(m.message.name)}">`);
  out.push(`<h4 id="m-${m.step}-${e(m.message.name)}">${m.number}. ${e(m.message.name)}${e(marks)}${m.guide ? `: ${e(m.guide.title)}` : ''}</h4>`);
  const meta = [`${routerName(m.from)} → ${routerName(m.to)}`, m.exchange];
  if (m.message.messageId !== 0) meta.push(`message ID ${m.message.messageId}`);
  if (m.message.saState) meta.push(`SA state ${m.message.saState}`);
  out.push(`<p class="meta">${e(meta.join(' · '))}</p>`);
  if (m.guide) out.push(`<p>${e(m.guide.purpose)}</p>`);
  const items: string[] = [];
  if (m.guide) items.push(`<li><strong>Includes:</strong> ${e(m.guide.carries)}</li>`);
  if (m.payloads) items.push(`<li><strong>Payloads in the log:</strong> ${e(m.payloads)}${m.payloads.includes('(') ? ' (in parentheses: required by the protocol, not listed by the log)' : ''}</li>`);
  if (m.guide) items.push(`<li><strong>Sender:</strong> ${e(m.guide.sender)}</li>`, `<li><strong>Receiver:</strong> ${e(m.guide.receiver)}</li>`);
  for (const t of m.statesAfter) {
    const router = t.side === m.message.from ? m.from : m.to;
    items.push(`<li><strong>State of ${e(routerName(router))}:</strong> <code>${e(t.from)}</code> → <code>${e(t.to)}</code>${t.allowed === false ? ' (not allowed by the state model)' : ''}</li>`);
  }
  for (const f of m.failures) items.push(`<li class="failed">Failed here: ${e(f.code)}: ${e(f.summary)}</li>`);
  if (items.length > 0) out.push(`<ul>${items.join('')}</ul>`);
  for (const printed of m.printed) {
    out.push(`<h5>Debug lines of ${e(printed.router)} (${printed.side})</h5>`);
    out.push(pre(source, printed.lines, true));
  }
  for (const config of m.config) {
    out.push(`<h5>Related configuration in ${e(config.name)}</h5>`);
    const rows = config.lines.map((l) => `<span class="n">${String(l.line).padStart(4)}</span>  ${e(l.text ?? '(text not given)')}`);
    for (const d of config.defaults) rows.push(`<span class="def">      ${e(d.text)}   ! IOS default: ${e(d.why)}</span>`);
    out.push(`<pre>${rows.join('\n')}</pre>`);
  }
  out.push('</article>');
  return out.join('\n');
}

function findingsHtml(source: ReportSource, note: CaseNote): string {
  if (note.findings.length === 0) return '<p>No finding: nothing in the log reads as a fault.</p>';
  return note.findings
    .map(({ finding, evidence, configLines, explained }) => {
      const parts = [
        `<article class="finding ${finding.severity}" data-testid="finding.${e(finding.code)}">`,
        `<h4><span class="sev">${finding.severity.toUpperCase()}</span> ${e(finding.code)}</h4>`,
        `<p>${e(finding.summary)}</p>`,
      ];
      if (finding.fix) parts.push(`<p><strong>Fix:</strong> ${e(finding.fix)}</p>`);
      if (evidence.length > 0) parts.push('<h5>Evidence</h5>', pre(source, evidence, false));
      if (configLines.length > 0) parts.push('<h5>Config lines to change</h5>', pre(source, configLines, false));
      if (explained.length > 0) {
        parts.push('<h5>Not the cause</h5><ul>');
        for (const x of explained) parts.push(`<li>Line ${x.line.line} (<code>${e(x.line.text ?? '')}</code>): ${e(x.text)}</li>`);
        parts.push('</ul>');
      }
      parts.push('</article>');
      return parts.join('\n');
    })
    .join('\n');
}

function strayEventsHtml(source: ReportSource, lines: SourceLines): string {
  const strays = strayEventNotes(source);
  if (strays.length === 0) return '';
  const items = strays.map((s) => `<li><strong>${e(s.heading)}</strong>${s.meaning !== null ? `: ${e(s.meaning)}` : ''}${pre(source, lines.shownAll(s.lines), false)}</li>`);
  return `<section aria-labelledby="strays"><h2 id="strays">${e(STRAY_EVENTS_TITLE)}</h2><ul>${items.join('')}</ul></section>`;
}

function configHtml(c: ConfigListing): string {
  const rows = c.rows.map((r) =>
    r.kind === 'line'
      ? `<span class="n">${String(r.line).padStart(4)}</span>  ${r.related ? `<mark>${e(r.text)}</mark>` : e(r.text)}`
      : `<span class="def">      ${e(r.text)}   ! IOS default: ${e(r.why)}</span>`,
  );
  const routers = c.routers.length > 0 ? ` (${c.routers.join(', ')})` : '';
  return `<h3>${e(c.name)}${e(routers)}</h3>\n<pre>${rows.join('\n')}</pre>`;
}

function negotiationHtml(source: ReportSource, note: CaseNote): string {
  const n = note.negotiation;
  const id = `n-${e(n.id)}`;
  const out: string[] = [`<section aria-labelledby="${id}">`, `<h2 id="${id}">Negotiation ${e(n.id)}: ${e(note.title)}</h2>`];
  out.push(`<p>Read from ${e(note.view)}. Outcome: <strong>${e(note.outcome)}</strong>.</p>`);
  out.push(`<ul class="facts">${note.exchanges.map((x) => `<li>${e(x.trim())}</li>`).join('')}</ul>`);
  if (note.messages.length > 0) {
    const layout = ladderLayoutOf(n, note.timeline);
    const failed = new Set(note.messages.filter((m) => m.failures.length > 0).map((m) => m.step));
    const pages = ladderPages(layout, LADDER_PAGE_HEIGHT);
    out.push('<h3>Ladder</h3>');
    pages.forEach((rows, i) => {
      const title = `Ladder of negotiation ${n.id}${pages.length > 1 ? `, part ${i + 1} of ${pages.length}` : ''}: ${routerName(n.routers.initiator)} and ${routerName(n.routers.responder)}`;
      out.push(`<figure>${ladderSvg(layout, { rows, failedSteps: failed, title, inline: true })}</figure>`);
    });
    out.push(`<p class="meta">${note.messages.length} messages, in the order of the log. Dashed: a resend; a cross: lost; an open head: no answer followed.</p>`);
  }
  if (note.states.length > 0) {
    out.push('<h3>States</h3>');
    out.push(`<ul>${note.states.map((s) => `<li>${e(s.who)}: <code>${e(s.path)}</code></li>`).join('')}</ul>`);
  }
  out.push('<h3>Findings</h3>', findingsHtml(source, note));
  if (note.messages.length > 0) {
    out.push('<h3>Messages and their lines</h3>');
    for (const t of note.statesBefore) {
      out.push(`<p>Before the first message, ${e(routerName(n.routers[t.side]))} goes from <code>${e(t.from)}</code> to <code>${e(t.to)}</code>.</p>`);
    }
    for (const m of note.messages) out.push(messageHtml(source, m));
  }
  for (const v of note.verifications) {
    out.push(`<h3>Verification of ${e(phase2Short(v.messageId))} (show crypto ipsec sa)</h3>`, `<p>${e(v.text)}</p>`, pre(source, v.lines, false));
  }
  out.push('</section>');
  return out.join('\n');
}

export function htmlReport(source: ReportSource, options: ReportOptions = {}): string {
  const lines = new SourceLines(source, caseLines(source), options);
  const notes = source.negotiations.map((n) => caseNote(source, n, lines));
  const title = notes.length === 1 ? `ikescope report: ${notes[0]!.title}` : 'ikescope report';
  const files = source.input.files.map((f, i) => `${source.input.files.length > 1 ? `${i}: ` : ''}${f.name} (${f.lines} lines${f.kind === 'config' ? ', config' : ''})`);
  const configs = configListings(source, lines, relatedConfigLines(source));
  const body = [
    `<h1>${e(title)}</h1>`,
    `<p class="meta">Input: ${e(files.join('; '))}.${source.input.files.length > 1 ? ' Lines are named file:line by these numbers.' : ''} ${options.includeKeys ? 'Pre-shared keys are shown as configured.' : 'Pre-shared keys are masked (*****).'}</p>`,
    notes.length === 0 ? '<p>No negotiation found in this input.</p>' : '',
    ...notes.map((note) => negotiationHtml(source, note)),
    strayEventsHtml(source, lines),
    configs.length > 0 ? `<section aria-labelledby="configs"><h2 id="configs">Configurations</h2><p>Highlighted: the lines the negotiation depends on. In italics: IOS defaults the config leaves unsaid.</p>${configs.map(configHtml).join('\n')}</section>` : '',
  ];
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${e(title)}</title>`,
    `<style>${REPORT_CSS}</style>`,
    '</head>',
    '<body>',
    '<main>',
    ...body.filter((x) => x.length > 0),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
