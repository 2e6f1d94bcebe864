/** What one router's log tells of one IKEv2 SA while the log is read: the draft of an IKEv2 negotiation. */
import type { Ikev2Exchange } from '../../ike/ikev2.ts';
import type { LineRef } from '../../ike/line-ref.ts';
import type { Side } from '../../ike/sides.ts';
import type { IkeEvent } from '../../log/events.ts';
import type { Ikev2ErrorCode, TrafficSelectors } from '../../log/ikev2/line.ts';

export interface V2DraftMessage {
  exchange: Ikev2Exchange;
  response: boolean;
  messageId: number;
  dir: 'out' | 'in';
  /** From the packet decode's INITIATOR flag, when printed: the message came from the original initiator. */
  fromInitiator: boolean | null;
  payloads: string[];
  /** Its payload list was printed (before encryption by its sender, or as received): an empty one is then empty. */
  listed: boolean;
  encrypted: boolean;
  /** A liveness check (`liveness.ts`): an empty INFORMATIONAL request, its resends and its answer. */
  liveness: boolean;
  attempt: number;
  lines: LineRef[];
  packetLine: LineRef;
  time: number | null;
}

export interface V2DraftState {
  state: string;
  event: string;
  line: LineRef;
  time: number | null;
}

export interface V2Draft {
  index: number;
  file: number;
  /** The router's name from its prompt, if one was printed. */
  name: string | null;
  spis: { initiator: string; responder: string };
  /** Its lines name no SPI (an excerpt of lookups): `spis` are empty and the negotiation says none. */
  noSpis?: true;
  /** This router's protocol side, once the log shows it. */
  side: Side | null;
  local: string | null;
  peer: string | null;
  messages: V2DraftMessage[];
  /**
   * How many copies of each message (direction, exchange, request or response, message ID) were printed so far:
   * the next one's attempt, counted as they come (an SA alive for hours has thousands of messages).
   */
  copies: Map<string, number>;
  states: V2DraftState[];
  ikeProposal: string[] | null;
  /** The child SA proposal and what decides its fate, by the message ID of the exchange that carries it. */
  childProposal: string[] | null;
  selectors: TrafficSelectors | null;
  childSpis: { inbound: string | null; outbound: string | null };
  up: boolean;
  failures: { code: Ikev2ErrorCode | 'auth-failed-notify'; line: LineRef }[];
  /** The first error notify of each child SA exchange's response (NO_PROPOSAL_CHOSEN, TS_UNACCEPTABLE...), by its message ID. */
  childRefusals: { notify: string; messageId: number }[];
  /** `Deleting SA`: nothing more belongs to it. */
  ended: boolean;
  /** The events a finding may name: errors, refusals, failed checks, the keys and methods used (diagnosis). */
  evidence: IkeEvent[];
  /** Every record the draft holds, to point the record table at its negotiation. */
  records: number[];
  first: LineRef;
  last: LineRef;
  /** While the log is read: lines that join the next message (its cleartext list, resend line, ASA summary). */
  carry: {
    cleartext: string[] | null;
    cleartextLine: LineRef | null;
    summaryIn: LineRef | null;
    retransmitLine: LineRef | null;
    /** The message received last, while no other packet followed: the ASA decodes its payloads after it. */
    openIn: V2DraftMessage | null;
  };
}
