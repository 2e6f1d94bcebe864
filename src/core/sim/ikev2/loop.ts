/**
 * The IKEv2 simulation's machinery: both routers' machines (fsm/ikev2/) stepped through xstate's pure
 * `transition()` by the SM Trace blocks of scripts.ts, an agenda of deliveries and retransmission timers in
 * simulated time, and the steps recorded as they happen. What a machine sends goes on the wire where its `send`
 * action says; what each router decides is simulate.ts's. No clock, no randomness.
 */
import type { AnyMachineSnapshot, AnyStateMachine } from 'xstate';
import { MachineSteps, stateOf, type StepAction } from '../../fsm/snapshots.ts';
import { ikev2Machine } from '../../fsm/ikev2/replay.ts';
import type { Ikev2MessageName } from '../../ike/messages.ts';
import { otherSide, type Side } from '../../ike/sides.ts';
import { initiatorScripts, type SmBlock } from './scripts.ts';
import type { Ikev2Faults, Ikev2Note, Ikev2SimEvent, Ikev2SimStep } from './trace.ts';

/** Simulated timing: one-way latency and IOS's IKEv2 retransmission interval; the limit as corpus 35 reaches it. */
export const IKEV2_TIMING = { latencyMs: 4, retransmitMs: 2_000, maxRetransmits: 6 } as const;

const MAX_STEPS = 5_000;

type Agenda =
  | { kind: 'deliver'; to: Side; message: Ikev2MessageName; payloads: readonly string[] }
  | { kind: 'timer'; side: Side; generation: number; state: string };

/** What one router's machine holds, and the request it waits an answer for. */
interface RouterSm {
  machine: AnyStateMachine;
  snapshot: AnyMachineSnapshot;
  messageId: number;
  /** The last message sent and its payloads: what a retransmission or a duplicate's answer repeats. */
  last: { message: Ikev2MessageName; payloads: readonly string[]; messageId: number } | null;
  retransmits: number;
  timer: number;
  /** Passed READY at some point (the IKE SA came up). */
  wasReady: boolean;
}

/** The payloads of the next message each side's machine will send: set by the decisions before the step that sends it. */
export type Outbox = Record<Side, Partial<Record<Ikev2MessageName, readonly string[]>>>;

export class Ikev2Loop {
  readonly steps: Ikev2SimStep[] = [];
  readonly outbox: Outbox = { initiator: {}, responder: {} };
  private readonly machineSteps = new MachineSteps();
  private readonly sm: Record<Side, RouterSm>;
  private readonly agenda: { at: number; seq: number; item: Agenda }[] = [];
  private readonly losses: { from: Side; message: Ikev2MessageName }[];
  private seq = 0;
  now = 0;

  constructor(
    private readonly faults: Ikev2Faults,
    private readonly onDeliver: (to: Side, message: Ikev2MessageName, payloads: readonly string[]) => void,
    private readonly onGiveUp: (side: Side, state: string) => void,
  ) {
    const routerSm = (side: Side): RouterSm => {
      const machine = ikev2Machine(side);
      return { machine, snapshot: this.machineSteps.initial(machine, {}), messageId: 0, last: null, retransmits: 0, timer: 0, wasReady: false };
    };
    this.sm = { initiator: routerSm('initiator'), responder: routerSm('responder') };
    this.losses = [...(faults.lose ?? [])];
  }

  state(side: Side): string {
    return stateOf(this.sm[side].snapshot);
  }

  failed(side: Side): boolean {
    return (this.sm[side].snapshot.context as { failed?: boolean }).failed === true;
  }

  wasReady(side: Side): boolean {
    return this.sm[side].wasReady;
  }

  setMessageId(side: Side, id: number): void {
    this.sm[side].messageId = id;
  }

  record(side: Side, event: Ikev2SimEvent): void {
    const states = Object.freeze({ initiator: this.state('initiator'), responder: this.state('responder') });
    this.steps.push(Object.freeze({ index: this.steps.length, at: this.now, side, event: Object.freeze(event), states }));
  }

  note(side: Side, note: Ikev2Note): void {
    this.record(side, { kind: 'note', note });
  }

  /**
   * Prints each block's SM Trace lines and steps the machine on its last event, as IOS moves; `hooks` run after
   * the line of their event (the lookups and checks IOS prints there).
   */
  run(side: Side, blocks: readonly SmBlock[], hooks: Partial<Record<string, () => void>> = {}): void {
    const r = this.sm[side];
    for (const block of blocks) {
      if (this.state(side) !== block.state) throw new Error(`IKEv2 ${side} script expects ${block.state}, the machine is in ${this.state(side)}`);
      for (const event of block.events) {
        this.record(side, { kind: 'sm', state: block.state, event, messageId: r.messageId });
        hooks[event]?.();
      }
      const last = block.events[block.events.length - 1];
      if (last === undefined) continue;
      const taken = this.machineSteps.step(r.machine, r.snapshot, { type: last });
      if (taken === null || stateOf(taken.snapshot) === block.state) continue;
      r.snapshot = taken.snapshot;
      if (stateOf(taken.snapshot) === 'READY') r.wasReady = true;
      this.record(side, { kind: 'transition', from: block.state, to: stateOf(taken.snapshot), event: last });
      for (const action of taken.actions) this.act(side, action);
    }
  }

  private act(side: Side, action: StepAction): void {
    if (action.type !== 'send') return;
    const message = (action.params as { message: Ikev2MessageName }).message;
    this.send(side, message, this.outbox[side][message] ?? [], false);
  }

  private portOf(message: Ikev2MessageName): number {
    return this.faults.nat === true && !message.startsWith('IKE_SA_INIT') ? 4500 : 500;
  }

  send(side: Side, message: Ikev2MessageName, payloads: readonly string[], retransmission: boolean): void {
    const r = this.sm[side];
    const lossIndex = this.losses.findIndex((l) => l.from === side && l.message === message);
    const lost = (this.faults.unreachable === true && side === 'initiator') || lossIndex >= 0;
    if (lossIndex >= 0) this.losses.splice(lossIndex, 1);
    this.record(side, { kind: 'send', message, messageId: r.messageId, retransmission, lost, port: this.portOf(message), payloads });
    r.last = { message, payloads, messageId: r.messageId };
    if (!lost) this.schedule(this.now + IKEV2_TIMING.latencyMs, { kind: 'deliver', to: otherSide(side), message, payloads });
    // a request waits for its answer; a response waits for nothing
    if (!message.endsWith('.response')) {
      if (!retransmission) r.retransmits = 0;
      r.timer += 1;
      this.schedule(this.now + IKEV2_TIMING.retransmitMs, { kind: 'timer', side, generation: r.timer, state: this.state(side) });
    }
  }

  /** The last message again, as IOS resends it (a timer, or a duplicate request whose answer was lost). */
  resend(side: Side): void {
    const last = this.sm[side].last;
    if (last !== null) this.send(side, last.message, last.payloads, true);
  }

  lastSent(side: Side): Ikev2MessageName | null {
    return this.sm[side].last?.message ?? null;
  }

  receive(side: Side, message: Ikev2MessageName, payloads: readonly string[], messageId: number): void {
    this.record(side, { kind: 'receive', message, messageId, port: this.portOf(message), payloads });
  }

  private schedule(at: number, item: Agenda): void {
    this.agenda.push({ at, seq: this.seq++, item });
  }

  /** Runs the agenda until nothing is left (or the bound is reached). */
  drain(): void {
    while (this.agenda.length > 0 && this.steps.length < MAX_STEPS) {
      this.agenda.sort((a, b) => a.at - b.at || a.seq - b.seq);
      const next = this.agenda.shift();
      if (next === undefined) break;
      this.now = next.at;
      const item = next.item;
      if (item.kind === 'deliver') this.onDeliver(item.to, item.message, item.payloads);
      else this.fire(item);
    }
  }

  private fire(t: Extract<Agenda, { kind: 'timer' }>): void {
    const r = this.sm[t.side];
    // answered (the machine moved on) or sent again since: a stale timer
    if (r.timer !== t.generation || this.state(t.side) !== t.state) return;
    if (r.retransmits >= IKEV2_TIMING.maxRetransmits) {
      this.onGiveUp(t.side, t.state);
      return;
    }
    r.retransmits += 1;
    this.run(t.side, initiatorScripts.retransmit(t.state));
    this.resend(t.side);
    this.run(t.side, initiatorScripts.afterRetransmit(t.state));
  }
}
