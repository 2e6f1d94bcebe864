/**
 * What each simulated IKEv2 router would print with `debug crypto ikev2`, `… internal` and `… packet`, written from
 * the trace in the forms real IOS and IOS-XE captures show: packet blocks, lookups, authentication and teardown
 * lines of corpus 11, 24 and 25, SM Trace lines as corpus 41 prints them, each message with its simulated time. A
 * line no IOS capture shows is taken from the ASA's same library (corpus 26, 31, 35), where its reader knows it;
 * none is made up. The style (`debug-style.ts`) picks the release: IOS-XE 17's facility prefixes, year and zone,
 * and the packet decode (`packet-decode.ts`) after each block; or IOS 15.x / IOS-XE 16.x's `IKEv2:(SESSION ID = n,SA ID = n):`.
 */
import type { Ikev2MessageName } from '../../ike/messages.ts';
import type { Side } from '../../ike/sides.ts';
import type { DebugOutput, DebugSpan } from '../debug-writer.ts';
import { ikev2Head, ikev2Timestamp, type Ikev2DebugStyle, type Ikev2LineClass } from './debug-style.ts';
import { packetDecode } from './packet-decode.ts';
import { espTransforms, identityType, policyWords, proposalTransforms } from './print-words.ts';
import type { Ikev2Note, Ikev2SimEvent, Ikev2SimTrace } from './trace.ts';

const ZERO_SPI = '0000000000000000';

/** The debug commands a lab run types before its output (they also name the router for the analysis). */
export const IKEV2_DEBUG_COMMANDS = ['debug crypto ikev2', 'debug crypto ikev2 internal', 'debug crypto ikev2 packet'] as const;

/** Writes one router's IKEv2 debug output for the whole trace. */
export function writeIkev2Debug(trace: Ikev2SimTrace, side: Side, style: Ikev2DebugStyle): string {
  return writeIkev2DebugOutput(trace, side, style).text;
}

/** One router's IKEv2 debug output and the lines (1-based, inclusive) each of its trace steps printed. */
export function writeIkev2DebugOutput(trace: Ikev2SimTrace, side: Side, style: Ikev2DebugStyle): DebugOutput {
  const me = side === 'initiator' ? trace.initiator : trace.responder;
  const peer = side === 'initiator' ? trace.responder : trace.initiator;
  const { initiator: ispi, responder: rspi } = trace.spis;
  const peerSide: Side = side === 'initiator' ? 'responder' : 'initiator';
  const out: string[] = [];
  // each message carries its time as `service timestamps debug datetime msec` prints it (corpus 25); a block's
  // continuation lines carry none
  let at = 0;
  const line = (kind: Ikev2LineClass, sa: boolean, text: string) => out.push(`${ikev2Timestamp(style, at)} ${ikev2Head(style, kind, sa)}${text}`);
  const say = (text: string) => line('main', true, text);
  const internal = (text: string) => line('internal', true, text);
  // the global lookups, printed before the SA's IDs are known
  const bare = (text: string) => line('internal', false, text);
  const error = (text: string) => line('error', true, text);
  // the initiator learns the responder's SPI from the IKE_SA_INIT response; the responder has it from the start
  let rspiKnown = side === 'responder';
  let insertedSa = false;

  const proposal = (kind: 'IKE' | 'ESP', n: number, transforms: readonly string[]) => {
    say(kind === 'IKE' ? `IKE Proposal: ${n}, SPI size: 0 (initial negotiation), ` : `ESP Proposal: ${n}, SPI size: 4 (IPSec negotiation), `);
    out.push(`Num. transforms: ${transforms.length}`, `   ${transforms.join('   ')} `);
  };

  /** `payloads` as the block lists them (ENCR for an encrypted one sent), `clear` what the message carries. */
  const block = (dir: 'out' | 'in', message: Ikev2MessageName, messageId: number, port: number, payloads: readonly string[], clear: readonly string[]) => {
    const response = message.endsWith('.response');
    const exchange = response ? message.slice(0, -9) : message;
    const ends = dir === 'out' ? `To ${peer.address}:${port}/From ${me.address}:${port}` : `From ${peer.address}:${port}/To ${me.address}:${port}`;
    out.push('');
    say(`${dir === 'out' ? 'Sending' : 'Received'} Packet [${ends}/VRF i0:f0] `);
    // the IKE_SA_INIT request carries no responder SPI yet, on either side (corpus 31)
    out.push(`Initiator SPI : ${ispi} - Responder SPI : ${rspiKnown && message !== 'IKE_SA_INIT' ? rspi : ZERO_SPI} Message id: ${messageId}`);
    out.push(`IKEv2 ${exchange} Exchange ${response ? 'RESPONSE' : 'REQUEST'} `, 'Payload contents: ', ` ${payloads.join(' ')} `);
    if (style === 'iosxe-17') {
      // `debug crypto ikev2 packet`: the header and payload decode (IOS-XE 17's `IKEv2-PAK:`)
      const decode = packetDecode({ message, messageId, sender: dir === 'out' ? side : peerSide, payloads: clear });
      line('packet', true, decode.header);
      for (const l of decode.more) out.push(l);
    }
    out.push('');
  };

  const sent = (e: Extract<Ikev2SimEvent, { kind: 'send' }>) => {
    const encrypted = !e.message.startsWith('IKE_SA_INIT');
    if (e.retransmission) say('Retransmitting packet');
    else if (encrypted) {
      say('Building packet for encryption.  ');
      out.push('Payload contents: ', ` ${e.payloads.join(' ')} `);
    }
    block('out', e.message, e.messageId, e.port, encrypted ? ['ENCR'] : e.payloads, e.payloads);
    if (e.message === 'IKE_SA_INIT' && !insertedSa) {
      insertedSa = true;
      say('Insert SA ');
    }
  };

  const note = (n: Ikev2Note) => {
    switch (n.kind) {
      case 'policy':
        bare(`Searching Policy with fvrf 0, local address ${n.local}`);
        if (n.offer.viaDefault) bare('Using the Default Policy for Proposal');
        if (n.offer.policy !== null) bare(`Found Policy '${n.offer.policy}'`);
        return;
      case 'proposals-built':
        say('Generating IKE_SA_INIT message');
        n.proposals.forEach((p, i) => proposal('IKE', i + 1, proposalTransforms(p)));
        return;
      case 'proposal-check':
        say('Processing IKE_SA_INIT message');
        say('Verify SA init message');
        if (n.chosen !== null) return;
        say('Failed to find a matching policy');
        say('Received Policies: ');
        n.offered.forEach((p, i) => out.push(`Proposal ${i + 1}:  ${policyWords(p)}`));
        out.push('');
        say('Expected Policies: ');
        n.accepted.forEach((p, i) => out.push(`Proposal ${i + 1}:  ${policyWords(p)}`));
        out.push('');
        say('Sending no proposal chosen notify');
        return;
      case 'init-refused':
        error(': Received no proposal chosen notify');
        error('Initial exchange failed: Initial exchange failed');
        return;
      case 'nat':
        say('Checking NAT discovery');
        if (!n.found) return say('NAT not found');
        internal(`Host is located NAT ${n.inside ? 'inside' : 'outside'}`);
        return say('NAT detected float to init port 4500, resp port 4500');
      case 'init-done':
        return say('Completed SA init exchange');
      case 'auth-built':
        if (side === 'initiator' && n.keyring !== null) bare(`% Getting preshared key from profile keyring ${n.keyring}`);
        if (side === 'initiator' && n.keys.peer !== null) bare(`% Matched peer block '${n.keys.peer.name}'`);
        say('Check for EAP exchange');
        say('Generate my authentication data');
        if (n.keys.local !== null) say(`Use preshared key for id ${n.identity.value}, key len ${n.keys.local.key.length}`);
        say('Get my authentication method');
        say("My authentication method is 'PSK'");
        if (side === 'responder') return say(`Constructing IDr payload: '${n.identity.value}' of type '${identityType(n.identity)}'`);
        say('Generating IKE_AUTH message');
        say(`Constructing IDi payload: '${n.identity.value}' of type '${identityType(n.identity)}'`);
        if (n.child !== null) proposal('ESP', 1, espTransforms(n.child.transformSets[0]?.transforms ?? []));
        return;
      case 'profile':
        say(`Searching policy based on peer's identity '${n.identity.value}' of type '${identityType(n.identity)}'`);
        if (side === 'initiator' && n.profile !== null) {
          say("Verify peer's policy");
          return say("Peer's policy verified");
        }
        if (n.profile !== null) return bare(`found matching IKEv2 profile '${n.profile}'`);
        bare('% IKEv2 profile not found');
        return say(': Failed to locate an item in the database');
      case 'peer-keys':
        say("Get peer's authentication method");
        say("Peer's authentication method is 'PSK'");
        if (n.keyring !== null) bare(`% Getting preshared key from profile keyring ${n.keyring}`);
        if (n.keys.peer !== null) bare(`% Matched peer block '${n.keys.peer.name}'`);
        say(`Get peer's preshared key for ${n.peer}`);
        say("Verify peer's authentication data");
        if (n.keys.remote !== null) say(`Use preshared key for id ${n.peer}, key len ${n.keys.remote.key.length}`);
        return;
      case 'auth-verified':
        if (n.passed) return say("Verification of peer's authenctication data PASSED");
        say("Verification of peer's authentication data FAILED");
        return error(': Auth exchange failed');
      case 'auth-refused-by-peer':
        say('Process auth response notify');
        return error(': Auth exchange failed');
      case 'child':
        return;
      case 'child-refused-by-peer':
        say('Process auth response notify');
        return error('');
      case 'up':
        say(`IKEV2 SA created; inserting SA into database. SA lifetime timer (${n.lifetimeSeconds} sec) started`);
        say(`Session with IKE ID PAIR (${n.ids[0]}, ${n.ids[1]}) is UP`);
        line('main', false, 'IKEv2 MIB tunnel started, tunnel index 1');
        say('Checking for duplicate IKEv2 SA');
        return say('No duplicate IKEv2 SA found');
      case 'delete-sent':
        say('Queuing IKE SA delete request reason: unknown');
        return say(`Sending DELETE INFO message for IKEv2 SA [ISPI: 0x${ispi} RSPI: 0x${rspi}]`);
      case 'delete-received':
        return say(`Processing DELETE INFO message for IKEv2 SA [ISPI: 0x${ispi} RSPI: 0x${rspi}]`);
      case 'delete-acknowledged':
        return say('Processing ACK to informational exchange');
      case 'sa-deleted':
        return say('Deleting SA');
      case 'gave-up':
        say('Maximum number of retransmissions reached');
        return error(n.exchange === 'IKE_SA_INIT' ? 'Initial exchange failed: Initial exchange failed' : ': Auth exchange failed');
      // no capture shows what IOS prints for a crypto map or IPsec profile without its IKEv2 profile
      case 'no-profile':
      case 'duplicate':
        return;
      default:
        return n satisfies never;
    }
  };

  const spans: DebugSpan[] = [];
  for (const step of trace.steps) {
    if (step.side !== side) continue;
    const before = out.length;
    at = step.at;
    const e = step.event;
    switch (e.kind) {
      case 'sm':
        internal(`SM Trace-> SA: I_SPI=${ispi} R_SPI=${rspiKnown ? rspi : ZERO_SPI} (${side === 'initiator' ? 'I' : 'R'}) MsgID = ${e.messageId} CurState: ${e.state} Event: ${e.event}`);
        break;
      case 'transition':
        break;
      case 'send':
        sent(e);
        break;
      case 'receive':
        if (e.message === 'IKE_SA_INIT.response') rspiKnown = true;
        block('in', e.message, e.messageId, e.port, e.payloads, e.payloads);
        break;
      case 'note':
        note(e.note);
        break;
      default:
        e satisfies never;
    }
    if (out.length > before) spans.push({ step: step.index, first: before + 1, last: out.length });
  }
  return { text: out.length === 0 ? '' : `${out.join('\n')}\n`, spans };
}
