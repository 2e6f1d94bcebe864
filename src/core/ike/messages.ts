/** IKEv1 message names and their protocol order, as the ladder draws them and the state machines send them. */

export const MAIN_MODE = ['MM1', 'MM2', 'MM3', 'MM4', 'MM5', 'MM6'] as const;
export const AGGRESSIVE_MODE = ['AM1', 'AM2', 'AM3'] as const;
export const QUICK_MODE = ['QM1', 'QM2', 'QM3'] as const;

/** Phase 1 messages in order: Main Mode, then Aggressive Mode. */
export const PHASE1_MESSAGES = [...MAIN_MODE, ...AGGRESSIVE_MODE] as const;

/** Every message a state machine sends, in protocol order: the exchanges, then the informational ones. */
export const EXCHANGE_MESSAGES = [...MAIN_MODE, ...AGGRESSIVE_MODE, ...QUICK_MODE, 'NOTIFY', 'DELETE'] as const;
export type ExchangeMessageName = (typeof EXCHANGE_MESSAGES)[number];

/** IKEv2 messages as the ladder names them: the exchange for a request, `<exchange>.response` for its answer. */
export const IKEV2_MESSAGES = [
  'IKE_SA_INIT', 'IKE_SA_INIT.response', 'IKE_AUTH', 'IKE_AUTH.response',
  'CREATE_CHILD_SA', 'CREATE_CHILD_SA.response', 'INFORMATIONAL', 'INFORMATIONAL.response',
] as const;
export type Ikev2MessageName = (typeof IKEV2_MESSAGES)[number];

export type MessageName =
  | ExchangeMessageName
  | Ikev2MessageName
  /** DPD R-U-THERE or its ACK */
  | 'DPD'
  /** a packet that could not be placed in the exchange */
  | 'UNKNOWN';

export type PayloadType = 'SA' | 'KE' | 'NONCE' | 'NAT-D' | 'ID' | 'HASH' | 'VID' | 'NOTIFY' | 'DELETE' | 'CERT' | 'CERT-REQ' | 'SIG' | Ikev2PayloadType;

/** IKEv2's payloads that IKEv1 has not: authentication, traffic selectors, configuration, certificates, encryption. */
export type Ikev2PayloadType = 'AUTH' | 'TS' | 'CFG' | 'CERT' | 'CERTREQ' | 'ENCR' | 'EAP';
