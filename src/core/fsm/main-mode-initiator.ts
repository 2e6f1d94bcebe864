/**
 * Main Mode, initiator side, as IOS prints it (seed, corpus 01, 06, 08):
 * IKE_READY -(FROM_IPSEC, SA_REQ_MM)-> I_MM1 -(FROM_PEER, MM_EXCH)-> I_MM2 -(PROCESS_MAIN_MODE)-> I_MM2
 * -(PROCESS_COMPLETE)-> I_MM3 -> I_MM4 -> I_MM4 -> I_MM5 -> I_MM6 -> I_MM6 -> IKE_P1_COMPLETE.
 * Each state names the last message sent or received; IKE_PROCESS_COMPLETE is when the next one goes out.
 */
import { exchangeSetup, initialContext, sends } from './exchange-setup.ts';
import { phase1Complete, phase1Destroyed, phase1InProgress } from './informational.ts';

export const mainModeInitiator = exchangeSetup.createMachine({
  id: 'mainModeInitiator',
  context: ({ input }) => initialContext(input),
  initial: 'IKE_READY',
  states: {
    IKE_READY: {
      description: 'no SA with this peer yet',
      on: { 'IKE_MESG_FROM_IPSEC.IKE_SA_REQ_MM': { target: 'IKE_I_MM1', actions: sends('MM1') } },
    },
    IKE_I_MM1: {
      description: 'MM1 sent with SA proposals, waiting for MM2',
      on: { ...phase1InProgress, 'IKE_MESG_FROM_PEER.IKE_MM_EXCH': { target: 'IKE_I_MM2' } },
    },
    IKE_I_MM2: {
      description: 'MM2 received: the responder chose a proposal',
      on: {
        ...phase1InProgress,
        'IKE_MESG_INTERNAL.IKE_PROCESS_MAIN_MODE': { actions: [] },
        'IKE_MESG_INTERNAL.IKE_PROCESS_COMPLETE': { target: 'IKE_I_MM3', actions: sends('MM3') },
      },
    },
    IKE_I_MM3: {
      description: 'MM3 sent with key exchange, nonce, NAT discovery, waiting for MM4',
      on: { ...phase1InProgress, 'IKE_MESG_FROM_PEER.IKE_MM_EXCH': { target: 'IKE_I_MM4' } },
    },
    IKE_I_MM4: {
      description: 'MM4 received: the shared keys are computed',
      on: {
        ...phase1InProgress,
        'IKE_MESG_INTERNAL.IKE_PROCESS_MAIN_MODE': { actions: [] },
        'IKE_MESG_INTERNAL.IKE_PROCESS_COMPLETE': { target: 'IKE_I_MM5', actions: sends('MM5') },
      },
    },
    IKE_I_MM5: {
      description: 'MM5 sent with identity and hash under encryption, waiting for MM6',
      on: { ...phase1InProgress, 'IKE_MESG_FROM_PEER.IKE_MM_EXCH': { target: 'IKE_I_MM6' } },
    },
    IKE_I_MM6: {
      description: 'MM6 received: the responder is authenticated',
      on: {
        ...phase1InProgress,
        'IKE_MESG_INTERNAL.IKE_PROCESS_MAIN_MODE': { actions: [] },
        'IKE_MESG_INTERNAL.IKE_PROCESS_COMPLETE': { target: 'IKE_P1_COMPLETE' },
      },
    },
    IKE_P1_COMPLETE: phase1Complete,
    IKE_DEST_SA: phase1Destroyed,
  },
});
