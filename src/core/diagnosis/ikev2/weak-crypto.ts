/**
 * WEAK_CRYPTO for IKEv2: a proposal the log prints (offered, received or configured) uses DES, 3DES, MD5 or
 * DH group 1, 2 or 5, or the ASA warns that the IKE SA's cipher is weaker than the child SA's it protects.
 * It works; the finding says what to strengthen.
 * | line | log |
 * |---|---|
 * | `IKEv2-PROTO-2: Selected IKEv2 encryption algorithm (AES-CBC-128) is not strong enough to secure proposed IPsec encryption algorithm (AES-CBC-256).` | ASA initiator, corpus 38 |
 * | `IKEv2-PROTO-1: (24): Expected Policies:` + `Proposal 1:  AES-CBC-128 SHA1 SHA256 DH_GROUP_1024_MODP/Group 2` | ASA responder, corpus 40 |
 * | `IKE Proposal: 1, …` + `… MD5 … DH_GROUP_1536_MODP/Group 5   DH_GROUP_1024_MODP/Group 2` (the 16.7 default proposal) | IOS-XE initiator, corpus 11, 24 |
 */
import type { Negotiation } from '../../analysis.ts';
import type { LineRef } from '../../ike/line-ref.ts';
import { finding, type DiagnosedFinding } from '../finding.ts';
import { type Cited, linesWords, routerName } from './evidence.ts';

/** What a transform holding a weak name holds: most hold none, and are not cut into words. */
const MAYBE_WEAK = /DES|MD5|\/Group [125]\b/;

/** The weak names among a proposal's printed transforms (`MD596`, `DH_GROUP_1024_MODP/Group 2`). */
function weakNames(transforms: readonly string[]): string[] {
  const out: string[] = [];
  for (const t of transforms) {
    if (!MAYBE_WEAK.test(t)) continue;
    for (const word of t.split(/\s+/)) if (/^3?DES(?:-CBC)?$/.test(word) || /^MD5(?:96)?$/.test(word)) out.push(word);
    for (const g of t.matchAll(/\/Group (\d{1,2})\b/g)) if (g[1] === '1' || g[1] === '2' || g[1] === '5') out.push(`DH group ${g[1]}`);
  }
  return out;
}

export function weakCrypto(n: Negotiation, c: readonly Cited[]): DiagnosedFinding[] {
  const lines: LineRef[] = [];
  const parts: string[] = [];
  const weaker = c.filter((x) => x.line.kind === 'weaker-ike');
  for (const x of weaker) {
    if (x.line.kind !== 'weaker-ike') continue;
    lines.push(x.at);
    parts.push(`${routerName(n, x.side)} warns that the IKE SA's ${x.line.ike} is weaker than the ${x.line.ipsec} of the child SA it protects (${linesWords([x.at])})`);
  }
  const names = new Set<string>();
  const policyLines: LineRef[] = [];
  for (const x of c) {
    if (x.line.kind !== 'policies') continue;
    const found = weakNames(x.line.proposals);
    if (found.length === 0) continue;
    for (const f of found) names.add(f);
    policyLines.push(x.at);
  }
  const offered = n.ikeSa?.proposal?.transforms ?? [];
  const offeredWeak = weakNames(offered);
  for (const f of offeredWeak) names.add(f);
  if (offeredWeak.length > 0) {
    const first = n.ikeSa?.messages.find((m) => m.name === 'IKE_SA_INIT');
    if (first?.lines[0] !== undefined) policyLines.push(first.lines[0]);
  }
  if (names.size > 0) parts.push(`the IKE SA proposals printed include ${[...names].join(', ')}${policyLines.length > 0 ? ` (${linesWords(policyLines)})` : ''}`);
  if (parts.length === 0) return [];
  return [
    finding({
      code: 'WEAK_CRYPTO',
      severity: names.size > 0 ? 'warning' : 'info',
      lines: [...lines, ...policyLines],
      summary: `${parts.join('; ')}. These are weaker than current guidance (AES-256, SHA-256, DH group 14 or an elliptic curve group).`,
      fix: 'Use AES-256 (or AES-GCM-256), SHA-256 or stronger and DH group 14, 19, 20 or 21 in the `crypto ikev2 proposal` on both ends (IOS-XE 16.x smart defaults still offer MD5 and groups 2 and 5: configure a proposal and the `crypto ikev2 policy` that names it), and an IKE SA cipher at least as strong as the child SA one (`crypto ipsec transform-set` / ASA `crypto ipsec ikev2 ipsec-proposal`).',
      message: 'IKE_SA_INIT',
    }),
  ];
}
