/**
 * What an IKEv2 router prints on its SM Trace lines, state by state, on each path the simulation takes: the
 * events of each state in the order real captures print them (corpus 26-32, 35; IKEv2.md section 9). The machine
 * (fsm/ikev2/) moves on the last event of a block, as the replay of a real log judges it; the events before it
 * change nothing. Where no capture shows a path (the initiator refused in IKE_SA_INIT, the responder finding no
 * profile) the block is marked so.
 */

export interface SmBlock {
  state: string;
  events: readonly string[];
}

const b = (state: string, ...events: string[]): SmBlock => ({ state, events });
/** A block whose events are put together from parts. */
const parts = (state: string, events: readonly string[]): SmBlock => ({ state, events });

const EXIT_FAILED = b('EXIT', 'EV_ABORT', 'EV_CHK_PENDING_ABORT', 'EV_UPDATE_CAC_STATS');

/** The IKE SA installed, both roles (corpus 29, 30). */
const authDone = b(
  'AUTH_DONE',
  'EV_OK', 'EV_UPDATE_CAC_STATS', 'EV_INSERT_IKE', 'EV_REGISTER_SESSION', 'EV_NO_EVENT', 'EV_RECD_REGISTER_SESSION_RESP',
  'EV_PKI_SESH_CLOSE', 'EV_GEN_LOAD_IPSEC', 'EV_START_ACCT', 'EV_CHECK_DUPE', 'EV_CHK4_ROLE',
);

export const initiatorScripts = {
  /** Corpus 29: the IKE SA request to IKE_SA_INIT sent. */
  start: [
    b('IDLE', 'EV_INIT_SA'),
    b('I_BLD_INIT', 'EV_GET_IKE_POLICY', 'EV_SET_POLICY', 'EV_CHK_AUTH4PKI', 'EV_GEN_DH_KEY', 'EV_NO_EVENT', 'EV_OK_RECD_DH_PUBKEY_RESP', 'EV_GET_CONFIG_MODE', 'EV_BLD_MSG', 'EV_INSERT_SA'),
    b('I_WAIT_INIT', 'EV_NO_EVENT'),
  ],
  /** Corpus 35: each retransmission while waiting. */
  retransmit: (state: string): SmBlock[] => [b(state, 'EV_RE_XMT')],
  afterRetransmit: (state: string): SmBlock[] => [b(state, 'EV_NO_EVENT')],
  /** Corpus 35: the last timer finds the limit reached. */
  giveUp: (state: string): SmBlock[] => [b(state, 'EV_RE_XMT', 'EV_RE_XMT_EXCEED'), b(state === 'I_WAIT_INIT' ? 'INIT_DONE' : 'AUTH_DONE', 'EV_FAIL'), EXIT_FAILED],
  /** Corpus 29 (33 under NAT: EV_CHG_NAT_T_PORT): IKE_SA_INIT answered, IKE_AUTH sent. */
  initAnswered: (nat: boolean): SmBlock[] => [
    b('I_WAIT_INIT', 'EV_RECV_INIT'),
    parts('I_PROC_INIT', ['EV_CHK4_NOTIFY', 'EV_VERIFY_MSG', 'EV_PROC_MSG', 'EV_DETECT_NAT', 'EV_CHK_NAT_T', ...(nat ? ['EV_CHG_NAT_T_PORT'] : []), 'EV_CHK_CONFIG_MODE']),
    b('INIT_DONE', 'EV_GEN_DH_SECRET', 'EV_NO_EVENT', 'EV_OK_RECD_DH_SECRET_RESP', 'EV_GEN_SKEYID', 'EV_DONE', 'EV_CHK4_ROLE'),
    b('I_BLD_AUTH', 'EV_GET_CONFIG_MODE', 'EV_CHK_EAP', 'EV_GEN_AUTH', 'EV_CHK_AUTH_TYPE', 'EV_OK_AUTH_GEN', 'EV_SEND_AUTH', 'EV_ENCRYPT_MSG', 'EV_NO_EVENT', 'EV_OK_ENCRYPT_RESP', 'EV_TRYSEND', 'EV_CHK_EAP_POST_ASYNC'),
    b('I_WAIT_AUTH', 'EV_NO_EVENT'),
  ],
  /** IKE_SA_INIT refused with NO_PROPOSAL_CHOSEN: no capture shows the initiator's side (its refusal event as the responder's). */
  initRefused: [b('I_WAIT_INIT', 'EV_RECV_INIT'), b('I_PROC_INIT', 'EV_CHK4_NOTIFY', 'EV_NO_PROP_CHOSEN'), b('INIT_DONE', 'EV_FAIL'), EXIT_FAILED],
  /** Corpus 29: IKE_AUTH answered with the child SA. */
  authAnswered: [
    b('I_WAIT_AUTH', 'EV_RECV_AUTH'),
    b(
      'I_PROC_AUTH',
      'EV_CHK4_NOTIFY', 'EV_PROC_MSG', 'EV_CHK_IF_PEER_CERT_NEEDS_TO_BE_FETCHED_FOR_PROF_SEL', 'EV_GET_POLICY_BY_PEERID', 'EV_VERIFY_POLICY_BY_PEERID',
      'EV_CHK_AUTH_TYPE', 'EV_GET_PRESHR_KEY', 'EV_VERIFY_AUTH', 'EV_CHK_EAP', 'EV_NOTIFY_AUTH_DONE', 'EV_CHK_CONFIG_MODE', 'EV_CHK4_IC', 'EV_CHK_IKE_ONLY', 'EV_PROC_SA_TS',
    ),
    authDone,
    b('READY', 'EV_CHK_IKE_ONLY', 'EV_I_OK'),
  ],
  /** Corpus 27: IKE_AUTH answered without the child SA; the IKE SA is up, then deleted. */
  childRefused: [
    b('I_WAIT_AUTH', 'EV_RECV_AUTH'),
    b(
      'I_PROC_AUTH',
      'EV_CHK4_NOTIFY', 'EV_PROC_MSG', 'EV_CHK_IF_PEER_CERT_NEEDS_TO_BE_FETCHED_FOR_PROF_SEL', 'EV_GET_POLICY_BY_PEERID', 'EV_VERIFY_POLICY_BY_PEERID',
      'EV_CHK_AUTH_TYPE', 'EV_GET_PRESHR_KEY', 'EV_VERIFY_AUTH', 'EV_CHK_EAP', 'EV_NOTIFY_AUTH_DONE', 'EV_CHK_CONFIG_MODE', 'EV_CHK4_IC', 'EV_CHK_IKE_ONLY',
    ),
    b('AUTH_DONE', 'EV_OK', 'EV_UPDATE_CAC_STATS', 'EV_INSERT_IKE', 'EV_REGISTER_SESSION', 'EV_NO_EVENT', 'EV_RECD_REGISTER_SESSION_RESP', 'EV_CHECK_DUPE', 'EV_CHK4_ROLE'),
    b('READY', 'EV_CHK_IKE_ONLY', 'EV_DEL_SA', 'EV_FREE_NEG', 'EV_DELETE'),
    b('DELETE', 'EV_DELETE'),
    b('INFO_I_BLD_INFO', 'EV_SND_SA_DEL', 'EV_ENCRYPT_MSG', 'EV_NO_EVENT', 'EV_OK_ENCRYPT_RESP', 'EV_TRYSEND', 'EV_CHK_INFO_TYPE', 'EV_CHK4_ACTIVE_SA', 'EV_STOP_ACCT', 'EV_TERM_CONN'),
    b('INFO_I_WAIT', 'EV_NO_EVENT'),
  ],
  /** Corpus 27: the delete acknowledged. */
  deleteAcknowledged: [b('INFO_I_WAIT', 'EV_RECV_INFO_ACK', 'EV_CHK_INFO_TYPE'), b('DELETE', 'EV_RECV_DEL_ACK', 'EV_FREE_SA')],
  /** IKE_AUTH answered AUTHENTICATION_FAILED: the IKE SA fails (EV_AUTH_FAIL, EV_FAIL as corpus 43). */
  authRefused: [b('I_WAIT_AUTH', 'EV_RECV_AUTH'), b('I_PROC_AUTH', 'EV_CHK4_NOTIFY', 'EV_AUTH_FAIL'), b('AUTH_DONE', 'EV_FAIL'), EXIT_FAILED],
  /** Corpus 43: no profile of ours takes the responder's identity (looked up at EV_GET_POLICY_BY_PEERID). */
  identityRefused: [
    b('I_WAIT_AUTH', 'EV_RECV_AUTH'),
    b('I_PROC_AUTH', 'EV_CHK4_NOTIFY', 'EV_PROC_MSG', 'EV_CHK_IF_PEER_CERT_NEEDS_TO_BE_FETCHED_FOR_PROF_SEL', 'EV_GET_POLICY_BY_PEERID', 'EV_AUTH_FAIL'),
    b('AUTH_DONE', 'EV_FAIL'),
    EXIT_FAILED,
  ],
  /** The responder's AUTH does not verify with our key for it: corpus 29's checks, then corpus 43's failure. */
  verifyFailed: [
    b('I_WAIT_AUTH', 'EV_RECV_AUTH'),
    b(
      'I_PROC_AUTH',
      'EV_CHK4_NOTIFY', 'EV_PROC_MSG', 'EV_CHK_IF_PEER_CERT_NEEDS_TO_BE_FETCHED_FOR_PROF_SEL', 'EV_GET_POLICY_BY_PEERID', 'EV_VERIFY_POLICY_BY_PEERID',
      'EV_CHK_AUTH_TYPE', 'EV_GET_PRESHR_KEY', 'EV_VERIFY_AUTH', 'EV_AUTH_FAIL',
    ),
    b('AUTH_DONE', 'EV_FAIL'),
    EXIT_FAILED,
  ],
} as const;

/** Corpus 30: IKE_SA_INIT received, up to where its checks part. */
const initReceived = b('IDLE', 'EV_RECV_INIT', 'EV_CHK_REDIRECT', 'EV_CHK_CAC', 'EV_CHK_COOKIE', 'EV_CHK4_COOKIE_NOTIFY');
const authReceived = (nat: boolean): string[] => ['EV_RECV_AUTH', 'EV_CHK_NAT_T', ...(nat ? ['EV_CHG_NAT_T_PORT'] : []), 'EV_PROC_ID', 'EV_CHK_IF_PEER_CERT_NEEDS_TO_BE_FETCHED_FOR_PROF_SEL', 'EV_GET_POLICY_BY_PEERID'];
const verified = ['EV_CHK_AUTH_TYPE', 'EV_GET_PRESHR_KEY', 'EV_VERIFY_AUTH', 'EV_CHK4_IC', 'EV_CHK_REDIRECT', 'EV_NOTIFY_AUTH_DONE', 'EV_CHK_CONFIG_MODE', 'EV_GET_CONFIG_MODE', 'EV_PROC_SA_TS'];
const buildAuth = b('R_BLD_AUTH', 'EV_MY_AUTH_METHOD', 'EV_GET_PRESHR_KEY', 'EV_GEN_AUTH', 'EV_CHK4_SIGN', 'EV_OK_AUTH_GEN', 'EV_SEND_AUTH', 'EV_ENCRYPT_MSG', 'EV_NO_EVENT', 'EV_OK_ENCRYPT_RESP', 'EV_TRYSEND', 'EV_CHK_AUTH_FAIL');

export const responderScripts = {
  /** Corpus 30: IKE_SA_INIT accepted and answered. */
  initAccepted: [
    initReceived,
    b('R_INIT', 'EV_VERIFY_MSG', 'EV_INSERT_SA', 'EV_GET_IKE_POLICY', 'EV_PROC_MSG', 'EV_DETECT_NAT', 'EV_CHK_CONFIG_MODE'),
    b(
      'R_BLD_INIT',
      'EV_SET_POLICY', 'EV_CHK_AUTH4PKI', 'EV_PKI_SESH_OPEN', 'EV_GEN_DH_KEY', 'EV_NO_EVENT', 'EV_OK_RECD_DH_PUBKEY_RESP', 'EV_GEN_DH_SECRET', 'EV_NO_EVENT',
      'EV_OK_RECD_DH_SECRET_RESP', 'EV_GEN_SKEYID', 'EV_GET_CONFIG_MODE', 'EV_BLD_MSG',
    ),
    b('INIT_DONE', 'EV_DONE', 'EV_CHK4_ROLE', 'EV_START_TMR'),
    b('R_WAIT_AUTH', 'EV_NO_EVENT'),
  ],
  /** Corpus 31: no proposal in common, NO_PROPOSAL_CHOSEN sent. */
  initRefused: [initReceived, b('R_INIT', 'EV_VERIFY_MSG', 'EV_INSERT_SA', 'EV_GET_IKE_POLICY', 'EV_PROC_MSG', 'EV_NO_PROP_CHOSEN', 'EV_ENCRYPT_MSG', 'EV_TRYSEND'), b('INIT_DONE', 'EV_FAIL'), EXIT_FAILED],
  /** Corpus 30: IKE_AUTH received, its profile found (the lookup lines follow EV_GET_POLICY_BY_PEERID). */
  authReceived: (nat: boolean): SmBlock[] => [parts('R_WAIT_AUTH', [...authReceived(nat), 'EV_SET_POLICY', 'EV_VERIFY_POLICY_BY_PEERID', 'EV_CHK_AUTH4EAP', 'EV_CHK_POLREQEAP'])],
  /** Corpus 41 looks the profile up in R_WAIT_AUTH and finds none; the refusal's events as after a bad AUTH (corpus 26), not yet seen here. */
  noProfile: (nat: boolean): SmBlock[] => [parts('R_WAIT_AUTH', [...authReceived(nat), 'EV_AUTH_FAIL', 'EV_ENCRYPT_MSG', 'EV_NO_EVENT', 'EV_OK_ENCRYPT_RESP', 'EV_TRYSEND']), b('AUTH_DONE', 'EV_FAIL'), EXIT_FAILED],
  /** Corpus 30: AUTH verified, the child SA accepted. */
  authAccepted: [parts('R_VERIFY_AUTH', [...verified, 'EV_NO_EVENT', 'EV_OK_RECD_IPSEC_RESP']), buildAuth, authDone, b('READY', 'EV_R_OK', 'EV_NO_EVENT')],
  /** Corpus 28, 32: AUTH verified, the child SA refused (transforms or selectors); the IKE SA still comes up. */
  childRefused: [parts('R_VERIFY_AUTH', [...verified, 'EV_NO_PROP_CHOSEN']), buildAuth, authDone, b('READY', 'EV_R_OK', 'EV_NO_EVENT')],
  /** Corpus 26: the AUTH does not verify, AUTHENTICATION_FAILED sent. */
  authRefused: [b('R_VERIFY_AUTH', 'EV_CHK_AUTH_TYPE', 'EV_GET_PRESHR_KEY', 'EV_VERIFY_AUTH', 'EV_AUTH_FAIL', 'EV_ENCRYPT_MSG', 'EV_NO_EVENT', 'EV_OK_ENCRYPT_RESP', 'EV_TRYSEND'), b('AUTH_DONE', 'EV_FAIL'), EXIT_FAILED],
  /** Corpus 32: the initiator's delete answered, the SA gone. */
  deleteReceived: [
    b('READY', 'EV_RECV_INFO_REQ'),
    b('INFO_R', 'EV_RECV_INFO_REQ', 'EV_ENCRYPT_MSG', 'EV_NO_EVENT', 'EV_OK_ENCRYPT_RESP', 'EV_TRYSEND', 'EV_CHK_INFO_TYPE', 'EV_RECV_DEL', 'EV_CHK4_ACTIVE_SA', 'EV_STOP_ACCT', 'EV_IPSEC_DEL', 'EV_START_DEL_NEG_TMR'),
    b('EXIT', 'EV_CHK_PENDING', 'EV_NO_EVENT'),
    b('READY', 'EV_RECV_DEL'),
    b('DELETE', 'EV_FREE_SA'),
  ],
} as const;
