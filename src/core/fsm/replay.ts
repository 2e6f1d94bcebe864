/**
 * Log replay: each `Old State = X  New State = Y` a router printed, with its `Input = SOURCE, EVENT`,
 * is fed to the machine of that router's role through xstate's pure `transition()`. The machine is the
 * judge: a step is allowed when the model, in X, takes that input to Y.
 */
import type { AnyMachineSnapshot, AnyStateMachine } from 'xstate';
import { IKE_EVENT_TYPES, ikeEvent, printInput, type IkeEvent } from './events.ts';
import type { Platform } from './exchange-setup.ts';
import { machineFor, type Exchange, type Phase1Mode } from './machines.ts';
import type { Side } from '../ike/sides.ts';
import { contextOf, MachineSteps, stateDescription, stateNames, stateOf } from './snapshots.ts';


/** One printed transition. `source`/`event` are empty strings when the log has no `Input =` line for it. */
export interface ObservedTransition {
  from: string;
  to: string;
  source: string;
  event: string;
}

export interface ReplayStep {
  allowed: boolean;
  /** The machine's state after the step (after a disallowed step: the observed `to`, where replay resumes). */
  state: string;
  explanation?: string;
}

export interface ReplayOptions {
  /** Phase 1 mode; guessed from the states and inputs when left out. */
  mode?: Phase1Mode;
  /** IOS-XE prints IKE_QM_IPSEC_INSTALL_AWAIT, 12.4/15.x do not; guessed from the transitions when left out. */
  platform?: Platform;
  /** The steps remembered across calls: the judge of one analysis passes its own; left out, a fresh one. */
  steps?: MachineSteps;
}

/** The machine one replay judges by, its name in explanations, and the steps remembered for it. */
interface Model {
  machine: AnyStateMachine;
  label: string;
  steps: MachineSteps;
}

export function replayTransitions(
  role: Side,
  exchange: Exchange,
  transitions: readonly ObservedTransition[],
  options: ReplayOptions = {},
): ReplayStep[] {
  const mode = options.mode ?? guessMode(transitions);
  const machine: AnyStateMachine = machineFor(role, exchange, mode);
  const model: Model = { machine, label: machineLabel(role, exchange, mode), steps: options.steps ?? new MachineSteps() };
  let snapshot = model.steps.initial(machine, { platform: options.platform ?? guessPlatform(transitions) });
  const steps: ReplayStep[] = [];
  for (const observed of transitions) {
    const judged = judge(model, snapshot, observed);
    snapshot = judged.next;
    steps.push(judged.step);
  }
  return steps;
}

function guessMode(transitions: readonly ObservedTransition[]): Phase1Mode {
  const aggressive = transitions.some(
    (t) => t.event === 'IKE_AM_EXCH' || t.event === 'IKE_SA_REQ_AM' || t.from.includes('_AM') || t.to.includes('_AM'),
  );
  return aggressive ? 'aggressive' : 'main';
}

function guessPlatform(transitions: readonly ObservedTransition[]): Platform {
  const installAwait = transitions.some(
    (t) => t.event === 'IPSEC_INSTALL_DONE' || t.from === 'IKE_QM_IPSEC_INSTALL_AWAIT' || t.to === 'IKE_QM_IPSEC_INSTALL_AWAIT',
  );
  return installAwait ? 'ios-xe' : 'ios';
}

function machineLabel(role: Side, exchange: Exchange, mode: Phase1Mode): string {
  const name = exchange === 'quickmode' ? 'Quick Mode' : mode === 'aggressive' ? 'Aggressive Mode' : 'Main Mode';
  return `${name} ${role}`;
}

/**
 * The same printed input can end in different states depending on what the router decided
 * (a Quick Mode offer accepted or refused); the log's `New State` tells which, so every decision is tried.
 */
function variants(event: IkeEvent): IkeEvent[] {
  if (event.type === 'IKE_MESG_FROM_PEER.IKE_QM_EXCH') return [event, { ...event, accepted: false }];
  return [event];
}

const everyEvent: IkeEvent[] = IKE_EVENT_TYPES.flatMap((type) => variants({ type } as IkeEvent));

interface Judged {
  step: ReplayStep;
  next: AnyMachineSnapshot;
}

function judge(model: Model, current: AnyMachineSnapshot, observed: ObservedTransition): Judged {
  const { machine, label, steps } = model;
  const states = stateNames(machine);
  const unknown = [observed.from, observed.to].find((name) => !states.has(name));
  if (unknown !== undefined) {
    const next = states.has(observed.to) ? steps.at(machine, observed.to, contextOf(current)) : current;
    return refused(next, `${unknown} is not a state of the ${label} model.`);
  }
  // Judge the step from the state the log says it left: a gap in the paste is not this line's fault.
  const start = stateOf(current) === observed.from ? current : steps.at(machine, observed.from, contextOf(current));
  const resync = () => steps.at(machine, observed.to, contextOf(start));

  const inputMissing = observed.source === '' || observed.event === '';
  const event = inputMissing ? undefined : ikeEvent(observed.source, observed.event);
  if (!inputMissing && event === undefined) {
    return refused(resync(), `${observed.source}, ${observed.event} is not an input the model knows.`);
  }
  const candidates = event === undefined ? everyEvent : variants(event);
  for (const candidate of candidates) {
    for (const from of startingPoints(model, start, candidate)) {
      const next = steps.step(machine, from, candidate)?.snapshot;
      if (next !== undefined && stateOf(next) === observed.to) return { step: { allowed: true, state: observed.to }, next };
    }
  }
  return refused(resync(), explain(model, start, observed, event));
}

/**
 * Where the model may stand when the input comes. IOS prints no line for a retransmission, so when a
 * timer expires the log cannot tell how many retransmissions went before: the timer is tried both as
 * one more retransmission and as the last one, after which the exchange gives up.
 */
function startingPoints(model: Model, start: AnyMachineSnapshot, event: IkeEvent): AnyMachineSnapshot[] {
  if (event.type !== 'IKE_MESG_FROM_TIMER.IKE_TIMER_EXPIRED') return [start];
  const context = contextOf(start);
  return [start, model.steps.at(model.machine, stateOf(start), { ...context, retransmits: context.maxRetransmits })];
}

function refused(next: AnyMachineSnapshot, explanation: string): Judged {
  return { step: { allowed: false, state: stateOf(next), explanation }, next };
}

function explain(
  model: Model,
  start: AnyMachineSnapshot,
  observed: ObservedTransition,
  event: IkeEvent | undefined,
): string {
  const { machine } = model;
  const { from, to } = observed;
  const described = (state: string) => `${state} (${stateDescription(machine, state)})`;
  const lead =
    event === undefined
      ? `${to} does not follow ${from} on any input (the log prints none for this step).`
      : `${to} does not follow ${from} on ${printInput(event)}.`;
  const taken = event === undefined ? null : model.steps.step(machine, start, event);
  if (taken !== null) {
    const target = stateOf(taken.snapshot);
    const where = target === from ? `stays in ${from}` : `goes to ${described(target)}`;
    return `${lead} On that input the model ${where}.`;
  }
  const onward = forwardSteps(model, start);
  if (onward.length === 0) return `${lead} ${described(from)} ends the exchange: nothing follows it.`;
  const expected = onward
    .map((s) => `${printInput(s.event)} first, leading to ${s.target}: ${stateDescription(machine, s.target)}`)
    .join('; or ');
  return `${lead} In ${described(from)} the model expects ${expected}.`;
}

/** The inputs that move a state forward: not self-loops, not the informational ones that end the SA. */
function forwardSteps(model: Model, start: AnyMachineSnapshot): { event: IkeEvent; target: string }[] {
  const from = stateOf(start);
  const steps: { event: IkeEvent; target: string }[] = [];
  for (const event of IKE_EVENT_TYPES.map((type) => ({ type }) as IkeEvent)) {
    const taken = model.steps.step(model.machine, start, event);
    if (taken === null) continue;
    const target = stateOf(taken.snapshot);
    if (target !== from && target !== 'IKE_DEST_SA') steps.push({ event, target });
  }
  return steps;
}
