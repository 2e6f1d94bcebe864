/**
 * P1_POLICY_MISMATCH for IKEv2: no IKE SA proposal in common, IKE_SA_INIT answered with NO_PROPOSAL_CHOSEN.
 * | line | log |
 * |---|---|
 * | `IKEv2-PROTO-1: (1): Received Policies:` + `Proposal 1:  AES-CBC-128 SHA1 SHA256 DH_GROUP_2048_MODP/Group 14` | ASA responder, corpus 31 |
 * | `IKEv2-PROTO-1: (1): Expected Policies:` + `Proposal 1:  AES-CBC-256 SHA1 SHA256 DH_GROUP_2048_MODP/Group 14` | corpus 31 |
 * | `IKEv2-PROTO-2: (1): Sending no proposal chosen notify` | corpus 31 |
 * | IKE_SA_INIT response `(1):  NOTIFY(NO_PROPOSAL_CHOSEN)(1):   Next payload: NONE, …` | corpus 31 |
 * | `Received Policies:` (six IKE proposals), `Failed to find a matching policy`, `Expected Policies:` (one), no packet line | ASA excerpt, corpus 46 |
 */
import type { Negotiation } from '../../analysis.ts';
import { finding, type DiagnosedFinding } from '../finding.ts';
import { type Cited, linesWords, policies, refusedBy, routerName } from './evidence.ts';

const FIX =
  'Give both ends an IKEv2 proposal in common: on IOS `crypto ikev2 proposal` (encryption, integrity, group) named by the `crypto ikev2 policy` that matches the local address (or the smart defaults on both); on an ASA `crypto ikev2 policy`. Key sizes count: AES-CBC-128 does not match AES-CBC-256.';

export function ikeProposalMismatch(n: Negotiation, c: readonly Cited[]): DiagnosedFinding[] {
  const refused = refusedBy(n, 'NO_PROPOSAL_CHOSEN').filter((m) => m.name === 'IKE_SA_INIT');
  if (refused.length === 0) return checkFailed(n, c);
  const p = policies(c, false);
  const offered = p.received.length > 0 ? ` The initiator offered ${p.received.join('; ')}; the responder accepts ${p.expected.join('; ') || 'none of it'} (${linesWords(p.lines)}).` : '';
  return [
    finding({
      code: 'P1_POLICY_MISMATCH',
      severity: 'error',
      lines: [...refused.flatMap((m) => m.lines.slice(0, 1)), ...p.lines],
      summary: `${routerName(n, 'responder')} answered IKE_SA_INIT with NO_PROPOSAL_CHOSEN: the two ends' IKEv2 proposals share no encryption, integrity, PRF and DH group combination, so no IKE SA was made.${offered}`,
      fix: FIX,
      message: 'IKE_SA_INIT.response',
      side: 'responder',
    }),
  ];
}

/**
 * An excerpt of the proposal check alone (no packet line, so no refusal to see): the router printed the IKE SA
 * proposals it received and those it accepts, and found no match. Its answer is not in the log.
 */
function checkFailed(n: Negotiation, c: readonly Cited[]): DiagnosedFinding[] {
  const noMatch = c.find((x) => x.line.kind === 'error' && x.line.code === 'no-matching-policy');
  if (noMatch === undefined) return [];
  const p = policies(c, false);
  // the IKE SA's lists, as printed: an empty one could be the child SA's
  const ike = (list: readonly string[]): boolean => list.length > 0 && list.every((x) => !x.startsWith('ESP:') && !x.startsWith('AH:'));
  if (!ike(p.received) || !ike(p.expected)) return [];
  const who = routerName(n, noMatch.side);
  return [
    finding({
      code: 'P1_POLICY_MISMATCH',
      severity: 'error',
      lines: [noMatch.at, ...p.lines],
      summary: `${who === 'one router' ? 'The router' : who} found no IKE SA proposal of its own matching those it received (${linesWords([noMatch.at, ...p.lines])}): the peer offered ${p.received.join('; ')}; it accepts ${p.expected.join('; ')}. No IKE SA can be made; the excerpt does not show its answer (an IKE_SA_INIT response with NO_PROPOSAL_CHOSEN).`,
      fix: FIX,
      message: null,
      ...(noMatch.side === null ? {} : { side: noMatch.side }),
    }),
  ];
}
