/**
 * IKEv2 log replay: each change of SM Trace state a router printed, with the event it printed last in the state
 * it left, fed to the machine of its role through xstate's pure `transition()`. A step is allowed when the model,
 * in the state the log says it left, takes that event to the state the log says it reached.
 */
import { transition, type AnyMachineSnapshot, type AnyStateMachine } from 'xstate';
import type { Side } from '../../ike/sides.ts';
import { ikev2Initiator } from './initiator.ts';
import { ikev2Responder } from './responder.ts';

export interface Ikev2Observed {
  from: string;
  to: string;
  /** The SM Trace event printed last in `from`. */
  event: string;
}

export interface Ikev2Verdict {
  allowed: boolean;
  explanation?: string;
}

export function ikev2Machine(side: Side): AnyStateMachine {
  return side === 'initiator' ? ikev2Initiator : ikev2Responder;
}

function stateNames(machine: AnyStateMachine): Set<string> {
  return new Set(Object.keys(machine.root.states));
}

/** What the model does from `state`: its events and where each leads. */
function expected(machine: AnyStateMachine, state: string): string {
  const node = machine.root.states[state];
  if (node === undefined) return 'nothing';
  const moves: string[] = [];
  for (const [event, list] of node.transitions) for (const t of list) moves.push(`${event} → ${t.target?.[0]?.key ?? state}`);
  return moves.length === 0 ? 'nothing more (it is final)' : moves.join(', ');
}

function snapshotIn(machine: AnyStateMachine, state: string, context: unknown): AnyMachineSnapshot {
  return machine.resolveState({ value: state, context });
}

/**
 * The machines' steps already computed, by side, state, context and event: a headend log replays the same few
 * dozen steps for every SA, and xstate's `transition()` costs about a hundred microseconds a call. One per analysis.
 */
export class Ikev2Steps {
  private readonly known = new Map<string, AnyMachineSnapshot>();
  /** The walks implied by packets (implied.ts), by side and packet sequence: a headend log repeats a few. */
  readonly implied = new Map<string, unknown>();

  next(side: Side, machine: AnyStateMachine, start: AnyMachineSnapshot, event: string): AnyMachineSnapshot {
    const key = `${side}|${String(start.value)}|${(start.context as { failed?: boolean }).failed === true ? 1 : 0}|${event}`;
    let hit = this.known.get(key);
    if (hit === undefined) {
      hit = transition(machine, start, { type: event })[0];
      this.known.set(key, hit);
    }
    return hit;
  }
}

export function replayIkev2(side: Side, observed: readonly Ikev2Observed[], steps: Ikev2Steps = new Ikev2Steps()): Ikev2Verdict[] {
  const machine = ikev2Machine(side);
  const states = stateNames(machine);
  const label = `IKEv2 ${side}`;
  let current = machine.resolveState({ value: 'IDLE', context: { failed: false } });
  return observed.map((o) => {
    const unknown = [o.from, o.to].find((s) => !states.has(s));
    if (unknown !== undefined) {
      if (states.has(o.to)) current = snapshotIn(machine, o.to, current.context);
      return { allowed: false, explanation: `${unknown} is not a state of the ${label} model.` };
    }
    // judged from the state the log says it left: a gap in the paste is not this line's fault
    const start = current.value === o.from ? current : snapshotIn(machine, o.from, current.context);
    const next = steps.next(side, machine, start, o.event);
    if (next.value === o.to) {
      current = next;
      return { allowed: true };
    }
    current = snapshotIn(machine, o.to, start.context);
    return { allowed: false, explanation: `The ${label} model does not go from ${o.from} to ${o.to} on ${o.event}; in ${o.from} it expects ${expected(machine, o.from)}.` };
  });
}
