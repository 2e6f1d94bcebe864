/**
 * PEER_UNREACHABLE for IKEv2: the initiator sent IKE_SA_INIT, sent it again, and nothing ever came back from the
 * peer. With one resend the log may be slow; from the second, or once the exchange gave up, it is the finding.
 * | line | log |
 * |---|---|
 * | `IKEv2:(SESSION ID = 31,SA ID = 1):Retransmitting packet` | IOS 16 initiator, corpus 24 |
 * | the IKE_SA_INIT request printed again after it (`Next payload: SA, version: 2.0 Exchange type: IKE_SA_INIT, flags: INITIATOR`) | corpus 24 |
 * | `IKEv2-ERROR:(SESSION ID = 31,SA ID = 1):Initial exchange failed: Initial exchange failed` | corpus 24 |
 */
import type { Negotiation } from '../../analysis.ts';
import type { LineRef } from '../../ike/line-ref.ts';
import { finding, type DiagnosedFinding } from '../finding.ts';
import { type Cited, linesWords, routerName } from './evidence.ts';

export function peerUnreachable(n: Negotiation, c: readonly Cited[]): DiagnosedFinding[] {
  const messages = n.ikeSa?.messages ?? [];
  // anything the peer sent, in either router's log, says it is reachable
  if (messages.some((m) => m.from === 'responder')) return [];
  const requests = messages.filter((m) => m.name === 'IKE_SA_INIT' && !m.response);
  if (requests.length === 0) return [];
  const gaveUp: LineRef[] = [];
  for (const x of c) {
    if (x.line.kind === 'error' && (x.line.code === 'initial-exchange-failed' || x.line.code === 'retransmit-limit')) gaveUp.push(x.at);
  }
  if (requests.length < 3 && gaveUp.length === 0) return [];
  const name = routerName(n, 'initiator');
  const peer = n.routers.responder.address || n.peer;
  const failed = gaveUp.length > 0 || n.ikeSa?.outcome === 'failed';
  const resends = requests.length - 1;
  const end = gaveUp.length > 0 ? `, then the initial exchange failed (${linesWords(gaveUp)})` : failed ? '' : ' (the log ends before the outcome)';
  return [
    finding({
      code: 'PEER_UNREACHABLE',
      severity: failed ? 'error' : 'warning',
      lines: [...requests.flatMap((m) => m.lines.slice(0, 1)), ...gaveUp],
      summary: `${name} sent IKE_SA_INIT to ${peer} ${requests.length} time${requests.length === 1 ? '' : 's'} (${resends} resend${resends === 1 ? '' : 's'}) and never got an answer${end}: nothing came back from ${peer}.`,
      fix: `Check that ${peer} is reachable from ${name} (ping it from the tunnel source or the crypto map's interface), that nothing on the path blocks UDP 500 and 4500, and that ${peer} runs IKEv2 for ${name} ('show crypto ikev2 sa' and 'debug crypto ikev2' on ${peer} show whether the IKE_SA_INIT request arrives; a peer that speaks only IKEv1 stays silent too).`,
      message: 'IKE_SA_INIT',
      side: 'initiator',
    }),
  ];
}
