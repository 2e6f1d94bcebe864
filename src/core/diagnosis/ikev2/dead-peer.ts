/**
 * PEER_UNREACHABLE for IKEv2 after the IKE SA was up: a liveness check (an INFORMATIONAL request that carries
 * nothing, RFC 7296 2.4; Cisco's dead peer detection) sent again and again and never answered, then the SA
 * deleted or the retransmissions given up: the peer is taken for dead. An answered check is no finding; one
 * unanswered check with at most one resend and nothing after it is not yet one (the answer may still come).
 * No published Cisco capture shows a whole unanswered check; the lines this rule reads around it are real:
 * | line | log |
 * |---|---|
 * | `IKEv2:(SESSION ID = 31,SA ID = 1):Retransmitting packet`, then the same request printed again | IOS 16 initiator, corpus 24 |
 * | `IKEv2-PROTO-1: (8): Maximum number of retransmissions reached` | ASA initiator, corpus 35 |
 * | `IKEv2:(SESSION ID = 31,SA ID = 1):Deleting SA` | IOS 16, corpus 11 |
 * | `IKEv2-PROTO-2: (2): Initializing DPD, configured for 10 seconds` (DPD on for this SA) | ASA initiator, corpus 29 |
 */
import type { Ikev2Message, Negotiation } from '../../analysis.ts';
import { compareLines, type LineRef } from '../../ike/line-ref.ts';
import { otherSide } from '../../ike/sides.ts';
import { finding, type DiagnosedFinding } from '../finding.ts';
import { type Cited, linesWords, routerName } from './evidence.ts';

/** The lines after `from` that end the SA or its retransmissions: `Deleting SA`, a delete sent, the retransmit limit. */
function endAfter(c: readonly Cited[], from: LineRef): LineRef[] {
  const out: LineRef[] = [];
  for (const x of c) {
    if (compareLines(x.at, from) <= 0) continue;
    const l = x.line;
    if (l.kind === 'gone' || (l.kind === 'delete' && l.dir === 'out') || (l.kind === 'error' && l.code === 'retransmit-limit')) out.push(x.at);
  }
  return out;
}

export function deadPeer(n: Negotiation, c: readonly Cited[]): DiagnosedFinding[] {
  const messages = n.ikeSa?.messages ?? [];
  const checks = new Map<string, Ikev2Message[]>();
  /** The answers, by who sent them and their message ID: an SA up for hours has thousands of checks. */
  const answers = new Set<string>();
  for (const m of messages) {
    if (m.liveness === true && m.response) answers.add(`${m.from} ${m.messageId}`);
    if (m.liveness !== true || m.response) continue;
    const key = `${m.from} ${m.messageId}`;
    const list = checks.get(key);
    if (list === undefined) checks.set(key, [m]);
    else list.push(m);
  }
  const out: DiagnosedFinding[] = [];
  for (const sendings of checks.values()) {
    const first = sendings[0]!;
    if (answers.has(`${otherSide(first.from)} ${first.messageId}`)) continue;
    const start = first.lines[0];
    if (start === undefined) continue;
    const end = endAfter(c, start);
    if (sendings.length < 3 && end.length === 0) continue;
    const asker = routerName(n, first.from);
    const peerSide = otherSide(first.from);
    const peer = n.routers[peerSide].address || routerName(n, peerSide);
    const sent = sendings.flatMap((m) => m.lines.slice(0, 1));
    const resends = sendings.length - 1;
    const then = end.length > 0 ? `, then ended the SA (${linesWords(end)}): dead peer detection took ${peer} for dead` : ' (the log ends before the outcome)';
    out.push(
      finding({
        code: 'PEER_UNREACHABLE',
        severity: end.length > 0 ? 'error' : 'warning',
        lines: [...sent, ...end],
        summary: `${asker} sent a liveness check (an INFORMATIONAL request with no payload, message ID ${first.messageId}) to ${peer} ${sendings.length} time${sendings.length === 1 ? '' : 's'} (${resends} resend${resends === 1 ? '' : 's'}) and never got an answer${then}. The IKE SA had been up: the peer stopped answering, or the path to it broke.`,
        fix: `Check that ${peer} is still reachable from ${asker} on UDP 500/4500 (a route, an ACL or a NAT mapping that changed; NAT keepalives keep a mapping open) and that ${peer} still holds the SA ('show crypto ikev2 sa' there: a reload or a clear drops it). The check's timing is in ${asker}'s DPD config: 'dpd <interval> <retry> on-demand|periodic' in its crypto ikev2 profile, or 'crypto ikev2 dpd <interval> <retry> on-demand|periodic' globally (ASA: 'isakmp keepalive threshold <s> retry <s>' in the tunnel group's ipsec-attributes); a retry interval too short for a slow path deletes a live peer.`,
        message: 'INFORMATIONAL.liveness',
        side: peerSide,
      }),
    );
  }
  return out;
}
