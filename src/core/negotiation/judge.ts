/**
 * The hook where the state machines judge the log: every printed transition of each router is replayed
 * through the XState model of its role (src/core/fsm/replay.ts), which sets `allowed`.
 */
import type { Negotiation, Side, Transition } from '../analysis.ts';
import { replayTransitions, type ReplayExchange } from '../fsm/replay.ts';

/** Judgements by stream: a long log repeats the same few sequences thousands of times. */
const judged = new Map<string, boolean[]>();

function judgeStream(side: Side, exchange: ReplayExchange, transitions: Transition[], mode: 'main' | 'aggressive'): void {
  const mine = transitions.filter((t) => t.side === side);
  if (mine.length === 0) return;
  const key = `${side}|${exchange}|${mode}|${mine.map((t) => `${t.from}>${t.to}>${t.input}`).join('|')}`;
  const cached = judged.get(key);
  if (cached !== undefined) {
    mine.forEach((t, i) => (t.allowed = cached[i] ?? null));
    return;
  }
  try {
    const steps = replayTransitions(
      side,
      exchange,
      mine.map((t) => {
        const comma = t.input.indexOf(', ');
        return {
          from: t.from,
          to: t.to,
          source: comma < 0 ? '' : t.input.slice(0, comma),
          event: comma < 0 ? '' : t.input.slice(comma + 2),
        };
      }),
      exchange === 'phase1' ? { mode } : {},
    );
    mine.forEach((t, i) => {
      const step = steps[i];
      if (step) t.allowed = step.allowed;
    });
    if (judged.size < 10_000) judged.set(key, steps.map((s) => s.allowed));
  } catch {
    // a model that cannot judge leaves `allowed` null: unknown, not wrong
  }
}

/** Sets `allowed` on every transition of the negotiation, per router side and exchange. */
export function judgeTransitions(n: Negotiation): void {
  for (const side of ['initiator', 'responder'] as const) {
    judgeStream(side, 'phase1', n.phase1.transitions, n.phase1.mode);
    for (const p of n.phase2) judgeStream(side, 'quickmode', p.transitions, n.phase1.mode);
  }
}
