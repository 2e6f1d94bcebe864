/**
 * SA_DELETED_BY_PEER for IKEv2: the peer sent a DELETE for the IKE SA (or a child SA) in an INFORMATIONAL
 * request. After a refused child SA that is the peer's way out, a consequence; otherwise the peer's log or
 * an operator's clear says why.
 * | line | log |
 * |---|---|
 * | `IKEv2-PROTO-2: (23): Processing DELETE INFO message for IKEv2 SA [ISPI: 0x5EB39276FFBA02FC RSPI: 0x835F1B433FF81049]` | ASA responder, corpus 39 |
 * | `IKEv2-PROTO-2: (19): Processing DELETE INFO message for IKEv2 SA [ISPI: 0x8B54A15A627B9C8A RSPI: 0xD86FA512E26B1066]` | ASA responder, corpus 28 |
 */
import type { Negotiation } from '../../analysis.ts';
import { otherSide } from '../../ike/sides.ts';
import { finding, type DiagnosedFinding } from '../finding.ts';
import { type Cited, linesWords, routerName } from './evidence.ts';

export function saDeletedByPeer(n: Negotiation, c: readonly Cited[]): DiagnosedFinding[] {
  const deletes = c.filter((x) => x.line.kind === 'delete' && x.line.dir === 'in');
  if (deletes.length === 0) return [];
  const first = deletes[0]!;
  const receiver = first.side;
  const deleter = receiver === null ? null : otherSide(receiver);
  const what = deletes.some((x) => x.line.kind === 'delete' && x.line.what === 'ike') ? 'the IKE SA' : 'a child SA';
  const refused = (n.childSas ?? []).some((child) => child.outcome === 'failed');
  return [
    finding({
      code: 'SA_DELETED_BY_PEER',
      severity: refused ? 'info' : 'warning',
      lines: deletes.map((x) => x.at),
      summary: `${deleter === null ? 'The peer' : routerName(n, deleter)} deleted ${what} in an INFORMATIONAL request (${linesWords(deletes.map((x) => x.at))})${refused ? ', after the child SA was refused: a consequence of that refusal, not a second problem' : ": this log does not say why; the peer's log (a clear, a lifetime, DPD or a refused child SA there) does"}.`,
      fix: refused ? 'Fix the refused child SA (see the other finding); the delete then stops.' : "Look at the peer's log and config for what deleted it: `clear crypto ikev2 sa`/`clear crypto session` by an operator, a lifetime, dead peer detection, or a child SA it refused.",
      message: 'INFORMATIONAL',
      ...(deleter === null ? {} : { side: deleter }),
    }),
  ];
}
