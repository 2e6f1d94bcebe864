/**
 * The two-router simulation: a deterministic step loop over simulated time. Each router runs the
 * machines of its role (phase 1 and one Quick Mode node) through xstate's pure `transition()`; what
 * a machine sends is routed to the other router after a fixed latency, unless a fault drops it; a
 * retransmission timer fires when a message goes unanswered. The routers' decisions (policy, key,
 * transform set, proxies, PFS) come from their effective configurations. No clock, no randomness.
 */
import { relatedLines } from '../config/relations.ts';
import type { IkeEvent } from '../fsm/events.ts';
import type { Phase1Mode } from '../fsm/machines.ts';
import type { ExchangeMessageName } from '../ike/messages.ts';
import { otherSide, type Side } from '../ike/sides.ts';
import { contextOf, MachineSteps, stateOf } from '../fsm/snapshots.ts';
import { choosePhase1, choosePhase2 } from './decide.ts';
import { phase1Proposals, phase2Offer, presharedKey } from './offers.ts';
import { freshSa, infoOf, newRouter, outcomeOf, statesOf, type Router, type SimRouter } from './routers.ts';
import type { SimEvent, SimExchange, SimFaults, SimNote, SimStep, SimTrace } from './trace.ts';
import { answers, awaitsAnswer } from '../fsm/message-steps.ts';
import { floated } from './wire.ts';

export interface SimScenario {
  initiator: SimRouter;
  responder: SimRouter;
  mode?: Phase1Mode;
  faults?: SimFaults;
}

/** Simulated timing: one-way latency, and the phase 1 / Quick Mode retransmission interval of IOS. */
export const SIM_TIMING = { latencyMs: 4, retransmitMs: 10_000 } as const;

/** A generous bound: a negotiation that has not settled by then is reported as it stands. */
const MAX_STEPS = 2_000;

type Agenda =
  | { kind: 'start' }
  | { kind: 'deliver'; to: Side; message: ExchangeMessageName }
  | { kind: 'timer'; side: Side; exchange: SimExchange; generation: number; state: string };

interface Scheduled {
  at: number;
  seq: number;
  item: Agenda;
}


export function simulate(scenario: SimScenario): SimTrace {
  const mode = scenario.mode ?? 'main';
  const faults = scenario.faults ?? {};
  const machineSteps = new MachineSteps();
  const routers: Record<Side, Router> = {
    initiator: newRouter('initiator', scenario.initiator, scenario.responder, mode, machineSteps),
    responder: newRouter('responder', scenario.responder, scenario.initiator, mode, machineSteps),
  };
  const initiatorKey = presharedKey(scenario.initiator.config, scenario.responder.address);
  const responderKey = presharedKey(scenario.responder.config, scenario.initiator.address);
  const keysDiffer = initiatorKey !== null && responderKey !== null && initiatorKey.key !== responderKey.key;
  const losses = [...(faults.lose ?? [])];

  const steps: SimStep[] = [];
  const agenda: Scheduled[] = [];
  let seq = 0;
  let now = 0;
  let quickModeStarted = false;

  const schedule = (at: number, item: Agenda) => {
    agenda.push({ at, seq: seq++, item });
  };
  const record = (side: Side, event: SimEvent) => {
    const states = {
      initiator: Object.freeze(statesOf(routers.initiator)),
      responder: Object.freeze(statesOf(routers.responder)),
    };
    steps.push(Object.freeze({ index: steps.length, at: now, side, event: Object.freeze(event), states: Object.freeze(states) }));
  };
  const note = (side: Side, n: SimNote) => record(side, { kind: 'note', note: n });
  const relations = new Map<string, readonly number[]>();
  const configLines = (side: Side, message: ExchangeMessageName): readonly number[] => {
    const key = `${side}:${message}`;
    let lines = relations.get(key);
    if (lines === undefined) {
      lines = Object.freeze(relatedLines(routers[side].info.config, { message, peer: routers[side].peer.address }));
      relations.set(key, lines);
    }
    return lines;
  };

  const send = (side: Side, message: ExchangeMessageName, retransmission: boolean, exchange: SimExchange) => {
    const lossIndex = losses.findIndex((l) => l.from === side && l.message === message);
    const lost = (faults.unreachable === true && side === 'initiator') || lossIndex >= 0;
    if (lossIndex >= 0) losses.splice(lossIndex, 1);
    const port = faults.nat === true && floated.has(message) ? 4500 : 500;
    record(side, { kind: 'send', message, retransmission, lost, port, config: configLines(side, message) });
    routers[side].sentAt[exchange] = now;
    if (!lost) schedule(now + SIM_TIMING.latencyMs, { kind: 'deliver', to: otherSide(side), message });
    if (awaitsAnswer(message)) {
      const timers = routers[side].timers;
      timers[exchange] += 1;
      const state = stateOf(routers[side].snapshots[exchange]);
      schedule(now + SIM_TIMING.retransmitMs, { kind: 'timer', side, exchange, generation: timers[exchange], state });
    }
  };

  /** Feeds one input to a router's machine, records it, and performs what the machine sends. */
  const input = (side: Side, exchange: SimExchange, event: IkeEvent): boolean => {
    const router = routers[side];
    const before = router.snapshots[exchange];
    const taken = router.steps.step(router.machines[exchange], before, event);
    if (taken === null) return false;
    const { snapshot: after, actions } = taken;
    router.snapshots[exchange] = after;
    const deleteReason = contextOf(after).deleteReason;
    const retransmitted = actions.some((a) => a.type === 'resend');
    record(side, {
      kind: 'input',
      exchange,
      input: event,
      from: stateOf(before),
      to: stateOf(after),
      deleteReason: deleteReason !== contextOf(before).deleteReason ? deleteReason : null,
      retransmitted,
    });
    for (const action of actions) {
      if (action.type === 'send') send(side, (action.params as { message: ExchangeMessageName }).message, false, exchange);
      if (action.type === 'resend') {
        const last = contextOf(after).lastSent;
        if (last !== null) send(side, last, true, exchange);
      }
    }
    return true;
  };

  const phase1 = (side: Side) => stateOf(routers[side].snapshots.phase1);
  const quick = (side: Side) => stateOf(routers[side].snapshots.quickmode);

  const startQuickMode = () => {
    if (quickModeStarted) return;
    quickModeStarted = true;
    const offer = phase2Offer(scenario.initiator.config, scenario.responder.address);
    if (offer === null) {
      note('initiator', { kind: 'no-phase2-policy', peer: scenario.responder.address });
      return;
    }
    input('initiator', 'quickmode', { type: 'IKE_MESG_INTERNAL.IKE_INIT_QM' });
    input('initiator', 'phase1', { type: 'IKE_MESG_INTERNAL.IKE_PHASE1_COMPLETE' });
  };

  /** The responder's checks of MM1 / AM1: a policy must match, else NO_PROPOSAL_CHOSEN and the SA goes. */
  const checkProposals = (exchangeEvent: IkeEvent): boolean => {
    const choice = choosePhase1(phase1Proposals(scenario.initiator.config), phase1Proposals(scenario.responder.config), responderKey !== null);
    if (responderKey !== null) note('responder', { kind: 'psk-found', peer: scenario.initiator.address, line: responderKey.line });
    note('responder', { kind: 'policy-checks', choice });
    if (exchangeEvent.type === 'IKE_MESG_FROM_PEER.IKE_MM_EXCH') input('responder', 'phase1', { type: 'IKE_MESG_INTERNAL.IKE_PROCESS_MAIN_MODE' });
    if (choice.chosen !== null) return true;
    send('responder', 'NOTIFY', false, 'phase1');
    input('responder', 'phase1', { type: 'IKE_MESG_INTERNAL.IKE_PHASE1_DEL', reason: 'Phase1 SA policy proposal not accepted' });
    return false;
  };

  /**
   * A packet that arrives where the machine does not expect it: a duplicate of what our last message
   * answered means that answer was lost, so it is sent again (unless it has just gone out).
   */
  const duplicate = (side: Side, message: ExchangeMessageName, exchange: SimExchange) => {
    note(side, { kind: 'duplicate', message });
    const last = contextOf(routers[side].snapshots[exchange]).lastSent;
    if (last !== null && answers(last) === message && routers[side].sentAt[exchange] !== now) send(side, last, true, exchange);
  };

  const receive = (side: Side, message: ExchangeMessageName) => {
    const port = faults.nat === true && floated.has(message) ? 4500 : 500;
    record(side, { kind: 'receive', message, port, config: configLines(side, message) });
    const state = phase1(side);
    const mm: IkeEvent = { type: 'IKE_MESG_FROM_PEER.IKE_MM_EXCH' };
    const am: IkeEvent = { type: 'IKE_MESG_FROM_PEER.IKE_AM_EXCH' };
    const processMainMode: IkeEvent = { type: 'IKE_MESG_INTERNAL.IKE_PROCESS_MAIN_MODE' };
    const processComplete: IkeEvent = { type: 'IKE_MESG_INTERNAL.IKE_PROCESS_COMPLETE' };
    const expected = (phase1State: string, exchange: SimExchange = 'phase1', quickState?: string): boolean => {
      const ok = state === phase1State && (quickState === undefined || quick(side) === quickState);
      if (!ok) duplicate(side, message, exchange);
      return ok;
    };
    switch (message) {
      case 'MM1':
        if (!expected('IKE_READY')) return;
        input(side, 'phase1', mm);
        if (checkProposals(mm)) input(side, 'phase1', processComplete);
        return;
      case 'MM2':
        if (!expected('IKE_I_MM1')) return;
        input(side, 'phase1', mm);
        input(side, 'phase1', processMainMode);
        input(side, 'phase1', processComplete);
        return;
      case 'MM3':
        if (!expected('IKE_R_MM2')) return;
        input(side, 'phase1', mm);
        if (faults.nat === true) note(side, { kind: 'nat-detected' });
        input(side, 'phase1', processMainMode);
        input(side, 'phase1', processComplete);
        return;
      case 'MM4':
        if (!expected('IKE_I_MM3')) return;
        input(side, 'phase1', mm);
        if (faults.nat === true) note(side, { kind: 'nat-detected' });
        input(side, 'phase1', processMainMode);
        input(side, 'phase1', processComplete);
        return;
      case 'MM5':
        if (!expected('IKE_R_MM4')) return;
        if (keysDiffer) {
          note(side, { kind: 'bad-message', peer: scenario.initiator.address });
          return;
        }
        input(side, 'phase1', mm);
        note(side, { kind: 'authenticated', peer: scenario.initiator.address });
        input(side, 'phase1', processMainMode);
        input(side, 'phase1', processComplete);
        return;
      case 'MM6':
        if (!expected('IKE_I_MM5')) return;
        input(side, 'phase1', mm);
        note(side, { kind: 'authenticated', peer: scenario.responder.address });
        input(side, 'phase1', processMainMode);
        input(side, 'phase1', processComplete);
        startQuickMode();
        return;
      case 'AM1':
        if (!expected('IKE_READY')) return;
        input(side, 'phase1', am);
        if (checkProposals(am)) input(side, 'phase1', processComplete);
        return;
      case 'AM2':
        if (!expected('IKE_I_AM1')) return;
        input(side, 'phase1', am);
        if (keysDiffer) {
          note(side, { kind: 'bad-message', peer: scenario.responder.address });
          input(side, 'phase1', { type: 'IKE_MESG_INTERNAL.IKE_PHASE1_DEL', reason: 'Authentication failed' });
          return;
        }
        note(side, { kind: 'authenticated', peer: scenario.responder.address });
        input(side, 'phase1', processComplete);
        startQuickMode();
        return;
      case 'AM3':
        if (!expected('IKE_R_AM2')) return;
        input(side, 'phase1', am);
        note(side, { kind: 'authenticated', peer: scenario.initiator.address });
        return;
      case 'QM1': {
        if (!expected('IKE_P1_COMPLETE', 'quickmode', 'IKE_QM_READY')) return;
        const offer = phase2Offer(scenario.initiator.config, scenario.responder.address);
        if (offer === null) return;
        const choice = choosePhase2(offer, phase2Offer(scenario.responder.config, scenario.initiator.address));
        note(side, { kind: 'phase2-check', offer, choice });
        if (choice.accepted === null) {
          input(side, 'quickmode', { type: 'IKE_MESG_FROM_PEER.IKE_QM_EXCH', accepted: false });
          return;
        }
        input(side, 'quickmode', { type: 'IKE_MESG_FROM_PEER.IKE_QM_EXCH' });
        input(side, 'quickmode', { type: 'IKE_MESG_INTERNAL.IKE_GOT_SPI' });
        input(side, 'quickmode', { type: 'IKE_MESG_FROM_IPSEC.IPSEC_INSTALL_DONE' });
        return;
      }
      case 'QM2':
        if (!expected('IKE_P1_COMPLETE', 'quickmode', 'IKE_QM_I_QM1')) return;
        input(side, 'quickmode', { type: 'IKE_MESG_FROM_PEER.IKE_QM_EXCH' });
        input(side, 'quickmode', { type: 'IKE_MESG_FROM_IPSEC.IPSEC_INSTALL_DONE' });
        return;
      case 'QM3':
        if (!expected('IKE_P1_COMPLETE', 'quickmode', 'IKE_QM_R_QM2')) return;
        input(side, 'quickmode', { type: 'IKE_MESG_FROM_PEER.IKE_QM_EXCH' });
        return;
      case 'NOTIFY':
        input(side, 'phase1', { type: 'IKE_MESG_FROM_PEER.IKE_INFO_NOTIFY' });
        return;
      case 'DELETE':
        input(side, 'phase1', { type: 'IKE_MESG_INTERNAL.IKE_PHASE1_DEL', reason: 'Peer deleted the SA' });
        return;
      default:
        message satisfies never;
    }
  };

  const start = () => {
    note('initiator', { kind: 'sa-request', offer: phase2Offer(scenario.initiator.config, scenario.responder.address) });
    if (initiatorKey === null) {
      note('initiator', { kind: 'no-psk', peer: scenario.responder.address });
      return;
    }
    note('initiator', { kind: 'psk-found', peer: scenario.responder.address, line: initiatorKey.line });
    input('initiator', 'phase1', { type: mode === 'aggressive' ? 'IKE_MESG_FROM_IPSEC.IKE_SA_REQ_AM' : 'IKE_MESG_FROM_IPSEC.IKE_SA_REQ_MM' });
  };

  const fire = (t: Extract<Agenda, { kind: 'timer' }>) => {
    const router = routers[t.side];
    // The reply arrived (the machine moved on) or the message was sent again since: this timer is stale.
    const snapshot = router.snapshots[t.exchange];
    if (router.timers[t.exchange] !== t.generation || stateOf(snapshot) !== t.state) return;
    if (contextOf(snapshot).deleteReason === null) input(t.side, t.exchange, { type: 'IKE_MESG_FROM_TIMER.IKE_TIMER_EXPIRED' });
  };

  schedule(0, { kind: 'start' });
  while (agenda.length > 0 && steps.length < MAX_STEPS) {
    agenda.sort((a, b) => a.at - b.at || a.seq - b.seq);
    const next = agenda.shift();
    if (!next) break;
    now = next.at;
    const item = next.item;
    switch (item.kind) {
      case 'start':
        start();
        break;
      case 'deliver':
        // A router whose SA is gone answers nothing more, except an initial offer, which starts a new SA.
        if (phase1(item.to) === 'IKE_DEST_SA') {
          if (item.to !== 'responder' || (item.message !== 'MM1' && item.message !== 'AM1')) break;
          freshSa(routers.responder);
        }
        receive(item.to, item.message);
        break;
      case 'timer':
        fire(item);
        break;
      default:
        item satisfies never;
    }
  }

  return Object.freeze({
    initiator: infoOf(scenario.initiator),
    responder: infoOf(scenario.responder),
    mode,
    faults,
    steps: Object.freeze(steps),
    outcome: Object.freeze(outcomeOf(routers, initiatorKey === null)),
  });
}
