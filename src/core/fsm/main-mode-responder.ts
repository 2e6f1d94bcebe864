/**
 * Main Mode, responder side, as IOS prints it (seed, R3):
 * IKE_READY -(FROM_PEER, MM_EXCH)-> R_MM1 -(PROCESS_MAIN_MODE)-> R_MM1 -(PROCESS_COMPLETE)-> R_MM2
 * -(FROM_PEER, MM_EXCH)-> R_MM3 -> R_MM3 -> R_MM4 -> R_MM5 -> R_MM5 -(PROCESS_COMPLETE)-> IKE_P1_COMPLETE.
 * IOS never prints IKE_R_MM6: sending MM6 is the step to IKE_P1_COMPLETE.
 */
import { exchangeSetup, initialContext, sends } from './exchange-setup.ts';
import { phase1Complete, phase1Destroyed, phase1InProgress } from './informational.ts';

export const mainModeResponder = exchangeSetup.createMachine({
  id: 'mainModeResponder',
  context: ({ input }) => initialContext(input),
  initial: 'IKE_READY',
  states: {
    IKE_READY: {
      description: 'no SA with this peer yet',
      on: { 'IKE_MESG_FROM_PEER.IKE_MM_EXCH': { target: 'IKE_R_MM1' } },
    },
    IKE_R_MM1: {
      description: 'MM1 received: checking the proposals against the local policies',
      on: {
        ...phase1InProgress,
        'IKE_MESG_INTERNAL.IKE_PROCESS_MAIN_MODE': { actions: [] },
        'IKE_MESG_INTERNAL.IKE_PROCESS_COMPLETE': { target: 'IKE_R_MM2', actions: sends('MM2') },
      },
    },
    IKE_R_MM2: {
      description: 'MM2 sent with the chosen proposal, waiting for MM3',
      on: { ...phase1InProgress, 'IKE_MESG_FROM_PEER.IKE_MM_EXCH': { target: 'IKE_R_MM3' } },
    },
    IKE_R_MM3: {
      description: 'MM3 received: key exchange and nonce',
      on: {
        ...phase1InProgress,
        'IKE_MESG_INTERNAL.IKE_PROCESS_MAIN_MODE': { actions: [] },
        'IKE_MESG_INTERNAL.IKE_PROCESS_COMPLETE': { target: 'IKE_R_MM4', actions: sends('MM4') },
      },
    },
    IKE_R_MM4: {
      description: 'MM4 sent with key exchange, nonce, waiting for MM5',
      on: { ...phase1InProgress, 'IKE_MESG_FROM_PEER.IKE_MM_EXCH': { target: 'IKE_R_MM5' } },
    },
    IKE_R_MM5: {
      description: 'MM5 received: the initiator is authenticated',
      on: {
        ...phase1InProgress,
        'IKE_MESG_INTERNAL.IKE_PROCESS_MAIN_MODE': { actions: [] },
        'IKE_MESG_INTERNAL.IKE_PROCESS_COMPLETE': { target: 'IKE_P1_COMPLETE', actions: sends('MM6') },
      },
    },
    IKE_P1_COMPLETE: phase1Complete,
    IKE_DEST_SA: phase1Destroyed,
  },
});
