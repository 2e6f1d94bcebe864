/** The simulated routers: each one's machines and their snapshots, its timers, and the outcome they reach. */
import type { AnyMachineSnapshot, AnyStateMachine } from 'xstate';
import type { EffectiveConfig } from '../config/model.ts';
import { machineFor, type Phase1Mode } from '../fsm/machines.ts';
import { contextOf, MachineSteps, stateOf } from '../fsm/snapshots.ts';
import type { Side } from '../ike/sides.ts';
import type { SimExchange, SimOutcome, SimPeerInfo } from './trace.ts';

export interface SimRouter extends SimPeerInfo {
  config: EffectiveConfig;
}

export interface Router {
  info: SimRouter;
  peer: SimRouter;
  machines: Record<SimExchange, AnyStateMachine>;
  snapshots: Record<SimExchange, AnyMachineSnapshot>;
  /** The machines' steps remembered by this simulation (both routers share one). */
  steps: MachineSteps;
  /** Bumped by every send that waits for a reply: only the timer of the latest one may fire. */
  timers: Record<SimExchange, number>;
  /** When this router last sent on each exchange. */
  sentAt: Record<SimExchange, number>;
}

export function newRouter(side: Side, info: SimRouter, peer: SimRouter, mode: Phase1Mode, steps: MachineSteps): Router {
  const machines = { phase1: machineFor(side, 'phase1', mode), quickmode: machineFor(side, 'quickmode') } as Record<SimExchange, AnyStateMachine>;
  const input = { platform: info.platform };
  return {
    info,
    peer,
    machines,
    snapshots: { phase1: steps.initial(machines.phase1, input), quickmode: steps.initial(machines.quickmode, input) },
    steps,
    timers: { phase1: 0, quickmode: 0 },
    sentAt: { phase1: -1, quickmode: -1 },
  };
}

/** A new ISAKMP SA in place of a deleted one: both machines start over. */
export function freshSa(router: Router): void {
  const input = { platform: router.info.platform };
  const { machines, steps } = router;
  router.snapshots = { phase1: steps.initial(machines.phase1, input), quickmode: steps.initial(machines.quickmode, input) };
}

export function statesOf(router: Router): { phase1: string; quickmode: string } {
  return { phase1: stateOf(router.snapshots.phase1), quickmode: stateOf(router.snapshots.quickmode) };
}

export function infoOf(router: SimRouter): SimPeerInfo {
  return { name: router.name, address: router.address, platform: router.platform };
}

export function outcomeOf(routers: Record<Side, Router>, noKey: boolean): { phase1: SimOutcome; phase2: SimOutcome } {
  const p1 = (side: Side) => stateOf(routers[side].snapshots.phase1);
  const qm = (side: Side) => routers[side].snapshots.quickmode;
  const phase1: SimOutcome =
    p1('initiator') === 'IKE_P1_COMPLETE' && p1('responder') === 'IKE_P1_COMPLETE'
      ? 'complete'
      : noKey || p1('initiator') === 'IKE_DEST_SA' || p1('responder') === 'IKE_DEST_SA'
        ? 'failed'
        : 'incomplete';
  const done = (side: Side) => stateOf(qm(side)) === 'IKE_QM_PHASE2_COMPLETE';
  const dead = (side: Side) => contextOf(qm(side)).deleteReason !== null;
  const phase2: SimOutcome = done('initiator') && done('responder') ? 'complete' : dead('initiator') || dead('responder') ? 'failed' : 'incomplete';
  return { phase1, phase2 };
}
