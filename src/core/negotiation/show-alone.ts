/**
 * Show output as the evidence of negotiations no debug line tells of: `show crypto isakmp sa` (a phase 1 in its
 * state, QM_IDLE = complete), `show crypto isakmp sa detail` (the algorithms agreed), `show crypto isakmp peers`,
 * `show crypto session` (the IKEv1 SA and its IPsec SAs) and `show crypto ipsec sa` (the SPIs of an SA pair). Each peer listed is a negotiation, unless the debug
 * lines already made one with it: show-output.ts and verify.ts then tie the output to it, unless the SPIs of its
 * `show crypto ipsec sa` block are none that a debug line created (`newerPair`): that block then lists an SA pair of
 * its own, made after the lines the paste holds (a clear, a rekey, a later negotiation).
 */
import type { IkeEvent } from '../log/events.ts';
import type { LineRef } from '../ike/line-ref.ts';
import type { Draft, DraftPhase2, RouterContext } from './draft.ts';
import { quickModeSeenAlone } from './quick-mode.ts';
import { setSide } from './message-lines.ts';
import type { DraftRouter } from './route.ts';
import { debugSas, newerPair, type HeldBlock } from './newer-pair.ts';
import { isStrayDraft } from './stray-events.ts';

export class ShowAlone {
  /** The negotiations made from show output: only these take more of it (a debug-made one is verified). */
  private readonly made = new Set<Draft>();
  /** Those only `show crypto ipsec sa` lists: no IKE line says which IKE version made their SAs. */
  private readonly ipsecOnly = new Set<Draft>();
  /** Of those, the ones whose SAs' settings name IKEv2. */
  private readonly ikev2Named = new Set<Draft>();
  /** Peers a debug log in another file made a negotiation with: their show output verifies that one. */
  private readonly elsewhere = new Set<string>();
  /** The negotiation of the `show crypto session` block being read. */
  private session: Draft | null = null;
  /** The record of the session's `Interface:` line, until its IKE SA line says whose session it is. */
  private sessionStart: number | null = null;
  /** The SA of the ASA's show crypto isakmp sa block being read (`IKE Peer:`), whose role and state lines follow. */
  private asaSa: Draft | null = null;
  /** The records of a session's lines above its IKE SA line (`Session status:`, `Peer:`, `Uptime:`): its negotiation's. */
  private sessionHead: number[] = [];
  /** The peer and local address of the `show crypto ipsec sa` block being read. */
  private block: { peer: string | null; local: string | null; out: boolean; in: boolean } = { peer: null, local: null, out: false, in: false };
  /** The rows of the `show crypto isakmp sa` being read: a later row can tell which address is the router's own. */
  private rows: { d: Draft; dst: string; src: string }[] = [];
  /** Addresses taken for the router's own only because a row put them first (`src`), nothing else saying so. */
  private readonly guessed = new Set<string>();
  /** The events of the `show crypto ipsec sa` block being read, from its `current_peer` line on, or of the session read. */
  private held: HeldBlock | null = null;
  /** The blocks whose peer debug lines made a negotiation with: their SPIs decide whose SA pair they list. */
  private readonly declined: HeldBlock[] = [];

  constructor(private readonly router: DraftRouter) {}

  /** Whether only `show crypto ipsec sa` output made this negotiation. */
  ipsecShowOnly(d: Draft): boolean {
    return this.ipsecOnly.has(d);
  }

  /** Whether only `show crypto ipsec sa` output made this negotiation, and it names IKEv2 as the SAs' maker (the ASA's settings). */
  ipsecShowIkev2(d: Draft): boolean {
    return this.ipsecOnly.has(d) && this.ikev2Named.has(d);
  }

  /** The records of the session's lines above the IKE SA line just read, once: they belong to its negotiation. */
  takeSessionHead(): readonly number[] {
    const head = this.sessionHead;
    if (head.length > 0) this.sessionHead = [];
    return head;
  }

  /** A new command: the blocks above are done. */
  newCommand(): void {
    this.session = null;
    this.sessionStart = null;
    this.sessionHead = [];
    this.asaSa = null;
    this.block = { peer: null, local: null, out: false, in: false };
    this.rows = [];
    this.held = null;
  }

  /** The negotiation a show event lists, made when no line before named it; null when it lists none. */
  event(e: IkeEvent, ctx: RouterContext): Draft | null {
    if (e.type === 'show-ipsec-peer') {
      if (e.peer) this.held = { ctx, peer: e.peer, local: this.block.local ?? e.local, events: [], declined: false };
      else this.held = null;
    } else if (e.type === 'show-session-ike') {
      // a session's IKEv1 SA and, below it, its IPsec SAs: replayed from this line on
      this.held = { ctx, peer: e.peer, local: e.local, events: [e], declined: false };
    } else if (e.type.startsWith('show-ipsec') || e.type === 'show-session-sas' || e.type === 'show-session-spi') this.held?.events.push(e);
    else this.held = null;
    const d = this.listed(e, ctx);
    // an ISAKMP SA or an IKEv1 session listed with the same peer: IKEv1 made it
    if (d !== null && !e.type.startsWith('show-ipsec')) this.ipsecOnly.delete(d);
    return d;
  }

  private listed(e: IkeEvent, ctx: RouterContext): Draft | null {
    switch (e.type) {
      case 'show-isakmp-sa': {
        // the router's own address is the one its other rows share; the first row's source until one says otherwise
        // only one of this row's addresses seen in the rows above tells which is the router's; a row of the same pair tells nothing
        const seen = (a: string) => this.rows.some((r) => r.dst === a || r.src === a);
        const shared = seen(e.dst) === seen(e.src) ? null : seen(e.dst) ? e.dst : e.src;
        if (shared !== null) this.ownAddress(ctx, shared);
        const own = (a: string) => ctx.locals.has(a) && !this.guessed.has(a);
        const dstLocal = shared !== null ? shared === e.dst : own(e.dst) && !own(e.src) ? true : ctx.locals.has(e.dst) && !ctx.locals.has(e.src);
        const known = shared !== null || own(e.dst) !== own(e.src);
        const peer = dstLocal ? e.src : e.dst;
        const local = dstLocal ? e.dst : e.src;
        const d = this.draft(ctx, peer, local, e);
        if (d === null) return ctx.peers.get(peer) ?? null;
        this.rows.push({ d, dst: e.dst, src: e.src });
        if (known) rowSide(d, e.src, local);
        else this.guessed.add(local);
        d.unplacedRow = known ? null : { src: e.src, dst: e.dst };
        if (e.connId !== null && d.conn === null) d.conn = e.connId;
        if (e.state === 'QM_IDLE') d.p1Complete = true;
        else if (e.state.startsWith('MM_') || e.state.startsWith('AG_')) {
          // a phase 1 in progress, in a mode its state names
          d.modeShown = true;
          d.p1Logged = true;
          if (e.state.startsWith('AG_')) d.mode = 'aggressive';
        }
        return d;
      }
      case 'show-isakmp-peer': {
        const d = this.draft(ctx, e.peer, e.local, e) ?? ctx.peers.get(e.peer) ?? null;
        // the ASA's block of this SA: its role and state lines follow
        this.asaSa = d;
        return d;
      }
      case 'show-asa-ike-role': {
        const d = this.asaSa;
        if (d !== null && this.made.has(d)) setSide(d, e.role, 1);
        return d;
      }
      case 'show-asa-ike-state': {
        const d = this.asaSa;
        if (d === null || !this.made.has(d)) return d;
        // MM_ACTIVE, AM_ACTIVE: phase 1 done in the mode it names; MM_WAIT_MSG2 …: begun, in that mode
        d.modeShown = true;
        d.mode = e.state.startsWith('AM_') ? 'aggressive' : 'main';
        if (e.state.endsWith('_ACTIVE')) d.p1Complete = true;
        else d.p1Logged = true;
        return d;
      }
      case 'show-isakmp-detail': {
        // its Local column is the router's own address: rows above read the other way round are turned around
        this.ownAddress(ctx, e.local);
        const d = this.draft(ctx, e.peer, e.local, e);
        if (d === null) return ctx.peers.get(e.peer) ?? null;
        if (d.conn === null) d.conn = e.connId;
        // its Status column is the table's status, not its state: ACTIVE beside MM_KEY_EXCH too (the PSK-mismatch
        // lab's rows), so it says nothing of how far phase 1 went
        // the algorithms the SA was made with, where no line of the negotiation printed them; the row is the
        // evidence the diagnosis reads them from
        d.shownProposal ??= { encryption: e.encryption, keyLength: e.keyLength, hash: e.hash, group: e.group, auth: e.auth, lifetimeSeconds: null };
        d.notable.push(e);
        return d;
      }
      case 'show-session-ike': {
        const d = this.draft(ctx, e.peer, e.local, e);
        this.session = d;
        // Active: up; Inactive (a session DOWN-NEGOTIATING, or the SA a newer one replaced): listed, not up
        if (d !== null && e.status === 'Active') d.p1Complete = true;
        else if (d !== null) d.p1ShownDown = true;
        const listed = d ?? ctx.peers.get(e.peer) ?? null;
        // the session's lines above this one (its status, peer, uptime) are this negotiation's
        if (listed !== null && this.sessionStart !== null) for (let r = this.sessionStart; r < e.record; r += 1) this.sessionHead.push(r);
        this.sessionStart = null;
        return listed;
      }
      case 'show-session-sas': {
        const d = this.session;
        if (d === null || e.active === 0) return d;
        quickModeSeenAlone(d).complete = true;
        return d;
      }
      case 'show-session-interface':
        // another session: an IKEv2 one (its `IKEv2 SA:` line is no IKEv1 SA) takes nothing of the one above, nor do
        // its lines before its SA line (the last negotiation is not theirs)
        this.session = null;
        this.sessionStart = e.record;
        ctx.current = null;
        return null;
      case 'show-session-spi': {
        // `Outbound SPI : 0x47C7658D, transform : ...` of the session's flow: an SA of its phase 2
        const d = this.session;
        if (d === null) return null;
        addShownSa(quickModeSeenAlone(d), e.direction, e.spi, e.at);
        return d;
      }
      case 'show-ipsec-pfs':
      case 'show-ipsec-transform':
      case 'show-ipsec-settings': {
        // a line of the block's SAs: its negotiation's, made by the lines above if any
        const { peer } = this.block;
        const d = peer === null ? null : (ctx.peers.get(peer) ?? null);
        // the ASA names the IKE version that made the SAs: `in use settings ={L2L, Tunnel, IKEv2, }`
        if (d !== null && e.type === 'show-ipsec-settings' && this.made.has(d) && e.ikeVersion === 2) this.ikev2Named.add(d);
        return d;
      }
      case 'show-ipsec-peer': {
        if (e.local !== null) this.block = { peer: null, local: e.local, out: false, in: false };
        if (e.peer) this.block = { ...this.block, peer: e.peer, out: false, in: false };
        // `current_peer X port 4500` of a negotiation show output made: NAT-T's evidence, SAs listed below or not
        const d = e.peer && e.port === 4500 ? ctx.peers.get(e.peer) : undefined;
        if (d !== undefined && this.made.has(d) && !d.notable.includes(e)) d.notable.push(e);
        return null;
      }
      case 'show-ipsec-counters': {
        // packets encrypted to the peer and decrypted from it: an SA pair carried traffic, so its Quick Mode completed
        if (e.encaps !== null && e.encaps > 0) this.block.out = true;
        if (e.decaps !== null && e.decaps > 0) this.block.in = true;
        const { peer, local } = this.block;
        if (peer === null || !this.block.out || !this.block.in) return null;
        const d = this.draft(ctx, peer, local, e);
        if (d === null) return ctx.peers.get(peer) ?? null;
        quickModeSeenAlone(d).complete = true;
        return d;
      }
      case 'show-ipsec-spi': {
        const { peer, local } = this.block;
        // `current outbound spi: 0x0(0)`: no SA with this peer
        if (peer === null || e.spi === '0x0') return null;
        const d = this.draft(ctx, peer, local, e);
        if (d === null) return ctx.peers.get(peer) ?? null;
        const p = quickModeSeenAlone(d);
        addShownSa(p, e.direction === 'inbound' ? 'inbound' : 'outbound', e.spi, e.at);
        // an inbound and an outbound SA listed: the Quick Mode that made them completed
        if (p.sas.some((s) => s.direction === 'inbound') && p.sas.some((s) => s.direction === 'outbound')) p.complete = true;
        return d;
      }
      default:
        return null;
    }
  }

  /**
   * Two rows share `own`: it is the router's address (the initiator's, `src`, or the responder's, `dst`). An
   * earlier row read the other way round (its source taken for the router's own) is turned around.
   */
  private ownAddress(ctx: RouterContext, own: string): void {
    this.guessed.delete(own);
    for (const r of this.rows) {
      const d = r.d;
      if (r.src === own || r.dst === own) placeRow(d, own);
      if (d.local === own || d.peer !== own || d.local === null) continue;
      const other = d.local;
      ctx.peers.delete(own);
      ctx.peers.set(other, d);
      ctx.locals.delete(other);
      d.peer = other;
      d.local = own;
    }
    ctx.locals.add(own);
  }

  /** The show-made negotiation with this peer (made now if none is known); null when debug lines made one. */
  private draft(ctx: RouterContext, peer: string, local: string | null, e: IkeEvent): Draft | null {
    const known = ctx.peers.get(peer);
    if (known !== undefined && !this.made.has(known) && isStrayDraft(known)) {
      // only stray lines named the peer (a syslog message): the SAs show output lists are what they were about
      known.strays = null;
      known.listed = true;
      this.made.add(known);
      if (local !== null && known.local === null) known.local = local;
      if (local !== null) ctx.locals.add(local);
      if (e.type.startsWith('show-ipsec')) this.ipsecOnly.add(known);
    }
    if (known !== undefined) {
      // a block that names the router's address (`local addr`) places the row's ends
      if (local !== null && known.local === local && !e.type.startsWith('show-isakmp-sa')) placeRow(known, local);
      if (this.made.has(known)) return known;
      this.decline(peer, e);
      return null;
    }
    // a `show crypto isakmp sa` row guessed the other way round (its source taken for the router's own): a block
    // that names the router's address (`local addr`) turns it around instead of listing the pair a second time
    const swapped = local !== null ? ctx.peers.get(local) : undefined;
    if (swapped !== undefined && local !== null && this.made.has(swapped) && swapped.local === peer) {
      ctx.peers.delete(local);
      ctx.peers.set(peer, swapped);
      ctx.locals.delete(peer);
      ctx.locals.add(local);
      swapped.peer = peer;
      swapped.local = local;
      placeRow(swapped, local);
      return swapped;
    }
    // show output saved apart from the debug log it goes with (another file: another router context)
    if (this.elsewhere.has(peer) || this.router.drafts.some((d) => d.peer === peer && !this.made.has(d))) {
      this.elsewhere.add(peer);
      this.decline(peer, e);
      return null;
    }
    return this.make(ctx, peer, local, e);
  }

  /**
   * A block of `show crypto ipsec sa`, or a session of `show crypto session detail`, lists SAs of a peer debug
   * lines made a negotiation with: kept until its SPIs are known.
   */
  private decline(peer: string, e: IkeEvent): void {
    const held = this.held;
    if (held === null || held.declined || held.peer !== peer || !(e.type.startsWith('show-ipsec') || e.type.startsWith('show-session'))) return;
    held.declined = true;
    this.declined.push(held);
  }

  /**
   * Once every line is read: each block the debug lines made none of its SAs (`newerPair`) is a negotiation of its
   * own with that peer, after theirs, made of the block's lines as if shown alone; the records of its lines and
   * the negotiation they now belong to.
   */
  newerPairs(): { record: number; draft: Draft }[] {
    const moved: { record: number; draft: Draft }[] = [];
    if (this.declined.length === 0) return moved;
    const debug = debugSas(this.router.drafts, this.made);
    for (const held of this.declined) {
      if (!newerPair(held, debug)) continue;
      const known = held.ctx.peers.get(held.peer);
      if (known === undefined || !this.made.has(known)) this.make(held.ctx, held.peer, held.local, held.events[0]!);
      this.block = { peer: held.peer, local: held.local, out: false, in: false };
      for (const e of held.events) {
        const d = this.listed(e, held.ctx);
        if (d !== null) moved.push({ record: e.record, draft: d });
      }
    }
    this.block = { peer: null, local: null, out: false, in: false };
    this.session = null;
    return moved;
  }

  /** A negotiation show output lists. */
  private make(ctx: RouterContext, peer: string, local: string | null, e: IkeEvent): Draft {
    const d = this.router.draftFor(ctx, peer, e.at);
    d.listed = true;
    if (local !== null) {
      d.local = local;
      ctx.locals.add(local);
    }
    this.made.add(d);
    if (e.type.startsWith('show-ipsec')) this.ipsecOnly.add(d);
    return d;
  }
}

/** An SA show output lists, once; its transforms and status are verify.ts's to add. */
function addShownSa(p: DraftPhase2, direction: 'inbound' | 'outbound', spi: string, at: LineRef): void {
  if (p.sas.some((s) => s.spi === spi)) return;
  p.sas.push({ direction, spi, spiDecimal: Number.parseInt(spi.slice(2), 16), transform: null, lifetimeKb: null, lifetimeSeconds: null, line: at, status: null, statusLine: null });
}

/** The router's own address is known: the one row that lists the SA tells its part in it. */
function placeRow(d: Draft, own: string): void {
  const row = d.unplacedRow;
  if (row !== null && (row.src === own || row.dst === own)) rowSide(d, row.src, own);
  d.unplacedRow = null;
}

/**
 * IOS lists an ISAKMP SA from its initiator (`src`) to its responder (`dst`), the same on both routers: once the
 * router's own address is known, so is its part in that SA.
 */
function rowSide(d: Draft, src: string, own: string): void {
  setSide(d, own === src ? 'initiator' : 'responder', 1);
}
