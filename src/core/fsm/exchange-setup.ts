/**
 * The one `setup()` every IKEv1 machine is built from: the same context, the IOS inputs as events,
 * and the named actions and guards the machines refer to by string.
 *
 * Actions that only assign are applied by xstate itself; `send` and `resend` do nothing inside the
 * machine: they come back from the pure `transition()` as action objects, and the simulation reads
 * them to put a message on the wire.
 */
import { assign, setup } from 'xstate';
import type { IkeEvent } from './events.ts';
import type { ExchangeMessageName } from '../ike/messages.ts';

/** IOS-XE waits for IPsec to install the SAs before finishing Quick Mode; 12.4 and 15.x do not. */
export type Platform = 'ios-xe' | 'ios';

/** IOS gives up after five retransmissions ("attempt 5 of 5"), then deletes the SA. */
export const IOS_MAX_RETRANSMITS = 5;

export interface ExchangeInput {
  platform?: Platform;
  maxRetransmits?: number;
}

export interface ExchangeContext {
  platform: Platform;
  /** The last message this side sent: what a retransmission repeats. */
  lastSent: ExchangeMessageName | null;
  /** Retransmissions of `lastSent` so far. */
  retransmits: number;
  maxRetransmits: number;
  /** Set once the SA (or the Quick Mode node) is deleted: the reason IOS prints. */
  deleteReason: string | null;
}

export const exchangeSetup = setup({
  types: {
    context: {} as ExchangeContext,
    events: {} as IkeEvent,
    input: {} as ExchangeInput,
  },
  actions: {
    remember: assign((_, params: { message: ExchangeMessageName }) => ({ lastSent: params.message, retransmits: 0 })),
    send: (_, _params: { message: ExchangeMessageName }) => {},
    countRetransmission: assign(({ context }) => ({ retransmits: context.retransmits + 1 })),
    resend: () => {},
    recordDeletion: assign(({ event }, params: { reason: string | null }) => ({
      deleteReason:
        params.reason ?? (event.type === 'IKE_MESG_INTERNAL.IKE_PHASE1_DEL' ? event.reason : undefined) ?? 'No reason',
    })),
  },
  guards: {
    canRetransmit: ({ context }) => context.retransmits < context.maxRetransmits,
    awaitsInstall: ({ context }) => context.platform === 'ios-xe',
    nodeDeleted: ({ context }) => context.deleteReason !== null,
    offerRefused: ({ event }) => event.type === 'IKE_MESG_FROM_PEER.IKE_QM_EXCH' && event.accepted === false,
  },
});

export function initialContext(input: ExchangeInput | undefined): ExchangeContext {
  return {
    platform: input?.platform ?? 'ios-xe',
    lastSent: null,
    retransmits: 0,
    maxRetransmits: input?.maxRetransmits ?? IOS_MAX_RETRANSMITS,
    deleteReason: null,
  };
}

/** The actions of a transition that puts `message` on the wire. */
export function sends(message: ExchangeMessageName) {
  return [
    { type: 'remember', params: { message } },
    { type: 'send', params: { message } },
  ] as const;
}

/** A retransmission timer expiring while a message is unanswered: send it again, or give up. */
export function retransmitOrGiveUp(giveUp: { target?: string; reason: string }) {
  return [
    { guard: 'canRetransmit', actions: ['countRetransmission', 'resend'] },
    { ...(giveUp.target === undefined ? {} : { target: giveUp.target }), actions: { type: 'recordDeletion', params: { reason: giveUp.reason } } },
  ] as const;
}
