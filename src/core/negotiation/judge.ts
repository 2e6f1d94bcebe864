/**
 * The stage where the state machines judge the log: every printed transition of each router is replayed
 * through the XState model of its role (src/core/fsm/replay.ts). The verdicts, with the model's explanation
 * of each step it does not allow, are this stage's output; the negotiations it reads are left as built.
 */
import type { Exchange } from '../fsm/machines.ts';
import type { Side } from '../ike/sides.ts';
import type { Negotiation, Transition } from '../analysis.ts';
import { replayTransitions } from '../fsm/replay.ts';
import { isTransactionStep } from '../ike/transaction.ts';
import { MachineSteps } from '../fsm/snapshots.ts';
import { WordTree } from './word-tree.ts';

type Mode = 'main' | 'aggressive';

/** The model's verdict on one printed transition: null when it could not judge (unknown, not wrong). */
export interface Verdict {
  allowed: boolean | null;
  /** Why the model does not allow the step, when it does not. */
  explanation?: string;
}

/** One verdict per transition, index for index: phase 1's, then each phase 2's. */
export interface NegotiationVerdicts {
  phase1: readonly Verdict[];
  phase2: readonly (readonly Verdict[])[];
}

const UNJUDGED: Verdict = { allowed: null };

/** Streams remembered, at most MAX_STREAMS: a log of ever new sequences must not grow the tree without end. */
const MAX_STREAMS = 10_000;

/**
 * Judges the negotiations of one analysis. It remembers judgements by stream: a long log repeats the same
 * few sequences thousands of times, and replay is deterministic, so a stream printed word for word like an
 * earlier one is judged the same. The words are the model's (side, exchange, mode), then each transition's
 * from, to and input.
 */
export class TransitionJudge {
  private readonly judged = new WordTree<readonly Verdict[]>();
  private remembered = 0;
  private readonly steps = new MachineSteps();

  /** The verdicts on every transition of the negotiation, per router side and exchange. */
  verdicts(n: Negotiation): NegotiationVerdicts {
    // a phase 1 whose mode no line shows has no Main or Aggressive Mode state to judge: Main Mode's machine
    // judges what it has (IKE_P1_COMPLETE, IKE_DEST_SA), and Quick Mode is the same under either
    const mode = n.phase1.mode ?? 'main';
    return {
      phase1: this.exchange(n.phase1.transitions, 'phase1', mode),
      phase2: n.phase2.map((p) => this.exchange(p.transitions, 'quickmode', mode)),
    };
  }

  private exchange(transitions: readonly Transition[], exchange: Exchange, mode: Mode): Verdict[] {
    const out = new Array<Verdict>(transitions.length).fill(UNJUDGED);
    for (const side of ['initiator', 'responder'] as const) this.stream(side, exchange, transitions, mode, out);
    return out;
  }

  /** Writes the verdicts on `side`'s transitions into `out`, at their indices in `transitions`. */
  private stream(side: Side, exchange: Exchange, transitions: readonly Transition[], mode: Mode, out: Verdict[]): void {
    let count = 0;
    let transaction = 0;
    for (const t of transitions) {
      if (t.side !== side) continue;
      count += 1;
      if (isTransactionStep(t)) transaction += 1;
    }
    if (count === 0) return;
    // a one-sided log prints every transition from one side: the stream is the whole list. XAUTH and mode
    // config (the transaction exchange) are no steps of the phase's model: not judged by it
    const mineOnly = (t: Transition): boolean => t.side === side && (transaction === 0 || !isTransactionStep(t));
    const whole = count === transitions.length && transaction === 0;
    const mine = whole ? transitions : transitions.filter(mineOnly);
    if (mine.length === 0) return;
    const verdicts = this.find(side, exchange, mode, mine)?.value ?? this.replay(side, exchange, mode, mine);
    if (verdicts === null) return;
    let k = 0;
    transitions.forEach((t, i) => {
      if (whole || mineOnly(t)) out[i] = verdicts[k++] ?? UNJUDGED;
    });
  }

  private replay(side: Side, exchange: Exchange, mode: Mode, mine: readonly Transition[]): readonly Verdict[] | null {
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
        exchange === 'phase1' ? { mode, steps: this.steps } : { steps: this.steps },
      );
      const verdicts = steps.map((s): Verdict => (s.explanation === undefined ? { allowed: s.allowed } : { allowed: s.allowed, explanation: s.explanation }));
      if (this.remembered < MAX_STREAMS) {
        this.grow(side, exchange, mode, mine).value = verdicts;
        this.remembered += 1;
      }
      return verdicts;
    } catch {
      // a model that cannot judge leaves `allowed` null
      return null;
    }
  }

  private find(side: Side, exchange: Exchange, mode: Mode, stream: readonly Transition[]): WordTree<readonly Verdict[]> | undefined {
    let node = this.judged.next(side)?.next(exchange)?.next(mode);
    for (const t of stream) node = node?.next(t.from)?.next(t.to)?.next(t.input);
    return node;
  }

  private grow(side: Side, exchange: Exchange, mode: Mode, stream: readonly Transition[]): WordTree<readonly Verdict[]> {
    let node = this.judged.grow(side).grow(exchange).grow(mode);
    for (const t of stream) node = node.grow(t.from).grow(t.to).grow(t.input);
    return node;
  }
}
