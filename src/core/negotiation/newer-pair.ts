/**
 * Whose SA pair a `show crypto ipsec sa` block (or a `show crypto session detail` session) lists when debug lines
 * made a negotiation with its peer: that negotiation's, when the block lists an SPI a debug line created (verify.ts
 * then ties the output to it), or a pair no line of the paste made (a `clear crypto sa`, a rekey or a later
 * negotiation did), told as a negotiation of its own. Decided once the whole input is read, when every SPI of both
 * is known.
 */
import type { IkeEvent } from '../log/events.ts';
import type { Draft, RouterContext } from './draft.ts';

/** A block of `show crypto ipsec sa` of one peer, from its `current_peer` line on, or a session of `show crypto session detail`. */
export interface HeldBlock {
  ctx: RouterContext;
  peer: string;
  /** The router's address its `Crypto map tag: …, local addr` line names. */
  local: string | null;
  events: IkeEvent[];
  /** Whether debug lines made a negotiation with this peer when the block was read. */
  declined: boolean;
}

/** What the debug lines created: every SPI of their SAs, and the peers with a Quick Mode whose SAs no line printed. */
export interface DebugSas {
  spis: ReadonlySet<string>;
  unprinted: ReadonlySet<string>;
}

/** The SAs of the negotiations debug lines made (not those show output made), read once for every block. */
export function debugSas(drafts: readonly Draft[], shownOnly: ReadonlySet<Draft>): DebugSas {
  const spis = new Set<string>();
  const unprinted = new Set<string>();
  for (const d of drafts) {
    if (shownOnly.has(d)) continue;
    for (const p of d.phase2) {
      for (const s of p.sas) spis.add(s.spi);
      if (d.peer !== null && p.quick && !p.failed && p.sas.length === 0) unprinted.add(d.peer);
    }
  }
  return { spis, unprinted };
}

/**
 * The block lists SAs (an inbound or outbound SPI, not `0x0`), none of them an SA a debug line created, and
 * every Quick Mode the debug lines show with that peer has its SAs created or failed: a phase 2 whose SPIs no
 * line printed may be the one that made the block's SAs, and then the pair is not told twice.
 */
export function newerPair(block: HeldBlock, debug: DebugSas): boolean {
  if (debug.unprinted.has(block.peer)) return false;
  let listed = false;
  for (const e of block.events) {
    if (!((e.type === 'show-ipsec-spi' && e.direction !== 'current-outbound') || e.type === 'show-session-spi') || e.spi === '0x0') continue;
    if (debug.spis.has(e.spi)) return false;
    listed = true;
  }
  return listed;
}
