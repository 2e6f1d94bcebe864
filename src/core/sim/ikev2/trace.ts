/**
 * The IKEv2 simulation's result: an immutable trace of steps in simulated time, each one thing that happened on
 * one router (an SM Trace line, a state change, a packet sent or received, a decision), with both routers' SM
 * states after it, so stepping is an index into `steps`. The debug writer prints it; the lab and the CLI show it.
 */
import type { Ikev2Identity, Ikev2Proposal } from '../../config/ikev2-model.ts';
import type { Ikev2MessageName } from '../../ike/messages.ts';
import type { Side } from '../../ike/sides.ts';
import type { SimFaults, SimOutcome, SimPeerInfo } from '../trace.ts';
import { isIkev2Losable } from '../losable.ts';
import type { Ikev2Choice, Ikev2Keys } from '../../config/ikev2-decide.ts';
import type { ChildOffer, ChildRefusal, Ikev2Offer } from './decide.ts';

export interface Ikev2Faults {
  /** Nothing the initiator sends reaches the responder. */
  unreachable?: boolean;
  /** A NAT device between the peers: NAT discovery finds it in IKE_SA_INIT, IKE moves to UDP 4500 from IKE_AUTH on. */
  nat?: boolean;
  /** Messages lost on the way, each entry once: `{ from: 'initiator', message: 'IKE_AUTH' }`. */
  lose?: readonly { from: Side; message: Ikev2MessageName }[];
}

export type Ikev2Note =
  /** The policy lookup for the local address and the proposals it gives. */
  | { kind: 'policy'; local: string; offer: Ikev2Offer }
  | { kind: 'proposals-built'; proposals: readonly Ikev2Proposal[] }
  /** The initiator's phase 2 source names no IKEv2 profile it defines (`name`: the one it names, if any). */
  | { kind: 'no-profile'; name: string | null }
  /** The responder's check of the proposals offered. */
  | { kind: 'proposal-check'; chosen: Ikev2Choice | null; offered: readonly Ikev2Proposal[]; accepted: readonly Ikev2Proposal[] }
  | { kind: 'init-refused' }
  | { kind: 'nat'; found: boolean; inside: boolean }
  | { kind: 'init-done' }
  /** Building IKE_AUTH: the identity sent and the key it is signed with. */
  | { kind: 'auth-built'; identity: Ikev2Identity; keys: Ikev2Keys; keyring: string | null; child: ChildOffer | null }
  /** The peer's identity and the profile it selects (null: none). */
  | { kind: 'profile'; identity: Ikev2Identity; profile: string | null }
  | { kind: 'peer-keys'; peer: string; keys: Ikev2Keys; keyring: string | null }
  | { kind: 'auth-verified'; passed: boolean }
  | { kind: 'auth-refused-by-peer' }
  | { kind: 'child'; transformSet: string | null; refusal: ChildRefusal | null }
  | { kind: 'child-refused-by-peer'; refusal: ChildRefusal }
  | { kind: 'up'; lifetimeSeconds: number; ids: readonly [string, string] }
  | { kind: 'delete-sent' }
  | { kind: 'delete-received' }
  | { kind: 'delete-acknowledged' }
  | { kind: 'sa-deleted' }
  | { kind: 'gave-up'; exchange: 'IKE_SA_INIT' | 'IKE_AUTH' }
  /** A request seen before: its response went astray, so it is sent again. */
  | { kind: 'duplicate'; message: Ikev2MessageName };

export type Ikev2SimEvent =
  /** One SM Trace line: the state the machine is in and the event it handles. */
  | { kind: 'sm'; state: string; event: string; messageId: number }
  | { kind: 'transition'; from: string; to: string; event: string }
  | {
      kind: 'send';
      message: Ikev2MessageName;
      messageId: number;
      retransmission: boolean;
      lost: boolean;
      port: number;
      /** The payloads as IOS lists them before encryption (`SA KE N …`, `VID IDr AUTH NOTIFY(…)`). */
      payloads: readonly string[];
    }
  | { kind: 'receive'; message: Ikev2MessageName; messageId: number; port: number; payloads: readonly string[] }
  | { kind: 'note'; note: Ikev2Note };

export interface Ikev2SimStep {
  index: number;
  /** Simulated milliseconds since the start. */
  at: number;
  side: Side;
  event: Ikev2SimEvent;
  /** Each router's SM state after the step. */
  states: Readonly<Record<Side, string>>;
}

export interface Ikev2SimTrace {
  ikeVersion: 2;
  initiator: SimPeerInfo;
  responder: SimPeerInfo;
  faults: Ikev2Faults;
  /** The SPIs of the IKE SA, as IOS prints them (16 hex digits). */
  spis: { initiator: string; responder: string };
  steps: readonly Ikev2SimStep[];
  /** `phase1` is the IKE SA, `phase2` the child SA (the simulation contract's names). */
  outcome: { phase1: SimOutcome; phase2: SimOutcome };
}

/** The lab's faults (a preset's, a shared setup's) as IKEv2 takes them: the flags, and the IKEv2 messages to lose. */
export function ikev2FaultFlags(faults: SimFaults): Ikev2Faults {
  const lose = (faults.lose ?? []).filter(isIkev2Losable);
  return { ...(faults.unreachable === true ? { unreachable: true } : {}), ...(faults.nat === true ? { nat: true } : {}), ...(lose.length > 0 ? { lose } : {}) };
}
