/**
 * What each simulated router would print with `debug crypto isakmp` and `debug crypto ipsec`, written
 * from the trace in the forms real logs show (the seed for 15.x, corpus 01 and 07 for IOS-XE). State
 * changes are printed the IOS way: a message sent by a step comes before its `Input =` / `Old State`
 * lines, a retransmission prints no state line, and giving up prints IKE_PHASE1_DEL.
 */
import type { Side } from '../ike/sides.ts';
import { parseIp } from '../config/address.ts';
import { ikeInput } from '../fsm/events.ts';
import type { PolicyCheck } from './decide.ts';
import { DebugLines } from './debug-lines.ts';
import { hex8, numberFrom, roleLetter, saState, timestamp } from './ios-print.ts';
import type { Phase2Offer } from './offers.ts';
import type { SimEvent, SimStep, SimTrace } from './trace.ts';

/** IOS-XE (`ISAKMP: (1001):`, `ISAKMP-PAK:`) by default; 15.x (`ISAKMP:(1001):`) on request. */
export type DebugStyle = 'ios-xe' | 'ios-15';

const CONN_ID = 1001;

/** The lines (1-based, inclusive) a trace step printed: stepping through the trace highlights them. */
export interface DebugSpan {
  step: number;
  first: number;
  last: number;
}

export interface DebugOutput {
  text: string;
  /** In line order; a state change and the messages it sends share one span. */
  spans: readonly DebugSpan[];
}

/** Writes one router's debug output for the whole trace. */
export function writeDebug(trace: SimTrace, side: Side, style: DebugStyle = 'ios-xe'): string {
  return writeDebugOutput(trace, side, style).text;
}

/** One router's debug output and which lines each of its trace steps printed. */
export function writeDebugOutput(trace: SimTrace, side: Side, style: DebugStyle = 'ios-xe'): DebugOutput {
  const me = side === 'initiator' ? trace.initiator : trace.responder;
  const peer = side === 'initiator' ? trace.responder : trace.initiator;
  const family: 4 | 6 = parseIp(me.address)?.family ?? 4;
  const messageId = numberFrom(`${trace.initiator.address}>${trace.responder.address}`);
  const infoId = numberFrom(`${trace.responder.address}>${trace.initiator.address}:info`);
  const spiIn = numberFrom(`${me.address}:in`, 32);
  const spiOut = numberFrom(`${peer.address}:in`, 32);
  const pointer = hex8(numberFrom(me.name, 32));
  const xe = style === 'ios-xe';

  const w = new DebugLines(style, { side, me, peer, family, spiIn, spiOut });
  const { out, isakmp, pak, error, raw, checkLines, transformLines, keyEngineBlock, createSaBlocks } = w;

  const chosenCheck = (): PolicyCheck | null => {
    for (const s of trace.steps) {
      if (s.event.kind === 'note' && s.event.note.kind === 'policy-checks') return s.event.note.choice.chosen;
    }
    return null;
  };
  const offerOf = (): Phase2Offer | null => {
    for (const s of trace.steps) {
      if (s.event.kind === 'note' && s.event.note.kind === 'sa-request') return s.event.note.offer;
      if (s.event.kind === 'note' && s.event.note.kind === 'phase2-check') return s.event.note.offer;
    }
    return null;
  };

  const sendLines = (step: SimStep, event: Extract<SimEvent, { kind: 'send' }>) => {
    const phase1 = step.states[side].phase1;
    // Under an established SA a NOTIFY travels in an informational exchange of its own node.
    const informational = event.message === 'NOTIFY' && phase1 === 'IKE_P1_COMPLETE';
    if (informational) {
      isakmp(`set new node ${infoId} to QM_IDLE`, xe ? w.connId : null);
      isakmp(`sending NOTIFY PROPOSAL_NOT_CHOSEN protocol 3`);
      raw(`        spi ${spiIn}, message ID = ${infoId}`);
    } else if (event.message === 'NOTIFY') {
      isakmp('sending NOTIFY NO_PROPOSAL_CHOSEN protocol 1');
    }
    const port = event.port;
    pak(`sending packet to ${peer.address} my_port ${port} peer_port ${port} (${roleLetter(side, event.message, false)}) ${saState(side, event.message, phase1)}`);
    isakmp(`Sending an IKE IPv${family} Packet.`);
    if (informational) isakmp(`purging node ${infoId}`);
  };

  const noteLines = (event: Extract<SimEvent, { kind: 'note' }>) => {
    const n = event.note;
    switch (n.kind) {
      case 'sa-request':
        if (n.offer) keyEngineBlock('sa_request', n.offer, 'OUTBOUND');
        isakmp('SA request profile is (NULL)');
        isakmp(`Created a peer struct for ${peer.address}, peer port 500`, xe ? 0 : null);
        isakmp(`Locking peer struct 0x${pointer}, refcount 1 for isakmp_initiator`, xe ? 0 : null);
        isakmp('local port 500, remote port 500', xe ? 0 : null);
        isakmp('set new node 0 to QM_IDLE', xe ? 0 : null);
        isakmp(`insert sa successfully sa = ${pointer}`);
        if (trace.mode === 'main') isakmp('Can not start Aggressive mode, trying Main mode.');
        return;
      case 'no-psk':
        error(`No pre-shared key with ${n.peer}!`);
        error('No Cert or pre-shared address key.');
        error(`construct_initial_message: Can not start ${trace.mode === 'aggressive' ? 'Aggressive' : 'Main'} mode`);
        isakmp(`purging SA., sa=${pointer}, delme=${pointer}`);
        error('Error while processing SA request: Failed to initialize SA');
        return;
      case 'psk-found':
        isakmp(`found peer pre-shared key matching ${n.peer}`);
        return;
      case 'policy-checks':
        isakmp('processing SA payload. message ID = 0');
        for (const check of n.choice.checks) checkLines(check);
        if (n.choice.chosen === null) {
          isakmp('no offers accepted!');
          isakmp(`phase 1 SA policy not acceptable! (local ${me.address} remote ${peer.address})`);
        }
        return;
      case 'bad-message':
        raw(`%CRYPTO-4-IKMP_BAD_MESSAGE: IKE message from ${n.peer} failed its sanity check or is malformed`);
        return;
      case 'duplicate':
        isakmp(`phase ${n.message.startsWith('QM') ? 2 : 1} packet is a duplicate of a previous packet.`);
        return;
      case 'nat-detected':
        isakmp('received payload type 20', null);
        isakmp('received payload type 20', null);
        isakmp(side === 'initiator' ? 'NAT found, the node inside NAT' : 'NAT found, the node outside NAT');
        return;
      case 'authenticated':
        isakmp('processing ID payload. message ID = 0');
        isakmp('processing HASH payload. message ID = 0');
        isakmp('SA authentication status:\tauthenticated');
        isakmp(`SA has been authenticated with ${n.peer}`);
        return;
      case 'phase2-check':
        isakmp(`processing HASH payload. message ID = ${messageId}`);
        isakmp(`processing SA payload. message ID = ${messageId}`);
        transformLines(n.offer);
        if (n.choice.refusal === 'transform' || n.choice.refusal === 'pfs') {
          isakmp('atts are not acceptable.');
        } else {
          isakmp('atts are acceptable.');
        }
        keyEngineBlock('validate_proposal_request', n.offer, 'INBOUND');
        if (n.choice.refusal === null) {
          isakmp(`processing NONCE payload. message ID = ${messageId}`);
          isakmp(`processing ID payload. message ID = ${messageId}`);
          isakmp(`processing ID payload. message ID = ${messageId}`);
          isakmp('QM Responder gets spi');
          return;
        }
        if (n.choice.refusal === 'proxy' || n.choice.refusal === 'no-policy') {
          raw('map_db_find_best did not find matching map');
          raw('IPSEC(ipsec_process_proposal): proxy identities not supported');
          isakmp('IPSec policy invalidated proposal with error 32');
        } else {
          raw('IPSEC(ipsec_process_proposal): transform proposal not supported for identity:');
          isakmp('IPSec policy invalidated proposal with error 256');
        }
        isakmp(`phase 2 SA policy not acceptable! (local ${me.address} remote ${peer.address})`);
        return;
      case 'no-phase2-policy':
        isakmp(`no phase 2 policy for peer ${n.peer}`);
        return;
      default:
        n satisfies never;
    }
  };

  const receiveLines = (step: SimStep, event: Extract<SimEvent, { kind: 'receive' }>) => {
    const state = saState(side, event.message, step.states[side].phase1);
    const letter = roleLetter(side, event.message, true);
    const text = `received packet from ${peer.address} dport ${event.port} sport ${event.port} Global (${letter}) ${state}`;
    if (xe) pak(text);
    else out.push(`${timestamp(w.at)} ISAKMP (${w.connId}): ${text}`);
    if (event.message === 'NOTIFY' && step.states[side].phase1 === 'IKE_P1_COMPLETE') {
      isakmp(`set new node ${infoId} to QM_IDLE`, xe ? w.connId : null);
      isakmp(`processing HASH payload. message ID = ${infoId}`);
      isakmp('processing NOTIFY PROPOSAL_NOT_CHOSEN protocol 3');
      isakmp(`deleting node ${infoId} error FALSE reason "Informational (in) state 1"`);
    } else if (event.message === 'NOTIFY') {
      isakmp('processing NOTIFY NO_PROPOSAL_CHOSEN protocol 1');
    }
  };

  /** Lines IOS prints before the messages an input sends. */
  const beforeSends = (event: Extract<SimEvent, { kind: 'input' }>) => {
    const type = event.input.type;
    if (type === 'IKE_MESG_INTERNAL.IKE_INIT_QM') {
      isakmp(`beginning Quick Mode exchange, M-ID of ${messageId}`);
      isakmp('QM Initiator gets spi');
    }
    if (type === 'IKE_MESG_FROM_IPSEC.IPSEC_INSTALL_DONE') {
      isakmp('Received IPSec Install callback... proceeding with the negotiation');
      isakmp(`Successfully installed IPSEC SA (SPI:0x${hex8(spiIn)}) on ${family === 6 ? 'Tunnel0' : 'GigabitEthernet1'}`);
    }
    if (type === 'IKE_MESG_FROM_PEER.IKE_QM_EXCH' && side === 'initiator') {
      const offer = offerOf();
      isakmp(`processing HASH payload. message ID = ${messageId}`);
      isakmp(`processing SA payload. message ID = ${messageId}`);
      if (offer) transformLines(offer);
      isakmp('atts are acceptable.');
      isakmp(`processing NONCE payload. message ID = ${messageId}`);
      isakmp(`processing ID payload. message ID = ${messageId}`);
      isakmp(`processing ID payload. message ID = ${messageId}`);
    }
    if (type === 'IKE_MESG_FROM_TIMER.IKE_TIMER_EXPIRED') {
      const phase = event.exchange === 'quickmode' ? 2 : 1;
      const last = lastSentState(event);
      isakmp(`retransmitting phase ${phase} ${last}${phase === 2 ? ` ${messageId}` : ''}...`);
      if (event.retransmitted) {
        isakmp(`incrementing error counter on ${phase === 1 ? 'sa' : 'node'}, attempt ${retransmits.get(event.exchange) ?? 1} of 5: retransmit phase ${phase}`);
        isakmp(`retransmitting phase ${phase} ${last}`);
      }
    }
  };

  const retransmits = new Map<string, number>();
  const lastState = new Map<string, string>();
  const lastSentState = (event: Extract<SimEvent, { kind: 'input' }>) => lastState.get(event.exchange) ?? 'MM_NO_STATE';

  const stateLines = (event: Extract<SimEvent, { kind: 'input' }>) => {
    const quick = event.exchange === 'quickmode';
    const node = quick ? `Node ${messageId}, ` : '';
    const giveUp = event.input.type === 'IKE_MESG_FROM_TIMER.IKE_TIMER_EXPIRED' && !event.retransmitted;
    if (giveUp) {
      const reason = event.deleteReason ?? 'Death by retransmission';
      if (quick) {
        isakmp(`deleting node ${messageId} error TRUE reason "${reason}"`);
        return;
      }
      isakmp('peer does not do paranoid keepalives.');
      isakmp(`deleting SA reason "${reason}" state (${side === 'initiator' ? 'I' : 'R'}) ${lastSentState(event)} (peer ${peer.address})`);
      isakmp(`Input = IKE_MESG_INTERNAL, IKE_PHASE1_DEL`);
      isakmp(`Old State = ${event.from}  New State = ${event.to}`);
      return;
    }
    if (event.input.type === 'IKE_MESG_FROM_TIMER.IKE_TIMER_EXPIRED') return;
    if (event.input.type === 'IKE_MESG_INTERNAL.IKE_PHASE1_DEL' && event.deleteReason !== null) {
      isakmp(`deleting SA reason "${event.deleteReason}" state (${side === 'initiator' ? 'I' : 'R'}) ${lastSentState(event)} (peer ${peer.address})`);
    }
    if (quick && event.input.type === 'IKE_MESG_FROM_PEER.IKE_QM_EXCH' && event.to === 'IKE_QM_PHASE2_COMPLETE') {
      isakmp(`deleting node ${messageId} error FALSE reason "${side === 'initiator' ? 'No Error' : 'QM done (await)'}"`);
    }
    if (event.input.type === 'IKE_MESG_FROM_IPSEC.IPSEC_INSTALL_DONE' && side === 'initiator') {
      isakmp(`deleting node ${messageId} error FALSE reason "No Error"`);
    }
    const { source, event: name } = ikeInput(event.input);
    isakmp(`${node}Input = ${source}, ${name}`);
    isakmp(`Old State = ${event.from}  New State = ${event.to}`);
  };

  const afterState = (event: Extract<SimEvent, { kind: 'input' }>) => {
    const type = event.input.type;
    if (type === 'IKE_MESG_FROM_IPSEC.IKE_SA_REQ_MM') isakmp('beginning Main Mode exchange');
    if (type === 'IKE_MESG_FROM_IPSEC.IKE_SA_REQ_AM') isakmp('beginning Aggressive Mode exchange');
    if (event.from === event.to) return;
    if (event.to === 'IKE_I_MM2') {
      isakmp('processing SA payload. message ID = 0');
      const chosen = chosenCheck();
      if (chosen) checkLines({ ...chosen, transform: 1 });
    }
    if (event.to === 'IKE_I_MM4' || event.to === 'IKE_R_MM3') {
      isakmp('processing KE payload. message ID = 0');
      isakmp('processing NONCE payload. message ID = 0');
    }
    // The conn-id is known once the keys are: IOS switches from (0) after this step.
    if (event.to === 'IKE_I_MM4' || event.to === 'IKE_R_MM3' || event.to === 'IKE_I_AM2' || event.to === 'IKE_R_AM1') w.connId = CONN_ID;
    if (event.to === 'IKE_QM_PHASE2_COMPLETE') createSaBlocks(offerOf());
    if (event.to === 'IKE_DEST_SA') {
      isakmp(`Unlocking peer struct 0x${pointer} for isadb_mark_sa_deleted(), count 0`, xe ? w.connId : null);
      isakmp(`Deleting peer node by peer_reap for ${peer.address}: ${pointer}`, xe ? w.connId : null);
    }
  };

  const spans: DebugSpan[] = [];
  const mine = trace.steps.filter((s) => s.side === side);
  for (let i = 0; i < mine.length; i++) {
    const step = mine[i];
    if (!step) continue;
    w.at = step.at;
    const before = out.length;
    const group = [step];
    const event = step.event;
    switch (event.kind) {
      case 'note':
        noteLines(event);
        break;
      case 'receive':
        receiveLines(step, event);
        break;
      case 'send':
        if (event.retransmission && !(mine[i - 1]?.event.kind === 'input')) {
          isakmp(`retransmitting due to retransmit phase ${event.message.startsWith('QM') ? 2 : 1}`);
        }
        sendLines(step, event);
        lastState.set(event.message.startsWith('QM') ? 'quickmode' : 'phase1', saState(side, event.message, step.states[side].phase1));
        break;
      case 'input': {
        if (event.input.type === 'IKE_MESG_FROM_TIMER.IKE_TIMER_EXPIRED') {
          retransmits.set(event.exchange, (retransmits.get(event.exchange) ?? 0) + 1);
        }
        // The messages this input sends follow it in the trace; IOS prints them before its state line,
        // except when IPsec's request starts the exchange.
        const sends: SimStep[] = [];
        for (let j = i + 1; j < mine.length && mine[j]?.event.kind === 'send' && mine[j]?.at === step.at; j++) {
          const next = mine[j];
          if (next) sends.push(next);
        }
        const startsExchange = event.input.type === 'IKE_MESG_FROM_IPSEC.IKE_SA_REQ_MM' || event.input.type === 'IKE_MESG_FROM_IPSEC.IKE_SA_REQ_AM';
        const printSends = () => {
          for (const s of sends) {
            if (s.event.kind !== 'send') continue;
            sendLines(s, s.event);
            lastState.set(event.exchange, saState(side, s.event.message, s.states[side].phase1));
          }
        };
        for (const send of sends) group.push(send);
        beforeSends(event);
        if (!startsExchange) printSends();
        stateLines(event);
        afterState(event);
        if (startsExchange) printSends();
        i += sends.length;
        break;
      }
      default:
        event satisfies never;
    }
    if (out.length > before) for (const s of group) spans.push({ step: s.index, first: before + 1, last: out.length });
  }
  return { text: out.length === 0 ? '' : `${out.join('\n')}\n`, spans };
}
