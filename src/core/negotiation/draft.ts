/**
 * One router's view of a negotiation while the log is being read: what the builder accumulates before the
 * two routers' views are merged and turned into the Analysis types.
 */
import type { Side } from '../ike/sides.ts';
import type { MessageName } from '../ike/messages.ts';
import type { LineRef } from '../ike/line-ref.ts';
import type { Phase1List } from './phase1-list.ts';
import type { ObservedProposal } from './proposal.ts';
import type { Encapsulation, IpsecSa, PayloadSummary, Transition } from '../analysis.ts';
import type { IkeEvent } from '../log/events.ts';
import type { OfferSigns } from './offer-signs.ts';

/** One router's console in the input: a file, or a stretch of a paste that holds two routers' logs. */
export interface RouterContext {
  id: number;
  file: number;
  /** From prompts like `R2(config-if)#`. */
  name: string | null;
  /** Addresses this router is known to own. */
  locals: Set<string>;
  /** The latest negotiation with each peer, and by conn-id, in this router's log. */
  peers: Map<string, Draft>;
  conns: Map<number, Draft>;
  /** The negotiation the router's last address-bearing line belonged to. */
  current: Draft | null;
  /**
   * What the phase 1 message this router is reading has shown of being an offer (`offer-signs.ts`), its lines
   * before the first that joins a negotiation included (a paste cut after MM1's packet line).
   */
  offerSigns: OfferSigns;
}

export interface DraftMessage {
  /** null until known (a QM_IDLE packet is named once its message ID and payloads are seen). */
  name: MessageName | null;
  dir: 'out' | 'in';
  lines: LineRef[];
  /** The `sending packet` or `received packet` line: when the message left or arrived. */
  packet: LineRef;
  payloads: PayloadSummary[];
  time: number | null;
  saState: string | null;
  ports: { local: number; peer: number } | null;
  /** 0 in phase 1; null while unknown. */
  messageId: number | null;
  retransmission: boolean;
  attempt: number;
  /** True for a packet that arrived or left after phase 1 completed (Quick Mode or informational). */
  late: boolean;
  /** Notify types seen in it. */
  notifies: string[];
  /** Every payload before this index has its detail: where the search for an unnamed one starts. */
  firstUnnamed: number;
  /** The vendor ID last named by what it seems to be (`vendor ID seems ...`), until a line says what it is. */
  seemingVendor: PayloadSummary | null;
}


export interface DraftPhase2 {
  messageId: number;
  messages: DraftMessage[];
  transitions: Transition[];
  /** This router's role in this Quick Mode. */
  side: Side | null;
  cipher: string | null;
  keyLength: number | null;
  authenticator: string | null;
  encapsulation: Encapsulation | null;
  pfsGroup: number | null;
  lifetimeSeconds: number | null;
  lifetimeKb: number | null;
  requestTransform: string | null;
  createdTransform: string | null;
  proxies: { local: string; remote: string } | null;
  sas: IpsecSa[];
  complete: boolean;
  failed: boolean;
  /** Informational exchange (DELETE/NOTIFY) rather than Quick Mode. */
  informational: boolean;
  quick: boolean;
}

export interface Draft {
  index: number;
  router: RouterContext;
  peer: string | null;
  /** The router's own address, when the log shows it. */
  local: string | null;
  conn: number | null;
  side: Side | null;
  /** How sure `side` is: 3 FSM state or packet (I)/(R)/(N), 2 begin/sa request, 1 who sent first. */
  sideWeight: number;
  mode: 'main' | 'aggressive';
  /** A line showed the mode (a `beginning ... Mode` line, an MM_/AG_ state): else `mode` is only the default. */
  modeShown: boolean;
  /** Show output lists this negotiation (a peer in `show crypto isakmp sa`, `... peers`, `... session`, `... ipsec sa`). */
  listed: boolean;
  /**
   * The one `show crypto isakmp sa` row that lists this SA, while nothing tells which of its ends printed it:
   * `local` and `peer` are then only a reading of it, and the negotiation names its ends by the row alone.
   */
  unplacedRow: { src: string; dst: string } | null;
  /** Which of SA, KE, NONCE, ID (bits 1, 2, 4, 8) the phase 1 message at hand carries: all four are Aggressive Mode. */
  exchangePayloads: number;
  /** A line of phase 1 itself was printed (its authentication), beyond the states and checks the draft keeps. */
  p1Logged: boolean;
  /** Show output lists the ISAKMP SA not up (`show crypto session`'s `IKEv1 SA: … Inactive`): begun, not complete, unless a line proves it. */
  p1ShownDown: boolean;
  messages: Phase1List<DraftMessage>;
  transitions: Transition[];
  offered: ObservedProposal | null;
  accepted: ObservedProposal | null;
  /** The algorithms show output lists for the ISAKMP SA (`show crypto isakmp sa detail`): no line of phase 1. */
  shownProposal: ObservedProposal | null;
  actualLifetime: number | null;
  p1Complete: boolean;
  p1Failed: boolean;
  phase2: DraftPhase2[];
  /** The same Quick Modes by message ID. */
  phase2ByNode: Map<number, DraftPhase2>;
  informational: DraftMessage[];
  /**
   * Copies of the peer's phase 2 packet received before this router has any Quick Mode to put them in (the
   * peer's QM1 overtook a lost AM3 or MM5 resend): printed without a message ID, they join the Quick Mode
   * this router takes up next. Until then they are listed among the informational packets too.
   */
  earlyPhase2: DraftMessage[];
  /** Lines of a message being built, shown before its `sending packet` line. */
  pending: LineRef[];
  /** Payloads of the message being built. */
  pendingPayloads: PayloadSummary[];
  /** Transform and proxies of the IPsec SA request that started the negotiation. */
  requestTransform: string | null;
  requestProxies: { local: string; remote: string } | null;
  building: boolean;
  current: DraftMessage | null;
  retransmitPending: boolean;
  lastWasPacketOut: boolean;
  /** The phase 1 messages this router received, by name. */
  received: Set<MessageName>;
  pendingQuickNode: number | null;
  activePhase2: DraftPhase2 | null;
  first: LineRef;
  last: LineRef;
  /** The clock time of the latest timestamped line, to tell a resend from a new attempt. */
  lastTime: number | null;
  /** Events a diagnosis rule may need: errors, rejections, retransmissions, notifies, deletes, syslog. */
  notable: IkeEvent[];
  /** Whether `notable` holds a Quick Mode refusal (`evidence.ts`'s isQuickModeRefusal). */
  notableRefusal: boolean;
  /** The input transition whose `Old State` line is still to come. */
  input: { text: string; line: LineRef; node: number | null } | null;
  /**
   * While every line routed here is an error or a syslog message, those lines (`stray-events.ts`): such a
   * draft is no negotiation. null once any other line joins it.
   */
  strays: IkeEvent[] | null;
}
