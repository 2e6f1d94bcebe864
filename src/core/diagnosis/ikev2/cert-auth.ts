/**
 * CERT_AUTH_FAILED: the peer's certificate did not verify, so its signature AUTH could not be checked (no
 * trustpoint for its issuer, a chain not sent, a certificate expired or revoked). The PKI's own lines
 * (`CRYPTO_PKI: … No suitable trustpoints found`) say which, printed with `debug crypto pki`.
 * | line | log |
 * |---|---|
 * | `IKEv2:(SESSION ID = 14607,SA ID = 68):Verify cert` + `failed` | IOS responder, corpus 42 (Cisco TAC document 117337) |
 * | `IKEv2:(SESSION ID = 14607,SA ID = 68):: Platform` + `errors` | corpus 42 |
 * | `IKEv2:(…SA ID = 68)` + `:Verification of peer's authentication data FAILED` | corpus 42 |
 * | `Peer's authentication method is 'RSA'` | corpus 42 |
 * | `CRYPTO_PKI: No trust point for cert issuer,` + `looking up cert chain`, `CRYPTO_PKI: (A16A8) No suitable trustpoints found` | corpus 42, `debug crypto pki` |
 */
import type { Negotiation } from '../../analysis.ts';
import { finding, type DiagnosedFinding } from '../finding.ts';
import { type Cited, linesWords, routerName } from './evidence.ts';

export function certAuthFailed(n: Negotiation, c: readonly Cited[]): DiagnosedFinding[] {
  const cert = c.filter((x) => x.line.kind === 'error' && (x.line.code === 'cert-failed' || x.line.code === 'platform-errors'));
  if (!cert.some((x) => x.line.kind === 'error' && x.line.code === 'cert-failed')) return [];
  const failed = c.filter((x) => x.line.kind === 'auth' && !x.line.passed);
  const method = c.find((x) => x.line.kind === 'auth-method' && !x.line.own);
  const checker = cert[0]?.side ?? null;
  // the PKI's own words, when `debug crypto pki` was on
  const pki = n.evidence.flatMap((e) => (e.type === 'info' ? [{ at: e.at, text: e.text.replace(/^CRYPTO_PKI ?: ?(?:\([\dA-F]{1,8}\) ?)?/, '') }] : []));
  const pkiWords = pki.length > 0 ? ` The PKI says: ${pki.map((p) => `"${p.text}"`).join(', ')} (${linesWords(pki.map((p) => p.at))}).` : '';
  const methodWords = method?.line.kind === 'auth-method' ? ` The peer authenticates with '${method.line.method}'.` : '';
  return [
    finding({
      code: 'CERT_AUTH_FAILED',
      severity: 'error',
      lines: [...cert.map((x) => x.at), ...failed.map((x) => x.at), ...(method === undefined ? [] : [method.at]), ...pki.map((p) => p.at)],
      summary: `${routerName(n, checker)} could not verify the peer's certificate (${linesWords(cert.map((x) => x.at))}), so the AUTH payload of IKE_AUTH failed${failed.length > 0 ? ` (${linesWords(failed.map((x) => x.at))})` : ''}.${methodWords}${pkiWords || " With 'debug crypto pki' the PKI's lines say why: no trustpoint for the issuer, an incomplete chain, a certificate not yet valid or expired (clocks), or revoked."}`,
      fix: "On the router that refused: a `crypto pki trustpoint` holding the CA that issued the peer's certificate (`crypto pki authenticate NAME`), named by `pki trustpoint NAME` in the `crypto ikev2 profile`; the peer must send its whole chain when an intermediate CA signs it (ASA: `crypto map MAP N set trustpoint NAME chain`); clocks in sync (NTP) for the validity dates; and a reachable CRL or `revocation-check none` under the trustpoint while testing.",
      message: 'IKE_AUTH',
      side: checker ?? 'responder',
    }),
  ];
}
