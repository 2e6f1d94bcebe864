/**
 * IKEv2 messages whose meaning is their text alone, by how they begin: what IOS, IOS-XE and the ASA print
 * while they build, check and tear down an SA (corpus 11, 24-30; IKEv2.md sections 5-12). Each is a step the
 * model does not need, or a NAT result, said in plain words. A message not here and not read by `read.ts`
 * is not understood.
 */
import type { Ikev2Line } from './line.ts';

type Phrase = readonly [begins: string, line: Ikev2Line];

const step = (words: string): Ikev2Line => ({ kind: 'step', words });
const nat = (found: boolean | null, words: string): Ikev2Line => ({ kind: 'nat', found, words });

const PHRASES: readonly Phrase[] = [
  // IKE_SA_INIT
  ['Generating IKE_SA_INIT message', step('Building the IKE_SA_INIT message.')],
  ['Processing IKE_SA_INIT message', step('Reading the IKE_SA_INIT message (printed more than once per message).')],
  ['Verify SA init message', step('Checking the IKE_SA_INIT message.')],
  ['Insert SA', step('The new IKE SA is entered in the SA table, waiting for the answer.')],
  ['Completed SA init exchange', step('IKE_SA_INIT done: proposal agreed and keys computed.')],
  ['Generate skeyid', step('Computing the shared keys (SKEYSEED).')],
  ['Setting configured policies', step('Taking the configured IKEv2 policies.')],
  ['IKEv2 initiator - no config data to send in IKE_SA_INIT exch', step('Nothing to ask for in IKE_SA_INIT; harmless.')],
  ['Request queued for computation of DH key', step('The crypto engine computes the Diffie-Hellman public value.')],
  ['Request queued for computation of DH secret', step('The crypto engine computes the Diffie-Hellman shared secret.')],
  ['[IKEv2 -> Crypto Engine] Computing DH public key', step('Computing the Diffie-Hellman public value for the KE payload.')],
  ['[IKEv2 -> Crypto Engine] Computing DH secret key', step("Computing the Diffie-Hellman shared secret from the peer's KE payload.")],
  ['[Crypto Engine -> IKEv2] DH key Computation PASSED', step('Diffie-Hellman computation done.')],
  ['[IKEv2 -> Crypto Engine] Calculate SKEYSEED and create rekeyed IKEv2 SA', step('Computing the IKE SA keys (IOS says "rekeyed" on a first negotiation too: not a rekey).')],
  ['[Crypto Engine -> IKEv2] SKEYSEED calculation and creation of rekeyed IKEv2 SA PASSED', step('IKE SA keys computed (not a rekey).')],
  ['[IKEv2 -> Crypto Engine] Generate IKEv2 authentication data', step('Computing authentication data.')],
  ['[Crypto Engine -> IKEv2] IKEv2 authentication data generation PASSED', step('Authentication data computed.')],
  ['Asynchronous request queued', step('Waiting for the crypto engine.')],
  ['Encrypt success status returned via ipc', step('Message encrypted.')],
  ['Decrypt success status returned via ipc', step('Message decrypted.')],
  ['decrypt queued', step('Message queued for decryption.')],
  ['Decrypted packet:', step('The decrypted message follows.')],
  ['Action: Action_Null', step('State machine: no action for this event.')],
  // NAT
  ['Checking NAT discovery', nat(null, 'Checking the NAT discovery notifies.')],
  ['Process NAT discovery notify', nat(null, 'Reading the NAT discovery notifies.')],
  ['Processing nat detect src notify', nat(null, "Checking the hash of the peer's address.")],
  ['Processing nat detect dst notify', nat(null, 'Checking the hash of our address.')],
  ['Remote address matched', nat(false, "The peer's address is as sent: no NAT on its side.")],
  ['Local address matched', nat(false, 'Our address is as sent: no NAT on our side.')],
  ['Local address not matched', nat(true, 'Our address was changed on the way: we are behind NAT.')],
  ['Remote address not matched', nat(true, "The peer's address was changed on the way: the peer is behind NAT.")],
  ['NAT not found', nat(false, 'No NAT between the peers.')],
  ['No NAT found', nat(false, 'No NAT between the peers.')],
  ['NAT INSIDE found', nat(true, 'NAT found: this router is behind it.')],
  ['NAT OUTSIDE found', nat(true, 'NAT found: the peer is behind it.')],
  ['Host is located NAT inside', nat(true, 'This router is behind NAT.')],
  ['Host is located NAT outside', nat(true, 'The peer is behind NAT.')],
  ['NAT detected float to init port', nat(true, 'NAT found: IKE moves to UDP 4500.')],
  ['Set NAT keepalive timer', nat(true, 'NAT keepalives keep the NAT mapping open.')],
  // IKE_AUTH, authentication
  ['Generating IKE_AUTH message', step('Building the IKE_AUTH message.')],
  ['Processing IKE_AUTH message', step('Reading the IKE_AUTH message.')],
  ['Check for EAP exchange', step('Checking for EAP (printed on every PSK run too).')],
  ['Generate my authentication data', step('Computing our AUTH payload.')],
  ['Get my authentication method', step('Looking up our authentication method.')],
  ["Get peer's authentication method", step("Looking up the peer's authentication method.")],
  ["Verify peer's authentication data", step("Checking the peer's AUTH payload.")],
  ["Verify peer's policy", step("Checking the peer's proposal against the policy found.")],
  ["Peer's policy verified", step("The peer's proposal fits the policy.")],
  ['Have config mode data to send', step('Mode-config attributes go into IKE_AUTH.')],
  ['Config data to send:', step('Mode-config attributes to send follow.')],
  ['Config-type: Config-request', step('A mode-config request.')],
  ['Attrib type:', step('A mode-config attribute sent.')],
  ['Build config mode reply: no request stored', step('No mode-config request to answer.')],
  ['Process auth response notify', step('Reading the notifies of the IKE_AUTH response.')],
  ['Processing INITIAL_CONTACT', step('INITIAL_CONTACT: the peer has no other SA with us; old ones go.')],
  ['Failed to retrieve trusted issuers hashes or none available', step('No CA certificates to ask the peer for; harmless with a pre-shared key.')],
  ['Opening a PKI session', step('Certificate machinery opened (no certificate is needed for PSK).')],
  ['Closing the PKI session', step('Certificate machinery closed.')],
  ['Completed authentication for connection', step('Authentication done for this connection.')],
  ['not a VPN-SIP session', step('Not a VPN-SIP session; harmless.')],
  ['Redirect check is not needed, skipping it', step('No redirect check.')],
  ['Received valid parameteres in process id', step('The identity payload is valid.')],
  ['Starting timer', step('A timer is started (waiting for the next message or to clean up).')],
  ['Stopping timer to wait for auth message', step('IKE_AUTH arrived in time.')],
  ['Site to Site connection detected', step('A LAN-to-LAN connection.')],
  ['Initializing DPD, configured for', step('Dead peer detection starts on the new SA.')],
  ['DPD Max Time will be:', step('Dead peer detection timing.')],
  ['IETF Fragmentation is enabled', step('IKEv2 fragmentation (RFC 7383) is on for this SA.')],
  ['Cisco Fragmentation is enabled', step("Cisco's IKE fragmentation is on for this SA.")],
  ['Fragmentation is enabled', step('IKE fragmentation is on for this SA.')],
  ['Cisco DeleteReason Notify is enabled', step('Delete reasons will be sent to the Cisco peer.')],
  ['Cisco Copyright VID received from peer', step('The peer is a Cisco device.')],
  ['Process custom VID payloads', step("Reading the peer's vendor IDs.")],
  ['Construct Vendor Specific Payload:', step('Adding a vendor ID payload.')],
  ['Parse Vendor Specific Payload:', step('Reading a vendor ID payload.')],
  ['Detected unsupported failover version', step('Failover version note; harmless despite its level.')],
  ['Load IPSEC key material', step('The child SA keys go to IPsec.')],
  ['Checking for duplicate IKEv2 SA', step('Looking for another IKE SA with the same peer.')],
  ['No duplicate IKEv2 SA found', step('No other IKE SA with this peer.')],
  ['IKEv2 MIB tunnel started', step('The tunnel is counted in the MIB.')],
  ['Checking if request will fit in peer window', step("The request fits the peer's message window.")],
  ['Accounting not required', step('No accounting for this session.')],
  // identity and certificate checks
  ['Getting configured policies', step('Looking up the configured policies for this peer.')],
  ['Peer ID check started, received ID type:', step("Checking the peer's identity against its certificate.")],
  ['Peer ID check: failed to retreive', step("The peer's certificate has no such name in its subject alternative name.")],
  ['retrieving SAN for peer ID check', step("Reading the subject alternative name of the peer's certificate.")],
  ['NO IKEv2 ID', step('No IKEv2 identity is known for this SA.')],
  ['Successfully removed child SAs', step('The child SAs are removed.')],
  // ASA platform glue
  ['INVALID PSH HANDLE', step('Internal handle note; harmless despite its level.')],
  // `IKEv2-ERROR:Address type 2147516380 not supported` (corpus 48): no SA, no peer, nothing after it in that log
  ['Address type ', step('IKEv2 met an address of a type it does not support (the type number as printed); the line names no SA and no peer.')],
  ['PSH cleanup', step('Internal cleanup.')],
  ['New ikev2 sa request admitted', step('A new IKE SA may be negotiated (call admission).')],
  ['New ikev2 sa request activated', step('The new IKE SA negotiation is active.')],
  ['Incrementing outgoing negotiating sa count by one', step('Counting one more outgoing negotiation.')],
  ['Incrementing incoming negotiating sa count by one', step('Counting one more incoming negotiation.')],
  ['Decrement count for', step('Counting one negotiation or SA less.')],
  ['P1 ID =', step('Identity type setting.')],
  ['Translating IKE_ID_AUTO to =', step('Identity type chosen automatically.')],
  ['IKEv2 received all requested SPIs from CTM to initiate tunnel.', step('IPsec gave the child SA its SPI: the tunnel can be started.')],
  ['tg_name set to:', step('Tunnel group of this connection.')],
  ['tunn grp type set to:', step('Tunnel group type.')],
  ['tunnel protocol set to:', step('Tunnel protocol setting.')],
  ['mib_index set to:', step('MIB index of the tunnel.')],
  ['group policy set to', step('Group policy of this connection.')],
  ['group lock set to:', step('Group lock setting.')],
  ['connection attribues set valid to TRUE', step('Connection attributes are set.')],
  ['class attr set', step('Class attribute set.')],
  ['Successfully retrieved conn attrs', step('Connection attributes retrieved.')],
  ['AAA conn attribute retrieval successfully queued', step('Connection attributes requested.')],
  ['Session registration after conn attr retrieval PASSED', step('The session is registered.')],
  ['session timeout set to:', step('Session timeout setting.')],
  ['idle timeout set to:', step('Idle timeout setting.')],
  ['IPv4 filter ID not configured for connection', step('No VPN filter.')],
  ['IPv6 filter ID not configured for connection', step('No VPN filter.')],
  ['connection initiated with tunnel group', step('The connection uses this tunnel group.')],
  ['connection auth hdl set to', step('Internal authentication handle.')],
  ['Base MTU get:', step('MTU bookkeeping.')],
  ['CONNECTION STATUS: UP', step('The session is up in the session manager.')],
  ['CONNECTION STATUS: REGISTERED', step('The session is registered in the session manager.')],
  ['CONNECTION STATUS: DOWN', step('The session is down in the session manager.')],
  ['IKEv2 session deregistered from session manager.', step('The session is removed from the session manager.')],
  ['session manager killed ikev2 tunnel.', step('The session manager ends the tunnel (printed after an ordinary delete too).')],
  ['Failed to remove peer correlation entry', step('MIB bookkeeping; harmless despite its level.')],
  ['Active ike sa request deleted', step('The IKE SA negotiation entry is removed.')],
  ['Negotiating SA request deleted', step('The negotiation entry is removed.')],
  ['Process delete IPSec API', step('IPsec removes the child SA.')],
  ['ipsec delete', step('IPsec removes the child SA.')],
  // delete and teardown
  ['Queuing IKE SA delete request', step('The IKE SA is to be deleted.')],
  ['Check for existing active SA', step('Looking for active SAs to delete.')],
  ['Check for existing IPSEC SA', step('Looking for child SAs to delete.')],
  ['Delete all IKE SAs', step('Deleting the IKE SAs.')],
  ['Processing ACK to informational exchange', step('The peer acknowledged the INFORMATIONAL request.')],
  ['Process delete request from peer', step('The peer asks to delete an SA.')],
  ['Deleting SA', { kind: 'gone' }],
  ['Deleting negotiation context for', step('The exchange is finished: its context is freed.')],
];

/** Phrases by their first word: a line is compared with the few that begin as it does. */
const BY_FIRST_WORD = new Map<string, Phrase[]>();
for (const phrase of PHRASES) {
  const word = firstWord(phrase[0]);
  const list = BY_FIRST_WORD.get(word);
  if (list === undefined) BY_FIRST_WORD.set(word, [phrase]);
  else list.push(phrase);
}

function firstWord(text: string): string {
  const space = text.indexOf(' ');
  return space < 0 ? text : text.slice(0, space);
}

/** The phrase `text` begins with, longest first among those of its first word, or null. */
export function phraseLine(text: string): Ikev2Line | null {
  const list = BY_FIRST_WORD.get(firstWord(text));
  if (list === undefined) return null;
  let best: Phrase | null = null;
  for (const phrase of list) {
    if (text.startsWith(phrase[0]) && (best === null || phrase[0].length > best[0].length)) best = phrase;
  }
  return best === null ? null : best[1];
}
