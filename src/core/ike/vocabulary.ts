/** IKEv1 vocabulary as IOS prints it: message names, state names, payloads. */
import type { PayloadType } from './messages.ts';
import type { Side } from './sides.ts';
import { lookupTable } from './lookup-table.ts';

/**
 * The ISAKMP SA state IOS prints on a phase 1 packet line (`(I) MM_SA_SETUP`), as how far the printing router
 * had come: the number of messages it had received, each moving the state on once processed, the last state
 * kept for the rest of the exchange. `NEW SA` is the SA a router makes for a peer's first packet.
 */
const PRINTED_STATES = {
  main: ['MM_NO_STATE', 'MM_SA_SETUP', 'MM_KEY_EXCH'],
  aggressive: ['AG_NO_STATE', 'AG_INIT_EXCH'],
} as const;

/** How far a router had come when it printed `printed` (its index in the mode's states, and the last index). */
export function printedProgress(mode: 'main' | 'aggressive', printed: string): { at: number; last: number } | null {
  const states: readonly string[] = PRINTED_STATES[mode];
  const last = states.length - 1;
  if (printed === 'NEW SA') return { at: 0, last };
  const exact = states.indexOf(printed);
  if (exact >= 0) return { at: exact, last };
  // transcribed Main Mode logs cut state names short (`MM_SA`): a unique prefix is enough
  if (mode !== 'main' || printed.length < 4) return null;
  const cut = states.findIndex((s) => s.startsWith(printed));
  return cut >= 0 ? { at: cut, last } : null;
}

/** Phase 1 message implied by an FSM state (`IKE_I_MM3` → the initiator has sent MM3). */
export function sideOfState(state: string): Side | null {
  if (state.startsWith('IKE_I_') || state.startsWith('IKE_QM_I_')) return 'initiator';
  if (state.startsWith('IKE_R_') || state.startsWith('IKE_QM_R_') || state === 'IKE_QM_SPI_STARVE') return 'responder';
  return null;
}

export const PAYLOAD_NAMES = lookupTable<PayloadType>({
  SA: 'SA',
  KE: 'KE',
  NONCE: 'NONCE',
  ID: 'ID',
  HASH: 'HASH',
  'vendor id': 'VID',
  'IKE frag vendor id': 'VID',
  NOTIFY: 'NOTIFY',
  DELETE: 'DELETE',
  'NAT-D': 'NAT-D',
  CERT: 'CERT',
  CERT_REQ: 'CERT-REQ',
  'CERT-REQ': 'CERT-REQ',
  SIG: 'SIG',
});

/**
 * An ISAKMP policy's encryption and hash as the config and show output write them (`aes`, `sha256`), and as the
 * debug prints them in a proposal (`AES-CBC`, `SHA256`): the debug writer prints them, show crypto isakmp sa
 * detail's columns are read through them.
 */
export const encryptionWords = lookupTable<string>({ des: 'DES-CBC', '3des': '3DES-CBC', aes: 'AES-CBC' });
export const hashWords = lookupTable<string>({ md5: 'MD5', sha: 'SHA', sha256: 'SHA256', sha384: 'SHA384', sha512: 'SHA512' });
