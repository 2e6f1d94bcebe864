/**
 * Small pure helpers over any of the IKE machines' snapshots, shared by replay and simulation.
 * All machines are flat, so a snapshot's value is the IOS state name.
 */
import { initialTransition, type AnyMachineSnapshot, type AnyStateMachine } from 'xstate';
import type { ExchangeContext, ExchangeInput } from './exchange-setup.ts';

export function initialSnapshot(machine: AnyStateMachine, input: ExchangeInput): AnyMachineSnapshot {
  return initialTransition(machine, input)[0] as AnyMachineSnapshot;
}

export function stateOf(snapshot: AnyMachineSnapshot): string {
  return String(snapshot.value);
}

export function contextOf(snapshot: AnyMachineSnapshot): ExchangeContext {
  return snapshot.context as ExchangeContext;
}

/** A snapshot in `state` with `context`: where replay re-synchronises on what the log says. */
export function snapshotAt(machine: AnyStateMachine, state: string, context: unknown): AnyMachineSnapshot {
  return machine.resolveState({ value: state, context }) as AnyMachineSnapshot;
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
