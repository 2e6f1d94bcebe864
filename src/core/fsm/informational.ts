/**
 * The informational exchange as the phase 1 machines see it: NOTIFY and DELETE from the peer, the
 * SA being deleted (IKE_PHASE1_DEL, leading to IKE_DEST_SA), and the retransmission timer.
 * Every phase 1 machine spreads these into its states, so they are reachable from all of them.
 */
import { retransmitOrGiveUp } from './exchange-setup.ts';

/** Death by retransmission: what IOS prints when the fifth retransmission goes unanswered. */
export const PHASE1_RETRANSMIT_DEATH = 'Death by retransmission P1';

/**
 * What every phase 1 state does while the exchange is in progress. A NOTIFY (NO_PROPOSAL_CHOSEN,
 * RESPONDER_LIFETIME, ...) is processed without changing state, as IOS prints
 * `Old State = IKE_I_MM6  New State = IKE_I_MM6` for a RESPONDER_LIFETIME.
 */
export const phase1InProgress = {
  'IKE_MESG_FROM_PEER.IKE_INFO_NOTIFY': { actions: [] },
  'IKE_MESG_INTERNAL.IKE_PHASE1_DEL': {
    target: 'IKE_DEST_SA',
    actions: { type: 'recordDeletion', params: { reason: null } },
  },
  'IKE_MESG_FROM_TIMER.IKE_TIMER_EXPIRED': retransmitOrGiveUp({ target: 'IKE_DEST_SA', reason: PHASE1_RETRANSMIT_DEATH }),
} as const;

/** IKE_P1_COMPLETE: the ISAKMP SA is up (QM_IDLE); Quick Mode and informational exchanges run under it. */
export const phase1Complete = {
  description: 'phase 1 complete: the ISAKMP SA is up, QM_IDLE',
  tags: ['complete'],
  on: {
    // Printed once Quick Mode has started under the new SA.
    'IKE_MESG_INTERNAL.IKE_PHASE1_COMPLETE': { actions: [] },
    // e.g. PROPOSAL_NOT_CHOSEN for a Quick Mode, or DPD.
    'IKE_MESG_FROM_PEER.IKE_INFO_NOTIFY': { actions: [] },
    // A DELETE for an IPsec SA; a DELETE for the ISAKMP SA is followed by IKE_PHASE1_DEL.
    'IKE_MESG_FROM_PEER.IKE_INFO_DELETE': { actions: [] },
    'IKE_MESG_INTERNAL.IKE_PHASE1_DEL': {
      target: 'IKE_DEST_SA',
      actions: { type: 'recordDeletion', params: { reason: null } },
    },
    'IKE_MESG_FROM_TIMER.IKE_TIMER_EXPIRED': {
      target: 'IKE_DEST_SA',
      actions: { type: 'recordDeletion', params: { reason: 'Lifetime expired' } },
    },
  },
} as const;

/** IKE_DEST_SA: the SA is being torn down; late packets from the peer are absorbed. */
export const phase1Destroyed = {
  description: 'the ISAKMP SA is deleted',
  on: {
    'IKE_MESG_FROM_PEER.*': { actions: [] },
    'IKE_MESG_INTERNAL.IKE_PHASE1_DEL': { actions: [] },
  },
} as const;
