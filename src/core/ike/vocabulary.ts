/** IKEv1 vocabulary as IOS prints it: message names, state names, payloads. */
import type { MessageName, PayloadType } from './messages.ts';
import type { Side } from './sides.ts';
import { lookupTable } from './lookup-table.ts';

/** Main Mode message for a packet, from the ISAKMP SA state IOS prints on the packet line. */
const MM_STATES = ['MM_NO_STATE', 'MM_SA_SETUP', 'MM_KEY_EXCH'];

export function mainModeMessage(side: Side, dir: 'out' | 'in', printed: string, mm5Received: boolean): MessageName | null {
  // transcribed logs cut state names short (`MM_SA`): a unique prefix is enough
  const state = MM_STATES.includes(printed) || printed === 'NEW SA' ? printed : (MM_STATES.find((s) => s.startsWith(printed) && printed.length >= 4) ?? printed);
  if (side === 'initiator') {
    if (state === 'MM_NO_STATE') return dir === 'out' ? 'MM1' : 'MM2';
    if (state === 'MM_SA_SETUP') return dir === 'out' ? 'MM3' : 'MM4';
    if (state === 'MM_KEY_EXCH') return dir === 'out' ? 'MM5' : 'MM6';
    return null;
  }
  if (dir === 'in') {
    if (state === 'NEW SA' || state === 'MM_NO_STATE') return 'MM1';
    if (state === 'MM_SA_SETUP') return 'MM3';
    if (state === 'MM_KEY_EXCH') return 'MM5';
    return null;
  }
  if (state === 'MM_SA_SETUP' || state === 'MM_NO_STATE') return 'MM2';
  if (state === 'MM_KEY_EXCH') return mm5Received ? 'MM6' : 'MM4';
  return null;
}

/** Aggressive Mode message for a packet (AG_* states). */
export function aggressiveModeMessage(side: Side, dir: 'out' | 'in', state: string): MessageName | null {
  if (state === 'AG_NO_STATE' || state === 'NEW SA') {
    if (side === 'initiator') return dir === 'out' ? 'AM1' : 'AM2';
    return dir === 'in' ? 'AM1' : 'AM2';
  }
  if (state === 'AG_INIT_EXCH') {
    if (side === 'initiator') return dir === 'out' ? 'AM3' : 'AM2';
    return dir === 'out' ? 'AM2' : 'AM3';
  }
  return null;
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
});
