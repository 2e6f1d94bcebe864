/**
 * IKEv2 vocabulary as IOS, IOS-XE and the ASA/FTD IKEv2 library print it: exchange names, payload and notify
 * names, and the states of the SM Trace lines (corpus IKEv2.md, sections 3, 8 and 9).
 */
import { lookupTable } from './lookup-table.ts';

/** The four IKEv2 exchanges (RFC 7296), as the packet lines name them. */
export const IKEV2_EXCHANGES = ['IKE_SA_INIT', 'IKE_AUTH', 'CREATE_CHILD_SA', 'INFORMATIONAL'] as const;
export type Ikev2Exchange = (typeof IKEV2_EXCHANGES)[number];

export function isIkev2Exchange(s: string): s is Ikev2Exchange {
  return (IKEV2_EXCHANGES as readonly string[]).includes(s);
}

/** What each exchange does, in a few words. */
export const EXCHANGE_WORDS: Readonly<Record<Ikev2Exchange, string>> = {
  IKE_SA_INIT: 'proposals, Diffie-Hellman values and nonces for the IKE SA',
  IKE_AUTH: 'identities and authentication, and the first child SA',
  CREATE_CHILD_SA: 'a new or rekeyed child SA (or an IKE SA rekey)',
  INFORMATIONAL: 'notifies, deletes or a liveness check',
};

/** Payload abbreviations of a `Payload contents:` list. */
const PAYLOAD_WORDS = lookupTable<string>({
  SA: 'proposals',
  KE: 'Diffie-Hellman value',
  N: 'nonce',
  NONCE: 'nonce',
  VID: 'vendor ID',
  IDi: "initiator's identity",
  IDr: "responder's identity",
  AUTH: 'authentication data',
  CFG: 'configuration (mode config)',
  TSi: "initiator's traffic selectors",
  TSr: "responder's traffic selectors",
  CERT: 'certificate',
  CERTREQ: 'certificate request',
  DELETE: 'delete',
  D: 'delete',
  ENCR: 'encrypted and authenticated payloads',
  SK: 'encrypted and authenticated payloads',
  EAP: 'EAP',
  NOTIFY: 'notify',
});

export function payloadWords(name: string): string | null {
  return PAYLOAD_WORDS[name] ?? null;
}

/** Notify types (RFC 7296 and Cisco's), each with what it tells. Errors first in meaning, status after. */
const NOTIFY_WORDS = lookupTable<string>({
  NO_PROPOSAL_CHOSEN: 'none of the proposals was acceptable',
  AUTHENTICATION_FAILED: 'the authentication did not verify',
  TS_UNACCEPTABLE: 'the traffic selectors were not acceptable',
  INVALID_KE_PAYLOAD: 'the Diffie-Hellman group was not the one expected',
  INVALID_SPI: 'an SPI that the receiver does not know',
  INVALID_SYNTAX: 'a malformed message',
  INVALID_MESSAGE_ID: 'a message ID outside the window',
  SINGLE_PAIR_REQUIRED: 'only one pair of traffic selectors is accepted',
  NO_ADDITIONAL_SAS: 'no more child SAs are accepted on this IKE SA',
  INTERNAL_ADDRESS_FAILURE: 'no address could be assigned',
  FAILED_CP_REQUIRED: 'a configuration payload was required',
  TEMPORARY_FAILURE: 'a temporary failure; try again later',
  CHILD_SA_NOT_FOUND: 'the child SA to rekey is not known',
  INITIAL_CONTACT: 'the sender has no other SA with the receiver: old ones can go',
  SET_WINDOW_SIZE: 'how many requests may be outstanding',
  ADDITIONAL_TS_POSSIBLE: 'the traffic selectors were narrowed',
  IPCOMP_SUPPORTED: 'IP compression is supported',
  NAT_DETECTION_SOURCE_IP: 'a hash of the sender address, for NAT discovery',
  NAT_DETECTION_DESTINATION_IP: 'a hash of the receiver address, for NAT discovery',
  COOKIE: 'a cookie against flooding',
  USE_TRANSPORT_MODE: 'transport mode is asked for',
  HTTP_CERT_LOOKUP_SUPPORTED: 'certificates may be fetched by URL',
  REKEY_SA: 'this exchange rekeys a child SA',
  ESP_TFC_NO_SUPPORT: 'no traffic flow confidentiality padding',
  NON_FIRST_FRAGS: 'non-first fragments are sent on this SA',
  IKEV2_FRAGMENTATION_SUPPORTED: 'IKEv2 fragmentation is supported',
  REDIRECT_SUPPORTED: 'redirects are supported',
});

export function notifyWords(name: string): string | null {
  return NOTIFY_WORDS[name] ?? null;
}

/** Notifies that refuse something (RFC 7296: types below 16384). */
const ERROR_NOTIFIES = new Set([
  'NO_PROPOSAL_CHOSEN', 'AUTHENTICATION_FAILED', 'TS_UNACCEPTABLE', 'INVALID_KE_PAYLOAD', 'INVALID_SPI', 'INVALID_SYNTAX',
  'INVALID_MESSAGE_ID', 'SINGLE_PAIR_REQUIRED', 'NO_ADDITIONAL_SAS', 'INTERNAL_ADDRESS_FAILURE', 'FAILED_CP_REQUIRED',
  'TEMPORARY_FAILURE', 'CHILD_SA_NOT_FOUND',
]);

export function isErrorNotify(name: string): boolean {
  return ERROR_NOTIFIES.has(name);
}

/**
 * The states of the IOS IKEv2 state machine as SM Trace lines print them (`CurState: I_WAIT_AUTH`), each with
 * what it means. IDLE..READY are the IKE SA's life; INFO_* an INFORMATIONAL exchange; CHILD_* a child SA exchange.
 */
const SM_STATE_WORDS = lookupTable<string>({
  IDLE: 'nothing negotiated yet',
  I_BLD_INIT: 'the initiator builds IKE_SA_INIT',
  I_WAIT_INIT: 'the initiator waits for the IKE_SA_INIT response',
  I_PROC_INIT: 'the initiator processes the IKE_SA_INIT response',
  INIT_DONE: 'IKE_SA_INIT done: keys computed',
  I_BLD_AUTH: 'the initiator builds IKE_AUTH',
  I_WAIT_AUTH: 'the initiator waits for the IKE_AUTH response',
  I_PROC_AUTH: 'the initiator processes the IKE_AUTH response',
  R_INIT: 'the responder checks the IKE_SA_INIT request',
  R_BLD_INIT: 'the responder builds the IKE_SA_INIT response',
  R_WAIT_AUTH: 'the responder waits for IKE_AUTH',
  R_VERIFY_AUTH: "the responder verifies the initiator's authentication",
  R_BLD_AUTH: 'the responder builds the IKE_AUTH response',
  AUTH_DONE: 'IKE_AUTH done',
  READY: 'the IKE SA is up',
  INFO_I_BLD_INFO: 'building an INFORMATIONAL request',
  INFO_I_WAIT: 'waiting for the INFORMATIONAL response',
  INFO_R: 'answering an INFORMATIONAL request',
  DELETE: 'the SA is being deleted',
  EXIT: 'the negotiation ends',
  CHILD_I_PROC: 'the initiator processes a child SA response',
});

export function smStateWords(state: string): string | null {
  return SM_STATE_WORDS[state] ?? null;
}

/** SM Trace events that mark what happened to the negotiation, in plain words; the others are internal steps. */
const SM_EVENT_WORDS = lookupTable<string>({
  EV_INIT_SA: 'a new IKE SA is started',
  EV_RECV_INIT: 'IKE_SA_INIT arrived',
  EV_RECV_AUTH: 'IKE_AUTH arrived',
  EV_RECV_INFO_REQ: 'an INFORMATIONAL request arrived',
  EV_RECV_INFO_ACK: 'the INFORMATIONAL response arrived',
  EV_RECV_DEL: 'a delete arrived',
  EV_RECV_DEL_ACK: 'the delete was acknowledged',
  EV_BLD_MSG: 'the message is built',
  EV_TRYSEND: 'the message is sent',
  EV_SEND_AUTH: 'IKE_AUTH is sent',
  EV_NO_PROP_CHOSEN: 'no proposal was chosen',
  EV_AUTH_FAIL: 'the authentication failed',
  EV_RE_XMT: 'the last request is sent again',
  EV_RE_XMT_EXCEED: 'the retransmission limit is reached',
  EV_WAIT4_AUTH_TMO: 'IKE_AUTH did not come in time',
  EV_I_OK: 'the initiator is done: the IKE SA is up',
  EV_R_OK: 'the responder is done: the IKE SA is up',
  EV_OK: 'the step succeeded',
  EV_FAIL: 'the exchange failed',
  EV_ABORT: 'the negotiation is aborted',
  EV_DEL_SA: 'the SA is to be deleted',
  EV_SND_SA_DEL: 'a delete is sent',
  EV_FREE_SA: 'the SA is freed',
  EV_CHG_NAT_T_PORT: 'NAT found: IKE moves to port 4500',
  EV_SEND_INVALID_SPI: 'an INVALID_SPI notify is sent',
  EV_VERIFY_AUTH: "the peer's authentication is checked",
  EV_GET_PRESHR_KEY: 'the pre-shared key is looked up',
  EV_PROC_SA_TS: 'the child SA proposal and traffic selectors are processed',
});

export function smEventWords(event: string): string | null {
  return SM_EVENT_WORDS[event] ?? null;
}

/** IKEv2's authentication method numbers (RFC 7296 and its registry), as an ASA prints them (`my_auth_method = 2`). */
const AUTH_METHODS = new Map<number, string>([
  [1, 'an RSA signature (a certificate)'],
  [2, 'a pre-shared key'],
  [3, 'a DSS signature (a certificate)'],
  [9, 'an ECDSA signature with SHA-256 on P-256 (a certificate)'],
  [10, 'an ECDSA signature with SHA-384 on P-384 (a certificate)'],
  [11, 'an ECDSA signature with SHA-512 on P-521 (a certificate)'],
  [14, 'a digital signature (RFC 7427, a certificate)'],
]);

/** An authentication method number in words: "a pre-shared key (2)"; 0 is an ASA's "none chosen yet". */
export function authMethodWords(code: number): string {
  if (code === 0) return 'none chosen yet (0)';
  return `${AUTH_METHODS.get(code) ?? 'method'} (${code})`;
}

/** Whether a method number is one of the certificate methods (signatures), as against a pre-shared key. */
export function isCertificateMethod(code: number): boolean {
  return code !== 0 && code !== 2 && AUTH_METHODS.has(code);
}
