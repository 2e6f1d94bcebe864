import type { FindingCode } from '../../core/analysis.ts';
import type { NegotiationOutcome } from '../../core/summary/summary.ts';
import { isFiltered, NO_FILTER, type ListFilter, type ListSort } from './list-filter.ts';

interface ListFilterBarProps {
  filter: ListFilter;
  onChange: (filter: ListFilter) => void;
  /** The finding codes the log has, to choose from. */
  codes: readonly FindingCode[];
  shown: number;
  total: number;
}

const control = 'min-w-0 rounded border border-slate-300 bg-white px-1 py-0.5 text-xs dark:border-slate-700 dark:bg-slate-950';

/** Filters of the negotiations list: peer or address text, outcome, finding code, and the sort. */
export function ListFilterBar({ filter, onChange, codes, shown, total }: ListFilterBarProps) {
  const set = (part: Partial<ListFilter>) => onChange({ ...filter, ...part });
  return (
    <div role="search" aria-label="Filter the negotiations" className="flex flex-col gap-1 border-b border-slate-200 p-1 text-xs dark:border-slate-800">
      {filter.peer !== null && (
        <p className="flex items-center gap-1">
          <span className="min-w-0 truncate">
            Peer <span className="font-medium">{filter.peer}</span>
          </span>
          <button type="button" aria-label={`Show every peer, not only ${filter.peer}`} onClick={() => set({ peer: null })} className="rounded px-1 hover:bg-slate-100 dark:hover:bg-slate-800">
            ×
          </button>
        </p>
      )}
      <input
        type="search"
        aria-label="Peer or address"
        placeholder="Peer or address"
        value={filter.text}
        maxLength={200}
        onChange={(e) => set({ text: e.target.value })}
        className={control}
      />
      <div className="flex gap-1">
        <select aria-label="Outcome" value={filter.outcome ?? ''} onChange={(e) => set({ outcome: (e.target.value || null) as NegotiationOutcome | null })} className={`${control} flex-1`}>
          <option value="">Any outcome</option>
          <option value="failed">Failed</option>
          <option value="complete">Complete</option>
          <option value="incomplete">Incomplete</option>
        </select>
        <select aria-label="Finding" value={filter.code ?? ''} onChange={(e) => set({ code: (e.target.value || null) as FindingCode | null })} className={`${control} flex-1`}>
          <option value="">Any finding</option>
          {/* a code chosen by a link but absent from this log stays listed, so the choice shows */}
          {[...new Set([...codes, ...(filter.code ? [filter.code] : [])])].map((code) => (
            <option key={code} value={code}>
              {code}
            </option>
          ))}
        </select>
      </div>
      <div className="flex items-center gap-1">
        <select aria-label="Sort" value={filter.sort} onChange={(e) => set({ sort: e.target.value as ListSort })} className={`${control} flex-1`}>
          <option value="time">In log order</option>
          <option value="failures">Failures first</option>
        </select>
        <span className="whitespace-nowrap text-slate-600 dark:text-slate-400" data-testid="negotiations.count">
          {shown === total ? `${total}` : `${shown} of ${total}`}
        </span>
        {isFiltered(filter) && (
          <button type="button" aria-label="Clear the filters" onClick={() => onChange({ ...NO_FILTER, sort: filter.sort })} className="rounded px-1 underline hover:bg-slate-100 dark:hover:bg-slate-800">
            Clear
          </button>
        )}
      </div>
    </div>
  );
}
