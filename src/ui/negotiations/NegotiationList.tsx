import { useRef, useState, type KeyboardEvent } from 'react';
import type { NegotiationSummary } from '../../worker/page-analysis.ts';
import { OutcomeBadge } from './OutcomeBadge.tsx';
import { outcomeTitle } from './outcome-title.ts';

interface NegotiationListProps {
  negotiations: readonly NegotiationSummary[];
  /** The indices into `negotiations` to show, in order (the filter's and the sort's result). */
  rows: readonly number[];
  selected: number;
  onSelect: (index: number) => void;
}

/**
 * Every row is this tall, so a paste with thousands of negotiations renders only the rows in view: the peers'
 * line and two lines of badges, which wrap whole rather than cut a word ("IKE SA complete (implied)" and a child
 * SA's badge do not fit one line of the list's width).
 */
const rowHeight = 64;
const overscan = 8;

/** The negotiations found in the input, with their peers and outcome; choosing one updates every view. */
export function NegotiationList({ negotiations, rows, selected, onSelect }: NegotiationListProps) {
  const [scroll, setScroll] = useState({ top: 0, height: 400 });
  const paneRef = useRef<HTMLDivElement>(null);
  if (negotiations.length === 0) {
    return <p className="p-3 text-sm text-slate-600 dark:text-slate-400">No negotiation found in this input.</p>;
  }
  if (rows.length === 0) {
    return <p className="p-3 text-sm text-slate-600 dark:text-slate-400">No negotiation matches the filter.</p>;
  }
  const first = Math.max(0, Math.floor(scroll.top / rowHeight) - overscan);
  const last = Math.min(rows.length, Math.ceil((scroll.top + scroll.height) / rowHeight) + overscan);
  // Up and down move through the rows as listed, so a long filtered list needs no mouse.
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const at = rows.indexOf(selected);
    const next = rows[at < 0 ? 0 : Math.min(rows.length - 1, Math.max(0, at + (event.key === 'ArrowDown' ? 1 : -1)))];
    if (next === undefined) return;
    event.preventDefault();
    onSelect(next);
    const pane = paneRef.current;
    if (!pane) return;
    const position = rows.indexOf(next) * rowHeight;
    if (position < pane.scrollTop || position + rowHeight > pane.scrollTop + pane.clientHeight) pane.scrollTop = position;
    // the row's button is drawn again after the scroll: focus follows the selection
    requestAnimationFrame(() => pane.querySelector<HTMLButtonElement>(`[data-row="${next}"]`)?.focus());
  };
  return (
    <div
      ref={paneRef}
      className="min-h-0 flex-1 overflow-auto"
      onScroll={(event) => setScroll({ top: event.currentTarget.scrollTop, height: event.currentTarget.clientHeight })}
    >
      <ul aria-label="Negotiations found" className="relative p-1" style={{ height: rows.length * rowHeight + 8 }}>
        {rows.slice(first, last).map((index, offset) => {
          const negotiation = negotiations[index];
          if (!negotiation) return null;
          return (
            <li key={negotiation.id} className="absolute inset-x-1" style={{ top: 4 + (first + offset) * rowHeight, height: rowHeight - 4 }}>
              <NegotiationButton negotiation={negotiation} index={index} selected={index === selected} onSelect={() => onSelect(index)} onKeyDown={onKeyDown} />
            </li>
          );
        })}
      </ul>
      {negotiations.length > 1 && (
        <p className="sr-only" aria-live="polite">
          {rows.length === negotiations.length ? `${negotiations.length} negotiations` : `${rows.length} of ${negotiations.length} negotiations`}
        </p>
      )}
    </div>
  );
}

interface NegotiationButtonProps {
  negotiation: NegotiationSummary;
  index: number;
  selected: boolean;
  onSelect: () => void;
  onKeyDown: (event: KeyboardEvent<HTMLButtonElement>) => void;
}

function NegotiationButton({ negotiation, index, selected, onSelect, onKeyDown }: NegotiationButtonProps) {
  const { initiator, responder } = negotiation.routers;
  const errors = negotiation.findings.filter((f) => f.severity === 'error').length;
  return (
    <button
      type="button"
      aria-current={selected}
      data-row={index}
      onClick={onSelect}
      onKeyDown={onKeyDown}
      className={`h-full w-full overflow-hidden rounded px-2 py-0.5 text-left text-xs hover:bg-slate-100 dark:hover:bg-slate-800 ${
        selected ? 'bg-teal-50 ring-1 ring-teal-600 dark:bg-teal-950' : ''
      }`}
    >
      <span className="block truncate font-medium">
        {initiator.name} → {responder.name}
        {negotiation.ikeVersion === 2 && ' (IKEv2)'}
      </span>
      <span data-testid="negotiation.badges" className="mt-0.5 flex flex-wrap gap-x-1 gap-y-0.5 overflow-hidden whitespace-nowrap">
        <OutcomeBadge
          label={negotiation.ikeVersion === 2 ? 'IKE SA' : phase1Label(negotiation.phase1.mode)}
          outcome={negotiation.phase1.outcome}
          implied={negotiation.phase1.implied === true}
          title={outcomeTitle(negotiation.phase1.outcome, negotiation.phase1.implied === true, negotiation.ikeVersion)}
        />
        {(negotiation.childSas ?? negotiation.phase2).slice(0, 3).map((p, i) => (
          <OutcomeBadge key={i} label={negotiation.ikeVersion === 2 ? 'Child' : 'QM'} outcome={p.outcome} />
        ))}
        {errors > 0 && <span data-testid="negotiation.badge" className="shrink-0 rounded bg-red-100 px-1 text-red-900 dark:bg-red-950 dark:text-red-200">{errors} error</span>}
      </span>
    </button>
  );
}

/** MM or AM as a line shows the mode; P1 when none does. */
function phase1Label(mode: NegotiationSummary['phase1']['mode']): string {
  return mode === 'aggressive' ? 'AM' : mode === 'main' ? 'MM' : 'P1';
}
