/**
 * One event applied to the draft it was routed to: what each kind of line tells of the negotiation, and the
 * message it belongs to.
 */
import type { IkeEvent } from '../log/events.ts';
import type { Draft, RouterContext } from './draft.ts';
import { isNotable, isQuickModeRefusal } from './evidence.ts';
import { addPayloadTo, attach, buildLine, isBuildingInfo, payload, setSide, vendorNamed } from './message-lines.ts';
import { becomeAggressive, exchangePayload, duplicate, informational, isRefusal, packet } from './phase1-messages.ts';
import { applyProposalAttribute, emptyProposal } from './proposal.ts';
import { ipsecOutbound, ipsecRequest, ipsecSa, openQuickMode, phase2ById, quickAttribute, quickModeSeenAlone, resolveNode } from './quick-mode.ts';
import { transition } from './transitions.ts';
import { isStrayLine } from './stray-events.ts';
import { readOfferSigns } from './offer-signs.ts';

/** What applying an event needs from the builder around it. */
export interface Surroundings {
  /** `SOURCE, EVENT` as one shared string. */
  inputText(source: string, event: string): string;
  /** The router printed its own address `local` in a line naming `peer`. */
  learnLocal(ctx: RouterContext, local: string, peer: string): void;
}

export function applyEvent(d: Draft, e: IkeEvent, around: Surroundings): void {
  d.last = e.at;
  if (e.time !== null) d.lastTime = e.time;
  if (d.strays !== null) {
    if (isStrayLine(e)) d.strays.push(e);
    else d.strays = null;
  }
  if (isNotable(e, d.notable.length > 0, d.notableRefusal)) {
    d.notable.push(e);
    if (!d.notableRefusal && isQuickModeRefusal(e)) d.notableRefusal = true;
  }
  // an offer read: the router reading it is the responder (a weaker word than any state or (I)/(R))
  if (readOfferSigns(d.router.offerSigns, e) && !d.p1Complete) setSide(d, 'responder', 1);
  const wasPacketOut = d.lastWasPacketOut;
  d.lastWasPacketOut = false;
  switch (e.type) {
    case 'packet':
      if (e.dir === 'out') for (const p of d.pendingPayloads) exchangePayload(d, p.type, 0);
      d.exchangePayloads = 0;
      packet(d, e.dir, e.at, e.time, e.state, e.role, e.localPort, e.peerPort);
      d.lastWasPacketOut = e.dir === 'out';
      return;
    case 'packet-sent':
      if (!wasPacketOut) {
        packet(d, 'out', e.at, e.time, null, null, null, null);
      } else {
        attach(d, e.at);
      }
      return;
    case 'fsm-input':
      d.input = { text: around.inputText(e.source, e.event), line: e.at, node: e.node };
      if (e.node !== null) resolveNode(d, e.node);
      attach(d, e.at);
      return;
    case 'fsm-state':
      transition(d, e.from, e.to, e.at, e.time);
      attach(d, e.at);
      return;
    case 'begin':
      if (e.mode === 'quick') {
        d.pendingQuickNode = e.node;
        if (e.node !== null) {
          const p = phase2ById(d, e.node);
          p.side = 'initiator';
          p.quick = true;
          d.activePhase2 = p;
        }
        d.p1Complete = true;
      } else {
        if (e.mode === 'aggressive') becomeAggressive(d);
        d.modeShown = true;
        setSide(d, 'initiator', 2);
      }
      buildLine(d, e.at);
      return;
    case 'sa':
      if (e.action === 'request') {
        setSide(d, 'initiator', 2);
        buildLine(d, e.at);
        return;
      }
      if (e.action === 'deleted') {
        if (!d.p1Complete) d.p1Failed = true;
      }
      if (e.action === 'authenticated') d.p1Logged = true;
      attach(d, e.at);
      return;
    case 'peer':
      // an initiator creates the peer before MM1; a responder right after MM1 arrived
      if (e.action === 'created' && d.current === null) buildLine(d, e.at);
      else attach(d, e.at);
      return;
    case 'payload':
      if (e.messageId !== null && e.messageId !== 0) resolveNode(d, e.messageId);
      payload(d, e.payload === 'NAT-OA' ? 'NAT-D' : e.payload, e.detail, e.at);
      exchangePayload(d, e.payload, e.messageId);
      return;
    case 'vendor':
      if (e.dir === 'out') {
        buildLine(d, e.at);
        addPayloadTo(d.pendingPayloads, 'VID', e.vendor, e.at);
        return;
      }
      vendorNamed(d, e.vendor, e.at, e.mismatch);
      return;
    case 'id':
      if (d.building) {
        if (e.address !== null && d.local === null) {
          d.local = e.address;
          d.router.locals.add(e.address);
        }
        buildLine(d, e.at);
        addPayloadTo(d.pendingPayloads, 'ID', e.address, e.at);
      } else {
        payload(d, 'ID', e.address, e.at, true);
      }
      return;
    case 'notify':
      if (e.messageId !== null && e.messageId !== 0) resolveNode(d, e.messageId);
      if (e.dir === 'in') {
        payload(d, 'NOTIFY', e.notify, e.at);
        d.current?.notifies.push(e.notify);
        const m = d.current;
        // a refusal of MM1 comes in an informational exchange, in the state MM2 would have come in
        if (m && !m.late && m.dir === 'in' && m.payloads.every(isRefusal) && d.messages.last() === m) {
          d.messages.pop();
          informational(d, m);
        }
      } else {
        buildLine(d, e.at);
        addPayloadTo(d.pendingPayloads, 'NOTIFY', e.notify, e.at);
      }
      if (e.notify.indexOf('PROPOSAL_NOT_CHOSEN') >= 0) {
        // the refusal travels in an informational exchange of its own: it fails the Quick Mode in progress
        const refused = d.activePhase2?.quick === true ? d.activePhase2 : openQuickMode(d);
        if (refused) refused.failed = true;
      }
      return;
    case 'node':
      if (e.action === 'new') {
        if (e.node !== 0) resolveNode(d, e.node);
        attach(d, e.at);
        return;
      }
      if (e.node !== 0) resolveNode(d, e.node);
      // `deleting node N error TRUE reason "Death by retransmission P2"`: that Quick Mode gave up
      if (e.action === 'deleted' && e.error === true && d.activePhase2?.quick === true && !d.activePhase2.complete) d.activePhase2.failed = true;
      attach(d, e.at);
      return;
    case 'p1-check':
      d.offered = emptyProposal();
      attach(d, e.at);
      return;
    case 'p1-attr': {
      applyProposalAttribute(d.offered ?? (d.offered = emptyProposal()), e);
      attach(d, e.at);
      return;
    }
    case 'p1-atts':
      if (e.acceptable && d.offered) d.accepted = { ...d.offered };
      attach(d, e.at);
      return;
    case 'p1-lifetime':
      if ((e.kind === 'returned' || e.kind === 'timer') && e.seconds > 0) d.actualLifetime = e.seconds;
      attach(d, e.at);
      return;
    case 'p1-rejected':
      d.p1Failed = true;
      if (e.local !== null) around.learnLocal(d.router, e.local, e.peer ?? '');
      attach(d, e.at);
      return;
    case 'psk':
      if (!e.found) {
        d.p1Failed = true;
        setSide(d, 'initiator', 1);
      }
      attach(d, e.at);
      return;
    case 'error':
      if (e.code === 'mm-not-started' || e.code === 'sa-init-failed') d.p1Failed = true;
      if (e.local != null && d.local === null) d.local = e.local;
      attach(d, e.at);
      return;
    case 'syslog':
      if (e.mnemonic === 'IKMP_BAD_MESSAGE' && !d.p1Complete) d.p1Failed = true;
      if (e.local !== null && d.local === null) d.local = e.local;
      attach(d, e.at);
      return;
    case 'retransmit':
      d.retransmitPending = true;
      attach(d, e.at);
      return;
    case 'duplicate':
      duplicate(d);
      attach(d, e.at);
      return;
    case 'p2-proposal':
    case 'p2-transform':
    case 'p2-attr':
    case 'p2-atts':
      quickAttribute(d, e);
      attach(d, e.at);
      return;
    case 'p2-rejected':
    case 'ipsec-rejected':
      if (e.type === 'p2-rejected' && e.local !== null) around.learnLocal(d.router, e.local, e.peer ?? '');
      // a refusal whose Quick Mode's start is not in the paste is still that Quick Mode's end
      (d.activePhase2 ?? quickModeSeenAlone(d)).failed = true;
      attach(d, e.at);
      return;
    case 'ipsec-request':
      ipsecRequest(d, e);
      if (e.kind === 'sa_request') buildLine(d, e.at);
      else attach(d, e.at);
      return;
    case 'ipsec-sa':
      if (d.phase2.length === 0) quickModeSeenAlone(d);
      ipsecSa(d, e);
      attach(d, e.at);
      return;
    case 'ipsec-outbound':
      ipsecOutbound(d, e.spi, e.at);
      attach(d, e.at);
      return;
    case 'ipsec-installed': {
      // IOS-XE prints only the inbound SPI it installed, not a create_sa block
      const p = d.activePhase2;
      if (p && !p.sas.some((s) => s.spi === e.spi)) {
        p.sas.push({ direction: 'inbound', spi: e.spi, spiDecimal: Number.parseInt(e.spi.slice(2), 16), transform: null, lifetimeKb: null, lifetimeSeconds: null, line: e.at, status: null, statusLine: null });
      }
      attach(d, e.at);
      return;
    }
    case 'endpoints':
      d.local = e.local;
      attach(d, e.at);
      return;
    case 'info':
      if (isBuildingInfo(e.text)) buildLine(d, e.at);
      else attach(d, e.at);
      return;
    default:
      attach(d, e.at);
  }
}

