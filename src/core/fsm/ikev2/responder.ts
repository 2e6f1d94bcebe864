/**
 * The IKEv2 responder as the ASA's SM Trace prints it (corpus 26, 28, 30; IKEv2.md section 9):
 * IDLE → R_INIT → R_BLD_INIT → INIT_DONE → R_WAIT_AUTH → R_VERIFY_AUTH → R_BLD_AUTH → AUTH_DONE → READY,
 * an INFORMATIONAL request answered in INFO_R. A refused authentication goes R_VERIFY_AUTH → AUTH_DONE → EXIT.
 */
import { ikev2Setup, receives, sends } from './setup.ts';

export const ikev2Responder = ikev2Setup.createMachine({
  id: 'ikev2Responder',
  context: { failed: false },
  initial: 'IDLE',
  states: {
    IDLE: { description: 'no IKE SA yet', on: { EV_CHK4_COOKIE_NOTIFY: { target: 'R_INIT', actions: receives('IKE_SA_INIT') } } },
    R_INIT: {
      description: 'checking the IKE_SA_INIT request: policy, proposal, NAT discovery',
      // EV_TRYSEND: no proposal chosen, the refusal is sent from here (CAIDA EncryptionP1.txt)
      on: { EV_CHK_CONFIG_MODE: 'R_BLD_INIT', EV_TRYSEND: { target: 'INIT_DONE', actions: [...sends('IKE_SA_INIT.response'), 'fail'] } },
    },
    R_BLD_INIT: {
      description: 'building the IKE_SA_INIT response',
      on: { EV_BLD_MSG: { target: 'INIT_DONE', actions: sends('IKE_SA_INIT.response') } },
    },
    INIT_DONE: { description: 'IKE_SA_INIT done, or refused', on: { EV_START_TMR: { target: 'R_WAIT_AUTH', guard: 'succeeded' }, EV_FAIL: { target: 'EXIT', actions: 'fail' } } },
    R_WAIT_AUTH: {
      description: 'waiting for IKE_AUTH',
      on: {
        EV_CHK_POLREQEAP: { target: 'R_VERIFY_AUTH', actions: receives('IKE_AUTH') },
        EV_WAIT4_AUTH_TMO: { target: 'AUTH_DONE', actions: 'fail' },
        // no IKEv2 profile for the peer's identity (corpus 41 looks it up in R_WAIT_AUTH): IKE_AUTH is refused with
        // AUTHENTICATION_FAILED from here, as R_VERIFY_AUTH refuses a bad AUTH; this exit's event not yet seen in real output
        EV_TRYSEND: { target: 'AUTH_DONE', actions: [...receives('IKE_AUTH'), ...sends('IKE_AUTH.response'), 'fail'] },
      },
    },
    R_VERIFY_AUTH: {
      description: "verifying the initiator's AUTH, then the child SA proposal and traffic selectors",
      on: {
        EV_OK_RECD_IPSEC_RESP: 'R_BLD_AUTH',
        EV_NO_PROP_CHOSEN: 'R_BLD_AUTH',
        // the AUTH did not verify: AUTHENTICATION_FAILED is sent from here
        EV_TRYSEND: { target: 'AUTH_DONE', actions: [...sends('IKE_AUTH.response'), 'fail'] },
      },
    },
    R_BLD_AUTH: {
      description: 'building the IKE_AUTH response',
      on: { EV_CHK_AUTH_FAIL: { target: 'AUTH_DONE', actions: sends('IKE_AUTH.response') } },
    },
    AUTH_DONE: { description: 'IKE_AUTH done, or failed', on: { EV_CHK4_ROLE: { target: 'READY', guard: 'succeeded' }, EV_FAIL: { target: 'EXIT', actions: 'fail' } } },
    READY: { description: 'the IKE SA is up', on: { EV_RECV_INFO_REQ: { target: 'INFO_R', actions: receives('INFORMATIONAL') }, EV_RECV_DEL: 'DELETE' } },
    INFO_R: {
      description: 'answering an INFORMATIONAL request',
      on: { EV_START_DEL_NEG_TMR: { target: 'EXIT', actions: sends('INFORMATIONAL.response') } },
    },
    // the ASA leaves the exchange's context and goes back to the SA's state
    EXIT: { description: 'the exchange (or the negotiation) ended', on: { EV_NO_EVENT: { target: 'READY', guard: 'succeeded' } } },
    DELETE: { description: 'the SA is deleted', type: 'final' },
  },
});
