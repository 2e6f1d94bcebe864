/**
 * P2_PROXY_MISMATCH: `proxy identities not supported`, `map_db_find_best did not find matching map`, `IPSec
 * policy invalidated proposal with error 32`: the crypto ACLs are not mirror images, or no crypto map entry
 * for this peer.
 */
import { addressOf, phase2Lines, ref, routerName } from '../config-fix.ts';
import { phase2Finding, refusalsWith } from '../phase2-finding.ts';
import { mergeRepeats } from '../finding.ts';
import type { Rule } from '../rule.ts';

export const rule: Rule = {
  code: 'P2_PROXY_MISMATCH',
  diagnose(ctx) {
    return mergeRepeats(refusalsWith(ctx, 'proxy').map((r) => {
      const responder = routerName(ctx, 'responder');
      const proxies = r.offered.local && r.offered.remote ? ` (${r.offered.local} to ${r.offered.remote})` : '';
      const what = `${responder} refused the Quick Mode proxy identities${proxies} ("proxy identities not supported" / error 32): its crypto ACL is not the mirror image of the initiator's, or it has no crypto map entry for this peer.`;
      const own = ctx.configs.responder ?? ctx.configs.initiator;
      const ownSide = ctx.configs.responder ? 'responder' : 'initiator';
      const lines = own ? phase2Lines(own.config, addressOf(ctx, ownSide === 'responder' ? 'initiator' : 'responder')).acl : [];
      const fix = own
        ? `Mirror the ACLs: ${routerName(ctx, ownSide)}'s 'match address' ACL (config lines ${lines.join(', ') || 'none found'}) must permit exactly the reverse of the peer's (source and destination swapped).`
        : "Compare the ACLs named by 'match address' ('show crypto map', 'show access-lists') on both routers: each must be the other's mirror image (source and destination swapped); a VTI proposes any/any and needs a VTI on the other side.";
      return phase2Finding(ctx, { code: 'P2_PROXY_MISMATCH', refusal: r, what, fix, configLines: own ? lines.flatMap((l) => ref(own, l)) : [] });
    }));
  },
};
