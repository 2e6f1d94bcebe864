/**
 * Quick Mode, initiator side, one machine per node (message ID), under an established phase 1 SA:
 * IKE_QM_READY -(INTERNAL, INIT_QM)-> QM_I_QM1 -(FROM_PEER, QM_EXCH)-> QM_IPSEC_INSTALL_AWAIT
 * -(FROM_IPSEC, IPSEC_INSTALL_DONE)-> QM_PHASE2_COMPLETE on IOS-XE (corpus 01, 06); 12.4 and 15.x go
 * QM_I_QM1 -> QM_PHASE2_COMPLETE directly (seed, corpus 08). QM3 goes out as the SAs are in place.
 */
import { exchangeSetup, initialContext, retransmitOrGiveUp, sends } from './exchange-setup.ts';

export const PHASE2_RETRANSMIT_DEATH = 'Death by retransmission P2';

export const quickModeInitiator = exchangeSetup.createMachine({
  id: 'quickModeInitiator',
  context: ({ input }) => initialContext(input),
  initial: 'IKE_QM_READY',
  states: {
    IKE_QM_READY: {
      description: 'phase 1 is up, no Quick Mode on this node yet',
      on: { 'IKE_MESG_INTERNAL.IKE_INIT_QM': { target: 'IKE_QM_I_QM1', actions: sends('QM1') } },
    },
    IKE_QM_I_QM1: {
      description: 'QM1 sent with transforms, proxy identities, nonce, waiting for QM2',
      on: {
        'IKE_MESG_FROM_PEER.IKE_QM_EXCH': [
          { guard: 'awaitsInstall', target: 'IKE_QM_IPSEC_INSTALL_AWAIT' },
          { target: 'IKE_QM_PHASE2_COMPLETE', actions: sends('QM3') },
        ],
        'IKE_MESG_FROM_TIMER.IKE_TIMER_EXPIRED': retransmitOrGiveUp({ reason: PHASE2_RETRANSMIT_DEATH }),
      },
    },
    IKE_QM_IPSEC_INSTALL_AWAIT: {
      description: 'QM2 received: IOS-XE waits for IPsec to install the SAs',
      on: { 'IKE_MESG_FROM_IPSEC.IPSEC_INSTALL_DONE': { target: 'IKE_QM_PHASE2_COMPLETE', actions: sends('QM3') } },
    },
    IKE_QM_PHASE2_COMPLETE: {
      description: 'QM3 sent: the IPsec SAs are up',
      type: 'final',
      tags: ['complete'],
    },
  },
});
