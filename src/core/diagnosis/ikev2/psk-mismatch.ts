/**
 * PSK_MISMATCH for IKEv2: the IKE_AUTH did not verify with the pre-shared key. Real lines it catches:
 * | line | log |
 * |---|---|
 * | `IKEv2-PROTO-5: (16): Computed authentication value for peer differs from what peer sent` | ASA responder, corpus 26 |
 * | `IKEv2-PROTO-1: (16): Failed to authenticate the IKE SA` | corpus 26 |
 * | `IKEv2-PROTO-2: (16): Verification of peer's authentication data FAILED` | corpus 26 |
 * | IKE_AUTH response ` NOTIFY(AUTHENTICATION_FAILED)` | corpus 26 (sent); an initiator's copy would be received |
 * Not when no profile matched the peer's identity and no key check failed (IDENTITY_MISMATCH). Only when the log shows pre-shared key authentication (`… authentication method is 'PSK'`, `Use preshared key for id …`):
 * with certificates the same notify means a certificate problem.
 */
import type { Negotiation } from '../../analysis.ts';
import { finding, type DiagnosedFinding } from '../finding.ts';
import { type Cited, linesWords, refusedBy, routerName } from './evidence.ts';

export function pskMismatch(n: Negotiation, c: readonly Cited[]): DiagnosedFinding[] {
  const failed = c.filter((x) => (x.line.kind === 'auth' && !x.line.passed) || (x.line.kind === 'error' && x.line.code === 'auth-failed'));
  const notified = refusedBy(n, 'AUTHENTICATION_FAILED');
  if (failed.length === 0 && notified.length === 0) return [];
  // AUTHENTICATION_FAILED for an identity no profile takes: no key was checked (IDENTITY_MISMATCH says it)
  const noProfile = c.some((x) => x.line.kind === 'error' && (x.line.code === 'profile-not-found' || x.line.code === 'identity-not-found'));
  if (failed.length === 0 && noProfile) return [];
  const psk = c.filter((x) => (x.line.kind === 'auth-method' && x.line.method === 'PSK') || x.line.kind === 'psk');
  if (psk.length === 0) return [];
  const checker = failed[0]?.side ?? 'responder';
  const lengths = new Map<string, number>();
  for (const x of c) if (x.line.kind === 'psk' && x.line.own && x.line.keyLength !== null && x.side !== null) lengths.set(x.side, x.line.keyLength);
  const i = lengths.get('initiator');
  const r = lengths.get('responder');
  const lengthNote = i !== undefined && r !== undefined && i !== r ? ` The keys are not even the same length: ${i} characters on ${routerName(n, 'initiator')}, ${r} on ${routerName(n, 'responder')}.` : '';
  const where = failed.length > 0 ? ` (${routerName(n, checker)}'s log, ${linesWords(failed.map((x) => x.at))})` : '';
  const lines = [...failed.map((x) => x.at), ...notified.flatMap((m) => m.lines.slice(0, 1))];
  return [
    finding({
      code: 'PSK_MISMATCH',
      severity: 'error',
      lines,
      summary: `${routerName(n, checker)} could not verify the AUTH payload of IKE_AUTH with its pre-shared key for the peer${where} and answered AUTHENTICATION_FAILED: the two ends' pre-shared keys differ.${lengthNote}`,
      fix: "Give both ends the same pre-shared key: on IOS the `pre-shared-key` of the peer's entry in the `crypto ikev2 keyring` its IKEv2 profile names (`pre-shared-key local` and `remote` if set apart); on an ASA `ikev2 local-authentication pre-shared-key` and `ikev2 remote-authentication pre-shared-key` under the tunnel-group's ipsec-attributes.",
      message: 'IKE_AUTH',
      side: checker,
    }),
  ];
}
