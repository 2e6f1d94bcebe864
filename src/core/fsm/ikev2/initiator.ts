/**
 * The IKEv2 initiator as the ASA's and IOS's SM Trace prints it (corpus 27, 29; IKEv2.md section 9):
 * IDLE → I_BLD_INIT → I_WAIT_INIT → I_PROC_INIT → INIT_DONE → I_BLD_AUTH → I_WAIT_AUTH → I_PROC_AUTH →
 * AUTH_DONE → READY, then an INFORMATIONAL delete (DELETE → INFO_I_BLD_INFO → INFO_I_WAIT → DELETE).
 * A failed exchange goes INIT_DONE or AUTH_DONE → EXIT.
 */
import { ikev2Setup, receives, sends } from './setup.ts';

export const ikev2Initiator = ikev2Setup.createMachine({
  id: 'ikev2Initiator',
  context: { failed: false },
  initial: 'IDLE',
  states: {
    IDLE: { description: 'no IKE SA yet', on: { EV_INIT_SA: 'I_BLD_INIT' } },
    I_BLD_INIT: {
      description: 'building IKE_SA_INIT: policy, DH value, nonce',
      on: { EV_INSERT_SA: { target: 'I_WAIT_INIT', actions: sends('IKE_SA_INIT') } },
    },
    I_WAIT_INIT: {
      description: 'IKE_SA_INIT sent, waiting for its response',
      on: { EV_RECV_INIT: { target: 'I_PROC_INIT', actions: receives('IKE_SA_INIT.response') }, EV_RE_XMT_EXCEED: { target: 'INIT_DONE', actions: 'fail' } },
    },
    I_PROC_INIT: {
      description: 'checking the IKE_SA_INIT response: proposal, NAT discovery',
      // EV_NO_PROP_CHOSEN: the response refused the proposals (NO_PROPOSAL_CHOSEN); the event the responder prints
      // for its refusal (CAIDA EncryptionP1.txt), the initiator's own line for it not yet seen in real output
      on: { EV_CHK_CONFIG_MODE: 'INIT_DONE', EV_NO_PROP_CHOSEN: { target: 'INIT_DONE', actions: 'fail' } },
    },
    INIT_DONE: { description: 'IKE_SA_INIT done (keys computed), or failed', on: { EV_CHK4_ROLE: { target: 'I_BLD_AUTH', guard: 'succeeded' }, EV_FAIL: { target: 'EXIT', actions: 'fail' } } },
    I_BLD_AUTH: {
      description: 'building IKE_AUTH: identity, AUTH, the child SA proposal and traffic selectors',
      on: { EV_CHK_EAP_POST_ASYNC: { target: 'I_WAIT_AUTH', actions: sends('IKE_AUTH') } },
    },
    I_WAIT_AUTH: { description: 'IKE_AUTH sent, waiting for its response', on: { EV_RECV_AUTH: { target: 'I_PROC_AUTH', actions: receives('IKE_AUTH.response') }, EV_RE_XMT_EXCEED: { target: 'AUTH_DONE', actions: 'fail' } } },
    I_PROC_AUTH: {
      description: "verifying the responder's AUTH and reading the child SA answer",
      // EV_PROC_SA_TS: the child SA was accepted; EV_CHK_IKE_ONLY: the response carried no child SA (refused)
      // EV_AUTH_FAIL: the responder's AUTH or identity did not verify (an ASA's peer ID check, corpus 43)
      on: { EV_PROC_SA_TS: 'AUTH_DONE', EV_CHK_IKE_ONLY: 'AUTH_DONE', EV_OK: 'AUTH_DONE', EV_AUTH_FAIL: { target: 'AUTH_DONE', actions: 'fail' } },
    },
    AUTH_DONE: { description: 'IKE_AUTH done, or failed', on: { EV_CHK4_ROLE: { target: 'READY', guard: 'succeeded' }, EV_FAIL: { target: 'EXIT', actions: 'fail' } } },
    READY: {
      description: 'the IKE SA is up',
      on: { EV_DELETE: 'DELETE', EV_SEND_INVALID_SPI: 'INFO_I_BLD_INFO' },
    },
    DELETE: { description: 'the SA is being deleted', on: { EV_DELETE: 'INFO_I_BLD_INFO' } },
    INFO_I_BLD_INFO: {
      description: 'building an INFORMATIONAL request (a delete)',
      on: { EV_TERM_CONN: { target: 'INFO_I_WAIT', actions: sends('INFORMATIONAL') } },
    },
    INFO_I_WAIT: { description: 'waiting for the INFORMATIONAL response', on: { EV_CHK_INFO_TYPE: { target: 'DELETE', actions: receives('INFORMATIONAL.response') } } },
    EXIT: { description: 'the negotiation ended without an IKE SA', type: 'final' },
  },
});
