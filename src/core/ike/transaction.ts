/**
 * IKEv1's transaction exchange (exchange type 6): XAUTH and mode config, which Easy VPN and remote access run
 * under the ISAKMP SA after phase 1. IOS prints its own states (`IKE_XAUTH_REQ_SENT`, `IKE_CONFIG_AUTHOR_AAA_AWAIT`
 * …), its inputs (`IKE_CFG_REPLY`, `IKE_AAA_START_LOGIN` …) and packet states (`CONF_XAUTH`, `CONF_ADDR`): none is
 * a step of Main, Aggressive or Quick Mode.
 */
import type { MessageName } from './messages.ts';

const STATE = /^IKE_(?:XAUTH|CONFIG)_/;
const INPUT = /\bIKE_(?:CFG|AAA)_/;

/** A printed state change of the transaction exchange: its state on either end, or its input. */
export function isTransactionStep(t: { from: string; to: string; input: string }): boolean {
  return STATE.test(t.from) || STATE.test(t.to) || INPUT.test(t.input);
}

/** The message a packet printed in a transaction state is, or null: `CONF_XAUTH` XAUTH, `CONF_ADDR` mode config. */
export function transactionMessage(saState: string | null): MessageName | null {
  if (saState === 'CONF_XAUTH') return 'XAUTH';
  if (saState === 'CONF_ADDR') return 'MODE_CFG';
  return null;
}
