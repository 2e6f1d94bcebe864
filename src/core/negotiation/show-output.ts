/**
 * Show-command output while the log is read: the SPIs, counters and path MTU of `show crypto ipsec sa`, each
 * with the block it was printed in, each SA's transforms and mode, the block's PFS group and NAT-T port, the SPIs
 * of `show crypto session detail`, and what `show crypto isakmp sa` tells of a phase 1.
 */
import type { Encapsulation } from '../analysis.ts';
import type { LineRef } from '../ike/line-ref.ts';
import type { IkeEvent } from '../log/events.ts';
import type { RouterContext } from './draft.ts';

/** A figure read from `show crypto ipsec sa` output, with the block it was printed in and that block's peer. */
export type ShownFigure<T> = T & { block: number; peer: string | null; line: LineRef };

/** An SPI listed by show output, with the status line under it. */
export interface ShownSpi {
  spi: string;
  direction: 'inbound' | 'outbound' | 'current-outbound';
  status: string | null;
  line: LineRef;
  statusLine: LineRef | null;
  block: number;
  /** The SA's transforms as listed (`transform: esp-aes esp-sha-hmac ,`, `Outbound SPI : ..., transform : ...`). */
  transform: string | null;
  /** The lines under the SPI that tell of it (transform, `in use settings`), a rule's evidence. */
  said: ShownEvent[];
  encapsulation: Encapsulation | null;
}

/** A line of show output that says something of the SAs a rule may read: PFS, transform, mode, UDP 4500. */
export type ShownEvent = Extract<IkeEvent, { type: 'show-ipsec-pfs' | 'show-ipsec-transform' | 'show-ipsec-settings' | 'show-ipsec-peer' | 'show-session-spi' }>;

export class ShowOutput {
  /**
   * Which block of `show crypto ipsec sa` output the lines belong to: a new one at each prompt and at each
   * `Crypto map tag:` / `current_peer` line. An SA's counters are those of the block that lists its SPI.
   */
  private block = 0;
  /** The peer the current `show crypto ipsec sa` block names (`current_peer`), until the next command. */
  private peer: string | null = null;
  /** SPIs seen in show output: spi → status line info, applied at the end. */
  readonly shown: ShownSpi[] = [];
  readonly counters: ShownFigure<{ encaps: number | null; decaps: number | null }>[] = [];
  readonly mtus: ShownFigure<{ mtu: number }>[] = [];
  /** What a block says of all its SAs: `PFS (Y/N): Y, DH group: group5`, `current_peer X port 4500`. */
  readonly ofBlocks: ShownFigure<{ event: ShownEvent }>[] = [];

  /** A new file or a prompt: whatever follows is output of another command. */
  newCommand(): void {
    this.block += 1;
    this.peer = null;
  }

  /** Reads a show-output event; false for any other event. */
  event(e: IkeEvent, ctx: RouterContext): boolean {
    switch (e.type) {
      case 'show-ipsec-peer':
        this.block += 1;
        if (e.peer) this.peer = e.peer;
        if (e.local) ctx.locals.add(e.local);
        if (e.port === 4500) this.ofBlocks.push({ block: this.block, peer: this.peer, line: e.at, event: e });
        return true;
      case 'show-ipsec-spi':
        this.shown.push({ spi: e.spi, direction: e.direction, status: null, line: e.at, statusLine: null, block: this.block, transform: null, said: [], encapsulation: null });
        return true;
      case 'show-session-spi':
        this.shown.push({ spi: e.spi, direction: e.direction, status: null, line: e.at, statusLine: null, block: this.block, transform: e.transform, said: e.transform !== null ? [e] : [], encapsulation: null });
        return true;
      case 'show-ipsec-pfs':
        if (e.group !== null) this.ofBlocks.push({ block: this.block, peer: this.peer, line: e.at, event: e });
        return true;
      case 'show-ipsec-transform':
      case 'show-ipsec-settings': {
        // the lines under an SPI of this block's inbound or outbound SAs, each said once
        const sa = this.shown[this.shown.length - 1];
        if (sa === undefined || sa.block !== this.block || sa.direction === 'current-outbound') return true;
        if (e.type === 'show-ipsec-transform' && sa.transform === null) {
          sa.transform = e.transform;
          sa.said.push(e);
        } else if (e.type === 'show-ipsec-settings' && sa.encapsulation === null && e.encapsulation !== null) {
          sa.encapsulation = e.encapsulation;
          sa.said.push(e);
        }
        return true;
      }
      case 'show-ipsec-status': {
        const last = this.shown[this.shown.length - 1];
        if (last && last.status === null) {
          last.status = e.status;
          last.statusLine = e.at;
        }
        return true;
      }
      case 'show-ipsec-counters':
        this.counters.push({ block: this.block, peer: this.peer, encaps: e.encaps, decaps: e.decaps, line: e.at });
        return true;
      case 'show-ipsec-mtu':
        this.mtus.push({ block: this.block, peer: this.peer, mtu: e.pathMtu, line: e.at });
        return true;
      case 'show-session-interface':
      case 'show-session-ike':
        // the SPIs listed below are this session's
        this.block += 1;
        return true;
      case 'show-isakmp-peer':
      case 'show-asa-ike-role':
      case 'show-asa-ike-state':
      case 'show-isakmp-detail':
      case 'show-session-sas':
        return true;
      case 'show-isakmp-sa': {
        for (const address of [e.dst, e.src]) {
          const d = ctx.peers.get(address);
          if (d && e.state === 'QM_IDLE' && !d.p1Failed) d.p1Complete = true;
          if (d && e.connId !== null && d.conn === null) d.conn = e.connId;
        }
        return true;
      }
      default:
        return false;
    }
  }
}
