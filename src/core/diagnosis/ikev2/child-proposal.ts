/**
 * P2_TRANSFORM_MISMATCH for IKEv2: the IKE SA authenticated, its child SA's proposal refused (NO_PROPOSAL_CHOSEN in
 * the IKE_AUTH or CREATE_CHILD_SA response). A refused child SA after an authenticated IKE SA is a phase 2 failure.
 * | line | log |
 * |---|---|
 * | IKE_AUTH response ` VID IDr AUTH NOTIFY(NO_PROPOSAL_CHOSEN) ` | IOS-XE initiator, corpus 11 |
 * | `IKEv2-PROTO-1: (19): Received Policies:` + `ESP: Proposal 1:  AES-CBC-256 SHA256 Don't use ESN` | ASA responder, corpus 28 |
 * | `IKEv2-PROTO-1: (19): Expected Policies:` + `ESP: Proposal 0:  AES-CBC-128 SHA256 Don't use ESN` | corpus 28 |
 * | `IKEv2-PROTO-5: (19): Failed to verify the proposed policies` | corpus 28 |
 * An ASA answers crypto ACLs that are not mirrored with the same notify (corpus 32): when its log shows
 * `Crypto Map: No proxy match` (or a crypto map entry without its ACL, corpus 39, or one for another peer), that is
 * P2_PROXY_MISMATCH instead.
 */
import type { Negotiation } from '../../analysis.ts';
import { finding, type DiagnosedFinding } from '../finding.ts';
import { type Cited, linesWords, policies, refusedBy, routerName } from './evidence.ts';

export function childProposalMismatch(n: Negotiation, c: readonly Cited[]): DiagnosedFinding[] {
  const refused = refusedBy(n, 'NO_PROPOSAL_CHOSEN').filter((m) => m.name === 'IKE_AUTH' || m.name === 'CREATE_CHILD_SA');
  if (refused.length === 0) return [];
  if (c.some((x) => x.line.kind === 'no-proxy-match' || x.line.kind === 'crypto-map-incomplete' || x.line.kind === 'crypto-map-other-peer')) return [];
  const p = policies(c, true);
  const responderLogged = n.routers.responder.logged;
  const up = n.ikeSa?.outcome === 'complete' ? 'The IKE SA is up, but ' : '';
  const offered = p.received.length > 0 ? ` It was offered ${p.received.join('; ')} and accepts ${p.expected.join('; ') || 'none of it'} (${linesWords(p.lines)}).` : '';
  const blind = responderLogged ? '' : " From the initiator's log alone this cannot be told from crypto ACLs that are not mirrored, which an ASA refuses with the same notify: the responder's log says which.";
  const exchange = refused[0]!.name;
  return [
    finding({
      code: 'P2_TRANSFORM_MISMATCH',
      severity: 'error',
      lines: [...refused.flatMap((m) => m.lines.slice(0, 1)), ...p.lines],
      summary: `${up}${routerName(n, 'responder')} refused the child SA in its ${exchange} response (NO_PROPOSAL_CHOSEN): no transform set in common.${offered}${blind}`,
      fix: 'Make the IPsec proposals match on both ends: on IOS the `crypto ipsec transform-set` of the `crypto ipsec profile` (or crypto map), with the same mode (tunnel or transport); on an ASA the `crypto ipsec ikev2 ipsec-proposal` its crypto map sets. Key sizes count.',
      message: `${exchange}.response`,
      side: 'responder',
    }),
  ];
}
