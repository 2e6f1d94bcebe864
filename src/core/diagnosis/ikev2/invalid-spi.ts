/**
 * INVALID_SPI for IKEv2: a peer's packet named an SPI the receiver no longer has: the ASA sends an INVALID_SPI
 * notify (after a rekey it did not finish, CSCwc54984), or the data plane reports an ESP packet for an unknown SPI
 * (`Received PFKEY Invalid SPI`, CSCvx23833), or a peer's INVALID_SPI notify arrives.
 * | line | log |
 * |---|---|
 * | `Jul 25 22:35:53 IKEv2-PROTO-4: (229): Sending INVALID_SPI notify` | ASA, fixtures/ikev2/real-lines.txt (CSCwc54984) |
 * | `%FTD-5-711001: IKEv2-PLAT-4: Received PFKEY Invalid SPI for SPI 0x1E3EFDFE, error FALSE` | FTD, real-lines.txt (CSCvx23833) |
 * Both excerpts hold no SA of their own: the tests join each line to corpus 29's SA (derived).
 */
import type { Negotiation } from '../../analysis.ts';
import { finding, type DiagnosedFinding } from '../finding.ts';
import { type Cited, linesWords, routerName } from './evidence.ts';

export function invalidSpi(n: Negotiation, c: readonly Cited[]): DiagnosedFinding[] {
  const sent = c.filter((x) => x.line.kind === 'notify' && x.line.notify === 'INVALID_SPI' && x.line.dir === 'out');
  const got = c.filter((x) => x.line.kind === 'notify' && x.line.notify === 'INVALID_SPI' && x.line.dir === 'in');
  const data = c.filter((x) => x.line.kind === 'pfkey' && x.line.action === 'Invalid SPI');
  if (sent.length + got.length + data.length === 0) return [];
  const parts: string[] = [];
  const here = sent[0]?.side ?? data[0]?.side ?? null;
  if (sent.length + data.length > 0) parts.push(`${routerName(n, here)} got packets for an SA it no longer has (${linesWords([...sent, ...data].map((x) => x.at))})${sent.length > 0 ? ' and answered with an INVALID_SPI notify' : ''}`);
  if (got.length > 0) parts.push(`the peer reported INVALID_SPI (${linesWords(got.map((x) => x.at))})`);
  return [
    finding({
      code: 'INVALID_SPI',
      severity: 'warning',
      lines: [...sent, ...got, ...data].map((x) => x.at),
      summary: `${parts.join('; ')}: one side still uses an SA (or a rekey of it) the other let go of. Common causes: a clear on one side, a reload or failover, an SA that expired on one side first, or a rekey one side did not complete.`,
      fix: 'Usually heals once the stale SA is deleted or renegotiated. Dead peer detection on both ends (`dpd 10 3 periodic` in the `crypto ikev2 profile`; ASA `isakmp keepalive` under the tunnel-group) makes it heal sooner; a peer that keeps using an old SA after a rekey is a bug to look up for its version (CSCwc54984 on the ASA).',
      ...(here === null ? {} : { side: here }),
    }),
  ];
}
