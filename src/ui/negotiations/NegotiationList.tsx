import type { Negotiation } from '../../core/analysis.ts';
import { OutcomeBadge } from './OutcomeBadge.tsx';

interface NegotiationListProps {
  negotiations: readonly Negotiation[];
  selected: number;
  onSelect: (index: number) => void;
}

/** Every negotiation found in the input, with its peers and outcome; choosing one updates every view. */
export function NegotiationList({ negotiations, selected, onSelect }: NegotiationListProps) {
  if (negotiations.length === 0) {
    return <p className="p-3 text-sm text-slate-600 dark:text-slate-400">No IKEv1 negotiation found in this input.</p>;
  }
  return (
    <ul className="flex flex-col gap-1 p-1" aria-label="Negotiations found">
      {negotiations.map((negotiation, index) => {
        const { initiator, responder } = negotiation.routers;
        const phase2 = negotiation.phase2.map((p) => p.outcome);
        return (
          <li key={negotiation.id}>
            <button
              type="button"
              aria-current={index === selected}
              onClick={() => onSelect(index)}
              className={`w-full rounded px-2 py-1 text-left text-xs hover:bg-slate-100 dark:hover:bg-slate-800 ${
                index === selected ? 'bg-teal-50 ring-1 ring-teal-600 dark:bg-teal-950' : ''
              }`}
            >
              <span className="block font-medium">
                {initiator.name} → {responder.name}
                {negotiation.ikeVersion === 2 && ' (IKEv2)'}
              </span>
              <span className="mt-0.5 flex flex-wrap gap-1">
                <OutcomeBadge label={negotiation.phase1.mode === 'aggressive' ? 'AM' : 'MM'} outcome={negotiation.phase1.outcome} />
                {phase2.map((outcome, i) => (
                  <OutcomeBadge key={i} label="QM" outcome={outcome} />
                ))}
                {negotiation.findings.some((f) => f.severity === 'error') && (
                  <span className="rounded bg-red-100 px-1 text-red-900 dark:bg-red-950 dark:text-red-200">
                    {negotiation.findings.filter((f) => f.severity === 'error').length} error
                  </span>
                )}
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
