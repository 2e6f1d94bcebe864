import type { FindingCode } from '../../core/analysis.ts';
import type { AnalysisSummary, NegotiationOutcome, OutcomeCounts } from '../../core/summary/summary.ts';
import { NO_FILTER, type ListFilter } from './list-filter.ts';

interface SummaryViewProps {
  summary: AnalysisSummary;
  /** Choosing an outcome, a code or a peer shows the list with that filter. */
  onFilter: (filter: ListFilter) => void;
}

/** How many failing peers are listed: the rest are counted. */
const PEERS_SHOWN = 20;

const chip = 'rounded border border-slate-300 px-1 py-0.5 text-left hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800';

function Counts({ counts, label }: { counts: OutcomeCounts; label: string }) {
  const parts = Object.entries(counts);
  return (
    <p>
      {label}: {parts.length === 0 ? 'none' : parts.map(([outcome, n]) => `${n ?? 0} ${outcome}`).join(', ')}
    </p>
  );
}

/** A count per key, each a button that filters the list by its key (`summary.code.PSK_MISMATCH`). */
function CountChips<K extends string>({ label, testId, counts, onChoose }: { label: string; testId: string; counts: readonly [K, number][]; onChoose: (key: K) => void }) {
  return (
    <ul aria-label={label} className="mt-1 flex flex-wrap gap-1">
      {counts.map(([key, n]) => (
        <li key={key}>
          <button type="button" className={chip} onClick={() => onChoose(key)} data-testid={`${testId}.${key}`}>
            {key} <span className="font-semibold">{n}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}

/** The whole log at a glance: outcomes, findings by code, the failing peers; each one filters the list. */
export function SummaryView({ summary, onFilter }: SummaryViewProps) {
  const failing = summary.peers.filter((p) => p.failed > 0);
  const outcomes = Object.entries(summary.byOutcome.negotiation) as [NegotiationOutcome, number][];
  const codes = Object.entries(summary.byFinding) as [FindingCode, number][];
  return (
    <div className="flex flex-col gap-2 p-2 text-xs" data-testid="negotiations.summary">
      <div>
        <p className="font-medium">
          {summary.negotiations} negotiations, {summary.failed} failed
        </p>
        <CountChips label="Negotiations by outcome" testId="summary.outcome" counts={outcomes} onChoose={(outcome) => onFilter({ ...NO_FILTER, outcome })} />
        <div className="mt-1 text-slate-600 dark:text-slate-400">
          {Object.keys(summary.byOutcome.phase1).length > 0 && (
            <>
              <Counts label="Phase 1" counts={summary.byOutcome.phase1} />
              <Counts label="Quick Modes" counts={summary.byOutcome.phase2} />
            </>
          )}
          {Object.keys(summary.byOutcome.ikeSa).length > 0 && (
            <>
              <Counts label="IKEv2 IKE SAs" counts={summary.byOutcome.ikeSa} />
              <Counts label="IKEv2 child SAs" counts={summary.byOutcome.childSas} />
            </>
          )}
        </div>
      </div>
      <div>
        <p className="font-medium">
          Findings: {summary.bySeverity.error} error, {summary.bySeverity.warning} warning, {summary.bySeverity.info} info
        </p>
        {codes.length > 0 && <CountChips label="Findings by code" testId="summary.code" counts={codes} onChoose={(code) => onFilter({ ...NO_FILTER, code })} />}
      </div>
      {summary.strays !== undefined && (
        <div>
          <p className="font-medium">Lines outside any negotiation</p>
          <ul aria-label="Lines outside any negotiation" className="mt-1 text-slate-600 dark:text-slate-400">
            {summary.strays.map((e) => (
              <li key={e.event}>
                <span className="font-mono">{e.event}</span>: {e.lines} line{e.lines === 1 ? '' : 's'}, {e.peers} peer{e.peers === 1 ? '' : 's'}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div>
        <p className="font-medium">{failing.length === 0 ? 'No peer fails' : `Failing peers: ${failing.length}`}</p>
        {failing.length > 0 && (
          <ul aria-label="Failing peers" className="mt-1 flex flex-col gap-1">
            {failing.slice(0, PEERS_SHOWN).map((p) => (
              <li key={p.peer}>
                <button type="button" className={`${chip} w-full`} onClick={() => onFilter({ ...NO_FILTER, peer: p.peer })} data-testid="summary.peer">
                  <span className="font-medium">{p.peer || 'peer not shown'}</span>: {p.failed} of {p.negotiations} failed
                  {p.codes.length > 0 && <span className="block truncate text-slate-600 dark:text-slate-400">{p.codes.join(' ')}</span>}
                </button>
              </li>
            ))}
            {failing.length > PEERS_SHOWN && <li className="text-slate-600 dark:text-slate-400">and {failing.length - PEERS_SHOWN} more</li>}
          </ul>
        )}
      </div>
    </div>
  );
}
