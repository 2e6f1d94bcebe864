/**
 * P2_PFS_MISMATCH: a Quick Mode refused because PFS is set on one side only, or to different groups. IOS
 * prints no line of its own for it (it ends in error 256 like a transform mismatch): the offer's `group is N`
 * attribute, or its absence, against the responder's `set pfs` tells it.
 */
import { addressOf, phase2Lines, ref, routerName } from '../config-fix.ts';
import { phase2Finding, refusalsWith } from '../phase2-finding.ts';
import { mergeRepeats } from '../finding.ts';
import type { Rule } from '../rule.ts';

export const rule: Rule = {
  code: 'P2_PFS_MISMATCH',
  diagnose(ctx) {
    return mergeRepeats(refusalsWith(ctx, 'pfs').map((r) => {
      const responder = routerName(ctx, 'responder');
      const own = ctx.configs.responder;
      const pfs = own ? phase2Lines(own.config, addressOf(ctx, 'initiator')) : null;
      const offered = r.offered.pfsGroup === null ? 'no PFS group' : `PFS group ${r.offered.pfsGroup}`;
      const wanted = pfs?.pfsGroup ? `PFS group ${pfs.pfsGroup}` : 'no PFS';
      const what = `${responder} refused the Quick Mode: the offer carried ${offered}, ${responder} is configured for ${wanted}. PFS must be set the same way on both routers.`;
      const group = pfs?.pfsGroup ?? r.offered.pfsGroup;
      return phase2Finding(ctx, {
        code: 'P2_PFS_MISMATCH',
        refusal: r,
        what,
        fix: `'set pfs group${group ?? 'N'}' in the crypto map entry or IPsec profile on both routers, or on neither${pfs && pfs.pfs.length > 0 ? ` (${responder}'s line ${pfs.pfs.join(', ')})` : ''}.`,
        configLines: own && pfs ? pfs.pfs.flatMap((l) => ref(own, l)) : [],
      });
    }));
  },
};
