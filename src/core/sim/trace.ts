/**
 * The simulation's result: an immutable trace of steps in simulated time. Each step is one thing that
 * happened on one router (an input to its machine, a packet sent or received, a decision), with both
 * routers' states after it, so stepping forward and back is an index into `steps`.
 */
import type { Phase1Mode } from '../fsm/machines.ts';
import type { IkeEvent } from '../fsm/events.ts';
import type { Platform } from '../fsm/exchange-setup.ts';
import type { ExchangeMessageName } from '../ike/messages.ts';
import type { Side } from '../ike/sides.ts';
import type { Losable } from './losable.ts';
import type { Phase1Choice, Phase2Choice } from './decide.ts';
import type { Phase2Offer } from './offers.ts';

export type SimExchange = 'phase1' | 'quickmode';

export interface SimFaults {
  /** Nothing the initiator sends reaches the responder (peer down, UDP 500 blocked). */
  unreachable?: boolean;
  /** A NAT device between the peers: NAT discovery in MM3/MM4, then UDP 4500 from MM5 on. */
  nat?: boolean;
  /** Messages lost on the way, each entry once: `{ from: 'initiator', message: 'MM3' }` (IKEv2's in an IKEv2 run). */
  lose?: readonly Losable[];
}

export interface RouterStates {
  phase1: string;
  quickmode: string;
}

export type SimNote =
  /** IPsec asks IKE for SAs: the initiator's `IPSEC(sa_request)`. */
  | { kind: 'sa-request'; offer: Phase2Offer | null }
  | { kind: 'no-psk'; peer: string }
  | { kind: 'psk-found'; peer: string; line: number }
  | { kind: 'policy-checks'; choice: Phase1Choice }
  /** The peer's packet could not be decrypted: the keys differ (`%CRYPTO-4-IKMP_BAD_MESSAGE`). */
  | { kind: 'bad-message'; peer: string }
  /** A packet seen before: IOS answers by retransmitting its own last message. */
  | { kind: 'duplicate'; message: ExchangeMessageName }
  | { kind: 'nat-detected' }
  | { kind: 'authenticated'; peer: string }
  | { kind: 'phase2-check'; offer: Phase2Offer; choice: Phase2Choice }
  | { kind: 'no-phase2-policy'; peer: string };

export type SimEvent =
  | {
      kind: 'input';
      exchange: SimExchange;
      input: IkeEvent;
      from: string;
      to: string;
      /** Set when this input deleted the SA or the node. */
      deleteReason: string | null;
      /** True for a retransmission timer that only resent the last message (IOS prints no state line). */
      retransmitted: boolean;
    }
  /** `config`: the lines of this router's config the message depends on (core/config relations). */
  | { kind: 'send'; message: ExchangeMessageName; retransmission: boolean; lost: boolean; port: number; config: readonly number[] }
  | { kind: 'receive'; message: ExchangeMessageName; port: number; config: readonly number[] }
  | { kind: 'note'; note: SimNote };

export interface SimStep {
  index: number;
  /** Simulated milliseconds since the start. */
  at: number;
  side: Side;
  event: SimEvent;
  states: Readonly<Record<Side, RouterStates>>;
}

export type SimOutcome = 'complete' | 'failed' | 'incomplete';

export interface SimPeerInfo {
  name: string;
  address: string;
  platform: Platform;
}

export interface SimTrace {
  initiator: SimPeerInfo;
  responder: SimPeerInfo;
  mode: Phase1Mode;
  faults: SimFaults;
  steps: readonly SimStep[];
  outcome: { phase1: SimOutcome; phase2: SimOutcome };
}
