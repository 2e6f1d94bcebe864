import { useState } from 'react';
import type { NegotiationSummary } from '../../worker/page-analysis.ts';
import { OutcomeBadge } from './OutcomeBadge.tsx';

interface NegotiationListProps {
  negotiations: readonly NegotiationSummary[];
  selected: number;
  onSelect: (index: number) => void;
}

/** Every row is this tall, so a paste with thousands of negotiations renders only the rows in view. */
const rowHeight = 48;
const overscan = 8;

/** Every negotiation found in the input, with its peers and outcome; choosing one updates every view. */
export function NegotiationList({ negotiations, selected, onSelect }: NegotiationListProps) {
  const [scroll, setScroll] = useState({ top: 0, height: 400 });
  if (negotiations.length === 0) {
    return <p className="p-3 text-sm text-slate-600 dark:text-slate-400">No IKEv1 negotiation found in this input.</p>;
  }
  const first = Math.max(0, Math.floor(scroll.top / rowHeight) - overscan);
  const last = Math.min(negotiations.length, Math.ceil((scroll.top + scroll.height) / rowHeight) + overscan);
  return (
    <div
      className="h-full overflow-auto"
      onScroll={(event) => setScroll({ top: event.currentTarget.scrollTop, height: event.currentTarget.clientHeight })}
    >
      <ul
        aria-label="Negotiations found"
        className="relative p-1"
        style={{ height: negotiations.length * rowHeight + 8 }}
      >
        {negotiations.slice(first, last).map((negotiation, offset) => {
          const index = first + offset;
          return (
            <li key={negotiation.id} className="absolute inset-x-1" style={{ top: 4 + index * rowHeight, height: rowHeight - 4 }}>
              <NegotiationButton negotiation={negotiation} selected={index === selected} onSelect={() => onSelect(index)} />
            </li>
          );
        })}
      </ul>
      {negotiations.length > 1 && (
        <p className="sr-only" aria-live="polite">
          {negotiations.length} negotiations
        </p>
      )}
    </div>
  );
}

function NegotiationButton({ negotiation, selected, onSelect }: { negotiation: NegotiationSummary; selected: boolean; onSelect: () => void }) {
  const { initiator, responder } = negotiation.routers;
  const errors = negotiation.findings.filter((f) => f.severity === 'error').length;
  return (
    <button
      type="button"
      aria-current={selected}
      onClick={onSelect}
      className={`h-full w-full overflow-hidden rounded px-2 py-1 text-left text-xs hover:bg-slate-100 dark:hover:bg-slate-800 ${
        selected ? 'bg-teal-50 ring-1 ring-teal-600 dark:bg-teal-950' : ''
      }`}
    >
      <span className="block truncate font-medium">
        {initiator.name} → {responder.name}
        {negotiation.ikeVersion === 2 && ' (IKEv2)'}
      </span>
      <span className="mt-0.5 flex gap-1 overflow-hidden whitespace-nowrap">
        <OutcomeBadge label={negotiation.phase1.mode === 'aggressive' ? 'AM' : 'MM'} outcome={negotiation.phase1.outcome} />
        {negotiation.phase2.slice(0, 3).map((p, i) => (
          <OutcomeBadge key={i} label="QM" outcome={p.outcome} />
        ))}
        {errors > 0 && <span className="rounded bg-red-100 px-1 text-red-900 dark:bg-red-950 dark:text-red-200">{errors} error</span>}
      </span>
    </button>
  );
}
