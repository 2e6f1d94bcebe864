/**
 * Quick Mode, responder side, one machine per node (message ID):
 * IKE_QM_READY -(FROM_PEER, QM_EXCH)-> QM_SPI_STARVE -(INTERNAL, GOT_SPI)-> [QM_IPSEC_INSTALL_AWAIT
 * -(FROM_IPSEC, IPSEC_INSTALL_DONE)->] QM_R_QM2 -(FROM_PEER, QM_EXCH)-> QM_PHASE2_COMPLETE; the
 * bracketed step is IOS-XE only (corpus 07), the seed's 15.x goes SPI_STARVE -> R_QM2.
 * IOS prints the QM_EXCH transition after checking the offer: a refused offer (transform, proxies,
 * PFS) stays in IKE_QM_READY, answers with NOTIFY PROPOSAL_NOT_CHOSEN, and the node is deleted.
 */
import { exchangeSetup, initialContext, retransmitOrGiveUp, sends } from './exchange-setup.ts';
import { PHASE2_RETRANSMIT_DEATH } from './quick-mode-initiator.ts';

/** The reason IOS gives when it deletes a node whose offer it refused. */
export const QM_REFUSED = 'QM rejected';

export const quickModeResponder = exchangeSetup.createMachine({
  id: 'quickModeResponder',
  context: ({ input }) => initialContext(input),
  initial: 'IKE_QM_READY',
  states: {
    IKE_QM_READY: {
      description: 'phase 1 is up, no Quick Mode on this node yet',
      on: {
        'IKE_MESG_FROM_PEER.IKE_QM_EXCH': [
          // A refused offer ends the node: IOS deletes it after sending the NOTIFY.
          { guard: 'nodeDeleted', actions: [] },
          {
            guard: 'offerRefused',
            actions: [...sends('NOTIFY'), { type: 'recordDeletion', params: { reason: QM_REFUSED } }],
          },
          { target: 'IKE_QM_SPI_STARVE' },
        ],
      },
    },
    IKE_QM_SPI_STARVE: {
      description: 'QM1 accepted: asking IPsec for the inbound SPI',
      on: {
        'IKE_MESG_INTERNAL.IKE_GOT_SPI': [
          { guard: 'awaitsInstall', target: 'IKE_QM_IPSEC_INSTALL_AWAIT' },
          { target: 'IKE_QM_R_QM2', actions: sends('QM2') },
        ],
      },
    },
    IKE_QM_IPSEC_INSTALL_AWAIT: {
      description: 'SPI allocated: IOS-XE waits for IPsec to install the SAs',
      on: { 'IKE_MESG_FROM_IPSEC.IPSEC_INSTALL_DONE': { target: 'IKE_QM_R_QM2', actions: sends('QM2') } },
    },
    IKE_QM_R_QM2: {
      description: 'QM2 sent with chosen transform, SPI, nonce, waiting for QM3',
      on: {
        'IKE_MESG_FROM_PEER.IKE_QM_EXCH': { target: 'IKE_QM_PHASE2_COMPLETE' },
        'IKE_MESG_FROM_TIMER.IKE_TIMER_EXPIRED': retransmitOrGiveUp({ reason: PHASE2_RETRANSMIT_DEATH }),
      },
    },
    IKE_QM_PHASE2_COMPLETE: {
      description: 'QM3 received: the IPsec SAs are up',
      type: 'final',
      tags: ['complete'],
    },
  },
});
