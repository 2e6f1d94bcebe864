/**
 * NAT_T for IKEv2: NAT discovery found a NAT between the peers, and IKE (then ESP, in UDP) moved to port 4500.
 * Information: it works, and says why the ports and the peer's address are not the configured ones.
 * | line | log |
 * |---|---|
 * | `IKEv2-PROTO-5: (4): Local address not matched` / `Host is located NAT inside` | ASA initiator behind NAT, corpus 33 |
 * | `IKEv2-PROTO-2: (4): NAT INSIDE found` | corpus 33 |
 * | `IKEv2-PROTO-2: (4): NAT detected float to init port 4500, resp port 4500` | corpus 33 |
 * | `IKEv2-PROTO-5: (4): Host is located NAT outside` / `NAT OUTSIDE found` | ASA responder, corpus 34 |
 */
import type { Negotiation } from '../../analysis.ts';
import { finding, type DiagnosedFinding } from '../finding.ts';
import { cited, linesWords, routerName } from './evidence.ts';

export function natTraversal(n: Negotiation): DiagnosedFinding[] {
  const found = cited(n).filter((x) => x.line.kind === 'nat' && x.line.found === true);
  if (found.length === 0) return [];
  const words = (s: string): boolean => found.some((x) => x.line.kind === 'nat' && x.line.words.includes(s));
  const printer = found[0]?.side ?? null;
  const where = words('this router is behind') || words('This router is behind') || words('we are behind')
    ? `${routerName(n, printer)} is behind it`
    : words('peer is behind') || words('The peer is behind')
      ? `the peer (as ${routerName(n, printer)} sees it) is behind it`
      : 'between the peers';
  const floated = words('moves to UDP 4500');
  return [
    finding({
      code: 'NAT_T',
      severity: 'info',
      lines: found.map((x) => x.at),
      summary: `NAT discovery found a NAT: ${where} (${linesWords(found.map((x) => x.at))}).${floated ? ' IKE moved from UDP 500 to 4500 for IKE_AUTH, and ESP travels in UDP 4500.' : ''} The peer's address and ports in the log are the translated ones.`,
      fix: 'Nothing to change for NAT itself: UDP 500 and 4500 must pass both ways through the NAT device, and NAT keepalives keep its mapping open (IOS `crypto ikev2 nat keepalive SECONDS`; the ASA sends them by default). A peer behind PAT is known by its translated address: match it by identity, not by address, where that differs.',
      message: 'IKE_SA_INIT.response',
      ...(printer === null ? {} : { side: printer }),
    }),
  ];
}
