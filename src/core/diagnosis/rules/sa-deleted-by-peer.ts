/**
 * SA_DELETED_BY_PEER: the peer sent a DELETE (`deleting SA reason "P1 delete notify (in)"`, `Input =
 * IKE_MESG_FROM_PEER, IKE_INFO_DELETE`, `rec'd delete notify from ISAKMP`).
 */
import { routerName } from '../config-fix.ts';
import { finding } from '../finding.ts';
import { quickModeRefusals } from '../quick-mode.ts';
import { at, lineList, phase1CompletedAfter, phase2CompletedAfter } from '../queries.ts';
import { redHerrings } from '../red-herrings.ts';
import type { Rule } from '../rule.ts';
import { sidesOf } from '../sides.ts';
import type { IkeEvent } from '../../log/events.ts';

const isDelete = (e: IkeEvent): boolean =>
  (e.type === 'sa' && e.action === 'deleted' && e.reason !== null && e.reason.startsWith('P1 delete notify (in)')) ||
  (e.type === 'fsm-input' && e.source === 'IKE_MESG_FROM_PEER' && (e.event === 'IKE_INFO_DELETE' || e.event === 'IKE_PHASE1_DEL')) ||
  (e.type === 'payload' && e.payload === 'DELETE') ||
  (e.type === 'info' && e.text.indexOf("rec'd delete notify") >= 0) ||
  (e.type === 'notify' && e.dir === 'in' && e.notify === 'DELETE');

export const rule: Rule = {
  code: 'SA_DELETED_BY_PEER',
  diagnose(ctx) {
    const deletes = ctx.events.filter(isDelete);
    const first = deletes[0];
    if (!first) return [];
    const side = sidesOf(ctx)(first);
    const name = routerName(ctx, side);
    const peer = routerName(ctx, side === 'initiator' ? 'responder' : side === 'responder' ? 'initiator' : null);
    const refused = quickModeRefusals(ctx).some((r) => r.recovered === null);
    const last = deletes[deletes.length - 1] ?? first;
    const after = ctx.events.indexOf(last) + 1;
    const renewed = phase1CompletedAfter(ctx, after) || phase2CompletedAfter(ctx, after);
    const herrings = redHerrings(ctx);
    let summary = `${peer === 'this router' ? 'The peer' : peer} deleted the SA it shared with ${name} (${lineList(deletes.map(at))}).`;
    if (refused) summary += ' It follows the refused Quick Mode: a consequence of that refusal, not a cause of its own.';
    else if (renewed) summary += ' The negotiation completed after it: the peer was clearing an SA of an earlier session (a stale SPI) or rekeying, not a failure.';
    else summary += ' Traffic stops until the SA is negotiated again.';
    const paranoid = ctx.events.filter((e) => e.type === 'info' && e.text.startsWith('peer does not do paranoid keepalives'));
    if (paranoid.length > 0) summary += ` "peer does not do paranoid keepalives" (${lineList(paranoid.map(at))}) is a red herring: printed on every teardown with a peer without DPD.`;
    return [
      finding({
        code: 'SA_DELETED_BY_PEER',
        severity: renewed && !refused ? 'info' : 'warning',
        lines: deletes.map(at),
        summary,
        fix: refused
          ? 'Fix the Quick Mode refusal reported with it; the DELETE goes away with it.'
          : "The reason is in the peer's log: 'clear crypto session' or 'clear crypto isakmp' typed there, its lifetime expiring, a config change, or DPD declaring this side dead ('show logging' and 'debug crypto isakmp' on the peer).",
        message: 'DELETE',
        side,
        explained: herrings,
      }),
    ];
  },
};
