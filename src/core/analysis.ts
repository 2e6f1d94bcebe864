/**
 * The result of analysing IOS IKEv1 and IKEv2 debug output: plain data, structured-cloneable, the only thing the
 * page and the CLI read. The fields of the JSON contract (DESIGN.md, schema "ikescope.analysis/1") come first
 * in each type; the fields the page needs beyond it are marked "page:" and are left out of `--json` output
 * where they would be bulky (the per-line table).
 *
 * Later changes add fields; they do not rename or remove them.
 */

import type { IkeEvent } from './log/events.ts';
import type { LineRef } from './ike/line-ref.ts';
import type { MessageName, PayloadType } from './ike/messages.ts';
import type { Role, Side } from './ike/sides.ts';
import type { Ikev2Exchange } from './ike/ikev2.ts';

import type { ConfigAttribute } from './config/relations.ts';
import type { ImplicitLine } from './config/implicit-defaults.ts';
import type { Finding } from './finding.ts';
import type { LineTable, RecordTable } from './line-tables.ts';

export type { LineTable, RecordTable } from './line-tables.ts';
export type { Finding, FindingCode, Severity } from './finding.ts';

export const ANALYSIS_SCHEMA = 'ikescope.analysis/1';

// ---------------------------------------------------------------------------------------------------------
// Input and the per-line table
// ---------------------------------------------------------------------------------------------------------

export interface InputFile {
  name: string;
  /** A debug log to analyse, or a router configuration passed with `--config`. */
  kind: 'log' | 'config';
  /** Number of lines in the file (a final line without an ending counts; an empty file has 0). */
  lines: number;
}

/**
 * An error or syslog message, or IPsec's lone request for SAs, that belongs to no negotiation (DESIGN.md, "Partial
 * pastes": one stray error line is an event with its meaning, not a negotiation). Its meaning is its lines'
 * annotation, and its note.
 */
export interface StrayEvent {
  /** IOS's `%CRYPTO-4-RECVD_PKT_INV_SPI` for a syslog message, the error's kind (`delete-notify-ignored`) otherwise. */
  event: string;
  peer: string | null;
  /** Every line of this event with this peer, in input order. */
  lines: LineRef[];
  /** What the paste shows beside the lines, said after their meaning (an sa_request that no IKE line follows). */
  note?: string;
}

export interface AnalysisInput {
  files: InputFile[];
  /** Total lines over all log files. */
  lines: number;
  /** Lines that look like IKE/IPsec debug output but were not understood. Prose, prompts, blanks are not listed. */
  unrecognized: LineRef[];
}

// ---------------------------------------------------------------------------------------------------------
// Negotiations
// ---------------------------------------------------------------------------------------------------------

export type Outcome = 'complete' | 'failed' | 'incomplete';

/** page: one payload of a message, as the log shows it processed or built. */
export interface PayloadSummary {
  type: PayloadType;
  /** e.g. the vendor ("DPD", "Unity", "NAT-T RFC 3947"), the notify type, the ID address; null if none shown. */
  detail: string | null;
  line: LineRef;
  /**
   * Not in the log: the protocol requires the message to carry it and no log lists it (a router prints the
   * payloads it processes, not those it builds). `line` is then the message's packet line.
   */
  implied?: true;
}

export interface Message {
  name: MessageName;
  from: Side;
  /** Relative to the router that printed the line; left out in a merged two-sided negotiation. */
  dir?: 'out' | 'in';
  lines: LineRef[];
  /** The configuration lines this message depends on (present when configs were given). */
  config?: LineRef[];
  /**
   * The same, attribute by attribute (`encryption`, `transform`, `pfs`...): which lines set each value the
   * message carries (present when configs were given).
   */
  configByAttribute?: Partial<Record<ConfigAttribute, LineRef[]>>;
  /**
   * Attributes whose value an unsaid IOS default decides: the config file and the header line of the block the
   * implicit default belongs to (0: the router as a whole), matching `configDefaults`' implicit lines.
   */
  configDefaultsByAttribute?: Partial<Record<ConfigAttribute, { file: number; block: number }[]>>;
  // page:
  /** 0 for phase 1 messages; the unsigned 32-bit message ID otherwise. */
  messageId: number;
  payloads: PayloadSummary[];
  /** True for a resend of an earlier message (`retransmitting phase 1 ...`, a duplicate received). */
  retransmission: boolean;
  /** 1 for the first sending, n for the (n-1)th retransmission. */
  attempt: number;
  /** Milliseconds since midnight of the first line, when it had a timestamp. */
  time: number | null;
  /**
   * In a merged two-sided negotiation: which of `lines` each router printed (the initiator's log and the
   * responder's), so that each side's state changes can be placed around the message.
   */
  sideLines?: { initiator: LineRef[]; responder: LineRef[] };
  /**
   * page: the line of each router's log where the message left or arrived (`sending packet`, `received
   * packet`), for the routers that printed it: what the router printed before it is the building of the
   * message, what it printed after comes once it had left or arrived.
   */
  packetLines?: Partial<Record<Side, LineRef>>;
  /**
   * What the logs show of the message's way, when it went wrong: `lost` when the receiver's log is present and
   * shows it never arrived (the receiver printed later messages of the exchange, not this one); `unanswered`
   * when only the sender's log tells of it and no new message of the peer followed. Absent otherwise.
   */
  delivery?: Delivery;
  /** The ISAKMP SA state printed on the packet line (`MM_NO_STATE`, `QM_IDLE`...), if any. */
  saState: string | null;
  /** Ports of the packet line (local router's view), if printed. */
  ports: { local: number; peer: number } | null;
}

export type Delivery = 'lost' | 'unanswered';

/** A state change printed as `Input = ...` then `Old State = X  New State = Y`. */
export interface Transition {
  from: string;
  to: string;
  /** "SOURCE, EVENT" as printed, e.g. "IKE_MESG_FROM_IPSEC, IKE_SA_REQ_MM". */
  input: string;
  /** The `Old State = ... New State = ...` line. */
  line: LineRef;
  /**
   * Whether the state machine model (src/core/fsm) allows this step; null until the log has been replayed
   * through it.
   */
  allowed: boolean | null;
  // page:
  /** The protocol role of the router that printed it. */
  side: Side;
  /** The `Input = ...` line, when it was printed. */
  inputLine: LineRef | null;
  time: number | null;
  /** Quick Mode node (message ID), unsigned; null in phase 1. */
  node: number | null;
  /** When the model does not allow the step: why, in the model's words (what it expects from `from`). */
  explanation?: string;
  /** IKEv2 without SM Trace lines: the step is implied by the packets the router printed (`line` is the packet's), not printed. */
  implied?: true;
}

export interface Phase1Proposal {
  /** "DES-CBC", "3DES-CBC", "AES-CBC"... as printed. */
  encryption: string;
  keyLength: number | null;
  /** "SHA", "MD5", "SHA256"... as printed. */
  hash: string;
  group: number | null;
  /** "pre-share", "rsa-sig"... as printed. */
  auth: string;
  lifetimeSeconds: number | null;
}

/** Phase 1's outcome; `not-logged` when no line of the paste says anything of phase 1. */
export type Phase1Outcome = Outcome | 'not-logged';

export interface Phase1 {
  /** Main or Aggressive Mode, as a line shows it; null when no line does (a paste of a Quick Mode only). */
  mode: 'main' | 'aggressive' | null;
  outcome: Phase1Outcome;
  /** True when no phase 1 line tells the outcome and later lines prove it (a Quick Mode, an IPsec SA, QM_IDLE). */
  implied?: true;
  messages: Message[];
  transitions: Transition[];
  /** The accepted proposal (atts are acceptable), or the last one offered when none was. */
  proposal: Phase1Proposal | null;
}

export type Encapsulation = 'tunnel' | 'transport' | 'tunnel-udp' | 'transport-udp';

/** page: an IPsec SA as created (`IPSEC(create_sa)`) and, when show output was given, as verified. */
export interface IpsecSa {
  direction: 'inbound' | 'outbound';
  /** "0x45F16A9A" */
  spi: string;
  spiDecimal: number;
  transform: string | null;
  lifetimeKb: number | null;
  lifetimeSeconds: number | null;
  line: LineRef;
  /** From `show crypto ipsec sa`, when given and matching: "ACTIVE", ... */
  status: string | null;
  statusLine: LineRef | null;
}

/** page: what `show crypto ipsec sa` output says about this phase 2 SA pair. */
export interface Verification {
  /** Packets encapsulated (sent) and decapsulated (received), from the last counters shown. */
  packetsOut: number | null;
  packetsIn: number | null;
  /** True when both SPIs are ACTIVE and packets went both ways. */
  up: boolean;
  pathMtu: number | null;
  lines: LineRef[];
}

export interface Phase2 {
  /** Unsigned 32-bit Quick Mode message ID; 0 when the log does not show it (a Quick Mode's is never 0). */
  messageId: number;
  outcome: Outcome;
  messages: Message[];
  /** "esp-aes esp-sha-hmac" */
  transform: string | null;
  encapsulation: Encapsulation | null;
  spis: { inbound: string; outbound: string } | null;
  pfsGroup: number | null;
  // page:
  transitions: Transition[];
  sas: IpsecSa[];
  /** Proxy identities (local, remote) as printed, e.g. "::/0/256/0". */
  proxies: { local: string; remote: string } | null;
  lifetimeSeconds: number | null;
  lifetimeKb: number | null;
  verification: Verification | null;
}

/** page: one router taking part in a negotiation. */
export interface Router {
  side: Side;
  /** "R2" from a prompt like `R2(config-if)#`, else the address. */
  name: string;
  address: string;
  /** True when this router's own log lines are in the input. */
  logged: boolean;
}

/** IKEv2: one message of an exchange, a request or its response (`ladder.arrow.IKE_AUTH`, `….response`). */
export interface Ikev2Message {
  name: Ikev2Exchange;
  response: boolean;
  messageId: number;
  from: Side;
  /** Relative to the router that printed the line; left out in a merged two-sided negotiation. */
  dir?: 'out' | 'in';
  lines: LineRef[];
  // page:
  /** As printed; for an encrypted message, the list printed before encryption (`Building packet for encryption`). */
  payloads: string[];
  /** The message's payloads were encrypted (`ENCR` on the wire). */
  encrypted: boolean;
  /** An INFORMATIONAL request that carries nothing, its resends and answer: a liveness check (DPD, RFC 7296 2.4). */
  liveness?: true;
  retransmission: boolean;
  /** 1 for the first sending, n for the (n-1)th retransmission. */
  attempt: number;
  time: number | null;
  /** The packet line in each router's log that printed it. */
  packetLines: Partial<Record<Side, LineRef>>;
  /** In a merged two-sided negotiation: which of `lines` each router printed. */
  sideLines?: { initiator: LineRef[]; responder: LineRef[] };
  /** The configuration lines this message depends on, all and by attribute, as for an IKEv1 message (configs given). */
  config?: LineRef[];
  configByAttribute?: Message['configByAttribute'];
  configDefaultsByAttribute?: Message['configDefaultsByAttribute'];
}

/** IKEv2: the IKE SA, what `phase1` is to IKEv1. */
export interface IkeSa {
  /**
   * Upper-case hex; the responder's is all zeros until its first response. Null when the log names no SPI (a
   * policy lookup alone) or names them without saying which end initiated (`show crypto ikev2 sa` without `Initiator of SA`).
   */
  spis: { initiator: string; responder: string } | null;
  outcome: Outcome;
  /** True when no exchange of the log tells the outcome and show output proves it (`READY`, `Negotiation done`). */
  implied?: true;
  /** What `show crypto ikev2 sa` / `session` output lists of this IKE SA, when the input holds it. */
  shown?: Ikev2Shown;
  messages: Ikev2Message[];
  /** From the SM Trace lines: each change of `CurState`, with the event that caused it as `input`. */
  transitions: Transition[];
  /** The IKE SA proposal the log shows (offered), its transforms as printed. */
  proposal: { transforms: string[] } | null;
}

/** What show output lists of an IKE SA: its status and the algorithms it was negotiated with, as printed. */
export interface Ikev2Shown {
  /** `READY`, `IN-NEG`, … as the row prints it. */
  status: string;
  /** `Status Description: Negotiation done` of the detailed output. */
  description: string | null;
  /** `Session-id:3, Status:UP-ACTIVE` of `show crypto ikev2 session`. */
  sessionStatus: string | null;
  encryption: string | null;
  keySize: number | null;
  prf: string | null;
  integrity: string | null;
  group: number | null;
  authSign: string | null;
  authVerify: string | null;
  lifetimeSeconds: number | null;
  activeSeconds: number | null;
  /** `Local spi` / `Remote spi`: this router's SPI and the peer's. */
  spis: { local: string; remote: string } | null;
  ids: { local: string | null; remote: string | null };
  nat: boolean | null;
  lines: LineRef[];
}

/** IKEv2: a child SA, what a `phase2` entry is to IKEv1. */
export interface ChildSa {
  /** The message ID of the exchange that negotiated it (1 for the IKE_AUTH one); null for one only show output lists. */
  messageId: number | null;
  outcome: Outcome;
  /** The ESP/AH proposal the log shows, as printed (`AES-CBC SHA96 Don't use ESN`). */
  transform: string | null;
  spis: { inbound: string | null; outbound: string | null } | null;
  /** As the log decodes them (ASA); relative to `local`. */
  trafficSelectors: { local: string[]; remote: string[] } | null;
  // page:
  /** What refused it: the error notify of the response (`NO_PROPOSAL_CHOSEN`, `TS_UNACCEPTABLE`...). */
  refusal: string | null;
}

export interface Negotiation {
  id: string;
  /** The router that printed the log (the initiator when role is "both"). */
  local: string;
  peer: string;
  role: Role;
  ikeVersion: 1 | 2;
  /** IKEv1; an IKEv2 negotiation holds an empty one and its `ikeSa` instead. */
  phase1: Phase1;
  phase2: Phase2[];
  /** IKEv2 only: the IKE SA and its child SAs. */
  ikeSa?: IkeSa;
  childSas?: ChildSa[];
  findings: Finding[];
  // page:
  routers: { initiator: Router; responder: Router };
  /** Informational and DPD messages outside phase 1 and 2 exchanges (NOTIFY, DELETE, DPD). */
  informational: Message[];
  /** First and last line of the negotiation in each file it spans. */
  span: { first: LineRef; last: LineRef };
  /**
   * diagnosis: the events a rule needs, in log order, from both routers when merged: errors, refusals
   * (p1-mismatch, p1-rejected, p2-rejected, ipsec-rejected, atts not acceptable), retransmissions and
   * duplicates, notifies other than INITIAL_CONTACT, SA deletions with reasons, PSK not found, lowered
   * lifetimes, NAT detected, syslog messages. Each carries its line.
   */
  evidence: IkeEvent[];
  /**
   * diagnosis: the protocol side of the router that printed each `evidence` event (same index), decided by the
   * builder from the draft the event was routed to; null where the log does not say (one router's log that
   * shows no role).
   */
  evidenceSides: (Side | null)[];
}

export interface Analysis {
  schema: typeof ANALYSIS_SCHEMA;
  input: AnalysisInput;
  negotiations: Negotiation[];
  /** Error and syslog lines outside any negotiation, in input order. */
  events: StrayEvent[];
  // page:
  /** One per input file, same order as `input.files`. */
  lineTables: LineTable[];
  records: RecordTable;
  /**
   * page: per config file given, the routers it names (hostname or prompt, in order) for its title, and the IOS
   * defaults it leaves unsaid, to show inline.
   */
  configDefaults: { file: number; routers: string[]; implicit: ImplicitLine[] }[];
}
