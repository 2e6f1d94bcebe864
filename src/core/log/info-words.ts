/** info-words: the words of the lines that are information only, by the text they start with or hold. */
import { IKEV2_SHOW_INFO_WORDS } from './show-ikev2-describe.ts';
import { SESSION_DETAIL_WORDS } from './show-session-words.ts';

const INFO_WORDS: readonly [string, string][] = [
  // before 'dst ': a `Crypto mapdb : proxy_match` record holds its `src addr` / `dst addr` field lines
  ['Crypto map database: matching proxies', 'IPsec looks for the crypto map entry whose ACL matches these addresses, protocol and ports.'],
  ['SA is doing', 'Authentication method and identity type for MM5/MM6.'],
  ['pre-shared key authentication using id type', 'Authenticating with the pre-shared key, identity sent as an address.'],
  ['Scanning profiles', 'Looking for an ISAKMP profile (XAUTH, identity) for this peer.'],
  ['peer matches', 'No ISAKMP profile matches this peer: the global settings apply.'],
  ['Send initial contact', 'Adding INITIAL_CONTACT: the peer should drop old SAs with us.'],
  ['SKEYID state generated', 'Shared keys (SKEYID) computed from the Diffie-Hellman exchange.'],
  ['Support for IKE Fragmentation', 'The peer offers IKE fragmentation; not enabled here.'],
  ['peer does not do paranoid keepalives', 'The peer does not use paranoid keepalives (DPD); often a red herring.'],
  ['New peer created', 'Peer structure allocated.'],
  ['local port', 'IKE runs on these UDP ports.'],
  ['Total payload length', 'Size of the identity payload built for the peer.'],
  ['QM Responder gets spi', 'Responder asks IPsec for an inbound SPI for the new SA.'],
  ['QM Initiator gets spi', 'Initiator asks IPsec for an inbound SPI for the new SA.'],
  ['Received IPSec Install callback', 'IPsec installed the SAs; the exchange goes on.'],
  ['Creating IPSec SAs', 'Phase 2 agreed: the IPsec SAs are being created.'],
  ['received ke message', 'IPsec asked ISAKMP to negotiate (key engine request).'],
  ['Looking for a matching key', 'Looking up the pre-shared key for this peer.'],
  ['attributes in transform', 'The attributes of the phase 2 transform follow.'],
  ['Fill atts in sa', 'Storing the agreed attributes in the ISAKMP SA.'],
  ['Process initial contact', 'The peer sent INITIAL_CONTACT: old SAs with it are removed.'],
  ['got a queue event', 'The IPsec key engine received a message from ISAKMP.'],
  ['request timer fired', 'IPsec is still waiting for ISAKMP to finish: it asks again.'],
  ['Map Accepted', 'The crypto map entry accepts this proposal.'],
  ['inbound SA from', 'The inbound IPsec SA (traffic from the peer).'],
  ['outbound SA from', 'The outbound IPsec SA (traffic to the peer).'],
  ['lifetime of', 'Lifetime of the IPsec SA.'],
  ['has client flags', 'Internal flags of the IPsec SA.'],
  ['Enqueued KEY_MGR_DELETE_SAS', 'The key manager is asked to delete this IPsec SA.'],
  ['IPSEC FLOW:', 'The flow (crypto ACL entry) these SAs protect.'],
  ['Peer: ', 'The peer of this session, and its port.'],
  ['key_engine_enable_outbound', 'ISAKMP told IPsec to start using the outbound SA: traffic can flow.'],
  ['key_engine_delete_sas', 'ISAKMP told IPsec to delete SAs.'],
  ['crypto_ipsec_create_ipsec_sas', 'The crypto map (or tunnel profile) for the new SAs was found.'],
  ['crypto_ipsec_sa_find_ident_head', 'Reusing the SA database entry for the same proxies and peer.'],
  ['get_old_outbound_sa_for_peer', 'Looking for an older outbound SA to this peer.'],
  ['sa ident sadb root', 'IPsec created the ACL that describes the protected traffic.'],
  ['kei_proxy', 'IPsec matched the proposal to a crypto map.'],
  ['add mtree', 'IPsec added the protected flow to its lookup tree.'],
  ['validate_proposal_request', 'IPsec is asked to check the phase 2 proposal.'],
  ['ISAKMP SA row with placeholder addresses', 'A row of show crypto isakmp sa whose addresses the page replaced by placeholders: no peer can be told from it.'],
  ['Crypto map tag:', 'show crypto ipsec sa: the crypto map (or tunnel) of these SAs and the local address.'],
  ['current_peer', 'show crypto ipsec sa: the peer of these SAs.'],
  ['path mtu', 'show crypto ipsec sa: the path MTU of these SAs.'],
  ['Phase1 id:', 'show crypto isakmp peers: the identity the peer gave in phase 1.'],
  ['IPv4 Crypto ISAKMP SA', 'show crypto isakmp sa: the IPv4 ISAKMP (phase 1) SAs.'],
  ['IPv6 Crypto ISAKMP SA', 'show crypto isakmp sa: the IPv6 ISAKMP (phase 1) SAs.'],
  ['dst ', 'Column headings of the ISAKMP SA table.'],
  ['interface:', 'show crypto ipsec sa: the interface the SAs protect.'],
  ['protected vrf', 'VRF of the protected traffic.'],
  ['local  ident', 'Local proxy identity (the traffic this side protects).'],
  ['local ident', 'Local proxy identity (the traffic this side protects).'],
  ['remote ident', "Remote proxy identity (the peer's protected traffic)."],
  ['PERMIT', 'The crypto ACL entry that matched.'],
  ['#pkts', 'Packet counters of this SA pair.'],
  ['#send errors', 'Send and receive error counters.'],
  ['local crypto endpt', 'The tunnel endpoints (this side, the peer).'],
  ['remote crypto endpt', "The peer's tunnel endpoint."],
  ['PFS (Y/N)', 'Whether Perfect Forward Secrecy is used, and its DH group.'],
  ['transform:', 'The transform set in use by this SA.'],
  ['in use settings', 'Mode of the SA (tunnel or transport).'],
  ['conn id:', 'Crypto engine connection of this SA.'],
  ['sa timing:', 'Remaining lifetime of this SA (kilobytes/seconds).'],
  ['IV size:', 'Initialisation vector size.'],
  ['replay detection', 'Anti-replay protection.'],
  ['inbound esp sas', 'Inbound ESP SAs follow.'],
  ['outbound esp sas', 'Outbound ESP SAs follow.'],
  ['inbound ah sas', 'Inbound AH SAs (none listed means none).'],
  ['outbound ah sas', 'Outbound AH SAs.'],
  ['inbound pcp sas', 'Inbound compression SAs.'],
  ['outbound pcp sas', 'Outbound compression SAs.'],
  ['plaintext mtu', 'MTUs of the protected path.'],
  // the ASA's show crypto ipsec sa
  ['dynamic allocated peer ip', 'The address this router assigned to the remote-access peer.'],
  ['access-list ', 'The crypto ACL entry whose traffic these SAs protect.'],
  ['#pre-frag', 'Fragmentation counters: packets fragmented before encryption, and fragments made.'],
  ['#PMTUs', 'Path MTU messages sent and received, and decrypted fragments that needed reassembly.'],
  ['#TFC', 'Traffic flow confidentiality (dummy) packets.'],
  ['#Valid ICMP Errors', 'ICMP errors received for this SA pair.'],
  ['PMTU time remaining', 'Path MTU aging, and what is done with the DF bit of encrypted packets.'],
  ['ICMP error validation', 'Whether ICMP errors are checked against the SA, and whether TFC packets are sent.'],
  ['current inbound spi', 'Inbound SPI in use.'],
  ['slot: ', 'Crypto engine connection of this SA, and its crypto map.'],
  ['Anti replay bitmap', 'The anti-replay window (the sequence numbers received) as a bitmap.'],
];

/** `10.255.1.238 255.255.255.255`: one entry of a list of subnets (`Remote subnets:`). */
const SUBNET = /^\d{1,3}(?:\.\d{1,3}){3} +\d{1,3}(?:\.\d{1,3}){3}$/;

/** The words of a line that is information only (an `info` event without words of its own). */
export function infoWords(text: string): string {
  // `show crypto session`: its state in words, whatever it is
  if (text.startsWith('Session status: ')) return sessionStatusWords(text.slice(16).trim());
  if (text.startsWith('IKEv1 SA:')) return sessionIkeWords(text);
  for (const [prefix, words] of INFO_WORDS) if (text.startsWith(prefix) || text.indexOf(prefix) >= 0) return words;
  for (const [prefix, words] of IKEV2_SHOW_INFO_WORDS) if (text.startsWith(prefix)) return words;
  for (const [prefix, words] of SESSION_DETAIL_WORDS) if (text.startsWith(prefix)) return words;
  if (SUBNET.test(text)) return 'A subnet (address and mask) of the list above.';
  // `debug crypto pki` and `debug crypto engine` lines: the step they name, in their own words
  const pki = /^CRYPTO_PKI ?: ?(?:\([\dA-F]{1,8}\) ?)?(.*)$/.exec(text);
  if (pki !== null) return `Certificate handling (debug crypto pki): ${pki[1]?.trim()}`;
  const engine = /^(?:CRYPTO_ENGINE|CryptoEngine\d*|crypto_engine): ?(.*)$/.exec(text);
  if (engine !== null) return `The crypto engine (debug crypto engine): ${engine[1]?.trim()}`;
  return 'Recognised; no effect on the negotiation.';
}

/** show crypto session's states, as its command reference defines them. */
const SESSION_STATUS = new Map<string, string>([
  ['UP-ACTIVE', 'its IKE and IPsec SAs are up'],
  ['UP-IDLE', 'its IKE SA is up, no IPsec SA'],
  ['UP-NO-IKE', 'its IPsec SAs are up, its IKE SA is not'],
  ['DOWN-NEGOTIATING', 'it is down, still negotiating'],
  ['DOWN', 'no SA is up'],
]);

/** An `IKEv1 SA:` line whose ends are not addresses (a page's `<placeholders>`): its state, as its last word says it. */
function sessionIkeWords(text: string): string {
  const status = text.slice(text.lastIndexOf(' ') + 1);
  if (status === 'Active') return "The session's IKEv1 SA and its state (Active: up).";
  return status === 'Inactive' ? "The session's IKEv1 SA and its state (Inactive: not up)." : "The session's IKEv1 SA and its state.";
}

function sessionStatusWords(status: string): string {
  const words = SESSION_STATUS.get(status);
  return words === undefined ? `The session's state: ${status}.` : `The session's state (${status}: ${words}).`;
}
