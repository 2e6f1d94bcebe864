import type { MessageName } from './messages.ts';
import { IKEV2_GUIDES, ikev2ResponseSender } from './ikev2-guide.ts';
import { childSaAnswerIn, type AnsweredChildSa, type AnsweringMessage } from './child-sa-answer.ts';

/** What a message does in IKEv1, and what each side does with it: the text of the message inspector. */
export interface MessageGuide {
  title: string;
  purpose: string;
  /** The payloads it carries on IOS. */
  carries: string;
  /** What the sender has decided or computed before sending it. */
  sender: string;
  /** What the receiver checks, against which configuration. */
  receiver: string;
}

const guides: Record<MessageName, MessageGuide> = {
  ...IKEV2_GUIDES,
  MM1: {
    title: 'Main Mode 1: initiator offers its policies',
    purpose: 'Opens phase 1: the initiator proposes the IKE SA parameters.',
    carries: 'SA (one transform per local crypto isakmp policy: encryption, hash, DH group, authentication, lifetime), VIDs',
    sender: 'Traffic matched a crypto map or a tunnel came up, so IPsec asked IKE for an SA (IKE_SA_REQ_MM). The initiator looks up a pre-shared key for the peer, then sends every policy it has.',
    receiver: 'Checks each offered transform against its own crypto isakmp policies, in priority order; the first that matches (same encryption, key length, hash, group and authentication; lifetime equal or lower) is chosen. None matching: "phase 1 SA policy not acceptable" and Main Mode stops here.',
  },
  MM2: {
    title: 'Main Mode 2: responder picks one policy',
    purpose: 'The responder answers with the one transform it accepted.',
    carries: 'SA (the chosen transform), VIDs',
    sender: 'Found a matching policy and the pre-shared key for the initiator ("found peer pre-shared key matching").',
    receiver: 'Checks that the chosen transform is one it offered ("atts are acceptable"), starts the IKE SA lifetime timer.',
  },
  MM3: {
    title: 'Main Mode 3: initiator starts Diffie-Hellman',
    purpose: 'Key exchange, part one: the initiator sends its DH public value and nonce.',
    carries: 'KE, NONCE, NAT-D (NAT discovery hashes), VIDs',
    sender: 'Computed its DH public value in the chosen group.',
    receiver: 'Computes the shared secret once it has its own DH value; the NAT-D hashes tell whether a NAT sits between the peers (then IKE floats to UDP 4500).',
  },
  MM4: {
    title: 'Main Mode 4: responder completes Diffie-Hellman',
    purpose: 'Key exchange, part two: the responder sends its DH public value and nonce.',
    carries: 'KE, NONCE, NAT-D, VIDs (DPD, Unity, "another IOS box")',
    sender: 'Computed SKEYID from the pre-shared key, both nonces and the DH secret. From here IOS prints the new connection id instead of (0).',
    receiver: 'Computes the same keys; from now on every message is encrypted with them.',
  },
  MM5: {
    title: 'Main Mode 5: initiator proves its identity',
    purpose: 'Authentication: the first encrypted message.',
    carries: 'ID (address or hostname, per crypto isakmp identity), HASH, INITIAL-CONTACT notify',
    sender: 'Encrypts its identity and a hash keyed with the pre-shared key.',
    receiver: 'Decrypts it and checks the hash. With a different pre-shared key the message cannot be read: IKMP_BAD_MESSAGE, the initiator retransmits MM5 until "Death by retransmission P1".',
  },
  MM6: {
    title: 'Main Mode 6: responder proves its identity',
    purpose: 'Authentication of the responder; phase 1 is complete when it has been checked.',
    carries: 'ID, HASH',
    sender: 'Authenticated the initiator ("SA has been authenticated"), chose an ISAKMP profile if any matches.',
    receiver: 'Checks the responder\'s hash; both sides are now at IKE_P1_COMPLETE and Quick Mode can start.',
  },
  AM1: {
    title: 'Aggressive Mode 1: initiator sends everything at once',
    purpose: 'Phase 1 in three messages: proposals, key exchange and identity in one.',
    carries: 'SA, KE, NONCE, ID (in clear)',
    sender: 'Used when the identity must be known before the key is chosen (remote access, dynamic peers).',
    receiver: 'Picks a policy and the key for that identity, computes the keys.',
  },
  AM2: {
    title: 'Aggressive Mode 2: responder answers and authenticates',
    purpose: 'The responder\'s choice, key exchange, identity and hash.',
    carries: 'SA, KE, NONCE, ID, NAT-D, HASH',
    sender: 'Accepted a policy and found the key.',
    receiver: 'Checks the responder\'s hash.',
  },
  AM3: {
    title: 'Aggressive Mode 3: initiator authenticates',
    purpose: 'The initiator\'s hash, which completes phase 1.',
    carries: 'HASH, NAT-D',
    sender: 'Authenticated the responder.',
    receiver: 'Checks the initiator\'s hash: phase 1 complete.',
  },
  'MM1/AM1': {
    title: 'Phase 1, message 1: initiator offers its policies (mode not logged)',
    purpose: 'Opens phase 1. The lines pasted do not show the mode: Main Mode\'s MM1 carries the proposals alone, Aggressive Mode\'s AM1 also the key exchange and identity.',
    carries: 'SA (one transform per crypto isakmp policy), VIDs; in Aggressive Mode also KE, NONCE, ID',
    sender: 'IPsec asked IKE for an SA (traffic matched a crypto map, or a tunnel came up).',
    receiver: 'Checks each offered transform against its own crypto isakmp policies, in priority order. None matching: "phase 1 SA policy not acceptable" and phase 1 stops here. A state line (MM_ or AG_, IKE_R_MM1 or IKE_R_AM1) would show the mode.',
  },
  'MM2/AM2': {
    title: 'Phase 1, message 2: responder picks one policy (mode not logged)',
    purpose: 'The responder answers with the transform it accepted; in Aggressive Mode also its key exchange, identity and hash.',
    carries: 'SA (the chosen transform), VIDs; in Aggressive Mode also KE, NONCE, ID, HASH',
    sender: 'Found a matching policy and the pre-shared key for the initiator.',
    receiver: 'Checks that the chosen transform is one it offered.',
  },
  'MM3/AM3': {
    title: 'Phase 1, message 3 (mode not logged)',
    purpose: 'Main Mode\'s MM3 starts Diffie-Hellman; Aggressive Mode\'s AM3 is the initiator\'s hash, which completes phase 1.',
    carries: 'KE, NONCE (Main Mode) or HASH (Aggressive Mode)',
    sender: 'Main Mode: computed its DH value. Aggressive Mode: authenticated the responder.',
    receiver: 'Main Mode: computes the shared secret. Aggressive Mode: checks the initiator\'s hash.',
  },
  QM1: {
    title: 'Quick Mode 1: initiator proposes the IPsec SAs',
    purpose: 'Opens phase 2 under the protection of the IKE SA.',
    carries: 'HASH, SA (transform sets, encapsulation, lifetimes, PFS group), NONCE, [KE with PFS], ID ×2 (proxy identities)',
    sender: 'Built the proposal from the crypto map entry or IPsec profile: its transform sets, the ACL of match address as proxies (::/0 or 0.0.0.0/0 for a VTI), set pfs, set security-association lifetime.',
    receiver: 'Checks the transform against its transform sets (error 256 if none), the proxies against its crypto ACL mirror (error 32, "proxy identities not supported"), the PFS group; on any failure it sends PROPOSAL_NOT_CHOSEN.',
  },
  QM2: {
    title: 'Quick Mode 2: responder accepts and gives its SPI',
    purpose: 'The responder\'s chosen transform, its inbound SPI and nonce.',
    carries: 'HASH, SA, NONCE, [KE], ID ×2',
    sender: 'Got an SPI from the IPsec key engine (IKE_QM_SPI_STARVE → IKE_GOT_SPI); the lower of the two lifetimes is used.',
    receiver: 'Validates the answer, creates both IPsec SAs (create_sa, inbound and outbound SPIs).',
  },
  QM3: {
    title: 'Quick Mode 3: initiator confirms',
    purpose: 'Proves liveness; the responder installs its SAs and traffic can flow.',
    carries: 'HASH',
    sender: 'Installed its SAs.',
    receiver: 'Installs its SAs and enables outbound traffic; a VTI\'s line protocol comes up.',
  },
  NOTIFY: {
    title: 'Informational: NOTIFY',
    purpose: 'Tells the peer something: an error (PROPOSAL_NOT_CHOSEN, INVALID_SPI...) or a status (INITIAL_CONTACT, RESPONDER_LIFETIME).',
    carries: 'HASH, NOTIFY',
    sender: 'Rejected or adjusted something the peer proposed.',
    receiver: 'Logs it; PROPOSAL_NOT_CHOSEN means the reason is in the sender\'s own log.',
  },
  DELETE: {
    title: 'Informational: DELETE',
    purpose: 'Tells the peer that an SA (IKE or IPsec) is gone.',
    carries: 'HASH, DELETE (protocol and SPIs)',
    sender: 'Cleared the SA, or its lifetime ran out, or a phase 2 failed.',
    receiver: 'Removes the matching SA (IKE_PHASE1_DEL leads to IKE_DEST_SA).',
  },
  DPD: {
    title: 'Dead peer detection',
    purpose: 'R-U-THERE and its ACK: is the peer still alive?',
    carries: 'HASH, NOTIFY (R-U-THERE / R-U-THERE-ACK)',
    sender: 'Had no traffic from the peer for the keepalive interval (crypto isakmp keepalive).',
    receiver: 'Answers with an ACK; no answer after the retries and the SAs are torn down.',
  },
  XAUTH: {
    title: 'Transaction exchange: XAUTH',
    purpose: 'After phase 1, the server asks the remote user for a user name and password, checks them with AAA and tells the client the result (request, reply, set, ack).',
    carries: 'HASH, ATTR (XAUTH_USER_NAME, XAUTH_USER_PASSWORD, XAUTH_STATUS)',
    sender: 'The server: crypto map client authentication list (or the ISAKMP profile\'s client authentication list) names the AAA method list that checks the user.',
    receiver: 'The client prompts for the credentials (or sends saved ones) and acknowledges the status; a wrong password ends in a delete.',
  },
  MODE_CFG: {
    title: 'Transaction exchange: mode config',
    purpose: 'The client asks for its settings and the server hands them out: the inner address, its mask, DNS, split tunnel, banner.',
    carries: 'HASH, ATTR (IP4_ADDRESS, IP4_NETMASK, IP4_DNS, SPLIT_INCLUDE …)',
    sender: 'The client asks (crypto ipsec client ezvpn); the server answers from its group policy (crypto isakmp client configuration group: pool, dns, acl).',
    receiver: 'Applies the address and routes; Quick Mode follows.',
  },
  UNKNOWN: {
    title: 'ISAKMP packet',
    purpose: 'A packet that could not be placed in an exchange.',
    carries: 'not shown',
    sender: 'Unknown.',
    receiver: 'Unknown.',
  },
};

export function messageGuide(name: MessageName): MessageGuide {
  return guides[name];
}

/** The guide of one message of a log: an IKEv2 response says what it did with the child SA, as the log shows it. */
export function messageGuideIn(message: AnsweringMessage & { name: MessageName }, negotiation: { childSas?: readonly AnsweredChildSa[] | undefined }): MessageGuide {
  const guide = guides[message.name];
  const sender = ikev2ResponseSender(message.name, childSaAnswerIn(message, negotiation), message.payloads.some((p) => p.type === 'AUTH'));
  return sender === null ? guide : { ...guide, sender };
}

/** IANA Diffie-Hellman group numbers and what they mean. */
const dhGroups: Record<number, string> = {
  1: 'MODP 768-bit (weak)',
  2: 'MODP 1024-bit (weak)',
  5: 'MODP 1536-bit (weak)',
  14: 'MODP 2048-bit',
  15: 'MODP 3072-bit',
  16: 'MODP 4096-bit',
  19: 'ECP 256-bit',
  20: 'ECP 384-bit',
  21: 'ECP 521-bit',
  24: 'MODP 2048-bit, 256-bit subgroup',
};

export function dhGroupName(group: number): string {
  return dhGroups[group] ?? `group ${group}`;
}
