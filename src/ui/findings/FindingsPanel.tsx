import type { Finding, Negotiation, Severity } from '../../core/analysis.ts';
import { lineOwnerWords } from './line-owner.ts';

const order: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const styles: Record<Severity, string> = {
  error: 'border-red-600 bg-red-50 dark:bg-red-950/40',
  warning: 'border-amber-600 bg-amber-50 dark:bg-amber-950/40',
  info: 'border-sky-600 bg-sky-50 dark:bg-sky-950/40',
};

interface FindingsPanelProps {
  negotiation: Negotiation;
  selected: number | null;
  onSelect: (finding: Finding, index: number) => void;
  /** The input files' names, by the analysis' file number: a line no router is known to have printed is named by its file. */
  fileNames: readonly string[];
}

/** What went wrong (or is worth knowing), most severe first; choosing one points the other views at it. */
export function FindingsPanel({ negotiation, selected, onSelect, fileNames }: FindingsPanelProps) {
  const { findings } = negotiation;
  if (findings.length === 0) {
    return <p className="p-3 text-sm text-slate-600 dark:text-slate-400">No findings for this negotiation.</p>;
  }
  const sorted = findings.map((finding, index) => ({ finding, index })).sort((a, b) => order[a.finding.severity] - order[b.finding.severity]);
  return (
    <ul className="flex flex-col gap-1 p-1 text-xs" aria-label="Findings, most severe first">
      {sorted.map(({ finding, index }) => {
        // a log that shows no role has its router drawn in a slot, not a role: the role is said only where shown
        const role = finding.side && negotiation.role !== 'unknown' ? ` (${finding.side})` : '';
        const where = [finding.message, finding.side ? `on ${negotiation.routers[finding.side].name}${role}` : null]
          .filter(Boolean)
          .join(' ');
        return (
          <li key={index}>
            <button
              type="button"
              data-testid={`finding.${finding.code}`}
              aria-current={selected === index}
              onClick={() => onSelect(finding, index)}
              className={`w-full rounded border-l-4 px-2 py-1 text-left ${styles[finding.severity]} ${selected === index ? 'ring-1 ring-teal-600' : ''}`}
            >
              <span className="font-mono font-semibold">{finding.code}</span> <span className="uppercase">{finding.severity}</span>
              {where && <span className="text-slate-700 dark:text-slate-300"> · {where}</span>}
              <span className="block">{finding.summary}</span>
              <span className="block text-slate-700 dark:text-slate-300">
                <span className="font-semibold">Fix:</span> {finding.fix}
              </span>
              {finding.explained?.map((e, i) => (
                <span key={i} className="block text-slate-700 italic dark:text-slate-300">
                  {lineOwnerWords(negotiation, e.line, fileNames[e.line.file])}: {e.text}
                </span>
              ))}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
