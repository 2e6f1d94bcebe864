/**
 * The messages the lab's "lose a message" fault can drop, each with the side that sends it: IKEv1's Main Mode and
 * Quick Mode, IKEv2's IKE_SA_INIT and IKE_AUTH requests and responses. One list for the lab's switch, the faults'
 * type and the check of a shared or kept setup.
 */
import type { ExchangeMessageName, Ikev2MessageName } from '../ike/messages.ts';
import type { Side } from '../ike/sides.ts';

export type LosableMessage = ExchangeMessageName | Ikev2MessageName;

export interface Losable {
  message: LosableMessage;
  from: Side;
}

export const LOSABLE_IKEV1: readonly Losable[] = [
  { message: 'MM1', from: 'initiator' },
  { message: 'MM2', from: 'responder' },
  { message: 'MM3', from: 'initiator' },
  { message: 'MM4', from: 'responder' },
  { message: 'MM5', from: 'initiator' },
  { message: 'MM6', from: 'responder' },
  { message: 'QM1', from: 'initiator' },
  { message: 'QM2', from: 'responder' },
  { message: 'QM3', from: 'initiator' },
];

export const LOSABLE_IKEV2: readonly Losable[] = [
  { message: 'IKE_SA_INIT', from: 'initiator' },
  { message: 'IKE_SA_INIT.response', from: 'responder' },
  { message: 'IKE_AUTH', from: 'initiator' },
  { message: 'IKE_AUTH.response', from: 'responder' },
];

/** The messages of one IKE version, and the one the switch loses unless told (the third, as MM3 for IKEv1). */
export function losableFor(ikeVersion: 1 | 2): { messages: readonly Losable[]; first: Losable } {
  const messages = ikeVersion === 2 ? LOSABLE_IKEV2 : LOSABLE_IKEV1;
  return { messages, first: messages[2]! };
}

export const ALL_LOSABLE: readonly Losable[] = [...LOSABLE_IKEV1, ...LOSABLE_IKEV2];

const ikev2Names: ReadonlySet<string> = new Set(LOSABLE_IKEV2.map((l) => l.message));

/** True for a message IKEv2 sends. */
export function isIkev2Losable(l: Losable): l is { message: Ikev2MessageName; from: Side } {
  return ikev2Names.has(l.message);
}
