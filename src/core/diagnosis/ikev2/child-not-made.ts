/**
 * P2_REJECTED_BY_PEER for IKEv2: the IKE SA authenticated, but the initiator read the IKE_AUTH response without a
 * child SA in it (its SM Trace leaves I_PROC_AUTH with no EV_PROC_SA_TS: `negotiation/ikev2/finalize.ts`) and no
 * line says why: the response's notify was not decoded at that debug level. The responder refused the child SA; its
 * own log says for which reason (a transform set, a crypto ACL, a crypto map entry for another peer).
 * | line | log |
 * |---|---|
 * | `IKEv2-PROTO-5: (1): SM Trace-> SA: … (I) MsgID = 00000001 CurState: I_PROC_AUTH Event: EV_CHK_IKE_ONLY` then `CurState: AUTH_DONE Event: EV_OK` | ASA initiator, CAIDA `init_error_remote_no_peer_crymap_NATT.txt` (fixtures/partial) |
 * | `(1): IKEv2 IKE_AUTH Exchange RESPONSE…` + `Payload contents:` with no payload under it | same |
 * | `IKEv2-PROTO-2: (1): Queuing IKE SA delete request reason: unknown`, `Sending DELETE INFO message for IKEv2 SA` | same: the initiator deletes the IKE SA at once |
 */
import type { Negotiation } from '../../analysis.ts';
import { finding, type DiagnosedFinding } from '../finding.ts';
import { type Cited, linesWords, routerName } from './evidence.ts';

export function childNotMade(n: Negotiation, c: readonly Cited[]): DiagnosedFinding[] {
  const child = n.childSas?.[0];
  if (n.ikeSa?.outcome !== 'complete' || child === undefined || child.outcome !== 'failed' || child.refusal !== null) return [];
  // a refusal the log explains is another rule's
  if (c.some((x) => x.line.kind === 'no-proxy-match' || x.line.kind === 'crypto-map-incomplete' || x.line.kind === 'crypto-map-other-peer' || x.line.kind === 'policies')) return [];
  const read = n.ikeSa.transitions.find((t) => t.side === 'initiator' && t.from === 'I_PROC_AUTH' && t.to === 'AUTH_DONE');
  if (read === undefined) return [];
  const response = n.ikeSa.messages.find((m) => m.name === 'IKE_AUTH' && m.response);
  const deleted = c.filter((x) => x.line.kind === 'delete' && x.line.dir === 'out' && x.line.what === 'ike' && x.side === 'initiator');
  const deleteWords = deleted.length > 0 ? `, then deleted the IKE SA itself (${linesWords(deleted.map((x) => x.at))})` : '';
  return [
    finding({
      code: 'P2_REJECTED_BY_PEER',
      severity: 'error',
      lines: [...(response === undefined ? [] : response.lines.slice(0, 1)), read.line, ...deleted.map((x) => x.at)],
      summary: `The IKE SA is up, but ${routerName(n, 'responder')}'s IKE_AUTH response brought no child SA: ${routerName(n, 'initiator')} read it without taking a child SA's proposal and traffic selectors (its state machine went from I_PROC_AUTH to AUTH_DONE without EV_PROC_SA_TS, ${linesWords([read.line])})${deleteWords}. The response's notify is not printed at this debug level, so this log does not say why the child SA was refused.`,
      fix: "Read the responder's debug for the refusal: a transform set (IPsec proposal) in common, crypto ACLs that mirror each other, and a crypto map entry whose `set peer` names this router as the responder sees it.",
      message: 'IKE_AUTH.response',
      side: 'responder',
    }),
  ];
}
