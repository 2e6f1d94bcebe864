/**
 * What the ladder draws of a router's resends, for the sentences that tell of them: the phase 1 message it
 * resent and its copies, as the negotiation holds them (their names, retransmission flags and delivery are
 * decided by the builder), so a finding counts the same resends the ladder draws.
 */
import type { Message, Negotiation } from '../analysis.ts';
import { compareLines, type LineRef } from '../ike/line-ref.ts';
import type { MessageName } from '../ike/messages.ts';
import type { Side } from '../ike/sides.ts';
import { linesPrintedBy } from '../timeline/printed-by.ts';

export interface ResentMessage {
  name: MessageName;
  /** Every copy of it the sender sent, first to last. */
  copies: readonly Message[];
  /** The copies drawn as resends. */
  resends: number;
}

/** The phase 1 message `side` had sent last before `line` (what a timer resends), with all its copies; null when the negotiation shows none. */
export function resentBefore(n: Negotiation, side: Side, line: LineRef): ResentMessage | null {
  let latest: { name: MessageName; first: LineRef } | null = null;
  for (const m of n.phase1.messages) {
    if (m.from !== side) continue;
    let first: LineRef | null = null;
    for (const l of linesPrintedBy(n, m, side)) if (l.file === line.file && (first === null || compareLines(l, first) < 0)) first = l;
    if (first === null || compareLines(first, line) >= 0) continue;
    if (latest === null || compareLines(first, latest.first) > 0) latest = { name: m.name, first };
  }
  if (latest === null) return null;
  const name = latest.name;
  const copies = n.phase1.messages.filter((m) => m.name === name && m.from === side);
  return { name, copies, resends: copies.filter((m) => m.retransmission).length };
}

/** Whether the logs show the last copy of a message went unanswered or was lost (the ladder's marks). */
export function lastCopyWentUnanswered(resent: ResentMessage): boolean {
  const last = resent.copies[resent.copies.length - 1];
  return last?.delivery === 'lost' || last?.delivery === 'unanswered';
}
