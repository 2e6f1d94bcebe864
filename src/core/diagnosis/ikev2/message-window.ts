/**
 * MESSAGE_WINDOW: a request outside the receiver's message-ID window (an ASA's `Request has mess_id N; expected A
 * through B` with N outside A..B: a duplicate of an answered request, or one sent out of order), or a response
 * that arrived again (a second copy of one already received: late, or duplicated on the way).
 * | line | log |
 * |---|---|
 * | `IKEv2-PROTO-5: (16): Request has mess_id 1; expected 1 through 1` (inside the window: no finding) | ASA responder, corpus 26, 28, 39 |
 * | the same line with a message ID outside the window | no real capture yet: the test derives it from corpus 26's |
 * | a response received twice with the same message ID | no real capture yet |
 */
import type { Negotiation } from '../../analysis.ts';
import type { LineRef } from '../../ike/line-ref.ts';
import { finding, type DiagnosedFinding } from '../finding.ts';
import { type Cited, linesWords, routerName } from './evidence.ts';

export function messageWindow(n: Negotiation, c: readonly Cited[]): DiagnosedFinding[] {
  const outside = c.filter((x) => x.line.kind === 'window' && x.line.messageId !== null && x.line.from !== null && x.line.to !== null && (x.line.messageId < x.line.from || x.line.messageId > x.line.to));
  const again = (n.ikeSa?.messages ?? []).filter((m) => m.response && m.attempt > 1 && m.dir === 'in');
  if (outside.length === 0 && again.length === 0) return [];
  const parts: string[] = [];
  const lines: LineRef[] = [];
  for (const x of outside) {
    if (x.line.kind !== 'window') continue;
    const late = x.line.messageId !== null && x.line.from !== null && x.line.messageId < x.line.from;
    parts.push(`${routerName(n, x.side)} got a request with message ID ${x.line.messageId ?? '?'} while its window took ${x.line.from ?? '?'} to ${x.line.to ?? '?'} (${linesWords([x.at])}): ${late ? 'a request it had already answered, sent again because the answer was lost or late' : 'a request ahead of the window, out of order'}`);
    lines.push(x.at);
  }
  for (const m of again) {
    parts.push(`the ${m.name} response with message ID ${m.messageId} arrived ${m.attempt} times (${linesWords(m.lines.slice(0, 1))}): a late or duplicated answer`);
    const first = m.lines[0];
    if (first !== undefined) lines.push(first);
  }
  return [
    finding({
      code: 'MESSAGE_WINDOW',
      severity: 'warning',
      lines,
      summary: `${parts.join('; ')}. IKEv2 drops what falls outside the window, so the exchange waits for a resend; a few are harmless, many point at loss or reordering on the path.`,
      fix: "Usually nothing to change in the config: look for loss, delay or reordering between the peers (retransmissions on both sides, fragmented IKE messages on the path). If the peer keeps several requests in flight, IOS widens its window with `crypto ikev2 window SIZE`.",
    }),
  ];
}
