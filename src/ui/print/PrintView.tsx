import { useMemo } from 'react';
import type { Negotiation } from '../../core/analysis.ts';
import type { PageAnalysis } from '../../worker/page-analysis.ts';
import type { SourceText } from '../../core/report/report-source.ts';
import { caseLines, caseNote, type CaseNote } from '../../core/report/case-note.ts';
import { SourceLines, type ShownLine } from '../../core/report/source-lines.ts';
import { routerName } from '../../core/report/case-facts.ts';
import { ladderLayoutOf, ladderPages, ladderSvg } from '../../core/report/ladder-svg.ts';
import { usePrinting } from './use-printing.ts';

interface PrintViewProps {
  analysis: PageAnalysis;
  negotiation: Negotiation;
  sources: readonly SourceText[];
}

/** Drawing pixels of ladder per printed page. */
const PAGE_HEIGHT = 880;

function Lines({ lines, multi }: { lines: readonly ShownLine[]; multi: boolean }) {
  return (
    <pre className="my-1 font-mono text-[9pt] whitespace-pre-wrap break-all">
      {lines.map((l) => (
        <span key={`${l.file}:${l.line}`}>
          {`${multi ? `${l.file}:` : ''}${String(l.line).padStart(4)}  ${l.text ?? '(text not given)'}\n`}
          {l.annotation && <span className="text-teal-800">{`      ↳ ${l.annotation}\n`}</span>}
        </span>
      ))}
    </pre>
  );
}

/** The ladder in page-high slices, each an image of core's SVG (a data: URL, as the page's policy allows). */
function LadderPages({ note }: { note: CaseNote }) {
  const n = note.negotiation;
  const layout = ladderLayoutOf(n, note.timeline);
  const failed = new Set(note.messages.filter((m) => m.failures.length > 0).map((m) => m.step));
  const pages = ladderPages(layout, PAGE_HEIGHT);
  return (
    <>
      {pages.map((rows, i) => {
        const svg = ladderSvg(layout, { rows, failedSteps: failed });
        const height = Number(/height="([\d.]+)"/.exec(svg)?.[1] ?? 0);
        return (
          <img
            key={rows.top}
            className="my-2 block break-inside-avoid"
            src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`}
            width={layout.width}
            height={height}
            alt={`Ladder of ${routerName(n.routers.initiator)} and ${routerName(n.routers.responder)}${pages.length > 1 ? `, part ${i + 1} of ${pages.length}` : ''}`}
          />
        );
      })}
    </>
  );
}

/**
 * What the page prints instead of its panes: the negotiation's facts, the whole ladder, the findings with their
 * evidence and every message with its annotated lines, on as many pages as they need (keys masked).
 */
export function PrintView({ analysis, negotiation, sources }: PrintViewProps) {
  const printing = usePrinting();
  const note = useMemo(() => {
    if (!printing) return null;
    const source = { ...analysis, negotiations: [negotiation], texts: sources };
    return caseNote(source, negotiation, new SourceLines(source, caseLines(source)));
  }, [printing, analysis, negotiation, sources]);
  if (!note) return null;
  const multi = analysis.input.files.length > 1;
  return (
    <div className="print-view hidden bg-white p-0 text-[10pt] text-slate-900 print:block" data-testid="print-view">
      <h1 className="text-lg font-bold">ikescope: {note.title}</h1>
      <p>
        Negotiation {negotiation.id}, read from {note.view}. Outcome: {note.outcome}.
      </p>
      <ul className="list-disc pl-5">
        {note.exchanges.map((x) => (
          <li key={x}>{x.trim()}</li>
        ))}
      </ul>
      <h2 className="mt-3 text-base font-bold">Ladder</h2>
      <LadderPages note={note} />
      <h2 className="mt-3 break-before-page text-base font-bold">Findings</h2>
      {note.findings.length === 0 && <p>No finding: nothing in the log reads as a fault.</p>}
      {note.findings.map(({ finding, evidence }, i) => (
        <section key={i} className="my-2 break-inside-avoid">
          <h3 className="font-semibold">
            {finding.severity.toUpperCase()} {finding.code}
          </h3>
          <p>{finding.summary}</p>
          {finding.fix && <p>Fix: {finding.fix}</p>}
          <Lines lines={evidence} multi={multi} />
        </section>
      ))}
      <h2 className="mt-3 text-base font-bold">Messages and their lines</h2>
      {note.messages.map((m) => (
        <section key={m.step} className="my-2">
          <h3 className="break-after-avoid font-semibold">
            {m.number}. {m.message.name}
            {m.marks.length > 0 ? ` (${m.marks.join(', ')})` : ''}
            {m.guide ? `: ${m.guide.title}` : ''} — {routerName(m.from)} → {routerName(m.to)}
          </h3>
          {m.printed.map((p) => (
            <div key={p.side}>
              <h4 className="break-after-avoid text-[9pt] font-semibold">
                {p.router} ({p.side})
              </h4>
              <Lines lines={p.lines} multi={multi} />
            </div>
          ))}
        </section>
      ))}
    </div>
  );
}
