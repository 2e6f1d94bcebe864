/**
 * Whose SA pair a `show crypto ipsec sa` block lists when debug lines made a negotiation with its peer: that
 * negotiation's, when the block lists an SPI a debug line created (verify.ts then ties the output to it), or a
 * pair no line of the paste made (a `clear crypto sa`, a rekey or a later negotiation did), told as a
 * negotiation of its own. Decided once the whole input is read, when every SPI of both is known.
 */
import type { IkeEvent } from '../log/events.ts';
import type { Draft, RouterContext } from './draft.ts';

/** A block of `show crypto ipsec sa` of one peer, from its `current_peer` line on. */
export interface HeldBlock {
  ctx: RouterContext;
  peer: string;
  /** The router's address its `Crypto map tag: …, local addr` line names. */
  local: string | null;
  events: IkeEvent[];
  /** Whether debug lines made a negotiation with this peer when the block was read. */
  declined: boolean;
}

/**
 * The block lists SAs (an inbound or outbound SPI, not `0x0`), none of them an SA a debug line created, and
 * every Quick Mode the debug lines show with that peer has its SAs created or failed: a
 * phase 2 whose SPIs no line printed may be the one that made the block's SAs, and then the pair is not told twice.
 */
export function newerPair(block: HeldBlock, drafts: readonly Draft[], shownOnly: ReadonlySet<Draft>): boolean {
  const spis = new Set<string>();
  for (const e of block.events) if (e.type === 'show-ipsec-spi' && e.direction !== 'current-outbound' && e.spi !== '0x0') spis.add(e.spi);
  if (spis.size === 0) return false;
  for (const d of drafts) {
    if (shownOnly.has(d)) continue;
    for (const p of d.phase2) {
      if (p.sas.some((s) => spis.has(s.spi))) return false;
      if (d.peer === block.peer && p.quick && !p.failed && p.sas.length === 0) return false;
    }
  }
  return true;
}
