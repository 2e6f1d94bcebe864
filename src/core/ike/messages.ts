/** IKEv1 message names and their protocol order, as the ladder draws them and the state machines send them. */

export const MAIN_MODE = ['MM1', 'MM2', 'MM3', 'MM4', 'MM5', 'MM6'] as const;
export const AGGRESSIVE_MODE = ['AM1', 'AM2', 'AM3'] as const;
export const QUICK_MODE = ['QM1', 'QM2', 'QM3'] as const;

/**
 * Phase 1 messages of a log that does not show the mode: a responder's first packet (`(N) NEW SA`) and its answer
 * print no state that says Main or Aggressive Mode. The nth message is Main Mode's MMn or Aggressive Mode's AMn.
 */
export const MODE_NOT_SHOWN = ['MM1/AM1', 'MM2/AM2', 'MM3/AM3'] as const;
export type ModeNotShownName = (typeof MODE_NOT_SHOWN)[number];

/** Phase 1 messages in order: Main Mode, then Aggressive Mode, then those of a mode the log does not show. */
export const PHASE1_MESSAGES = [...MAIN_MODE, ...AGGRESSIVE_MODE, ...MODE_NOT_SHOWN] as const;

/** Every message a state machine sends, in protocol order: the exchanges, then the informational ones. */
export const EXCHANGE_MESSAGES = [...MAIN_MODE, ...AGGRESSIVE_MODE, ...QUICK_MODE, 'NOTIFY', 'DELETE'] as const;
export type ExchangeMessageName = (typeof EXCHANGE_MESSAGES)[number];

/**
 * IKEv2 messages as the ladder names them: the exchange for a request, `<exchange>.response` for its answer; an
 * INFORMATIONAL exchange that carries nothing is a liveness check (`INFORMATIONAL.liveness`, and its answer).
 */
export const IKEV2_MESSAGES = [
  'IKE_SA_INIT', 'IKE_SA_INIT.response', 'IKE_AUTH', 'IKE_AUTH.response',
  'CREATE_CHILD_SA', 'CREATE_CHILD_SA.response', 'INFORMATIONAL', 'INFORMATIONAL.response',
  'INFORMATIONAL.liveness', 'INFORMATIONAL.liveness.response',
] as const;
export type Ikev2MessageName = (typeof IKEV2_MESSAGES)[number];

export type MessageName =
  | ExchangeMessageName
  | ModeNotShownName
  | Ikev2MessageName
  /** DPD R-U-THERE or its ACK */
  | 'DPD'
  /** the transaction exchange after phase 1 (Easy VPN, remote access): XAUTH asks for and checks the user's credentials */
  | 'XAUTH'
  /** the transaction exchange's mode config: the client's address and settings */
  | 'MODE_CFG'
  /** a packet that could not be placed in the exchange */
  | 'UNKNOWN';

/** `ATTR`: the attribute payload of IKEv1's transaction exchange (XAUTH, mode config). */
export type PayloadType = 'SA' | 'KE' | 'NONCE' | 'NAT-D' | 'ID' | 'HASH' | 'VID' | 'NOTIFY' | 'DELETE' | 'CERT' | 'CERT-REQ' | 'SIG' | 'ATTR' | Ikev2PayloadType;

/** IKEv2's payloads that IKEv1 has not: authentication, traffic selectors, configuration, certificates, encryption. */
export type Ikev2PayloadType = 'AUTH' | 'TS' | 'CFG' | 'CERT' | 'CERTREQ' | 'ENCR' | 'EAP';

/** The place of a phase 1 message in its exchange (MM3, AM3 and MM3/AM3 are the third); null for any other message. */
export function phase1Position(name: MessageName | string): number | null {
  for (const family of [MAIN_MODE, AGGRESSIVE_MODE, MODE_NOT_SHOWN] as const) {
    const at = (family as readonly string[]).indexOf(name);
    if (at >= 0) return at + 1;
  }
  return null;
}

/**
 * A phase 1 message named for the mode a negotiation shows (null: the log does not show it). A router names the
 * packets of an exchange whose mode no line has shown yet as Main Mode's; once the mode is known they take its
 * names, and where it never is, the names that say only their place.
 */
export function nameInMode(name: MessageName, mode: 'main' | 'aggressive' | null): MessageName {
  const at = phase1Position(name);
  if (at === null) return name;
  const family = mode === 'main' ? MAIN_MODE : mode === 'aggressive' ? AGGRESSIVE_MODE : MODE_NOT_SHOWN;
  return family[at - 1] ?? name;
}
