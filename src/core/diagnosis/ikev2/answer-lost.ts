/**
 * P1_RETRANSMIT for IKEv2: the responder answered IKE_SA_INIT, but the answer never reached the initiator: the
 * initiator resent its request (its log has no response), or the responder waited in vain for IKE_AUTH.
 * | line | log |
 * |---|---|
 * | `IKEv2-PROTO-2: (8): Retransmitting packet` (six times), `IKEv2-PROTO-1: (8): Maximum number of retransmissions reached` | ASA initiator, corpus 35 |
 * | `IKEv2-PLAT-3: (46): SENT PKT [IKE_SA_INIT] [30.30.30.1]:500->[20.20.20.1]:500 …` (the answer, same initiator SPI) | ASA responder, corpus 36 |
 * | `IKEv2-PROTO-2: (46): Starting timer (30 sec) to wait for auth message` | corpus 36 |
 * | `IKEv2-PROTO-1: (46): Failed to receive the AUTH msg before the timer expired` | corpus 36 |
 * | `IKEv2-PROTO-2: (2): Retransmitting packet` (four times, no answer printed) | ASA initiator, corpus 44; its responder (45) answers each copy NO_PROPOSAL_CHOSEN and prints `Initial exchange failed`, its own end |
 */
import type { Negotiation } from '../../analysis.ts';
import type { LineRef } from '../../ike/line-ref.ts';
import { finding, type DiagnosedFinding } from '../finding.ts';
import { type Cited, linesWords, routerName } from './evidence.ts';

export function answerLost(n: Negotiation, c: readonly Cited[]): DiagnosedFinding[] {
  const messages = n.ikeSa?.messages ?? [];
  const answers = messages.filter((m) => m.name === 'IKE_SA_INIT' && m.response);
  if (answers.length === 0 || messages.some((m) => m.name === 'IKE_AUTH')) return [];
  const requests = messages.filter((m) => m.name === 'IKE_SA_INIT' && !m.response);
  // in a merged negotiation: the initiator's log holds no copy of the answer
  const unseen = n.role === 'both' && answers.every((m) => (m.sideLines?.initiator.length ?? 0) === 0);
  const waited = c.filter((x) => x.line.kind === 'error' && x.line.code === 'auth-timeout').map((x) => x.at);
  // the initiator's own giving up: in a merged negotiation the responder's `Initial exchange failed` (after it
  // refused the request, corpus 45) is not the initiator stopping
  const gaveUp = c
    .filter((x) => x.line.kind === 'error' && (x.line.code === 'retransmit-limit' || x.line.code === 'initial-exchange-failed') && (n.role !== 'both' || x.side === 'initiator'))
    .map((x) => x.at);
  if (!unseen && (n.role !== 'responder' || waited.length === 0)) return [];
  const initiator = routerName(n, 'initiator');
  const responder = routerName(n, 'responder');
  const answerLines: LineRef[] = answers.flatMap((m) => m.lines.slice(0, 1));
  const said = `${responder} answered IKE_SA_INIT (${linesWords(answerLines)})${waited.length > 0 ? ` and waited for IKE_AUTH in vain (${linesWords(waited)})` : ''}`;
  const lost = unseen ? `; ${initiator}'s log never shows the answer: it sent the request ${requests.length} time${requests.length === 1 ? '' : 's'}${gaveUp.length > 0 ? ` and gave up (${linesWords(gaveUp)})` : ''}` : '';
  return [
    finding({
      code: 'P1_RETRANSMIT',
      severity: 'error',
      lines: [...(unseen ? requests.slice(1).flatMap((m) => m.lines.slice(0, 1)) : []), ...answerLines, ...waited, ...gaveUp],
      summary: `${said}${lost}: the IKE_SA_INIT answers from ${responder} do not reach ${initiator}, or ${initiator} stopped before they came.`,
      fix: `Check the way back from ${responder} to ${initiator}: UDP 500 (and 4500) answers dropped by an ACL, a firewall or NAT that passes the requests; asymmetric routing; a large IKE_SA_INIT answer fragmented and lost (a CERTREQ or a big KE). 'debug crypto ikev2' on ${initiator} (ASA: 'debug crypto ikev2 platform') shows whether any answer arrives.`,
      message: 'IKE_SA_INIT.response',
      side: 'responder',
    }),
  ];
}
