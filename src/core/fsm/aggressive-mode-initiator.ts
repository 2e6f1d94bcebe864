/**
 * Aggressive Mode, initiator side. No capture of IOS printing these states is in the corpus: the
 * states follow RFC 2409 (three messages) named the way IOS names its Main Mode states, and the
 * inputs are the Main Mode ones with IKE_AM_EXCH / IKE_SA_REQ_AM.
 * IKE_READY -(FROM_IPSEC, SA_REQ_AM)-> I_AM1 -(FROM_PEER, AM_EXCH)-> I_AM2 -(PROCESS_COMPLETE)-> IKE_P1_COMPLETE.
 */
import { exchangeSetup, initialContext, sends } from './exchange-setup.ts';
import { phase1Complete, phase1Destroyed, phase1InProgress } from './informational.ts';

export const aggressiveModeInitiator = exchangeSetup.createMachine({
  id: 'aggressiveModeInitiator',
  context: ({ input }) => initialContext(input),
  initial: 'IKE_READY',
  states: {
    IKE_READY: {
      description: 'no SA with this peer yet',
      on: { 'IKE_MESG_FROM_IPSEC.IKE_SA_REQ_AM': { target: 'IKE_I_AM1', actions: sends('AM1') } },
    },
    IKE_I_AM1: {
      description: 'AM1 sent with proposals, key exchange, nonce, identity in clear, waiting for AM2',
      on: { ...phase1InProgress, 'IKE_MESG_FROM_PEER.IKE_AM_EXCH': { target: 'IKE_I_AM2' } },
    },
    IKE_I_AM2: {
      description: 'AM2 received: proposal chosen, keys computed, the responder authenticated',
      on: {
        ...phase1InProgress,
        'IKE_MESG_INTERNAL.IKE_PROCESS_COMPLETE': { target: 'IKE_P1_COMPLETE', actions: sends('AM3') },
      },
    },
    IKE_P1_COMPLETE: phase1Complete,
    IKE_DEST_SA: phase1Destroyed,
  },
});
