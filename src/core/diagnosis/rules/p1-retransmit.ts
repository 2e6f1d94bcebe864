/**
 * P1_RETRANSMIT: phase 1 packets resent or received twice (`retransmitting phase 1 MM_SA_SETUP`, `phase 1
 * packet is a duplicate of a previous packet`) where neither an unreachable peer nor a key mismatch explains it.
 */
import { finding } from '../finding.ts';
import { routerName } from '../config-fix.ts';
import { at } from '../queries.ts';
import { phase1Retransmits } from '../retransmits.ts';
import type { Rule } from '../rule.ts';

export const rule: Rule = {
  code: 'P1_RETRANSMIT',
  diagnose(ctx) {
    const runs = phase1Retransmits(ctx).filter((r) => r.cause === 'path');
    return runs.map((r) => {
      const name = routerName(ctx, r.side);
      const what = r.message ?? (r.state ? `its ${r.state} message` : 'a phase 1 message');
      const told: string[] = [];
      if (r.retransmissions > 0) told.push(`resent ${what} ${r.retransmissions} time${r.retransmissions === 1 ? '' : 's'}`);
      if (r.duplicates > 0) told.push(`received ${r.duplicates} duplicate${r.duplicates === 1 ? '' : 's'} of the peer's previous packet (the peer did not get ${name}'s answer and sent again)`);
      const outcome = r.recovered
        ? 'then the exchange went on: a slow peer or a lost packet, not a failure.'
        : r.death
          ? 'then gave up ("Death by retransmission P1"): its answers do not reach the peer, or the peer\'s do not come back.'
          : 'and the log ends before the exchange got further.';
      const severity = r.recovered ? 'info' : r.death ? 'error' : 'warning';
      return finding({
        code: 'P1_RETRANSMIT',
        severity,
        lines: r.events.map(at),
        summary: `${name} ${told.join(' and ')}, ${outcome}`,
        fix: r.recovered
          ? 'Nothing to fix if it is rare. If it recurs, look at the path: packet loss, a NAT or firewall in the way, fragments of large packets dropped.'
          : "Check the path both ways between the peers (UDP 500/4500 allowed in both directions, NAT, fragments of large packets dropped, 'show interfaces' errors) and 'show crypto isakmp sa' on both routers.",
        message: r.message,
        side: r.side,
      });
    });
  },
};
