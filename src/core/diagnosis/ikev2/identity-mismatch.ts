/**
 * IDENTITY_MISMATCH: nothing configured matches the peer's IKE identity: on IOS no `crypto ikev2 profile` whose
 * `match identity remote` (or certificate map) takes it, on an ASA a peer ID check against the certificate that fails.
 * | line | log |
 * |---|---|
 * | `Searching policy` + `based on peer's identity 'hostname=asa.cisco.com' of type 'DER ASN1 DN'` | IOS responder, corpus 41 (Cisco TAC document 117337) |
 * | `IKEv2:%Profile could not be found by peer certificate.` | corpus 41 |
 * | `IKEv2:% IKEv2 profile not found` | corpus 41 |
 * | `…:: Failed to` + `locate an item in the database` | corpus 41 |
 * | `IKEv2-PLAT-1: Peer ID check failed` | ASA initiator, corpus 43 |
 * | `IKEv2-PROTO-1: (172): Failed to locate an item in the database` | corpus 43 |
 */
import type { Negotiation } from '../../analysis.ts';
import { finding, type DiagnosedFinding } from '../finding.ts';
import { type Cited, linesWords, routerName } from './evidence.ts';

const CODES = new Set(['identity-not-found', 'profile-not-found', 'peer-id-check-failed']);

export function identityMismatch(n: Negotiation, c: readonly Cited[]): DiagnosedFinding[] {
  const failed = c.filter((x) => x.line.kind === 'error' && CODES.has(x.line.code));
  if (failed.length === 0) return [];
  const peerId = c.find((x) => x.line.kind === 'identity' && !x.line.own);
  const checker = failed[0]?.side ?? null;
  const idCheck = failed.some((x) => x.line.kind === 'error' && x.line.code === 'peer-id-check-failed');
  const id = peerId?.line.kind === 'identity' ? ` The peer's identity is '${peerId.line.id}' of type '${peerId.line.idType}'.` : '';
  const what = idCheck
    ? `the identity the peer sent is not in its certificate: the peer ID check failed (${linesWords(failed.map((x) => x.at))})`
    : `no IKEv2 profile matches the peer's identity (${linesWords(failed.map((x) => x.at))})`;
  return [
    finding({
      code: 'IDENTITY_MISMATCH',
      severity: 'error',
      lines: [...(peerId === undefined ? [] : [peerId.at]), ...failed.map((x) => x.at)],
      summary: `${routerName(n, checker)} refused the peer at IKE_AUTH: ${what}.${id}`,
      fix: idCheck
        ? "Make the identity and the certificate agree: put the peer's address in its certificate's subject alternative name, or have it send another identity (IOS `identity local dn` or `fqdn` in its `crypto ikev2 profile`), or on the ASA set `peer-id-validate nocheck` (or `cert`) under the tunnel-group's ipsec-attributes."
        : "Make a profile match what the peer sends: on IOS a `match identity remote address|fqdn|email|key-id …` in the `crypto ikev2 profile` (a certificate's DN needs `match certificate MAP` with a `crypto pki certificate map`), and a `crypto ikev2 keyring` peer entry for it with PSK; or make the peer send the identity the profile expects (IOS `identity local address|fqdn …`, ASA `crypto isakmp identity address`).",
      message: 'IKE_AUTH',
      side: checker ?? 'responder',
    }),
  ];
}
