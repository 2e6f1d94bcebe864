/**
 * Aggressive Mode, responder side; modelled from RFC 2409 like the initiator (see
 * aggressive-mode-initiator.ts): IKE_READY -(FROM_PEER, AM_EXCH)-> R_AM1 -(PROCESS_COMPLETE)-> R_AM2
 * -(FROM_PEER, AM_EXCH)-> IKE_P1_COMPLETE.
 */
import { exchangeSetup, initialContext, sends } from './exchange-setup.ts';
import { phase1Complete, phase1Destroyed, phase1InProgress } from './informational.ts';

export const aggressiveModeResponder = exchangeSetup.createMachine({
  id: 'aggressiveModeResponder',
  context: ({ input }) => initialContext(input),
  initial: 'IKE_READY',
  states: {
    IKE_READY: {
      description: 'no SA with this peer yet',
      on: { 'IKE_MESG_FROM_PEER.IKE_AM_EXCH': { target: 'IKE_R_AM1' } },
    },
    IKE_R_AM1: {
      description: 'AM1 received: checking proposals, finding the key for the identity',
      on: {
        ...phase1InProgress,
        'IKE_MESG_INTERNAL.IKE_PROCESS_COMPLETE': { target: 'IKE_R_AM2', actions: sends('AM2') },
      },
    },
    IKE_R_AM2: {
      description: 'AM2 sent with chosen proposal, key exchange, identity, hash, waiting for AM3',
      on: { ...phase1InProgress, 'IKE_MESG_FROM_PEER.IKE_AM_EXCH': { target: 'IKE_P1_COMPLETE' } },
    },
    IKE_P1_COMPLETE: phase1Complete,
    IKE_DEST_SA: phase1Destroyed,
  },
});
