/**
 * Small pure helpers over any of the IKE machines' snapshots, shared by replay and simulation.
 * All machines are flat, so a snapshot's value is the IOS state name.
 *
 * The machines are deterministic and their context is a handful of small values, so each step is
 * computed by xstate once and remembered (MachineSteps): a 100 MB log replays the same few hundred steps
 * over and over, and xstate's `transition()` costs about a hundred microseconds a call.
 */
import { initialTransition, transition, type AnyMachineSnapshot, type AnyStateMachine } from 'xstate';
import type { IkeEvent } from './events.ts';
import type { ExchangeContext, ExchangeInput } from './exchange-setup.ts';

/** An action a step asks for, as xstate returns it (`send`, `resend` with their params). */
export interface StepAction {
  type: string;
  params?: unknown;
}

export interface Step {
  snapshot: AnyMachineSnapshot;
  actions: readonly StepAction[];
}

interface Memo {
  initial: Map<string, AnyMachineSnapshot>;
  at: Map<string, AnyMachineSnapshot>;
  steps: Map<string, Step | null>;
}

/** The IKEv1 machines' context, or the IKEv2 machines' (`failed` alone). */
function contextKey(c: ExchangeContext & { failed?: boolean }): string {
  if (c.failed !== undefined) return c.failed ? 'failed' : 'ok';
  return `${c.platform}|${c.lastSent ?? ''}|${c.retransmits}|${c.maxRetransmits}|${c.deleteReason ?? ''}`;
}

/** An IKEv1 event, or an IKEv2 one (its SM Trace name alone). */
export type MachineEvent = IkeEvent | { type: string };

function eventKey(event: MachineEvent): string {
  if ('accepted' in event && event.type === 'IKE_MESG_FROM_PEER.IKE_QM_EXCH') return event.accepted === false ? `${event.type}:refused` : event.type;
  if ('reason' in event && event.type === 'IKE_MESG_INTERNAL.IKE_PHASE1_DEL') return `${event.type}:${event.reason ?? ''}`;
  return event.type;
}

/**
 * The machines' steps remembered by one analysis or one simulation: the keys hold what the log printed (a
 * delete reason), so a memo that outlived its analysis would grow with every log the page is given.
 */
export class MachineSteps {
  private readonly memos = new Map<AnyStateMachine, Memo>();
  private readonly snapshotKeys = new WeakMap<AnyMachineSnapshot, string>();

  initial(machine: AnyStateMachine, input: ExchangeInput): AnyMachineSnapshot {
    const memo = this.memoOf(machine);
    const key = `${input.platform ?? ''}|${input.maxRetransmits ?? ''}`;
    let snapshot = memo.initial.get(key);
    if (snapshot === undefined) {
      snapshot = initialTransition(machine, input)[0] as AnyMachineSnapshot;
      memo.initial.set(key, snapshot);
    }
    return snapshot;
  }

  /** The machine's step on `event`, or null when the state has no transition for it. */
  step(machine: AnyStateMachine, snapshot: AnyMachineSnapshot, event: MachineEvent): Step | null {
    const memo = this.memoOf(machine);
    const key = `${this.snapshotKey(snapshot)}#${eventKey(event)}`;
    let known = memo.steps.get(key);
    if (known === undefined) {
      const handled = (machine.getTransitionData(snapshot, event) ?? []).length > 0;
      if (handled) {
        const [next, actions] = transition(machine, snapshot, event);
        const plain = (actions as readonly StepAction[]).map((a) => Object.freeze({ type: a.type, params: a.params }));
        known = { snapshot: next as AnyMachineSnapshot, actions: Object.freeze(plain) };
      } else {
        known = null;
      }
      memo.steps.set(key, known);
    }
    return known;
  }

  /** A snapshot in `state` with `context`: where replay re-synchronises on what the log says. */
  at(machine: AnyStateMachine, state: string, context: ExchangeContext): AnyMachineSnapshot {
    const memo = this.memoOf(machine);
    const key = `${state}#${contextKey(context)}`;
    let snapshot = memo.at.get(key);
    if (snapshot === undefined) {
      snapshot = machine.resolveState({ value: state, context }) as AnyMachineSnapshot;
      memo.at.set(key, snapshot);
    }
    return snapshot;
  }

  private memoOf(machine: AnyStateMachine): Memo {
    let memo = this.memos.get(machine);
    if (memo === undefined) {
      memo = { initial: new Map(), at: new Map(), steps: new Map() };
      this.memos.set(machine, memo);
    }
    return memo;
  }

  private snapshotKey(snapshot: AnyMachineSnapshot): string {
    let key = this.snapshotKeys.get(snapshot);
    if (key === undefined) {
      key = `${stateOf(snapshot)}#${contextKey(contextOf(snapshot))}`;
      this.snapshotKeys.set(snapshot, key);
    }
    return key;
  }
}

export function stateOf(snapshot: AnyMachineSnapshot): string {
  return String(snapshot.value);
}

export function contextOf(snapshot: AnyMachineSnapshot): ExchangeContext {
  return snapshot.context as ExchangeContext;
}

const names = new WeakMap<AnyStateMachine, ReadonlySet<string>>();

/** The IOS state names a machine has. */
export function stateNames(machine: AnyStateMachine): ReadonlySet<string> {
  let known = names.get(machine);
  if (known === undefined) {
    known = new Set(Object.keys(machine.root.states));
    names.set(machine, known);
  }
  return known;
}

/** The state's plain-words description (each state config carries one). */
export function stateDescription(machine: AnyStateMachine, state: string): string {
  return machine.root.states[state]?.description ?? state;
}
