/**
 * The typed events extracted from debug records: one discriminated union, each event with the line it
 * came from. Addresses are normalised (damaged IPv6 repaired where unambiguous), message IDs are unsigned
 * 32-bit, SPIs are `0x` + upper-case hex.
 */
import type { LineRef } from '../ike/line-ref.ts';
import type { PayloadType } from '../ike/messages.ts';
import type { Ikev2Line, TrafficSelectors } from './ikev2/line.ts';
import type { Ikev2ShowLine } from './show-ikev2-line.ts';
import type { Ikev2Facility } from './ikev2/prefix.ts';

export interface EventBase {
  /** The record's first line. */
  at: LineRef;
  /** Index of the record (Analysis.records). */
  record: number;
  /** Milliseconds since midnight, when the line had a clock timestamp. */
  time: number | null;
  /** The ISAKMP conn-id printed in the prefix (`(1011)`, `(0:2)` → 2), or null when none was printed. */
  conn: number | null;
}

export type P1Attribute = 'encryption' | 'keyLength' | 'hash' | 'group' | 'auth' | 'lifeType' | 'lifeDuration';
export type P2Attribute = 'encaps' | 'lifeType' | 'lifeDuration' | 'authenticator' | 'keyLength' | 'group';
export type PacketRole = 'I' | 'R' | 'N';

export type IkeEvent = EventBase & IkeEventBody;

export type IkeEventBody =
  /** `sending packet to X my_port 500 peer_port 500 (I) MM_NO_STATE` / `received packet from X dport .. sport .. Global (N) NEW SA` */
  | { type: 'packet'; dir: 'out' | 'in'; peer: string; localPort: number | null; peerPort: number | null; role: PacketRole | null; state: string | null }
  /** `Sending an IKE IPv4 Packet.` */
  | { type: 'packet-sent'; ipVersion: 4 | 6 }
  /** `Input = IKE_MESG_FROM_PEER, IKE_MM_EXCH`, `Node 1371333358, Input = ...` */
  | { type: 'fsm-input'; source: string; event: string; node: number | null }
  /** `Old State = IKE_I_MM1  New State = IKE_I_MM2` */
  | { type: 'fsm-state'; from: string; to: string }
  /** `processing SA payload. message ID = 0`, `received payload type 20` (NAT-D), `processing NAT-OAi payload` */
  | { type: 'payload'; payload: PayloadType | 'NAT-OA'; messageId: number | null; detail: string | null }
  /** `vendor ID is DPD`, `speaking to another IOS box!`, `constructed NAT-T vendor-rfc3947 ID` */
  | { type: 'vendor'; vendor: string; dir: 'in' | 'out'; mismatch: boolean }
  /** NAT discovery result */
  | { type: 'nat'; detected: boolean | null; text: string }
  /** an ID payload block (in or out) */
  | { type: 'id'; idType: number | null; address: string | null; protocol: number | null; port: number | null; length: number | null }
  /** `processing NOTIFY INITIAL_CONTACT protocol 1`, `sending NOTIFY ...` */
  | { type: 'notify'; dir: 'in' | 'out'; notify: string; protocol: number | null; spi: string | null; messageId: number | null }
  /** `Checking ISAKMP transform 1 against priority 10 policy` */
  | { type: 'p1-check'; transform: number; priority: number }
  /** one phase 1 attribute; `value` as printed, `number` decoded (VPI hex bytes too) */
  | { type: 'p1-attr'; attr: P1Attribute; value: string; number: number | null }
  /**
   * `atts are acceptable. Next payload is 0` / `atts are not acceptable`; `next` the payload after the transform
   * checked (3: another transform, so the SA payload offers several: an offer, not its answer), null when not printed
   */
  | { type: 'p1-atts'; acceptable: boolean; next: number | null }
  /** `Encryption algorithm offered does not match policy!`, `Proposed key length does not match policy`... */
  | { type: 'p1-mismatch'; attr: P1Attribute | 'other'; text: string }
  /** `no offers accepted!`, `phase 1 SA policy not acceptable! (local X remote Y)` */
  | { type: 'p1-rejected'; local: string | null; peer: string | null; text: string }
  /** lifetime bookkeeping: `Acceptable atts:actual life: 600`, `Returning Actual lifetime: 86400`... */
  | { type: 'p1-lifetime'; kind: 'actual' | 'offered' | 'returned' | 'timer' | 'basic' | 'fill'; seconds: number }
  /** `Checking IPSec proposal 1` */
  | { type: 'p2-proposal'; proposal: number }
  /** `transform 1, ESP_AES` */
  | { type: 'p2-transform'; transform: number; name: string }
  /** one phase 2 attribute */
  | { type: 'p2-attr'; attr: P2Attribute; value: string; number: number | null }
  /** `atts are acceptable.` in Quick Mode */
  | { type: 'p2-atts'; acceptable: boolean }
  /** `phase 2 SA policy not acceptable! (local X remote Y)`, `IPSec policy invalidated proposal with error 256` */
  | { type: 'p2-rejected'; local: string | null; peer: string | null; error: number | null; text: string }
  /** `found peer pre-shared key matching X`, `No pre-shared key with X!` */
  | { type: 'psk'; found: boolean; peer: string | null }
  /** peer structure lifecycle */
  | { type: 'peer'; action: 'created' | 'deleted' | 'locked' | 'unlocked' | 'inserted'; peer: string | null; local: string | null }
  /** ISAKMP SA lifecycle */
  | { type: 'sa'; action: 'inserted' | 'duplicate' | 'purged' | 'deleted' | 'authenticated' | 'request'; reason: string | null; peer: string | null }
  /** `SA authentication status: authenticated` */
  | { type: 'auth'; authenticated: boolean }
  /** Quick Mode / informational node lifecycle */
  /** `set new node N to QM_IDLE` (the state of the exchange it opens), `deleting node N error FALSE reason "…"` */
  | { type: 'node'; action: 'new' | 'deleted' | 'purged'; node: number; error: boolean | null; reason: string | null; state: string | null }
  /** `beginning Main Mode exchange`, `beginning Quick Mode exchange, M-ID of N`, `Can not start Aggressive mode, trying Main mode.` */
  | { type: 'begin'; mode: 'main' | 'aggressive' | 'quick'; node: number | null }
  /** `retransmitting phase 1 MM_KEY_EXCH...`, `incrementing error counter on sa, attempt 3 of 5: retransmit phase 1` */
  | { type: 'retransmit'; phase: 1 | 2; state: string | null; attempt: number | null; of: number | null }
  /** `phase 1 packet is a duplicate of a previous packet.` */
  | { type: 'duplicate'; phase: 1 | 2 }
  /** `IPSEC(sa_request)`, `IPSEC(validate_proposal_request)`, `IPSEC(initialize_sas)` key-engine messages */
  | {
      type: 'ipsec-request';
      kind: 'sa_request' | 'validate' | 'initialize' | 'identity';
      direction: 'INBOUND' | 'OUTBOUND' | null;
      local: string | null;
      remote: string | null;
      localProxy: string | null;
      remoteProxy: string | null;
      protocol: string | null;
      transform: string | null;
      mode: string | null;
      lifeSeconds: number | null;
      lifeKb: number | null;
      spi: string | null;
    }
  /** `IPSEC(create_sa): sa created,` block, or the 12.4 `inbound SA from ... has spi ...` lines */
  | {
      type: 'ipsec-sa';
      dest: string | null;
      direction: 'inbound' | 'outbound' | null;
      proto: number | null;
      spi: string;
      spiDecimal: number;
      transform: string | null;
      saConn: number | null;
      lifetimeKb: number | null;
      lifetimeSeconds: number | null;
    }
  /** `Successfully installed IPSEC SA (SPI:0xDA9E8DCA) on Ethernet0/0` */
  | { type: 'ipsec-installed'; spi: string; iface: string }
  /** `IPSEC(update_current_outbound_sa): updated peer X current outbound sa to SPI Y`: the SA pair is in use */
  | { type: 'ipsec-outbound'; peer: string; spi: string }
  /** phase 2 proposal refused by the IPsec policy */
  | { type: 'ipsec-rejected'; reason: 'transform' | 'proxy' | 'map' | 'other'; text: string }
  /** an error line not covered above: no PSK, cannot start Main Mode, CSDL, KMI errors... */
  | {
      type: 'error';
      code: 'no-psk-address' | 'mm-not-started' | 'sa-init-failed' | 'kmi' | 'csdl' | 'peer-index' | 'delete-notify-ignored' | 'other';
      peer: string | null;
      text: string;
      /** The router's own address where the line names it (`src` of a delete notify it would send). */
      local?: string | null;
    }
  /** `%FACILITY-SEVERITY-MNEMONIC: text` */
  | {
      type: 'syslog';
      facility: string;
      severity: number;
      mnemonic: string;
      text: string;
      peer: string | null;
      /** The router's own address where the message names it (`destaddr=` of a packet it received). */
      local: string | null;
    }
  /** `%LINEPROTO-5-UPDOWN: Line protocol on Interface Tunnel23, changed state to up` */
  | { type: 'line-protocol'; iface: string; up: boolean }
  /** a line stating this router's address and its peer's (`Trying to insert a peer L/P/500/`) */
  | { type: 'endpoints'; local: string; peer: string }
  /**
   * An IKEv2 message: its prefix (`IKEv2:(SESSION ID = 31,SA ID = 1):`, `IKEv2-PROTO-5: (16): `), what it says,
   * the messages the ASA glued after it on the same record, and the payloads its decode lines name (the ASA
   * decodes a decrypted message after its packet block)
   */
  | { type: 'ikev2'; facility: Ikev2Facility; level: number | null; session: number | null; sa: number | null; line: Ikev2Line; also: Ikev2Line[]; decoded: string[]; decodedSelectors: TrafficSelectors | null }
  /** a router prompt, with the command typed after it (`R3(config-if)#`, `HQ#show crypto ipsec sa`) */
  | { type: 'prompt'; name: string | null; command: string }
  /** the sender a syslog collector names before a router's line (`Jan 10 14:22:01 hub1 4521: …`), when it changes */
  | { type: 'log-source'; name: string }
  /** a recognised line that changes nothing in the model, with its meaning */
  /** A line that changes nothing, its text as printed; `words` when the reader says what it means itself. */
  | { type: 'info'; text: string; words?: string }
  /** show crypto isakmp sa: one row */
  | { type: 'show-isakmp-sa'; dst: string; src: string; state: string; connId: number | null; status: string | null }
  /** show crypto isakmp peers: `Peer: X Port: 500 Local: Y`; the ASA's show crypto isakmp sa: `1   IKE Peer: X` */
  | { type: 'show-isakmp-peer'; peer: string; local: string | null }
  /** the ASA's show crypto isakmp sa, under its `IKE Peer:` line: `Type    : L2L             Role    : initiator` */
  | { type: 'show-asa-ike-role'; kind: string; role: 'initiator' | 'responder' }
  /** the ASA's show crypto isakmp sa: `Rekey   : no              State   : MM_ACTIVE` (the state upper-cased: `AM_Active`) */
  | { type: 'show-asa-ike-state'; rekey: boolean; state: string }
  /** show crypto isakmp sa detail: one row (this router's address, the peer's, the algorithms agreed, the lifetime left in seconds, the capability letters) */
  | {
      type: 'show-isakmp-detail';
      connId: number;
      local: string;
      peer: string;
      vrf: string | null;
      status: string;
      encryption: string;
      keyLength: number | null;
      hash: string;
      auth: string;
      group: number;
      lifetimeLeft: number;
      capabilities: string;
    }
  /** show crypto session: `IKEv1 SA: local A/500 remote B/500 Active` (`IKE SA:` before IOS 15) */
  | { type: 'show-session-ike'; local: string; peer: string; status: string }
  /** show crypto session: `Active SAs: 2, origin: crypto map`, the IPsec SAs of the flow above */
  /** `Active SAs: 2` of a crypto session's flow; `ikev2` when the session is an IKEv2 one (its child SA's IPsec SAs) */
  | { type: 'show-session-sas'; active: number }
  /** show crypto session: `Interface: Tunnel0`, where each session's lines begin */
  | { type: 'show-session-interface'; iface: string }
  /** show crypto session detail: `Outbound SPI : 0x47C7658D, transform : esp-aes esp-sha-hmac` of the flow above */
  | { type: 'show-session-spi'; direction: 'inbound' | 'outbound'; spi: string; transform: string | null }
  /** show crypto ipsec sa: the peer of the block that follows (`current_peer X port 4500`), or the interface's local address */
  | { type: 'show-ipsec-peer'; peer: string; local: string | null; port: number | null }
  /** show crypto ipsec sa: `PFS (Y/N): Y, DH group: group5` of the block; group null for `PFS (Y/N): N` */
  | { type: 'show-ipsec-pfs'; pfs: boolean; group: number | null }
  /** show crypto ipsec sa: `transform: esp-aes esp-sha-hmac ,` of the SPI above */
  | { type: 'show-ipsec-transform'; transform: string }
  /** show crypto ipsec sa: `in use settings ={Tunnel UDP-Encaps, }` of the SPI above, the mode it names */
  | {
      type: 'show-ipsec-settings';
      settings: string;
      encapsulation: 'tunnel' | 'transport' | 'tunnel-udp' | 'transport-udp' | null;
      /** The word printed for ESP in UDP: IOS's `UDP-Encaps`, the ASA's `NAT-T-Encaps`; null when none is. */
      udpWord: 'UDP-Encaps' | 'NAT-T-Encaps' | null;
      /** The IKE version the ASA names as the SAs' maker (`IKEv1`, `IKEv2`); IOS names none. */
      ikeVersion: 1 | 2 | null;
      /** Whether the settings hold words only the ASA prints (`L2L`, `RA`, `NAT-T-Encaps`, an IKE version). */
      asaWords: boolean;
    }
  /** show crypto ipsec sa: packet counters */
  | { type: 'show-ipsec-counters'; encaps: number | null; decaps: number | null }
  /** show crypto ipsec sa: an SA's SPI under `inbound esp sas:` / `outbound esp sas:` */
  | { type: 'show-ipsec-spi'; direction: 'inbound' | 'outbound' | 'current-outbound'; spi: string }
  /** show crypto ipsec sa: `Status: ACTIVE` of the SPI above */
  /** `Status: ACTIVE`; IOS-XE's `ACTIVE(ACTIVE)` gives the data plane's state as `plane` */
  | { type: 'show-ipsec-status'; status: string; plane: string | null }
  /** show crypto ipsec sa: `path mtu 1500` */
  | { type: 'show-ipsec-mtu'; pathMtu: number }
  /** show crypto ikev2 sa / session: a line that tells of an IKE SA or one of its child SAs */
  | { type: 'show-ikev2'; line: Ikev2ShowLine };

export type IkeEventType = IkeEventBody['type'];
