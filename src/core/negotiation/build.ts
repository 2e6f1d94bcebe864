/**
 * Events → one-sided negotiations: group the events of each router (detected by prompts and by addresses
 * that belong to the router already seen) by peer, conn-id and message ID, and name the messages.
 */
import type { Side } from '../ike/sides.ts';
import type { MessageName, PayloadType } from '../ike/messages.ts';
import type { LineRef } from '../ike/line-ref.ts';
import type { Encapsulation, PayloadSummary } from '../analysis.ts';
import { aggressiveModeMessage, mainModeMessage, sideOfState } from '../ike/vocabulary.ts';
import type { IkeEvent } from '../log/events.ts';
import type { RecordTableBuilder } from '../log/record-table.ts';
import { type Draft, type DraftMessage, type DraftPhase2, type RouterContext } from './draft.ts';
import { applyProposalAttribute, emptyProposal } from './proposal.ts';
import { WordTree } from './word-tree.ts';

/** Lines printed while a message is being built: they belong to the next packet sent. */
const BUILDING_INFO = ['Send initial contact', 'SA is doing', 'pre-shared key authentication', 'Total payload length', 'QM Initiator gets spi'];

function isBuildingInfo(text: string): boolean {
  for (const start of BUILDING_INFO) if (text.startsWith(start)) return true;
  return false;
}

const ENCAPS: Readonly<Record<string, Encapsulation>> = {
  '1': 'tunnel',
  '2': 'transport',
  '3': 'tunnel-udp',
  '4': 'transport-udp',
  '61443': 'tunnel-udp',
  '61444': 'transport-udp',
};

/** A figure read from `show crypto ipsec sa` output, with the block it was printed in and that block's peer. */
export type ShownFigure<T> = T & { block: number; peer: string | null; line: LineRef };

export class NegotiationBuilder {
  readonly drafts: Draft[] = [];
  readonly routers: RouterContext[] = [];
  private ctx: RouterContext | null = null;
  private expectNew = false;
  /**
   * Which block of `show crypto ipsec sa` output the lines belong to: a new one at each prompt and at each
   * `Crypto map tag:` / `current_peer` line. An SA's counters are those of the block that lists its SPI.
   */
  private showBlock = 0;
  /** The peer the current `show crypto ipsec sa` block names (`current_peer`), until the next command. */
  private showPeer: string | null = null;
  /** SPIs seen in show output: spi → status line info, applied at the end. */
  readonly shown: { spi: string; direction: 'inbound' | 'outbound' | 'current-outbound'; status: string | null; line: LineRef; statusLine: LineRef | null; block: number }[] = [];
  readonly counters: ShownFigure<{ encaps: number | null; decaps: number | null }>[] = [];
  readonly mtus: ShownFigure<{ mtu: number }>[] = [];
  /** Each `SOURCE, EVENT` a transition was printed with, made once: a log prints the same few thousands of times. */
  private readonly inputTexts = new WordTree<string>();

  constructor(private readonly records: RecordTableBuilder) {}

  /** Starts a new file: its lines come from another router unless prompts or addresses say otherwise. */
  startFile(file: number): void {
    this.ctx = this.newRouter(file);
    this.expectNew = false;
    this.showBlock += 1;
    this.showPeer = null;
  }

  event(e: IkeEvent): void {
    const ctx = this.ctx ?? this.newRouter(e.at.file);
    switch (e.type) {
      case 'prompt':
        this.showBlock += 1;
        this.showPeer = null;
        this.prompt(e.name, e.at.file);
        return;
      case 'show-ipsec-peer':
        this.showBlock += 1;
        if (e.peer) this.showPeer = e.peer;
        if (e.local) this.ctxNow().locals.add(e.local);
        return;
      case 'show-ipsec-spi':
        this.shown.push({ spi: e.spi, direction: e.direction, status: null, line: e.at, statusLine: null, block: this.showBlock });
        return;
      case 'show-ipsec-status': {
        const last = this.shown[this.shown.length - 1];
        if (last && last.status === null) {
          last.status = e.status;
          last.statusLine = e.at;
        }
        return;
      }
      case 'show-ipsec-counters':
        this.counters.push({ block: this.showBlock, peer: this.showPeer, encaps: e.encaps, decaps: e.decaps, line: e.at });
        return;
      case 'show-ipsec-mtu':
        this.mtus.push({ block: this.showBlock, peer: this.showPeer, mtu: e.pathMtu, line: e.at });
        return;
      case 'show-isakmp-sa': {
        const ctxNow = this.ctxNow();
        for (const address of [e.dst, e.src]) {
          const d = ctxNow.peers.get(address);
          if (d && e.state === 'QM_IDLE' && !d.p1Failed) d.p1Complete = true;
          if (d && e.connId !== null && d.conn === null) d.conn = e.connId;
        }
        return;
      }
      case 'ikev2':
        return;
      default:
        break;
    }
    const draft = this.route(e, ctx);
    if (draft === null) return;
    this.apply(draft, e);
  }

  private inputText(source: string, event: string): string {
    const pair = this.inputTexts.grow(source).grow(event);
    return (pair.value ??= `${source}, ${event}`);
  }

  private ctxNow(): RouterContext {
    return this.ctx ?? this.newRouter(0);
  }

  private newRouter(file: number): RouterContext {
    const r: RouterContext = { id: this.routers.length, file, name: null, locals: new Set(), peers: new Map(), conns: new Map(), current: null };
    this.routers.push(r);
    this.ctx = r;
    return r;
  }

  private prompt(name: string | null, file: number): void {
    if (name === null) return;
    const ctx = this.ctxNow();
    if (ctx.name === null) {
      const other = this.routers.find((r) => r.name === name && r.file === file);
      if (other) this.ctx = other;
      else ctx.name = name;
      return;
    }
    if (ctx.name === name) return;
    const other = this.routers.find((r) => r.name === name && r.file === file);
    if (other) this.ctx = other;
    else this.newRouter(file).name = name;
  }

  /** The draft an event belongs to, creating it for a new negotiation; null when it belongs to none. */
  private route(e: IkeEvent, ctxIn: RouterContext): Draft | null {
    let ctx = ctxIn;
    const peer = peerOf(e);
    if (e.type === 'endpoints') {
      this.learnLocal(ctx, e.local, e.peer);
    } else if (e.type === 'ipsec-request' && e.local !== null && e.remote !== null && (e.kind === 'sa_request' || e.kind === 'validate')) {
      if (ctx.locals.has(e.remote)) ctx = this.switchRouter(ctx, e.remote);
      ctx.locals.add(e.local);
    }
    if (peer !== null && ctx.locals.has(peer)) ctx = this.switchRouter(ctx, peer);
    const conn = e.conn !== null && e.conn !== 0 ? e.conn : null;
    let draft: Draft | null = null;
    if (peer !== null) {
      let latest = ctx.peers.get(peer) ?? null;
      if (latest === null) {
        // lines with a conn-id but no address may have opened this negotiation already
        const byConn = conn !== null ? (ctx.conns.get(conn) ?? null) : null;
        const cur = byConn ?? ctx.current ?? null;
        if (cur !== null && cur.peer === null && !cur.p1Failed && (conn === null || cur.conn === null || cur.conn === conn)) {
          cur.peer = peer;
          ctx.peers.set(peer, cur);
          latest = cur;
        }
      }
      if (latest !== null && isResentFirstMessage(latest, e)) {
        // IOS starts a new SA for it, but on the ladder it is the same MM1 again: one negotiation
        latest.p1Failed = false;
        draft = latest;
      } else if (latest === null || this.startsNew(latest, e)) {
        if (e.type === 'ipsec-request' && e.kind !== 'sa_request') return latest;
        draft = this.newDraft(ctx, peer, e.at);
      } else {
        draft = latest;
      }
      this.expectNew = false;
    } else if (conn !== null) {
      draft = ctx.conns.get(conn) ?? null;
      if (draft === null) {
        const cur = ctx.current ?? null;
        if (cur !== null && cur.conn === null && !cur.p1Failed) {
          cur.conn = conn;
          ctx.conns.set(conn, cur);
          draft = cur;
        } else if (cur === null || this.expectNew) {
          draft = this.newDraft(ctx, null, e.at);
          draft.conn = conn;
          ctx.conns.set(conn, draft);
          this.expectNew = false;
        }
      }
    } else {
      draft = ctx.current ?? null;
      if (e.type === 'sa' && e.action === 'request') {
        this.expectNew = true;
        if (draft !== null && !isFresh(draft)) draft = null;
      } else if (this.expectNew && draft !== null && !isFresh(draft) && isStart(e)) {
        draft = null;
      }
      if (draft === null && (isStart(e) || (e.type === 'sa' && e.action === 'request'))) {
        draft = this.newDraft(ctx, null, e.at);
      }
    }
    if (draft !== null) {
      ctx.current = draft;
      if (draft.peer === null && peer !== null) {
        draft.peer = peer;
        ctx.peers.set(peer, draft);
      }
      if (conn !== null && draft.conn === null) {
        draft.conn = conn;
        ctx.conns.set(conn, draft);
      }
    }
    return draft;
  }

  private learnLocal(ctx: RouterContext, local: string, peer: string): void {
    if (ctx.locals.has(peer) && !ctx.locals.has(local)) {
      this.switchRouter(ctx, peer).locals.add(local);
      return;
    }
    ctx.locals.add(local);
  }

  /** The log now comes from the router that owns `address`'s peer: another router context. */
  private switchRouter(from: RouterContext, address: string): RouterContext {
    const other = this.routers.find((r) => r !== from && r.file === from.file && !r.locals.has(address) && r.locals.size > 0);
    const next = other ?? this.newRouter(from.file);
    this.ctx = next;
    return next;
  }

  private startsNew(d: Draft, e: IkeEvent): boolean {
    if (!isStart(e)) return false;
    if (isFresh(d)) return false;
    if (e.type === 'ipsec-request') return d.p1Failed;
    if (e.type === 'p1-check') return d.p1Failed || d.p1Complete;
    if (e.type === 'packet') {
      if (e.role === 'N' || e.state === 'NEW SA') return true;
      // a responder's answer in MM_NO_STATE (a refusal of MM1) never opens a negotiation
      if (e.dir === 'out' && e.role !== 'R' && (e.state === 'MM_NO_STATE' || e.state === 'AG_NO_STATE')) {
        return !d.retransmitPending && (d.p1Failed || d.p1Complete || d.messages.some((m) => m.name !== 'MM1' && m.name !== 'AM1'));
      }
      return false;
    }
    // a responder creates its peer structure right after MM1 arrived: that is the same negotiation
    return d.p1Failed || d.p1Complete || d.messages.length > 1;
  }

  private newDraft(ctx: RouterContext, peer: string | null, at: LineRef): Draft {
    const d: Draft = {
      index: this.drafts.length,
      router: ctx,
      peer,
      local: null,
      conn: null,
      side: null,
      sideWeight: 0,
      mode: 'main',
      messages: [],
      transitions: [],
      offered: null,
      accepted: null,
      actualLifetime: null,
      p1Complete: false,
      p1Failed: false,
      phase2: [],
      informational: [],
      pending: [],
      pendingPayloads: [],
      requestTransform: null,
      requestProxies: null,
      building: false,
      current: null,
      retransmitPending: false,
      lastWasPacketOut: false,
      mm5Received: false,
      pendingQuickNode: null,
      activePhase2: null,
      first: at,
      last: at,
      lastTime: null,
      notable: [],
      input: null,
    };
    this.drafts.push(d);
    if (peer !== null) ctx.peers.set(peer, d);
    ctx.current = d;
    return d;
  }

  private apply(d: Draft, e: IkeEvent): void {
    d.last = e.at;
    if (e.time !== null) d.lastTime = e.time;
    this.records.setNegotiation(e.record, d.index);
    if (isNotable(e)) d.notable.push(e);
    const wasPacketOut = d.lastWasPacketOut;
    d.lastWasPacketOut = false;
    switch (e.type) {
      case 'packet':
        this.packet(d, e.dir, e.at, e.time, e.state, e.role, e.localPort, e.peerPort);
        d.lastWasPacketOut = e.dir === 'out';
        return;
      case 'packet-sent':
        if (!wasPacketOut) {
          this.packet(d, 'out', e.at, e.time, null, null, null, null);
        } else {
          this.attach(d, e.at);
        }
        return;
      case 'fsm-input':
        d.input = { text: this.inputText(e.source, e.event), line: e.at, node: e.node };
        if (e.node !== null) this.resolveNode(d, e.node);
        this.attach(d, e.at);
        return;
      case 'fsm-state':
        this.transition(d, e.from, e.to, e.at, e.time);
        this.attach(d, e.at);
        return;
      case 'begin':
        if (e.mode === 'quick') {
          d.pendingQuickNode = e.node;
          if (e.node !== null) this.phase2(d, e.node).side = 'initiator';
          d.p1Complete = true;
        } else {
          if (e.mode === 'aggressive') becomeAggressive(d);
          this.setSide(d, 'initiator', 2);
        }
        this.build(d, e.at);
        return;
      case 'sa':
        if (e.action === 'request') {
          this.setSide(d, 'initiator', 2);
          this.build(d, e.at);
          return;
        }
        if (e.action === 'deleted') {
          if (!d.p1Complete) d.p1Failed = true;
        }
        if (e.action === 'authenticated') d.p1Complete = d.p1Complete || false;
        this.attach(d, e.at);
        return;
      case 'peer':
        // an initiator creates the peer before MM1; a responder right after MM1 arrived
        if (e.action === 'created' && d.current === null) this.build(d, e.at);
        else this.attach(d, e.at);
        return;
      case 'payload':
        if (e.messageId !== null && e.messageId !== 0) this.resolveNode(d, e.messageId);
        this.payload(d, e.payload === 'NAT-OA' ? 'NAT-D' : e.payload, e.detail, e.at);
        return;
      case 'vendor':
        if (e.dir === 'out') {
          this.build(d, e.at);
          this.addPayloadTo(d.pendingPayloads, 'VID', e.vendor, e.at);
          return;
        }
        this.payload(d, 'VID', e.vendor, e.at, true);
        return;
      case 'id':
        if (d.building) {
          if (e.address !== null && d.local === null) {
            d.local = e.address;
            d.router.locals.add(e.address);
          }
          this.build(d, e.at);
          this.addPayloadTo(d.pendingPayloads, 'ID', e.address, e.at);
        } else {
          this.payload(d, 'ID', e.address, e.at, true);
        }
        return;
      case 'notify':
        if (e.messageId !== null && e.messageId !== 0) this.resolveNode(d, e.messageId);
        if (e.dir === 'in') {
          this.payload(d, 'NOTIFY', e.notify, e.at);
          d.current?.notifies.push(e.notify);
          const m = d.current;
          // a refusal of MM1 comes in an informational exchange, in the state MM2 would have come in
          if (m && !m.late && m.dir === 'in' && m.payloads.every(isRefusal) && d.messages[d.messages.length - 1] === m) {
            d.messages.pop();
            this.informational(d, m);
          }
        } else {
          this.build(d, e.at);
          this.addPayloadTo(d.pendingPayloads, 'NOTIFY', e.notify, e.at);
        }
        if (e.notify.indexOf('PROPOSAL_NOT_CHOSEN') >= 0) {
          // the refusal travels in an informational exchange of its own: it fails the Quick Mode in progress
          const refused = d.activePhase2?.quick === true ? d.activePhase2 : openQuickMode(d);
          if (refused) refused.failed = true;
        }
        return;
      case 'node':
        if (e.action === 'new') {
          if (e.node !== 0) this.resolveNode(d, e.node);
          this.attach(d, e.at);
          return;
        }
        if (e.node !== 0) this.resolveNode(d, e.node);
        // `deleting node N error TRUE reason "Death by retransmission P2"`: that Quick Mode gave up
        if (e.action === 'deleted' && e.error === true && d.activePhase2?.quick === true && !d.activePhase2.complete) d.activePhase2.failed = true;
        this.attach(d, e.at);
        return;
      case 'p1-check':
        d.offered = emptyProposal();
        this.attach(d, e.at);
        return;
      case 'p1-attr': {
        applyProposalAttribute(d.offered ?? (d.offered = emptyProposal()), e);
        this.attach(d, e.at);
        return;
      }
      case 'p1-atts':
        if (e.acceptable && d.offered) d.accepted = { ...d.offered };
        this.attach(d, e.at);
        return;
      case 'p1-lifetime':
        if ((e.kind === 'returned' || e.kind === 'timer') && e.seconds > 0) d.actualLifetime = e.seconds;
        this.attach(d, e.at);
        return;
      case 'p1-rejected':
        d.p1Failed = true;
        if (e.local !== null) this.learnLocal(d.router, e.local, e.peer ?? '');
        this.attach(d, e.at);
        return;
      case 'psk':
        if (!e.found) {
          d.p1Failed = true;
          this.setSide(d, 'initiator', 1);
        }
        this.attach(d, e.at);
        return;
      case 'error':
        if (e.code === 'mm-not-started' || e.code === 'sa-init-failed') d.p1Failed = true;
        this.attach(d, e.at);
        return;
      case 'syslog':
        if (e.mnemonic === 'IKMP_BAD_MESSAGE' && !d.p1Complete) d.p1Failed = true;
        this.attach(d, e.at);
        return;
      case 'retransmit':
        d.retransmitPending = true;
        this.attach(d, e.at);
        return;
      case 'duplicate':
        this.duplicate(d);
        this.attach(d, e.at);
        return;
      case 'p2-proposal':
      case 'p2-transform':
      case 'p2-attr':
      case 'p2-atts':
        this.quickAttribute(d, e);
        this.attach(d, e.at);
        return;
      case 'p2-rejected':
      case 'ipsec-rejected':
        if (e.type === 'p2-rejected' && e.local !== null) this.learnLocal(d.router, e.local, e.peer ?? '');
        if (d.activePhase2) d.activePhase2.failed = true;
        this.attach(d, e.at);
        return;
      case 'ipsec-request':
        this.ipsecRequest(d, e);
        if (e.kind === 'sa_request') this.build(d, e.at);
        else this.attach(d, e.at);
        return;
      case 'ipsec-sa':
        this.ipsecSa(d, e);
        this.attach(d, e.at);
        return;
      case 'ipsec-installed': {
        // IOS-XE prints only the inbound SPI it installed, not a create_sa block
        const p = d.activePhase2;
        if (p && !p.sas.some((s) => s.spi === e.spi)) {
          p.sas.push({ direction: 'inbound', spi: e.spi, spiDecimal: Number.parseInt(e.spi.slice(2), 16), transform: null, lifetimeKb: null, lifetimeSeconds: null, line: e.at, status: null, statusLine: null });
        }
        this.attach(d, e.at);
        return;
      }
      case 'endpoints':
        d.local = e.local;
        this.attach(d, e.at);
        return;
      case 'info':
        if (isBuildingInfo(e.text)) this.build(d, e.at);
        else this.attach(d, e.at);
        return;
      default:
        this.attach(d, e.at);
    }
  }

  /** Lines of a message that is being built: they belong to the next packet sent. */
  private build(d: Draft, at: LineRef): void {
    d.building = true;
    pushLine(d.pending, at);
  }

  private attach(d: Draft, at: LineRef): void {
    if (d.building) pushLine(d.pending, at);
    else if (d.current) pushLine(d.current.lines, at);
    else pushLine(d.pending, at);
  }

  private payload(d: Draft, type: PayloadType, detail: string | null, at: LineRef, merge = false): void {
    if (d.building) {
      pushLine(d.pending, at);
      return;
    }
    const m = d.current;
    if (!m) {
      pushLine(d.pending, at);
      return;
    }
    pushLine(m.lines, at);
    this.addPayloadTo(m.payloads, type, detail, at, merge);
  }

  private addPayloadTo(list: DraftMessage['payloads'], type: PayloadType, detail: string | null, at: LineRef, merge = false): void {
    if (merge && detail !== null) {
      const same = list.find((p) => p.type === type && p.detail === null);
      if (same) {
        same.detail = detail;
        return;
      }
    }
    list.push({ type, detail, line: at });
  }

  private setSide(d: Draft, side: Side, weight: number): void {
    if (weight >= d.sideWeight) {
      if (d.side !== side && weight === d.sideWeight && d.side !== null) return;
      d.side = side;
      d.sideWeight = weight;
    }
  }

  private packet(
    d: Draft,
    dir: 'out' | 'in',
    at: LineRef,
    time: number | null,
    state: string | null,
    role: 'I' | 'R' | 'N' | null,
    localPort: number | null,
    peerPort: number | null,
  ): void {
    if (role === 'I') this.setSide(d, 'initiator', 3);
    else if (role === 'R' || role === 'N') this.setSide(d, 'responder', 3);
    if (d.side === null && d.messages.length === 0 && d.phase2.length === 0) this.setSide(d, dir === 'out' ? 'initiator' : 'responder', 1);
    // a packet sent takes the lines printed while it was built
    let lines: LineRef[] = [at];
    if (dir === 'out') {
      lines = d.pending;
      lines.push(at);
      d.pending = [];
    }
    d.building = false;
    // QM_IDLE means phase 1 is done, unless the router's own states say it is not yet: a Quick Mode packet
    // that overtook the last phase 1 message, not a phase 1 message itself
    const early = state === 'QM_IDLE' && phase1Pending(d);
    if (state === 'QM_IDLE' && !early) d.p1Complete = true;
    // after completion only a resend of our last phase 1 message still goes out in a Main Mode state
    const late = (d.p1Complete || early) && !(dir === 'out' && d.retransmitPending && state !== null && (state.startsWith('MM_') || state.startsWith('AG_')));
    const m: DraftMessage = {
      name: null,
      dir,
      lines,
      payloads: dir === 'out' ? d.pendingPayloads.splice(0) : [],
      time,
      saState: state,
      ports: localPort !== null && peerPort !== null ? { local: localPort, peer: peerPort } : null,
      messageId: late ? null : 0,
      retransmission: false,
      attempt: 1,
      late,
      notifies: [],
    };
    if (!late && dir === 'out' && m.payloads.some(isRefusal)) {
      this.informational(d, m);
    } else if (!late) {
      const side = d.side ?? (dir === 'out' ? 'initiator' : 'responder');
      let name: MessageName | null = null;
      if (state !== null) {
        name =
          state.startsWith('AG_') || d.mode === 'aggressive'
            ? aggressiveModeMessage(side, dir, state)
            : mainModeMessage(side, dir, state, d.mm5Received);
        if (state.startsWith('AG_')) becomeAggressive(d);
      }
      if (name === null) name = this.nextPhase1Name(d, dir, side);
      // a timer's resend is the last message this router sent, whatever state it is in by now
      if (dir === 'out' && d.retransmitPending) name = lastName(d.messages, 'out') ?? name;
      m.name = name;
      const earlier = countNamed(d.messages, name);
      if (earlier > 0) {
        m.retransmission = true;
        m.attempt = earlier + 1;
      }
      if (name === 'MM5' && dir === 'in') d.mm5Received = true;
      d.messages.push(m);
      if ((name === 'MM6' || name === 'AM3') && !m.retransmission && ((side === 'initiator') === (dir === 'in') || name === 'AM3')) {
        // phase 1 is complete once the last message went through, even without FSM lines
        d.p1Complete = d.p1Complete || d.transitions.length === 0;
      }
    } else if (dir === 'out' && d.pendingQuickNode !== null) {
      m.messageId = d.pendingQuickNode;
      d.pendingQuickNode = null;
      this.placeLate(d, m);
    } else if (dir === 'out' && d.retransmitPending && latestQuickMode(d) !== null) {
      // `retransmitting phase 2`: the Quick Mode message this router sent last, not a new exchange
      m.messageId = latestQuickMode(d)?.messageId ?? null;
      m.retransmission = true;
      this.placeLate(d, m);
    } else {
      d.informational.push(m);
    }
    d.retransmitPending = false;
    d.current = m;
  }

  /** `phase 1 (or 2) packet is a duplicate of a previous packet`: the packet just received is a resend by the peer. */
  private duplicate(d: Draft): void {
    const m = d.current;
    if (m === null) return;
    m.retransmission = true;
    if (m.dir !== 'in') return;
    const phase1State = m.saState !== null && (m.saState.startsWith('MM_') || m.saState.startsWith('AG_'));
    if (m.late && phase1State && m.messageId === null) {
      // phase 1 is complete here, but the peer missed our last message and resends its own (MM5 for a lost MM6)
      const i = d.informational.indexOf(m);
      if (i >= 0) d.informational.splice(i, 1);
      m.late = false;
      m.messageId = 0;
      d.messages.push(m);
    }
    if (!m.late) {
      // printed in the state the router is in by now: a copy of what the peer sent last, not the next message
      const i = d.messages.indexOf(m);
      const name = i > 0 ? lastName(d.messages.slice(0, i), 'in') : null;
      if (name !== null) {
        m.name = name;
        m.attempt = 1 + d.messages.filter((x) => x !== m && x.name === name).length;
      }
      return;
    }
    const quick = latestQuickMode(d);
    const i = d.informational.indexOf(m);
    // a Quick Mode resend prints no message ID: it belongs to the latest Quick Mode
    if (m.messageId === null && i >= 0 && quick !== null) {
      d.informational.splice(i, 1);
      m.messageId = quick.messageId;
      this.placeLate(d, m);
    }
  }

  /** A phase 1 packet that is an informational exchange: named by its payloads, numbered among its likes. */
  private informational(d: Draft, m: DraftMessage): void {
    m.name = null;
    m.retransmission = false;
    m.attempt = 1 + d.informational.filter((x) => x.dir === m.dir && x.messageId === m.messageId && x.payloads.some(isRefusal)).length;
    d.informational.push(m);
  }

  /** Without a printed state, the next Main/Aggressive Mode message in order for this direction. */
  private nextPhase1Name(d: Draft, dir: 'out' | 'in', side: Side): MessageName | null {
    const names: MessageName[] = d.mode === 'aggressive' ? ['AM1', 'AM2', 'AM3'] : ['MM1', 'MM2', 'MM3', 'MM4', 'MM5', 'MM6'];
    const sent = (i: number): boolean => (i % 2 === 0) === (side === 'initiator');
    for (let i = 0; i < names.length; i += 1) {
      const n = names[i];
      if (n === undefined) continue;
      if ((dir === 'out') !== sent(i)) continue;
      if (!d.messages.some((m) => m.name === n)) return n;
    }
    return null;
  }

  /** A late packet's message ID became known from the lines after it. */
  private resolveNode(d: Draft, node: number): void {
    const m = d.current;
    if (m !== null && m.late && m.messageId === null) {
      m.messageId = node;
      const i = d.informational.indexOf(m);
      if (i >= 0) d.informational.splice(i, 1);
      this.placeLate(d, m);
    }
    d.activePhase2 = this.phase2(d, node);
  }

  private placeLate(d: Draft, m: DraftMessage): void {
    const p = this.phase2(d, m.messageId ?? 0);
    p.messages.push(m);
    if (p.side === null) p.side = m.dir === 'out' ? 'initiator' : 'responder';
    d.activePhase2 = p;
  }

  private phase2(d: Draft, node: number): DraftPhase2 {
    let p = d.phase2.find((x) => x.messageId === node);
    if (!p) {
      p = {
        messageId: node,
        messages: [],
        transitions: [],
        side: null,
        cipher: null,
        keyLength: null,
        authenticator: null,
        encapsulation: null,
        pfsGroup: null,
        lifetimeSeconds: null,
        lifetimeKb: null,
        requestTransform: null,
        createdTransform: null,
        proxies: null,
        sas: [],
        complete: false,
        failed: false,
        informational: false,
        quick: false,
      };
      d.phase2.push(p);
    }
    return p;
  }

  private transition(d: Draft, from: string, to: string, at: LineRef, time: number | null): void {
    const input = d.input;
    d.input = null;
    const node = input?.node ?? null;
    const quick = node !== null || from.startsWith('IKE_QM') || to.startsWith('IKE_QM');
    const side = sideOfState(to) ?? sideOfState(from);
    const t = {
      from,
      to,
      input: input?.text ?? '',
      line: at,
      allowed: null,
      side: side ?? d.side ?? 'initiator',
      inputLine: input?.line ?? null,
      time,
      node,
    };
    if (quick) {
      const p = node !== null ? this.phase2(d, node) : (d.activePhase2 ?? d.phase2[d.phase2.length - 1] ?? this.phase2(d, 0));
      p.quick = true;
      if (side !== null) p.side = side;
      t.side = p.side ?? t.side;
      p.transitions.push(t);
      d.activePhase2 = p;
      if (to === 'IKE_QM_PHASE2_COMPLETE') p.complete = true;
      if (from === 'IKE_QM_READY' && to === 'IKE_QM_READY' && input?.text.endsWith('IKE_QM_EXCH')) p.failed = true;
      d.p1Complete = true;
      return;
    }
    if (side !== null) this.setSide(d, side, 3);
    t.side = d.side ?? t.side;
    d.transitions.push(t);
    if (to.indexOf('_AM') >= 0 || from.indexOf('_AM') >= 0) becomeAggressive(d);
    if (to === 'IKE_P1_COMPLETE') d.p1Complete = true;
    if (to === 'IKE_DEST_SA' && !d.p1Complete) d.p1Failed = true;
  }

  private quickAttribute(d: Draft, e: IkeEvent): void {
    const p = d.activePhase2;
    if (!p) return;
    p.quick = true;
    switch (e.type) {
      case 'p2-transform':
        p.cipher = e.name;
        break;
      case 'p2-attr':
        switch (e.attr) {
          case 'encaps': {
            const code = e.value.split(' ')[0] ?? '';
            p.encapsulation = ENCAPS[code] ?? null;
            break;
          }
          case 'authenticator':
            p.authenticator = e.value;
            break;
          case 'keyLength':
            p.keyLength = e.number;
            break;
          case 'group':
            p.pfsGroup = e.number;
            break;
          case 'lifeDuration':
            // seconds come first in IOS output; kilobytes follow their own `life type in kilobytes` line
            if (p.lifetimeSeconds === null) p.lifetimeSeconds = e.number;
            else p.lifetimeKb = e.number;
            break;
          default:
            break;
        }
        break;
      case 'p2-atts':
        if (!e.acceptable) p.failed = true;
        break;
      default:
        break;
    }
  }

  private ipsecRequest(d: Draft, e: Extract<IkeEvent, { type: 'ipsec-request' }>): void {
    if (e.local !== null && d.local === null) d.local = e.local;
    if (e.kind === 'sa_request') {
      if (d.side === null) this.setSide(d, 'initiator', 1);
      if (e.transform !== null) d.requestTransform = e.transform;
      if (e.localProxy && e.remoteProxy) d.requestProxies = { local: e.localProxy, remote: e.remoteProxy };
      return;
    }
    const p = d.activePhase2;
    if (!p) return;
    if (e.transform !== null && p.requestTransform === null) p.requestTransform = e.transform;
    if (e.localProxy && e.remoteProxy) p.proxies = { local: e.localProxy, remote: e.remoteProxy };
  }

  private ipsecSa(d: Draft, e: Extract<IkeEvent, { type: 'ipsec-sa' }>): void {
    const p = d.activePhase2 ?? d.phase2[d.phase2.length - 1];
    if (!p) return;
    let direction = e.direction;
    if (direction === null && e.dest !== null) {
      if (e.dest === d.local || d.router.locals.has(e.dest)) direction = 'inbound';
      else if (e.dest === d.peer) direction = 'outbound';
    }
    if (direction === null) direction = p.sas.some((s) => s.direction === 'inbound') ? 'outbound' : 'inbound';
    if (e.transform !== null) p.createdTransform = e.transform;
    if (e.lifetimeSeconds !== null) p.lifetimeSeconds = e.lifetimeSeconds;
    if (e.lifetimeKb !== null) p.lifetimeKb = e.lifetimeKb;
    p.sas.push({
      direction,
      spi: e.spi,
      spiDecimal: e.spiDecimal,
      transform: e.transform,
      lifetimeKb: e.lifetimeKb,
      lifetimeSeconds: e.lifetimeSeconds,
      line: e.at,
      status: null,
      statusLine: null,
    });
  }
}

/**
 * Adds a line to a message's lines, once: the records run together in one physical line (a flattened paste)
 * each name that line, and the line belongs to the message once.
 */
function pushLine(lines: LineRef[], at: LineRef): void {
  const last = lines[lines.length - 1];
  if (last === undefined || last.line !== at.line || last.file !== at.file) lines.push(at);
}

/**
 * Events a diagnosis rule reads, kept with the negotiation as its evidence: refusals and errors, the proposals
 * themselves (which algorithms, which lifetimes, for the weak-crypto and lifetime rules), and events of a
 * common type that still matter to a rule: a delete, a missing key, a notify, NAT.
 */
function isNotable(e: IkeEvent): boolean {
  switch (e.type) {
    case 'error':
    case 'p1-mismatch':
    case 'p1-rejected':
    case 'p2-rejected':
    case 'ipsec-rejected':
    case 'retransmit':
    case 'duplicate':
    case 'syslog':
    case 'p1-check':
    case 'p1-attr':
    case 'p1-atts':
    case 'p1-lifetime':
    case 'p2-transform':
    case 'p2-attr':
    case 'p2-atts':
      return true;
    case 'payload':
      return e.payload === 'DELETE';
    case 'psk':
      return !e.found;
    case 'notify':
      return e.notify !== 'INITIAL_CONTACT';
    case 'nat':
      return e.detected === true;
    case 'sa':
      return e.action === 'deleted';
    default:
      return false;
  }
}

/**
 * The exchange turns out to be Aggressive Mode: a responder's `(N) NEW SA` packet is printed before any
 * state tells the mode, so the first message and its answer were named as Main Mode's.
 */
function becomeAggressive(d: Draft): void {
  if (d.mode === 'aggressive') return;
  d.mode = 'aggressive';
  for (const m of d.messages) {
    if (m.name === 'MM1') m.name = 'AM1';
    else if (m.name === 'MM2') m.name = 'AM2';
  }
}

/** The router printed phase 1 states and the latest is not yet IKE_P1_COMPLETE. */
function phase1Pending(d: Draft): boolean {
  const t = d.transitions[d.transitions.length - 1];
  return t !== undefined && !d.p1Complete && t.to !== 'IKE_P1_COMPLETE' && t.to !== 'IKE_DEST_SA';
}

/** A NOTIFY that refuses the peer's proposal. */
function isRefusal(p: PayloadSummary): boolean {
  return p.type === 'NOTIFY' && p.detail !== null && p.detail.indexOf('PROPOSAL_CHOSEN') >= 0;
}

/** The name of the last message sent (`out`) or received (`in`) in phase 1. */
function lastName(messages: readonly DraftMessage[], dir: 'out' | 'in'): MessageName | null {
  for (let i = messages.length - 1; i >= 0; i -= 1) {
    const m = messages[i];
    if (m && m.dir === dir) return m.name;
  }
  return null;
}

function countNamed(messages: readonly DraftMessage[], name: MessageName | null): number {
  let n = 0;
  for (const m of messages) if (m.name === name) n += 1;
  return n;
}

/** The latest Quick Mode of the draft. */
function latestQuickMode(d: Draft): DraftPhase2 | null {
  for (let i = d.phase2.length - 1; i >= 0; i -= 1) {
    const p = d.phase2[i];
    if (p && p.quick) return p;
  }
  return null;
}

/** The latest Quick Mode of the draft that has not completed. */
function openQuickMode(d: Draft): DraftPhase2 | null {
  for (let i = d.phase2.length - 1; i >= 0; i -= 1) {
    const p = d.phase2[i];
    if (p && p.quick && !p.complete) return p;
  }
  return null;
}

/** Longest pause between a refused MM1 and its resend: IOS resends phase 1 every 10 s or so. */
const RESEND_GAP_MS = 30_000;
const FIRST_MESSAGE_SENDS = 6;

/**
 * A responder's `(N) NEW SA` from a peer whose first message it has just refused or answered, and no more:
 * the initiator resending the same MM1 (or AM1) because no MM2 reached it, not a new negotiation.
 */
function isResentFirstMessage(d: Draft, e: IkeEvent): boolean {
  if (e.type !== 'packet' || e.dir !== 'in' || !(e.role === 'N' || e.state === 'NEW SA')) return false;
  if (d.side !== 'responder' || d.p1Complete || d.phase2.length > 0) return false;
  if (!d.messages.every((m) => m.name === 'MM1' || m.name === 'MM2' || m.name === 'AM1' || m.name === 'AM2')) return false;
  // IOS sends a first message at most six times (five resends): a seventh is a new negotiation
  const received = d.messages.reduce((n, m) => (m.dir === 'in' ? n + 1 : n), 0);
  if (received === 0 || received >= FIRST_MESSAGE_SENDS) return false;
  const gap = e.time !== null && d.lastTime !== null ? e.time - d.lastTime : null;
  return gap === null || (gap >= 0 && gap <= RESEND_GAP_MS);
}

function isFresh(d: Draft): boolean {
  return d.messages.length === 0 && d.phase2.length === 0 && !d.p1Failed && !d.p1Complete;
}

/** Events that begin a phase 1 negotiation. */
function isStart(e: IkeEvent): boolean {
  switch (e.type) {
    case 'packet':
      return e.role === 'N' || e.state === 'NEW SA' || (e.dir === 'out' && e.role !== 'R' && (e.state === 'MM_NO_STATE' || e.state === 'AG_NO_STATE'));
    case 'begin':
      return e.mode !== 'quick';
    case 'peer':
      return e.action === 'created';
    case 'ipsec-request':
      return e.kind === 'sa_request';
    case 'psk':
      return !e.found;
    case 'p1-check':
      return true;
    default:
      return false;
  }
}

/** The peer address an event names, if any. */
function peerOf(e: IkeEvent): string | null {
  switch (e.type) {
    case 'packet':
      return e.peer;
    case 'psk':
    case 'sa':
      return e.peer;
    case 'peer':
      return e.action === 'created' || e.action === 'deleted' ? e.peer : null;
    case 'endpoints':
      return e.peer;
    case 'p1-rejected':
    case 'p2-rejected':
      return e.peer;
    case 'syslog':
      return e.peer;
    case 'ipsec-request':
      return e.kind === 'sa_request' || e.kind === 'validate' ? e.remote : null;
    case 'error':
      return e.peer;
    default:
      return null;
  }
}
