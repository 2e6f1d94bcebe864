/** PEER_UNREACHABLE: MM1 retransmitted (MM_NO_STATE) and never answered, often until "Death by retransmission P1". */
import type { LineRef } from '../../ike/line-ref.ts';
import { checkedFinding, phase2Lines, addRef, routerName } from '../config-fix.ts';
import { finding } from '../finding.ts';
import { at, peerAddress } from '../queries.ts';
import { redHerrings } from '../red-herrings.ts';
import { phase1Retransmits } from '../retransmits.ts';
import type { Rule } from '../rule.ts';

export const rule: Rule = {
  code: 'PEER_UNREACHABLE',
  diagnose(ctx) {
    const runs = phase1Retransmits(ctx).filter((r) => r.cause === 'unreachable');
    return runs.map((r) => {
      const side = r.side ?? 'initiator';
      const name = routerName(ctx, side);
      const peer = peerAddress(ctx, side) ?? 'the peer';
      const failed = r.death !== null || r.retransmissions >= 2 || ctx.negotiation?.phase1.outcome === 'failed';
      const summary =
        `${name} sent ${r.message ?? 'MM1'} to ${peer} ${r.retransmissions + 1} times and never got an answer` +
        `${r.death ? ', then gave up ("Death by retransmission P1")' : failed ? '' : ' (the log ends before the outcome)'}: nothing came back from ${peer}.`;
      let fix = `Check that ${peer} is reachable from ${name} (ping it from the interface with the crypto map or the tunnel source), that nothing on the path blocks UDP 500 and 4500 (or ESP), and that ${peer} runs ISAKMP with a policy for ${name} ('show crypto isakmp sa' and 'debug crypto isakmp' on ${peer} show whether MM1 arrives).`;
      const configLines: LineRef[] = [];
      const checked = checkedFinding(ctx, 'PEER_UNREACHABLE');
      const own = ctx.configs[side];
      if (checked) {
        fix = `${checked.summary} ${fix}`;
        for (const line of checked.lines) configLines.push(line);
      } else if (own) {
        const lines = phase2Lines(own.config, peer === 'the peer' ? null : peer).peer;
        for (const l of lines) addRef(configLines, own, l);
        if (lines.length > 0) fix = `First check the peer address ${name} uses (config line ${lines.join(', ')}). ${fix}`;
      }
      return finding({ code: 'PEER_UNREACHABLE', severity: failed ? 'error' : 'warning', lines: r.events.map(at), summary, fix, message: r.message ?? 'MM1', side, configLines, explained: redHerrings(ctx) });
    });
  },
};
