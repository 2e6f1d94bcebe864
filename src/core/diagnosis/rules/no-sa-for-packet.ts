/** NO_SA_FOR_PACKET: `%CRYPTO-4-IKMP_NO_SA: IKE message from X has no SA and is not an initialization offer`. */
import { finding } from '../finding.ts';
import { at, hasEvents, phase1Completed } from '../queries.ts';
import type { Rule } from '../rule.ts';
import { sidesOf } from '../printed-by.ts';

export const rule: Rule = {
  code: 'NO_SA_FOR_PACKET',
  diagnose(ctx) {
    if (!hasEvents(ctx, ['syslog'])) return [];
    const hits = ctx.events.filter((e) => e.type === 'syslog' && e.mnemonic === 'IKMP_NO_SA');
    const first = hits[0];
    if (!first) return [];
    const peer = first.type === 'syslog' && first.peer ? first.peer : 'the peer';
    const up = phase1Completed(ctx) || ctx.events.some((e) => e.type === 'show-isakmp-sa' && (e.state === 'QM_IDLE' || e.state === 'MM_ACTIVE') && e.status === 'ACTIVE');
    return [
      finding({
        code: 'NO_SA_FOR_PACKET',
        severity: up ? 'info' : 'warning',
        lines: hits.map(at),
        summary: `${peer} sent an IKE message for an ISAKMP SA this router does not have ("has no SA and is not an initialization offer"): the peer still holds an SA this side dropped (reboot, clear, expiry).${up ? ' The SA is up afterwards: it was transient.' : ''}`,
        fix: 'Usually transient: it ends once the peer starts a new Main Mode. Keepalives/DPD on both routers (crypto isakmp keepalive 10 3) make the peer notice sooner.',
        side: sidesOf(ctx)(first),
      }),
    ];
  },
};
