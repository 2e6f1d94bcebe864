import { sideWord, type Side } from '../../core/ike/sides.ts';
import type { Negotiation } from '../../core/analysis.ts';
import { stateAt } from '../playback/cursor.ts';
import type { Timeline } from '../../core/timeline/timeline.ts';

interface StatePanelProps {
  negotiation: Negotiation;
  timeline: Timeline;
  cursor: number;
}

/**
 * Both routers' IKE state at the cursor, from the replay through the state machines, with the path so far; a
 * step the model does not allow is explained in the model's own words, as replay judged it. A state implied by the
 * packets of a log without state lines (IKEv2 without SM Trace) says so.
 */
export function StatePanel({ negotiation, timeline, cursor }: StatePanelProps) {
  return (
    <div className="grid gap-2 p-2 text-xs">
      {(['initiator', 'responder'] as const).map((side) => (
        <SideState key={side} side={side} negotiation={negotiation} timeline={timeline} cursor={cursor} />
      ))}
    </div>
  );
}

function SideState({ side, negotiation, timeline, cursor }: StatePanelProps & { side: Side }) {
  const router = negotiation.routers[side];
  const { state, path, disallowed } = stateAt(timeline, cursor, side);
  const changes = path.filter((t) => t.from !== t.to);
  return (
    <div>
      <div className="flex items-baseline justify-between gap-2">
        <span className="font-semibold">
          {router.name} <span className="font-normal text-slate-600 dark:text-slate-400">{sideWord(negotiation.role, side)}</span>
        </span>
        <output
          data-testid={`state.${side}`}
          aria-label={`${router.name} state`}
          className={`rounded px-1.5 py-0.5 font-mono ${
            disallowed
              ? 'bg-amber-100 text-amber-900 dark:bg-amber-900 dark:text-amber-100'
              : 'bg-teal-50 text-teal-900 dark:bg-teal-950 dark:text-teal-100'
          }`}
        >
          {state === null ? beforeAnyState(negotiation, router.logged, printsStates(timeline, side)) : path[path.length - 1]?.implied ? `${state} (implied)` : state}
        </output>
      </div>
      {disallowed && (
        <p role="alert" className="mt-1 text-amber-800 dark:text-amber-300">
          {disallowed.explanation ?? `The model does not allow ${disallowed.from} → ${disallowed.to} on ${disallowed.input}.`}
        </p>
      )}
      {changes.length > 0 && (
        <ol className="mt-1 flex flex-wrap gap-x-1 font-mono text-[11px] text-slate-600 dark:text-slate-400" aria-label={`${router.name} path`}>
          {changes.map((t, index) => (
            <li key={index} className={t.allowed === false ? 'text-amber-800 dark:text-amber-300' : ''}>
              {index > 0 && '→ '}
              {t.to}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

/**
 * A router's state before the first state line of the log: a paste without phase 1 lines tells only what the
 * lines after it prove (phase 1 complete, implied) or nothing at all, never that it did not start.
 */
function beforeAnyState(negotiation: Negotiation, logged: boolean, printsStates: boolean): string {
  if (!logged) return 'not logged';
  if (negotiation.ikeSa?.implied === true) return `IKE SA ${negotiation.ikeSa.outcome} (implied)`;
  if (negotiation.ikeVersion !== 2 && negotiation.phase1.implied === true) return 'phase 1 complete (implied)';
  if (negotiation.phase1.outcome === 'not-logged') return 'phase 1 not logged';
  // a log with no state line at all (no `Old State`, no SM Trace) says nothing of the state, even as it sends
  return printsStates ? 'not started' : 'no state lines';
}

/** Whether the router's log prints any state change of this negotiation (those its packets imply are not printed). */
function printsStates(timeline: Timeline, side: Side): boolean {
  return timeline.steps.some((s) => s.kind === 'transition' && s.transition.side === side && s.transition.implied !== true);
}
