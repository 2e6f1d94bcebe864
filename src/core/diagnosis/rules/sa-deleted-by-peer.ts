/**
 * SA_DELETED_BY_PEER: the peer sent a DELETE (`deleting SA reason "P1 delete notify (in)"`, `Input =
 * IKE_MESG_FROM_PEER, IKE_INFO_DELETE`, `rec'd delete notify from ISAKMP`).
 */
import { routerName } from '../config-fix.ts';
import { finding } from '../finding.ts';
import { quickModeRefusals } from '../quick-mode.ts';
import { at, comesAfter, hasEvents, phase1CompletedAfter, phase2CompletedAfter } from '../queries.ts';
import { lineWords } from '../line-words.ts';
import type { DiagnosisContext } from '../context.ts';
import type { LineRef } from '../../ike/line-ref.ts';
import type { Side } from '../../ike/sides.ts';
import { redHerrings } from '../red-herrings.ts';
import type { Rule } from '../rule.ts';
import { sidesOf } from '../printed-by.ts';
import type { IkeEvent, IkeEventType } from '../../log/events.ts';

const isDelete = (e: IkeEvent): boolean =>
  (e.type === 'sa' && e.action === 'deleted' && e.reason !== null && e.reason.startsWith('P1 delete notify (in)')) ||
  (e.type === 'fsm-input' && e.source === 'IKE_MESG_FROM_PEER' && (e.event === 'IKE_INFO_DELETE' || e.event === 'IKE_PHASE1_DEL')) ||
  (e.type === 'payload' && e.payload === 'DELETE') ||
  (e.type === 'info' && e.text.indexOf("rec'd delete notify") >= 0) ||
  (e.type === 'notify' && e.dir === 'in' && e.notify === 'DELETE');

/** The types `isDelete` looks at. */
const DELETE_TYPES: readonly IkeEventType[] = ['sa', 'fsm-input', 'payload', 'info', 'notify'];

const completedAfter = (ctx: DiagnosisContext, from: number) => phase1CompletedAfter(ctx, from) || phase2CompletedAfter(ctx, from);

/** Whether a phase completed after a line, by the negotiation's structure. */
function completedAfterLine(ctx: DiagnosisContext, line: LineRef | undefined): boolean {
  const n = ctx.negotiation;
  if (!n || !line) return false;
  const mark = { line, time: null };
  const after = (l: LineRef) => comesAfter(mark, { line: l, time: null });
  return (
    n.phase1.transitions.some((t) => t.to === 'IKE_P1_COMPLETE' && after(t.line)) ||
    n.phase2.some((p) => p.outcome === 'complete' && p.messages.some((m) => m.lines.some(after)))
  );
}

/** A DELETE the negotiation shows coming from the peer of a one-sided log (or from either side when merged). */
function deleteMessage(ctx: DiagnosisContext): { lines: LineRef[]; receiver: Side } | null {
  const n = ctx.negotiation;
  if (!n) return null;
  const m = n.informational.find((x) => x.name === 'DELETE' && (x.dir === 'in' || (n.role === 'both' && x.dir === undefined)));
  if (!m) return null;
  return { lines: m.lines, receiver: m.from === 'initiator' ? 'responder' : 'initiator' };
}

export const rule: Rule = {
  code: 'SA_DELETED_BY_PEER',
  diagnose(ctx) {
    const deletes = hasEvents(ctx, DELETE_TYPES) ? ctx.events.filter(isDelete) : [];
    const first = deletes[0];
    const message = deleteMessage(ctx);
    if (!first && !message) return [];
    const side = first ? sidesOf(ctx)(first) : (message?.receiver ?? null);
    const name = routerName(ctx, side);
    const peer = routerName(ctx, side === 'initiator' ? 'responder' : side === 'responder' ? 'initiator' : null);
    const refused = quickModeRefusals(ctx).some((r) => r.recovered === null);
    const evidence = [...deletes.map(at), ...(message && deletes.length === 0 ? message.lines : [])];
    const last = deletes[deletes.length - 1];
    const renewed = last ? completedAfter(ctx, ctx.events.indexOf(last) + 1) : message !== null && completedAfterLine(ctx, message.lines[0]);
    const herrings = redHerrings(ctx);
    let summary = `${peer === 'this router' ? 'The peer' : peer} deleted the SA it shared with ${name} (${lineWords(evidence, ctx)}).`;
    if (refused) summary += ' It follows the refused Quick Mode: a consequence of that refusal, not a cause of its own.';
    else if (renewed) summary += ' The negotiation completed after it: the peer was clearing an SA of an earlier session (a stale SPI) or rekeying, not a failure.';
    else summary += ' Traffic stops until the SA is negotiated again.';
    const paranoid = ctx.events.filter((e) => e.type === 'info' && e.text.startsWith('peer does not do paranoid keepalives'));
    if (paranoid.length > 0) summary += ` "peer does not do paranoid keepalives" (${lineWords(paranoid.map(at), ctx)}) is a red herring: printed on every teardown with a peer without DPD.`;
    return [
      finding({
        code: 'SA_DELETED_BY_PEER',
        severity: renewed && !refused ? 'info' : 'warning',
        lines: evidence,
        summary,
        fix: refused
          ? 'Fix the Quick Mode refusal reported with it; the DELETE goes away with it.'
          : renewed
            ? 'Nothing to fix.'
            : "The reason is in the peer's log: 'clear crypto session' or 'clear crypto isakmp' typed there, its lifetime expiring, a config change, or DPD declaring this side dead ('show logging' and 'debug crypto isakmp' on the peer).",
        message: 'DELETE',
        // Where the cause is: the router that sent the DELETE.
        side: side === null ? null : side === 'initiator' ? 'responder' : 'initiator',
        explained: herrings,
      }),
    ];
  },
};
