/**
 * Show-command output while the log is read: the SPIs, counters and path MTU of `show crypto ipsec sa`, each
 * with the block it was printed in, and what `show crypto isakmp sa` tells of a phase 1.
 */
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
}

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
        return true;
      case 'show-ipsec-spi':
        this.shown.push({ spi: e.spi, direction: e.direction, status: null, line: e.at, statusLine: null, block: this.block });
        return true;
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
      case 'show-isakmp-peer':
      case 'show-session-ike':
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
