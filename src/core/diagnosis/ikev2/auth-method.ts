/**
 * AUTH_METHOD_MISMATCH: the peer authenticates IKE_AUTH with another method than the one this router is set to
 * accept from it (a pre-shared key where a certificate is expected, or the other way round), so the AUTH payload
 * is refused before any key or certificate is checked. Neither a key nor a certificate is wrong: the two ends'
 * authentication settings differ.
 * | line | log |
 * |---|---|
 * | `IKEv2-PROTO-1: (9): Peer authentication method configured is mismatching with the method proposed by peer` | ASA responder, corpus 37 |
 * | `IKEv2-PLAT-2: (9): peer auth method set to: 2` (the peer's, from its AUTH payload) | corpus 37 |
 * | `IKEv2-PLAT-2: supported_peers_auth_method = 9` (what this router accepts) | corpus 37 |
 * | IKE_AUTH response ` NOTIFY(AUTHENTICATION_FAILED)` | corpus 37 (sent) |
 */
import type { Negotiation } from '../../analysis.ts';
import { authMethodWords, isCertificateMethod } from '../../ike/ikev2.ts';
import { finding, type DiagnosedFinding } from '../finding.ts';
import { type Cited, linesWords, routerName } from './evidence.ts';

export function authMethodMismatch(n: Negotiation, c: readonly Cited[]): DiagnosedFinding[] {
  const refused = c.filter((x) => x.line.kind === 'error' && x.line.code === 'auth-method-mismatch');
  if (refused.length === 0) return [];
  const checker = refused[0]?.side ?? null;
  const code = (whose: 'peer' | 'accepted') => {
    const x = c.find((y) => y.line.kind === 'auth-method-code' && y.line.whose === whose && y.line.code !== 0 && y.side === checker);
    return x?.line.kind === 'auth-method-code' ? { at: x.at, code: x.line.code } : null;
  };
  const sent = code('peer');
  const accepted = code('accepted');
  const methods =
    sent !== null && accepted !== null
      ? ` The peer sent ${authMethodWords(sent.code)}; ${routerName(n, checker)} accepts ${authMethodWords(accepted.code)} from it.`
      : '';
  const wantsCertificate = accepted !== null ? isCertificateMethod(accepted.code) : null;
  const remoteAuth = wantsCertificate === true ? 'certificate' : wantsCertificate === false ? 'pre-shared-key' : 'pre-shared-key|certificate';
  return [
    finding({
      code: 'AUTH_METHOD_MISMATCH',
      severity: 'error',
      lines: [...refused.map((x) => x.at), ...(sent === null ? [] : [sent.at]), ...(accepted === null ? [] : [accepted.at])],
      summary: `${routerName(n, checker)} refused the peer's IKE_AUTH (${linesWords(refused.map((x) => x.at))}): the peer authenticates with another method than the one configured for it, so AUTHENTICATION_FAILED was answered before any key or certificate was checked.${methods}`,
      fix: `Make the two ends use the same method each way: what one end sends (IOS 'authentication local pre-share|rsa-sig|ecdsa-sig' in its 'crypto ikev2 profile'; ASA 'ikev2 local-authentication pre-shared-key|certificate' under the tunnel-group's ipsec-attributes) must be what the other accepts (IOS 'authentication remote ...'; ASA 'ikev2 remote-authentication ${remoteAuth}').`,
      message: 'IKE_AUTH',
      side: checker ?? 'responder',
    }),
  ];
}
