/**
 * NAT_T for IKEv2: NAT discovery found a NAT between the peers, and IKE (then ESP, in UDP) moved to port 4500.
 * Information: it works, and says why the ports and the peer's address are not the configured ones.
 * | line | log |
 * |---|---|
 * | `IKEv2-PROTO-5: (4): Local address not matched` / `Host is located NAT inside` | ASA initiator behind NAT, corpus 33 |
 * | `IKEv2-PROTO-2: (4): NAT INSIDE found` | corpus 33 |
 * | `IKEv2-PROTO-2: (4): NAT detected float to init port 4500, resp port 4500` | corpus 33 |
 * | `IKEv2-PROTO-5: (4): Host is located NAT outside` / `NAT OUTSIDE found` | ASA responder, corpus 34 |
 * | `NAT-T is detected inside` / `NAT-T is detected  outside` of `show crypto ikev2 sa detailed` | fixtures/ikev2/show (GCP guide, genie) |
 * | `Capabilities:DN connid:2 …` (N: NAT traversal) under show crypto session detail's `IKEv2 SA:` line | fixtures/ikev2/show (Azure document) |
 *
 * Show output tells it only by those statements: an SA on UDP 4500 alone is not one (the VyOS document's hub
 * lists one on 4500 at both ends with `NAT-T is not detected`).
 */
import type { Negotiation } from '../../analysis.ts';
import type { LineRef } from '../../ike/line-ref.ts';
import type { Side } from '../../ike/sides.ts';
import { finding, type DiagnosedFinding } from '../finding.ts';
import { type Cited, linesWords, routerName } from './evidence.ts';

const FIX =
  'Nothing to change for NAT itself: UDP 500 and 4500 must pass both ways through the NAT device, and NAT keepalives keep its mapping open (IOS `crypto ikev2 nat keepalive SECONDS`; the ASA sends them by default). A peer behind PAT is known by its translated address: match it by identity, not by address, where that differs.';

export function natTraversal(n: Negotiation, c: readonly Cited[]): DiagnosedFinding[] {
  const found = c.filter((x) => x.line.kind === 'nat' && x.line.found === true);
  if (found.length === 0) return shownNat(n);
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
      fix: FIX,
      message: 'IKE_SA_INIT.response',
      ...(printer === null ? {} : { side: printer }),
    }),
  ];
}

/** What show output says of NAT-T on an IKE SA it lists (no debug line said it): the router's own statement. */
function shownNat(n: Negotiation): DiagnosedFinding[] {
  let at: LineRef | null = null;
  let where: 'inside' | 'outside' | null = null;
  let printer: Side | null = null;
  let session = false;
  let udp = false;
  n.evidence.forEach((e, i) => {
    // the ASA's `in use settings ={L2L, Tunnel,  NAT-T-Encaps, IKEv2, }`: the child SA's ESP in UDP
    if (at === null && e.type === 'show-ipsec-settings') {
      at = e.at;
      udp = true;
      printer = n.evidenceSides[i] ?? null;
      return;
    }
    if (at !== null || e.type !== 'show-ikev2') return;
    const l = e.line;
    if ((l.kind === 'nat' && l.detected) || (l.kind === 'capabilities' && l.letters.includes('N'))) {
      at = e.at;
      where = l.kind === 'nat' ? l.where : null;
      session = l.kind === 'capabilities';
      printer = n.evidenceSides[i] ?? null;
    }
  });
  if (at === null) return [];
  const name = n.routers.initiator.logged ? n.routers.initiator.name : n.routers.responder.logged ? n.routers.responder.name : 'the router';
  const behind = where === 'inside' ? `, this router (${name}) behind it` : where === 'outside' ? ', the peer behind it' : ' between the peers';
  const said = udp
    ? "show crypto ipsec sa lists the child SA's ESP carried in UDP (NAT-T-Encaps)"
    : session
      ? 'show crypto session detail lists the IKEv2 SA with capability N (NAT traversal)'
      : `show crypto ikev2 sa lists the IKE SA with NAT-T detected${where === null ? '' : ` ${where}`}`;
  return [
    finding({
      code: 'NAT_T',
      severity: 'info',
      lines: [at],
      summary: `NAT-T: ${said} (${linesWords([at])}): NAT discovery found a NAT${behind}; IKE and ESP go over UDP 4500. The addresses and ports the output lists on the far side of the NAT are the translated ones.`,
      fix: FIX,
      // show output shows no message: no IKE_SA_INIT response to point at
      message: null,
      ...(printer === null ? {} : { side: printer }),
    }),
  ];
}
