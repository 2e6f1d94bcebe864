/**
 * P2_TRANSFORM_MISMATCH: `transform proposal not supported for identity`, `IPSec policy invalidated proposal
 * with error 256`: no transform set of the responder equals the offered one (mode included).
 */
import type { LineRef } from '../../ike/line-ref.ts';
import { addressOf, phase2Lines, ref, routerName } from '../config-fix.ts';
import type { DiagnosisContext } from '../context.ts';
import { phase2Finding, refusalsWith } from '../phase2-finding.ts';
import { offeredTransform, type Refusal } from '../quick-mode.ts';
import { mergeRepeats } from '../finding.ts';
import type { Rule } from '../rule.ts';

function transformFix(ctx: DiagnosisContext, r: Refusal): { fix: string; configLines: LineRef[] } {
  const responder = routerName(ctx, 'responder');
  const offered = offeredTransform(r.offered) ?? 'the offered transforms';
  const transport = r.offered.encapsulation !== null && /transport/i.test(r.offered.encapsulation);
  const mode = transport ? ` and 'mode transport' under it (the offer asked for ${r.offered.encapsulation})` : '';
  const own = ctx.configs.responder;
  if (own) {
    const lines = phase2Lines(own.config, addressOf(ctx, 'initiator')).transformSets;
    return {
      fix: `On ${responder}: 'crypto ipsec transform-set NAME ${offered}'${mode}, named by 'set transform-set' in the crypto map entry or IPsec profile for this peer (config lines ${lines.join(', ') || 'none found'}).`,
      configLines: lines.flatMap((l) => ref(own, l)),
    };
  }
  const initiator = ctx.configs.initiator;
  if (initiator) {
    const lines = phase2Lines(initiator.config, addressOf(ctx, 'responder')).transformSets;
    return {
      fix: `${routerName(ctx, 'initiator')} offers the transform sets at config lines ${lines.join(', ') || '(none found)'}: give ${responder} a transform set with the same transforms${mode}, or offer one of ${responder}'s.`,
      configLines: lines.flatMap((l) => ref(initiator, l)),
    };
  }
  return {
    fix: `Compare 'show crypto ipsec transform-set' and the sets named by 'set transform-set' ('show crypto map' / 'show crypto ipsec profile') on both routers; on ${responder} add 'crypto ipsec transform-set NAME ${offered}'${mode} and name it for this peer.`,
    configLines: [],
  };
}

export const rule: Rule = {
  code: 'P2_TRANSFORM_MISMATCH',
  diagnose(ctx) {
    return mergeRepeats(refusalsWith(ctx, 'transform').map((r) => {
      const offered = offeredTransform(r.offered) ? ` (${offeredTransform(r.offered)}${r.offered.encapsulation ? `, ${r.offered.encapsulation}` : ''})` : '';
      const udp = r.offered.encapsulation !== null && /udp/i.test(r.offered.encapsulation) ? ' The -UDP encapsulation means NAT-T; the mode (transport vs tunnel) is part of the match too.' : '';
      const pfsNote = ctx.configs.responder ? '' : " Error 256 is also what a PFS mismatch gives: if the transform sets are equal, compare 'set pfs' on both routers.";
      const what = `${routerName(ctx, 'responder')} refused the Quick Mode transforms${offered} ("transform proposal not supported" / error 256): none of its transform sets for this peer is the same.${udp}${pfsNote}`;
      return phase2Finding(ctx, { code: 'P2_TRANSFORM_MISMATCH', refusal: r, what, ...transformFix(ctx, r) });
    }));
  },
};
