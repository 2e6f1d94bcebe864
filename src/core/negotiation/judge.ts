/**
 * The hook where the state machines judge the log: every printed transition of each router is replayed
 * through the XState model of its role (src/core/fsm/replay.ts), which sets `allowed`.
 */
import type { Exchange } from '../fsm/machines.ts';
import type { Side } from '../ike/sides.ts';
import type { Negotiation, Transition } from '../analysis.ts';
import { replayTransitions } from '../fsm/replay.ts';
import { WordTree } from './word-tree.ts';

type Mode = 'main' | 'aggressive';

/**
 * Judgements by stream: a long log repeats the same few sequences thousands of times, and replay is
 * deterministic, so a stream printed word for word like an earlier one is judged the same. The words are the
 * model's (side, exchange, mode), then each transition's from, to and input.
 */
const judged = new WordTree<boolean[]>();
/** Streams remembered, at most MAX_STREAMS: a log of ever new sequences must not grow the tree without end. */
let remembered = 0;
const MAX_STREAMS = 10_000;

function judgeStream(side: Side, exchange: Exchange, transitions: Transition[], mode: Mode): void {
  let count = 0;
  for (const t of transitions) if (t.side === side) count += 1;
  if (count === 0) return;
  // a one-sided log prints every transition from one side: the stream is the whole list
  const mine = count === transitions.length ? transitions : transitions.filter((t) => t.side === side);
  const cached = find(side, exchange, mode, mine)?.value;
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
    if (remembered < MAX_STREAMS) {
      grow(side, exchange, mode, mine).value = steps.map((s) => s.allowed);
      remembered += 1;
    }
  } catch {
    // a model that cannot judge leaves `allowed` null: unknown, not wrong
  }
}

function find(side: Side, exchange: Exchange, mode: Mode, stream: readonly Transition[]): WordTree<boolean[]> | undefined {
  let node = judged.next(side)?.next(exchange)?.next(mode);
  for (const t of stream) node = node?.next(t.from)?.next(t.to)?.next(t.input);
  return node;
}

function grow(side: Side, exchange: Exchange, mode: Mode, stream: readonly Transition[]): WordTree<boolean[]> {
  let node = judged.grow(side).grow(exchange).grow(mode);
  for (const t of stream) node = node.grow(t.from).grow(t.to).grow(t.input);
  return node;
}

/** Sets `allowed` on every transition of the negotiation, per router side and exchange. */
export function judgeTransitions(n: Negotiation): void {
  for (const side of ['initiator', 'responder'] as const) {
    judgeStream(side, 'phase1', n.phase1.transitions, n.phase1.mode);
    for (const p of n.phase2) judgeStream(side, 'quickmode', p.transitions, n.phase1.mode);
  }
}
