/** INVALID_SPI: ESP for an SA this side no longer has (`%CRYPTO-4-RECVD_PKT_INV_SPI`, NOTIFY INVALID_SPI). */
import { finding } from '../finding.ts';
import { at, hasEvents } from '../queries.ts';
import type { Rule } from '../rule.ts';
import { sidesOf } from '../printed-by.ts';

/** Why one side can lose an SA the other still uses: every common cause, the log seldom says which. */
const CAUSES =
  "Common causes: 'clear crypto sa' or 'clear crypto session' on one router, a reboot or reload, an SA that expired on one side first (lifetime in seconds or kilobytes), or a failover to a standby router or firewall that never had the SA (no stateful IPsec HA).";

export const rule: Rule = {
  code: 'INVALID_SPI',
  diagnose(ctx) {
    if (!hasEvents(ctx, ['syslog', 'notify'])) return [];
    const hits = ctx.events.filter((e) => (e.type === 'syslog' && e.mnemonic === 'RECVD_PKT_INV_SPI') || (e.type === 'notify' && e.notify === 'INVALID_SPI'));
    const first = hits[0];
    if (!first) return [];
    const local = hits.some((e) => e.type === 'syslog');
    const summary = local
      ? `IPsec packets arrived for an SA this router no longer has (${hits.length} line${hits.length === 1 ? '' : 's'}, "rec'd IPSEC packet has invalid spi"): the peer still uses an SA this side let go of. ${CAUSES}`
      : `The peer reported INVALID_SPI: it received packets for an SA it no longer has. ${CAUSES}`;
    return [
      finding({
        code: 'INVALID_SPI',
        severity: 'warning',
        lines: hits.map(at),
        summary,
        fix: "Usually heals once the stale SA expires or is renegotiated. To make it heal at once: 'crypto isakmp invalid-spi-recovery' and keepalives/DPD ('crypto isakmp keepalive 10 3') on both routers.",
        side: sidesOf(ctx)(first),
      }),
    ];
  },
};
