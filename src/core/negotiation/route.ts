/**
 * Routing events to drafts: which router printed a line (by prompts, files, and addresses that belong to a
 * router already seen) and which of its negotiations it belongs to (by peer, conn-id, and what starts one).
 */
import type { LineRef } from '../ike/line-ref.ts';
import type { IkeEvent } from '../log/events.ts';
import type { Draft, RouterContext } from './draft.ts';
import { Phase1List } from './phase1-list.ts';
import { noOfferSigns } from './offer-signs.ts';

export class DraftRouter {
  readonly drafts: Draft[] = [];
  readonly routers: RouterContext[] = [];
  private ctx: RouterContext | null = null;
  private expectNew = false;

  /** Starts a new file: its lines come from another router unless prompts or addresses say otherwise. */
  startFile(file: number): void {
    this.ctx = this.newRouter(file);
    this.expectNew = false;
  }

  /** The router printing the lines now. */
  now(file: number): RouterContext {
    return this.ctx ?? this.newRouter(file);
  }

  private ctxNow(): RouterContext {
    return this.ctx ?? this.newRouter(0);
  }

  private newRouter(file: number): RouterContext {
    const r: RouterContext = { id: this.routers.length, file, name: null, locals: new Set(), peers: new Map(), conns: new Map(), current: null, offerSigns: noOfferSigns() };
    this.routers.push(r);
    this.ctx = r;
    return r;
  }

  prompt(name: string | null, file: number): void {
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
  route(e: IkeEvent, ctxIn: RouterContext): Draft | null {
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
      const open = ctx.current ?? null;
      if (latest !== null && open !== null && open !== latest && open.peer === null && !open.p1Failed && latest.p1Failed && (conn === null || open.conn === null || open.conn === conn)) {
        // the attempt with this peer failed, and lines naming no peer have opened the next since: this line is its own
        open.peer = peer;
        ctx.peers.set(peer, open);
        latest = open;
      }
      if (latest === null) {
        // lines with a conn-id but no address may have opened this negotiation already
        const byConn = conn !== null ? (ctx.conns.get(conn) ?? null) : null;
        const cur = byConn ?? ctx.current ?? null;
        // a refusal's closing line (`phase 1 SA policy not acceptable! (local A remote B)`) names the peer of the
        // attempt its lines before it failed, not a new one
        const joins = cur !== null && (!cur.p1Failed || e.type === 'p1-rejected');
        if (cur !== null && joins && cur.peer === null && (conn === null || cur.conn === null || cur.conn === conn)) {
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
        // an error about an SA that is gone (`ignoring request to send delete notify ... dst X`) opens none: keystrokes
        // glued to it can even make its address up
        if (latest === null && e.type === 'error') return null;
        // a proposal check opens a negotiation (the responder's Quick Mode, its phase 1 maybe not in the paste)
        if (e.type === 'ipsec-request' && e.kind !== 'sa_request' && e.kind !== 'validate') return latest;
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
      } else if (draft !== null && draft.p1Failed && (e.type === 'p1-check' || e.type === 'p1-mismatch')) {
        // phase 1 was refused: the next proposal checked is the next attempt, though its lines name no peer
        draft = null;
      }
      if (draft === null && (isStart(e) || (e.type === 'sa' && e.action === 'request') || isPhase2Alone(e))) {
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

  learnLocal(ctx: RouterContext, local: string, peer: string): void {
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
    // show output listed SAs of a phase 1 no line printed: a phase 1 begun after it is another negotiation
    if (shownWithSas(d)) return true;
    if (e.type === 'ipsec-request') return d.p1Failed;
    if (e.type === 'p1-check' || e.type === 'p1-mismatch') return d.p1Failed || d.p1Complete;
    if (e.type === 'packet') {
      if (e.role === 'N' || e.state === 'NEW SA') return true;
      // a responder's answer in MM_NO_STATE (a refusal of MM1) never opens a negotiation
      if (e.dir === 'out' && e.role !== 'R' && (e.state === 'MM_NO_STATE' || e.state === 'AG_NO_STATE')) {
        return !d.retransmitPending && (d.p1Failed || d.p1Complete || d.messages.length > d.messages.count('MM1') + d.messages.count('AM1'));
      }
      return false;
    }
    // a responder creates its peer structure right after MM1 arrived: that is the same negotiation
    return d.p1Failed || d.p1Complete || d.messages.length > 1;
  }

  /** A new negotiation with `peer`, the latest with it (show output lists one). */
  draftFor(ctx: RouterContext, peer: string, at: LineRef): Draft {
    const d = this.newDraft(ctx, peer, at);
    ctx.peers.set(peer, d);
    return d;
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
      modeShown: false,
      listed: false,
      unplacedRow: null,
      exchangePayloads: 0,
      p1Logged: false,
      p1ShownDown: false,
      messages: new Phase1List(),
      transitions: [],
      offered: null,
      accepted: null,
      shownProposal: null,
      actualLifetime: null,
      p1Complete: false,
      p1Failed: false,
      phase2: [],
      phase2ByNode: new Map(),
      informational: [],
      earlyPhase2: [],
      pending: [],
      pendingPayloads: [],
      requestTransform: null,
      requestProxies: null,
      building: false,
      current: null,
      retransmitPending: false,
      lastWasPacketOut: false,
      received: new Set(),
      pendingQuickNode: null,
      activePhase2: null,
      first: at,
      last: at,
      lastTime: null,
      notable: [],
      notableRefusal: false,
      input: null,
      strays: [],
    };
    this.drafts.push(d);
    if (peer !== null) ctx.peers.set(peer, d);
    ctx.current = d;
    return d;
  }

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
  const m = d.messages;
  if (m.count('MM1') + m.count('MM2') + m.count('AM1') + m.count('AM2') !== m.length) return false;
  // IOS sends a first message at most six times (five resends): a seventh is a new negotiation
  const received = m.received;
  if (received === 0 || received >= FIRST_MESSAGE_SENDS) return false;
  const gap = e.time !== null && d.lastTime !== null ? e.time - d.lastTime : null;
  return gap === null || (gap >= 0 && gap <= RESEND_GAP_MS);
}

/** A negotiation only show output made, that lists SAs: its phase 1 completed before the output was printed. */
function shownWithSas(d: Draft): boolean {
  return d.listed && d.messages.length === 0 && d.transitions.length === 0 && d.phase2.some((p) => p.complete || p.sas.length > 0);
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
      // a responder's check of a Quick Mode proposal: a phase 1 completed, so not one that failed (startsNew)
      return e.kind === 'sa_request' || e.kind === 'validate';
    case 'psk':
      return !e.found;
    case 'p1-check':
    case 'p1-mismatch':
      return true;
    default:
      return false;
  }
}

/** A phase 2 line that tells of a negotiation when nothing before it in the paste did: an SA created, a proposal refused. */
function isPhase2Alone(e: IkeEvent): boolean {
  return e.type === 'ipsec-sa' || e.type === 'ipsec-rejected' || e.type === 'ipsec-installed';
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
    case 'ipsec-outbound':
      return e.peer;
    case 'error':
      return e.peer;
    default:
      return null;
  }
}
