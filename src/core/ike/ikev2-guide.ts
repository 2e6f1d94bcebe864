/** What each IKEv2 message does, what the sender put in it and what the receiver checks: the inspector's text. */
import type { Ikev2MessageName } from './messages.ts';
import type { ChildSaAnswer } from './child-sa-answer.ts';
import { notifyWords } from './ikev2.ts';

export interface Ikev2Guide {
  title: string;
  purpose: string;
  carries: string;
  sender: string;
  receiver: string;
}

export const IKEV2_GUIDES: Record<Ikev2MessageName, Ikev2Guide> = {
  IKE_SA_INIT: {
    title: 'IKE_SA_INIT request: initiator offers the IKE SA',
    purpose: 'Opens the IKE SA in one round trip: proposals, Diffie-Hellman value and nonce at once (message ID 0).',
    carries: 'SA (IKE proposals: encryption, PRF, integrity, DH group), KE, N (nonce), NOTIFY(NAT_DETECTION_SOURCE_IP / DESTINATION_IP), VIDs; often NOTIFY(IKEV2_FRAGMENTATION_SUPPORTED)',
    sender: 'Found the IKEv2 policy for its local address (crypto ikev2 policy, or the default policy and proposal), computed its DH value in the first proposal\'s group, and chose its SPI; the responder\'s SPI is zero.',
    receiver: 'Looks up its own IKEv2 policy for the local address and picks the first proposal it shares; none shared: NO_PROPOSAL_CHOSEN. A KE in a group it does not want: INVALID_KE_PAYLOAD. The NAT-D hashes show whether NAT is in the path.',
  },
  'IKE_SA_INIT.response': {
    title: 'IKE_SA_INIT response: responder picks a proposal',
    purpose: 'The responder answers with the one proposal it chose and its own DH value and nonce: both can now compute the keys (SKEYSEED).',
    carries: 'SA (the chosen proposal), KE, N, NOTIFY(NAT_DETECTION_*), VIDs, sometimes CERTREQ; or only NOTIFY(NO_PROPOSAL_CHOSEN) / NOTIFY(INVALID_KE_PAYLOAD)',
    sender: 'Matched a proposal of its IKEv2 policy, computed its DH value, chose its SPI.',
    receiver: 'Checks that the chosen proposal is one it offered, computes the shared secret and the keys ("Completed SA init exchange"); from here every message is encrypted.',
  },
  IKE_AUTH: {
    title: 'IKE_AUTH request: initiator proves its identity and asks for the first child SA',
    purpose: 'Authenticates the IKE SA and negotiates the first IPsec SA in the same exchange (message ID 1), encrypted.',
    carries: 'IDi, AUTH, SA (ESP proposal), TSi, TSr, NOTIFY(INITIAL_CONTACT), often CFG and NOTIFY(USE_TRANSPORT_MODE / SET_WINDOW_SIZE / ESP_TFC_NO_SUPPORT / NON_FIRST_FRAGS), all inside ENCR',
    sender: 'Computed AUTH from its identity (identity local, the address by default) and its key (the keyring entry of its IKEv2 profile); the ESP proposal comes from the transform set of the IPsec profile or crypto map; TSi/TSr from the tunnel or the crypto ACL.',
    receiver: 'Picks an IKEv2 profile by the peer\'s identity (match identity remote), takes the peer\'s key from that profile\'s keyring and verifies AUTH (a wrong key: AUTHENTICATION_FAILED), then checks the ESP proposal (NO_PROPOSAL_CHOSEN) and the traffic selectors (TS_UNACCEPTABLE).',
  },
  'IKE_AUTH.response': {
    title: 'IKE_AUTH response: responder proves its identity and answers for the child SA',
    purpose: 'Completes the IKE SA; carries the child SA the responder accepted, or a notify refusing it (the IKE SA can be up while its child SA is refused).',
    carries: 'IDr, AUTH, SA (the chosen ESP proposal), TSi, TSr; or NOTIFY(NO_PROPOSAL_CHOSEN / TS_UNACCEPTABLE) for the child SA; or only NOTIFY(AUTHENTICATION_FAILED)',
    sender: 'Verified the initiator\'s AUTH, computed its own from its keyring entry for the initiator, matched the ESP proposal and traffic selectors.',
    receiver: 'Verifies the responder\'s AUTH ("Verification of peer\'s authentication data PASSED"): the IKE SA is up. A child SA refusal then usually makes it delete the IKE SA.',
  },
  CREATE_CHILD_SA: {
    title: 'CREATE_CHILD_SA request: a new or rekeyed SA',
    purpose: 'Creates another child SA, rekeys one (NOTIFY(REKEY_SA)) or rekeys the IKE SA itself (an IKE proposal).',
    carries: 'SA, N, optionally KE (PFS), TSi, TSr, NOTIFY(REKEY_SA) for a child rekey; all inside ENCR',
    sender: 'A lifetime ran out or new traffic needs an SA; either peer may start it.',
    receiver: 'Checks the proposal and traffic selectors as in IKE_AUTH (NO_PROPOSAL_CHOSEN, TS_UNACCEPTABLE, INVALID_KE_PAYLOAD for a PFS group it does not want).',
  },
  'CREATE_CHILD_SA.response': {
    title: 'CREATE_CHILD_SA response',
    purpose: 'Accepts the new SA with the chosen proposal, or refuses it with a notify.',
    carries: 'SA, N, optionally KE, TSi, TSr; or an error notify',
    sender: 'Matched the proposal and traffic selectors.',
    receiver: 'Installs the new SA; for a rekey, deletes the old one with an INFORMATIONAL exchange.',
  },
  INFORMATIONAL: {
    title: 'INFORMATIONAL request: delete, notify or liveness check',
    purpose: 'Deletes SAs (DELETE), reports an error (a notify), or, empty, checks that the peer is alive (dead peer detection).',
    carries: 'DELETE (an IPsec SA by its SPI, or the IKE SA), NOTIFY, or nothing; inside ENCR',
    sender: 'An SA is being cleared or failed, or DPD is due.',
    receiver: 'Deletes what it is told to and answers; an unanswered empty request means the peer is gone.',
  },
  'INFORMATIONAL.response': {
    title: 'INFORMATIONAL response: acknowledgement',
    purpose: 'Answers the request: an empty list acknowledges it, a DELETE names the paired SA deleted in turn.',
    carries: 'nothing, or DELETE for the other direction\'s SA',
    sender: 'Did what the request asked.',
    receiver: '"Processing ACK to informational exchange": the exchange is done.',
  },
  'INFORMATIONAL.liveness': {
    title: 'INFORMATIONAL request with no payload: liveness check (dead peer detection)',
    purpose: 'Asks the peer whether it still holds the IKE SA: an INFORMATIONAL request with nothing inside its encrypted envelope (RFC 7296 2.4). Not a delete, not an error, not a child SA.',
    carries: 'nothing but ENCR: the payload list before encryption (or after decryption) is empty',
    sender: 'DPD is configured (`dpd <interval> <retry> on-demand|periodic` in the crypto ikev2 profile, `crypto ikev2 dpd …` globally; ASA: `isakmp keepalive threshold … retry …` in the tunnel group) and the interval passed, periodically or, on demand, with traffic to send and none received.',
    receiver: 'Answers with an empty INFORMATIONAL response. No answer after the retransmissions: the sender takes the peer for dead and deletes the IKE SA and its child SAs.',
  },
  'INFORMATIONAL.liveness.response': {
    title: 'INFORMATIONAL response to a liveness check: the peer is alive',
    purpose: 'The empty answer to a liveness check: the peer still holds the IKE SA.',
    carries: 'nothing but ENCR',
    sender: 'Received the liveness check on an IKE SA it holds.',
    receiver: '"Processing ACK to informational exchange": the peer is alive; the next check waits for the DPD interval.',
  },
};

/**
 * What the sender of a response did, where the response did not carry the child SA: the guide's own words
 * ("matched the ESP proposal and traffic selectors") hold only for one that did. Null: the guide's words stand.
 */
export function ikev2ResponseSender(name: string, answer: ChildSaAnswer, sentAuth: boolean): string | null {
  const exchange = name.split('.')[0];
  if (exchange !== 'IKE_AUTH' && exchange !== 'CREATE_CHILD_SA') return null;
  const child = exchange === 'IKE_AUTH' ? 'the child SA' : 'the new SA';
  let done: string;
  switch (answer.kind) {
    case 'proposed':
    case 'carried':
      return null;
    case 'refused': {
      const words = notifyWords(answer.notify);
      const said = `NOTIFY(${answer.notify})${words ? ` (${words})` : ''}`;
      if (answer.notify === 'AUTHENTICATION_FAILED') return `Refused the initiator's authentication with ${said}: no IKE SA, and no child SA with it.`;
      done = `refused ${child} with ${said}, in place of an SA and traffic selectors`;
      break;
    }
    case 'not-carried':
      done = `its response, as this log reads it, carries nothing of ${child}: no SA, no traffic selectors, no notify`;
      break;
    default:
      return answer satisfies never;
  }
  // the AUTH payload of an IKE_AUTH response shows the initiator's AUTH verified
  if (exchange === 'IKE_AUTH' && sentAuth) return `Verified the initiator's AUTH and sent its own; ${done}.`;
  return `${done.charAt(0).toUpperCase()}${done.slice(1)}.`;
}
