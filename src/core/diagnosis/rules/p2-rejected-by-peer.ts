/**
 * P2_REJECTED_BY_PEER: PROPOSAL_NOT_CHOSEN received for a Quick Mode, with no responder reason in view: the
 * cause is in the peer's log. Also a refusal whose own log does not say which check failed.
 */
import type { LineRef } from '../../ike/line-ref.ts';
import { addressOf, checkedFinding, phase2Lines, ref, routerName } from '../config-fix.ts';
import type { DiagnosisContext } from '../context.ts';
import { finding, type DiagnosedFinding } from '../finding.ts';
import { quickModeRefusals, unexplainedRejections } from '../quick-mode.ts';
import { at, phase2CompletedAfter } from '../queries.ts';
import { lineWords } from '../line-words.ts';
import { redHerrings } from '../red-herrings.ts';
import { refusalCauses } from '../refusal-cause.ts';
import type { Rule } from '../rule.ts';

function likelyCause(ctx: DiagnosisContext): { fix: string; configLines: LineRef[] } {
  for (const code of ['P2_TRANSFORM_MISMATCH', 'P2_PROXY_MISMATCH', 'P2_PFS_MISMATCH'] as const) {
    const checked = checkedFinding(ctx, code);
    if (checked?.severity === 'error') return { fix: `The two configs point at ${code}: ${checked.summary} ${checked.fix}`, configLines: checked.lines };
  }
  const own = ctx.configs.initiator;
  if (own) {
    const l = phase2Lines(own.config, addressOf(ctx, 'responder'));
    const lines = [...l.transformSets, ...l.acl, ...l.pfs];
    return {
      fix: `Look at the peer's log ('debug crypto ipsec' and 'debug crypto isakmp' there): error 256 means the transform set (config lines ${l.transformSets.join(', ') || '-'} here), error 32 the crypto ACL (lines ${l.acl.join(', ') || '-'}), and a PFS mismatch 'set pfs' (lines ${l.pfs.join(', ') || '-'}).`,
      configLines: lines.flatMap((x) => ref(own, x)),
    };
  }
  return {
    fix: "Look at the peer's log ('debug crypto ipsec' and 'debug crypto isakmp' there): error 256 means the transform set, error 32 or 'proxy identities not supported' the crypto ACL, otherwise compare 'set pfs' on both routers.",
    configLines: [],
  };
}

export const rule: Rule = {
  code: 'P2_REJECTED_BY_PEER',
  diagnose(ctx) {
    const out: DiagnosedFinding[] = [];
    const refusals = quickModeRefusals(ctx);
    const told = unexplainedRejections(ctx, refusals);
    if (told.length > 0) {
      const last = told[told.length - 1];
      const later = last !== undefined && phase2CompletedAfter(ctx, ctx.events.indexOf(last) + 1);
      const peer = routerName(ctx, 'responder');
      out.push(
        finding({
          code: 'P2_REJECTED_BY_PEER',
          severity: later ? 'warning' : 'error',
          lines: told.map(at),
          summary: `${peer} refused ${routerName(ctx, 'initiator')}'s Quick Mode proposal (PROPOSAL_NOT_CHOSEN received, ${lineWords(told.map(at), ctx)}): the reason (transform set, proxy identities or PFS) is in ${peer}'s own log, not in this one.${later ? ' A later Quick Mode succeeded.' : ''}`,
          ...likelyCause(ctx),
          message: 'QM1',
          // The refusal, and its reason, belong to the responder.
          side: 'responder',
          explained: redHerrings(ctx),
        }),
      );
    }
    for (const r of refusals) {
      const causes = refusalCauses(ctx, r);
      if (!(causes.size === 1 && causes.has('unknown'))) continue;
      out.push(
        finding({
          code: 'P2_REJECTED_BY_PEER',
          severity: r.recovered === 'same' ? 'info' : r.recovered === 'later' ? 'warning' : 'error',
          lines: [...r.reasons.map(at), ...r.received.map(at)],
          summary: `${routerName(ctx, 'responder')} refused the Quick Mode ("phase 2 SA policy not acceptable") without printing which check failed (transform set, proxy identities or PFS).`,
          ...likelyCause(ctx),
          message: 'QM1',
          side: 'responder',
        }),
      );
    }
    return out;
  },
};
