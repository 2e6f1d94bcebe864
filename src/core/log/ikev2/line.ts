/**
 * What one IKEv2 debug message says, as a discriminated union on `kind`: the packet blocks, SM Trace lines,
 * proposals, notifies, deletes, the IKE SA's life, lookups and errors. SPIs are upper-case hex without 0x,
 * message IDs numbers (the ASA's 8 hex digits read as hex).
 */
import type { Ikev2Exchange } from '../../ike/ikev2.ts';

export interface SpiPair {
  initiator: string;
  responder: string;
}

/** The TSi and TSr payloads as the ASA decodes them: `10.0.0.0-10.0.0.255`, with ports and protocol when not all. */
export interface TrafficSelectors {
  initiator: string[];
  responder: string[];
}

export type Ikev2ErrorCode =
  | 'initial-exchange-failed'
  | 'auth-exchange-failed'
  | 'auth-failed'
  | 'auth-method-mismatch'
  | 'no-matching-policy'
  | 'proposals-refused'
  | 'selectors-unmatched'
  | 'retransmit-limit'
  | 'auth-timeout'
  | 'abort'
  | 'wrong-dh-group'
  | 'nat-t-disabled'
  | 'in-negotiation'
  | 'identity-not-found'
  | 'profile-not-found'
  | 'peer-id-check-failed'
  | 'cert-failed'
  | 'cert-encoding'
  | 'no-tunnel-group'
  | 'no-own-auth'
  | 'policy-not-built'
  | 'connect-failed'
  | 'platform-errors'
  | 'empty'
  | 'other';

export type Ikev2Line =
  /** `Sending Packet [To A:500/From B:500/VRF i0:f0]` and its block: SPI line, exchange line, payload list */
  | {
      kind: 'packet';
      dir: 'out' | 'in';
      peer: string | null;
      peerPort: number | null;
      local: string | null;
      localPort: number | null;
      spis: SpiPair | null;
      messageId: number | null;
      exchange: Ikev2Exchange | null;
      response: boolean | null;
      /** `INITIATOR`, `RESPONDER MSG-RESPONSE`, from the packet decode, when printed. */
      flags: string[] | null;
      payloads: string[];
      /** A `Payload contents:` list was printed (an empty `payloads` then says the message carries none). */
      listed: boolean;
      /**
       * The first payload inside the encrypted one, from the ASA's decode of it (`ENCR(27):   Next payload: DELETE`):
       * `NONE` when the envelope holds nothing; null when not decoded.
       */
      inner: string | null;
      selectors: TrafficSelectors | null;
    }
  /** ASA `SENT PKT [IKE_AUTH] [A]:500->[B]:500 InitSPI=0x… RespSPI=0x… MID=00000001` */
  | { kind: 'packet-summary'; dir: 'out' | 'in'; exchange: Ikev2Exchange | null; from: string; fromPort: number; to: string; toPort: number; spis: SpiPair; messageId: number }
  /** `Next payload: SA, version: 2.0 Exchange type: IKE_SA_INIT, flags: INITIATOR Message id: 0, length: 524` */
  | { kind: 'decode'; exchange: Ikev2Exchange | null; flags: string[]; messageId: number | null }
  /** `SM Trace-> SA: I_SPI=… R_SPI=… (I) MsgID = 1 CurState: I_WAIT_AUTH Event: EV_RECV_AUTH` */
  | { kind: 'sm'; spis: SpiPair; role: 'I' | 'R'; messageId: number; state: string; event: string }
  /** `IKE Proposal: 1, SPI size: 0 (initial negotiation), ` + `Num. transforms: 15` + the transforms */
  | { kind: 'proposal'; protocol: 'IKE' | 'ESP' | 'AH'; number: number; transforms: string[] }
  /** `Received Policies:` / `Expected Policies:` + `ESP: Proposal 1:  AES-CBC-256 SHA256 Don't use ESN` */
  | { kind: 'policies'; which: 'received' | 'expected'; proposals: string[] }
  /** `Building packet for encryption.` + `Payload contents:` + the list: what an encrypted message carries */
  | { kind: 'payloads'; payloads: string[]; /** its `Payload contents:` list was printed */ listed: boolean; selectors: TrafficSelectors | null }
  /** a notify built, parsed or sent */
  | { kind: 'notify'; dir: 'out' | 'in'; notify: string }
  | { kind: 'retransmit' }
  /** `Sending DELETE INFO message for IKEv2 SA [ISPI: 0x… RSPI: 0x…]`, `… for IPsec SA [SPI: 0xA153CF67]` */
  | { kind: 'delete'; dir: 'out' | 'in'; what: 'ike' | 'child'; spis: SpiPair | null; spi: string | null }
  /** `Session with IKE ID PAIR (A, B) is UP` */
  | { kind: 'up'; ids: [string, string] | null }
  /** `IKEV2 SA created; inserting SA into database. SA lifetime timer (86400 sec) started` */
  | { kind: 'created'; lifetimeSeconds: number | null }
  /** `Verification of peer's authenctication data PASSED` (sic) / `… FAILED` */
  | { kind: 'auth'; passed: boolean }
  /** `Use preshared key for id X, key len 8`, `Get peer's preshared key for X` */
  | { kind: 'psk'; own: boolean; id: string; keyLength: number | null }
  /** `My authentication method is 'PSK'` / `Peer's authentication method is 'PSK'` */
  | { kind: 'auth-method'; own: boolean; method: string }
  /**
   * An ASA's numbered method: `my auth method set to: 2` / `my_auth_method = 2` (this router's), `peer auth method
   * set to: 2` (the peer's, from its AUTH payload), `supported_peers_auth_method = 9` (what this router accepts from it).
   */
  | { kind: 'auth-method-code'; whose: 'own' | 'peer' | 'accepted'; code: number }
  /** `Constructing IDi payload: 'A' of type 'IPv6 address'`, `Searching policy based on peer's identity 'X' of type 'FQDN'` */
  | { kind: 'identity'; own: boolean; id: string; idType: string }
  /** a policy, profile, keyring, peer block, tunnel group or crypto map found or searched for */
  | { kind: 'lookup'; what: 'policy' | 'default-policy' | 'profile' | 'keyring' | 'peer-block' | 'tunnel-group' | 'crypto-map' | 'selectors'; name: string | null; words: string; local?: string }
  /** ASA `Crypto Map: No proxy match on map VPN_MAP seq 1`: the peer's traffic selectors match no crypto map entry */
  | { kind: 'no-proxy-match'; map: string | null; seq: number | null }
  /** ASA `Crypto map VPN_MAP seq 1  peer doesn't match map entry`: the entry's `set peer` names another address */
  | { kind: 'crypto-map-other-peer'; map: string | null; seq: number | null }
  /** ASA `Crypto map VPN_MAP seq 1 is incomplete due to missing ACL`: the entry has no `match address` */
  | { kind: 'crypto-map-incomplete'; map: string | null; seq: number | null; missing: string }
  /** ASA `Selected IKEv2 encryption algorithm (AES-CBC-128) is not strong enough to secure proposed IPsec encryption algorithm (AES-CBC-256).` */
  | { kind: 'weaker-ike'; ike: string; ipsec: string }
  /** NAT discovery result */
  | { kind: 'nat'; found: boolean | null; words: string }
  /** ASA PFKEY messages: the data plane's SAs */
  | { kind: 'pfkey'; action: string; spi: string | null; error: boolean }
  /**
   * the message-ID window: `Request has mess_id 1; expected 1 through 1` (a request and the IDs the window takes),
   * `Sent response with message id 2, Requests can be accepted from range 3 to 3` (the window after an answer)
   */
  | { kind: 'window'; words: string; messageId: number | null; from: number | null; to: number | null }
  | { kind: 'error'; code: Ikev2ErrorCode; text: string }
  /** `Deleting SA`: the IKE SA is gone */
  | { kind: 'gone' }
  /** a recognised step that changes nothing in the model, with what it means */
  | { kind: 'step'; words: string };

export type Ikev2LineKind = Ikev2Line['kind'];
